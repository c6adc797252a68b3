/**
 * A JSON array's elements printed a few at a time, byte for byte as `JSON.stringify(whole, null, indent)` prints them
 * when the array is `depth` levels in (0: the whole value is the array): what the streamed reports (stream.ts) write
 * between an array's `[` and its `]`, with `close()` just before the `]`.
 */
export function jsonArrayWriter(indent: number, depth: number): { element(value: unknown): string; close(): string } {
  const pad = indent ? `\n${' '.repeat(indent * (depth + 1))}` : '';
  let count = 0;
  return {
    element(value) {
      const text = JSON.stringify(value, null, indent || undefined);
      return `${count++ ? ',' : ''}${pad}${indent ? text.replaceAll('\n', pad) : text}`;
    },
    close: () => (count && indent ? `\n${' '.repeat(indent * depth)}` : ''),
  };
}
