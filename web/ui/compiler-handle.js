// The page's one compiler, shared by every code panel: its module is imported,
// and its files downloaded, only when a student first opens a panel, so the
// lessons never wait for it. Every panel that asks while it loads follows the
// same download.
//
// onProgress({received, total}) is called as the files arrive; the promise
// resolves with {client, loaded: {version, fromCache, seconds}}, or rejects
// with the reason the compiler could not load (the next call tries again).
const listeners = new Set();
let loading = null;

export function compilerHandle({ onProgress } = {}) {
  if (onProgress) listeners.add(onProgress);
  loading ??= load().catch((error) => {
    loading = null;
    throw error;
  });
  return loading.finally(() => listeners.delete(onProgress));
}

async function load() {
  const { CompilerClient } = await import('../compiler/compiler-client.js');
  const client = new CompilerClient();
  const loaded = await client.load({ onProgress: (progress) => listeners.forEach((listener) => listener(progress)) });
  return { client, loaded };
}
