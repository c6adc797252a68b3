/** The entries of a tar archive as PGlite writes and reads them (ustar headers), in order, each with its bytes. */
export function tarEntries(tar: Uint8Array): { name: string; type: string; bytes: Uint8Array }[] {
  const entries: { name: string; type: string; bytes: Uint8Array }[] = [];
  for (let at = 0; at + 512 <= tar.length;) {
    const field = (off: number, n: number) =>
      Buffer.from(tar.subarray(at + off, at + off + n))
        .toString('latin1')
        .replace(/\0.*$/s, '');
    const name = field(0, 100);
    if (!name) break;
    const prefix = field(257, 6) === 'ustar' ? field(345, 155) : '';
    const size = parseInt(field(124, 12).trim() || '0', 8);
    entries.push({
      name: prefix ? `${prefix}/${name}` : name,
      type: field(156, 1),
      bytes: tar.subarray(at + 512, at + 512 + size),
    });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}
