import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  inflateOptions,
  isZstd
} from "./chunk-GN46SLEG.js";
import {
  codeIdentity
} from "./chunk-F2TVXXTQ.js";
import {
  newestEntries,
  projectCacheDir,
  pruneOldest,
  touchUsed,
  writeFileAtomic
} from "./chunk-F3IQVTJL.js";

// src/shadow/cache.ts
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
var FORMAT = 2;
var KEEP = 8;
function cacheKey(input) {
  const h = createHash("sha256");
  h.update(
    JSON.stringify([
      FORMAT,
      // another build of zerodown may replay, seed, trace or prove differently: its states and results are not this one's
      codeIdentity(),
      input.engine,
      input.extensions,
      input.seedRows,
      input.schema ? sha(input.schema) : null,
      ...input.seedPolicy ? [input.seedPolicy] : [],
      ...input.seedScope ? [input.seedScope] : []
    ])
  );
  for (const m of input.history) {
    h.update(JSON.stringify([m.path, m.framework, m.transaction, m.segments ?? null, sha(m.source)]));
  }
  return h.digest("hex").slice(0, 32);
}
function sha(s) {
  return createHash("sha256").update(s).digest("hex");
}
function defaultCacheDir(cwd, env = process.env) {
  if (env.ZERODOWN_CACHE_DIR) return path.resolve(cwd, env.ZERODOWN_CACHE_DIR);
  return projectCacheDir(cwd, "shadow");
}
var loaded;
var zlib = () => loaded ??= createRequire(import.meta.url)("node:zlib");
var zstdLevel = () => {
  const param = zlib().constants.ZSTD_c_compressionLevel;
  return param === void 0 ? {} : { params: { [param]: 3 } };
};
function pack(tar) {
  const z = zlib();
  return z.zstdCompressSync ? z.zstdCompressSync(tar, zstdLevel()) : z.gzipSync(tar, { level: 1 });
}
function packAsync(tar) {
  const z = zlib();
  return new Promise((resolve, reject) => {
    const done = (err, out) => err ? reject(err) : resolve(out);
    if (z.zstdCompress) z.zstdCompress(tar, zstdLevel(), done);
    else z.gzip(tar, { level: 1 }, done);
  });
}
function unpack(data) {
  const z = zlib();
  if (!isZstd(data)) return z.gunzipSync(data, inflateOptions(data));
  if (!z.zstdDecompressSync) throw new Error("zstd state on a Node without zstd");
  return z.zstdDecompressSync(data, inflateOptions(data));
}
function findCache(dir, key) {
  const state = path.join(dir, `${key}.state`);
  const json = path.join(dir, `${key}.json`);
  if (!existsSync(state) || !existsSync(json)) return void 0;
  let meta;
  try {
    meta = JSON.parse(readFileSync(json, "utf8"));
  } catch {
    return void 0;
  }
  const unpackState = () => {
    try {
      const tar = unpack(readFileSync(state));
      if (tar.length < 512 || tar.toString("latin1", 257, 262) !== "ustar") return void 0;
      touchUsed(state);
      return tar;
    } catch {
      return void 0;
    }
  };
  return { meta, unpack: unpackState };
}
function readCache(dir, key) {
  const found = findCache(dir, key);
  const tar = found?.unpack();
  return found && tar ? { tar, meta: found.meta } : void 0;
}
function writeCache(dir, key, tar, meta) {
  try {
    store(dir, key, pack(tar), meta);
  } catch {
  }
}
function store(dir, key, packed, meta) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${key}.json`), JSON.stringify(meta));
  writeFileAtomic(path.join(dir, `${key}.state`), packed);
  pruneOldest(dir, ".state", KEEP, (stem) => [`${stem}.json`]);
  pruneOldest(dir, ".tgz", 0, (stem) => [`${stem}.json`]);
}
async function writeCacheAsync(dir, key, tar, meta) {
  try {
    store(dir, key, await packAsync(tar), meta);
  } catch {
  }
}
var KEEP_RESULTS = 32;
function readResult(dir, kind, key) {
  try {
    const file = path.join(dir, `${key}.${kind}.json`);
    const value = JSON.parse(readFileSync(file, "utf8"));
    touchUsed(file);
    return value;
  } catch {
    return void 0;
  }
}
function writeResult(dir, kind, key, value) {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(path.join(dir, `${key}.${kind}.json`), JSON.stringify(value));
    pruneOldest(dir, `.${kind}.json`, KEEP_RESULTS);
  } catch {
  }
}
function resultUsedSince(dir, kind, since) {
  try {
    return (newestEntries(dir, `.${kind}.json`)[0]?.t ?? -Infinity) >= since;
  } catch {
    return false;
  }
}
function resultKey(parts) {
  return sha(JSON.stringify(parts)).slice(0, 32);
}
function memoryStore() {
  const states = /* @__PURE__ */ new Map();
  return { get: (key) => states.get(key), put: (key, tar, meta) => void states.set(key, { tar, meta }) };
}
function provingStore(dir) {
  const memory = memoryStore();
  const writes = [];
  return {
    get(key) {
      const here = memory.get(key);
      if (here || !dir) return here;
      const found = readCache(dir, key);
      if (found) memory.put(key, found.tar, found.meta);
      return found;
    },
    put(key, tar, meta) {
      memory.put(key, tar, meta);
      if (dir) writes.push(writeCacheAsync(dir, key, tar, meta));
    },
    saved: async () => void await Promise.all(writes)
  };
}

export {
  cacheKey,
  defaultCacheDir,
  findCache,
  writeCache,
  readResult,
  writeResult,
  resultUsedSince,
  resultKey,
  provingStore
};
