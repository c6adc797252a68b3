/**
 * How large a compressed shadow state (or PGlite's shipped data directory) says it unpacks to: a gzip member's
 * trailer (ISIZE, the size modulo 2^32) or a zstd frame's header (Frame_Content_Size, which Node's zstd writes).
 *
 * Node's synchronous inflate writes its output in 16 KB chunks and joins them at the end: for lemmy's 30 MB data
 * directory that join is a second 30 MB buffer, written page by page, 100 ms of a 130 ms gunzip on a 2-core machine.
 * Given the size as its `chunkSize`, the output is one buffer, whole (its own ArrayBuffer: it can be handed to the
 * engine's thread as it is). The size is only a hint for the output's chunks: a damaged file fails its checksum as it
 * would without it, and a member over 4 GB (whose trailer keeps the size modulo 2^32) costs the join back.
 */

/** zlib refuses a chunk size below this (Z_MIN_CHUNK) */
const MIN_CHUNK = 64;
/** no hint above this: a state is tens of MB, and the hint allocates its whole size at once */
const MAX_HINT = 1 << 30;

/** a zstd frame's first four bytes */
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/** Whether `data` begins as a zstd frame does (a state is zstd or gzip, told by its first bytes). */
export function isZstd(data: Uint8Array): boolean {
  return ZSTD_MAGIC.every((b, i) => data[i] === b);
}

export function unpackedSize(data: Uint8Array): number | undefined {
  if (data.length < 18) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let size: number | undefined;
  if (data[0] === 0x1f && data[1] === 0x8b) size = view.getUint32(data.length - 4, true);
  else if (isZstd(data)) size = zstdContentSize(data, view);
  return size !== undefined && size >= MIN_CHUNK && size <= MAX_HINT ? size : undefined;
}

/** A zstd frame's content size from its header (RFC 8878, 3.1.1.1), when the header has one. */
function zstdContentSize(data: Uint8Array, view: DataView): number | undefined {
  const descriptor = data[4]!;
  const fcsFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictIdBytes = [0, 1, 2, 4][descriptor & 3]!;
  const fcsBytes = [singleSegment ? 1 : 0, 2, 4, 8][fcsFlag]!;
  const at = 5 + (singleSegment ? 0 : 1) + dictIdBytes;
  if (fcsBytes === 0 || at + fcsBytes > data.length) return undefined;
  switch (fcsBytes) {
    case 1:
      return data[at]!;
    case 2:
      return view.getUint16(at, true) + 256;
    case 4:
      return view.getUint32(at, true);
    default: {
      const big = view.getBigUint64(at, true);
      return big <= BigInt(MAX_HINT) ? Number(big) : undefined;
    }
  }
}

/** zlib options for inflating `data` into one buffer (see the file comment); none when it gives no size. */
export function inflateOptions(data: Uint8Array): { chunkSize: number } | Record<string, never> {
  const size = unpackedSize(data);
  return size === undefined ? {} : { chunkSize: size };
}
