// Keeps the compiler's files (about 105 MB) in the browser's Cache Storage,
// so a profile downloads them once and compiles offline after that. The cache
// is named after the compiler's version: a new compiler gets a new cache, and
// the old one is deleted. Cache Storage ignores the host's HTTP caching
// headers, so this holds on any host.

const PREFIX = 'kernel-lab-compiler-';
// The lab's own files, kept apart: they change with the lab, not the compiler.
const SOURCES = 'kernel-lab-sources';

// A fetch for the compiler's files: cache first, then the network, storing
// what the network sent. Hand `fetch` to the compiler in place of the global.
export class CompilerFilesFetch {
  #network;
  #cache = null;
  #writes = [];
  #fromNetwork = 0;
  #fromCache = 0;

  constructor(networkFetch) {
    this.#network = networkFetch;
  }

  // Opens this version's cache (none where the browser offers no Cache
  // Storage, as in a page that is not a secure context) and deletes the others.
  async open(version) {
    if (!self.caches) return;
    const name = PREFIX + version;
    for (const old of await caches.keys()) if (old.startsWith(PREFIX) && old !== name) await caches.delete(old);
    this.#cache = await caches.open(name);
  }

  fetch = async (input, init) => {
    const request = new Request(input, init);
    const cached = await this.#cache?.match(request);
    if (cached) {
      this.#fromCache += 1;
      return cached;
    }
    const response = await this.#network(request);
    this.#fromNetwork += 1;
    // Stored while the compiler reads its own copy. A store that fails (a full
    // disk) costs only a second download on the next visit, so it is dropped.
    if (this.#cache && response.ok) this.#writes.push(this.#cache.put(request, response.clone()).catch(() => {}));
    return response;
  };

  // Whether every file came from the cache: no byte of the compiler was downloaded.
  get fromCache() {
    return this.#fromCache > 0 && this.#fromNetwork === 0;
  }

  // Resolves once what was downloaded is stored.
  stored() {
    return Promise.all(this.#writes);
  }
}

// A file of the lab (a header, the entry file) for the compiler: from the
// network, so a compile always sees the lab as it is now, or, when the network
// fails, from the copy kept when it last came, so a compile works offline.
export async function fetchLabFile(url, networkFetch) {
  const cache = self.caches ? await caches.open(SOURCES) : null;
  let response;
  try {
    response = await networkFetch(url);
  } catch (error) {
    const kept = await cache?.match(url);
    if (kept) return kept.text();
    throw error;
  }
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status} ${response.statusText}`);
  await cache?.put(url, response.clone());
  return response.text();
}
