import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/shadow/unpacked-size.ts
var MIN_CHUNK = 64;
var MAX_HINT = 1 << 30;
var ZSTD_MAGIC = [40, 181, 47, 253];
function isZstd(data) {
  return ZSTD_MAGIC.every((b, i) => data[i] === b);
}
function unpackedSize(data) {
  if (data.length < 18) return void 0;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let size;
  if (data[0] === 31 && data[1] === 139) size = view.getUint32(data.length - 4, true);
  else if (isZstd(data)) size = zstdContentSize(data, view);
  return size !== void 0 && size >= MIN_CHUNK && size <= MAX_HINT ? size : void 0;
}
function zstdContentSize(data, view) {
  const descriptor = data[4];
  const fcsFlag = descriptor >> 6;
  const singleSegment = descriptor >> 5 & 1;
  const dictIdBytes = [0, 1, 2, 4][descriptor & 3];
  const fcsBytes = [singleSegment ? 1 : 0, 2, 4, 8][fcsFlag];
  const at = 5 + (singleSegment ? 0 : 1) + dictIdBytes;
  if (fcsBytes === 0 || at + fcsBytes > data.length) return void 0;
  switch (fcsBytes) {
    case 1:
      return data[at];
    case 2:
      return view.getUint16(at, true) + 256;
    case 4:
      return view.getUint32(at, true);
    default: {
      const big = view.getBigUint64(at, true);
      return big <= BigInt(MAX_HINT) ? Number(big) : void 0;
    }
  }
}
function inflateOptions(data) {
  const size = unpackedSize(data);
  return size === void 0 ? {} : { chunkSize: size };
}

export {
  isZstd,
  inflateOptions
};
