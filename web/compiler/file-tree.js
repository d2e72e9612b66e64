// The compiler's file system is a tree of plain objects, one per folder:
// {cpp: {core: {'kernel_status.h': '...'}}}. This puts each file at its
// repository path, so `-Icpp` and the sources' own #include lines find them.
export function fileTree(files) {
  const root = {};
  for (const [path, contents] of files) {
    const parts = path.split('/');
    if (parts.some((part) => part === '' || part === '.' || part === '..')) throw new TypeError(`not a plain relative path: ${path}`);
    let folder = root;
    for (const part of parts.slice(0, -1)) folder = folder[part] ??= {};
    folder[parts.at(-1)] = contents;
  }
  return root;
}
