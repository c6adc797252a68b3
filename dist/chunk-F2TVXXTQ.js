import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  uniqueSuffix
} from "./chunk-F3IQVTJL.js";

// src/hash.ts
var C1 = 3432918353;
var C2 = 461845907;
function mixK(k) {
  k = Math.imul(k, C1);
  k = k << 15 | k >>> 17;
  return Math.imul(k, C2);
}
function murmur3(bytes, seed) {
  let h = seed | 0;
  const tail = bytes.length & ~3;
  for (let i = 0; i < tail; i += 4) {
    h ^= mixK(bytes[i] | bytes[i + 1] << 8 | bytes[i + 2] << 16 | bytes[i + 3] << 24);
    h = h << 13 | h >>> 19;
    h = Math.imul(h, 5) + 3864292196 | 0;
  }
  const rest = bytes.length & 3;
  if (rest) {
    let k = bytes[tail];
    if (rest > 1) k |= bytes[tail + 1] << 8;
    if (rest > 2) k |= bytes[tail + 2] << 16;
    h ^= mixK(k);
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
function fastHash(text) {
  const bytes = Buffer.from(text, "utf8");
  let out = "";
  for (const seed of [2538058380, 625341585, 1779033703, 1013904242])
    out += murmur3(bytes, seed).toString(16).padStart(8, "0");
  return out;
}

// src/version.ts
var VERSION = "0.1.0";

// src/build.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var code;
function codeIdentity() {
  code ??= identityOnDisk();
  return code;
}
function identityOnDisk() {
  let code2;
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) {
    let listing = VERSION;
    const root = path.resolve(path.dirname(here), "..");
    for (const dir of ["src", "rules"]) {
      const files = readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }).sort();
      for (const f of files) {
        const st = statSync(path.join(root, dir, f));
        if (st.isFile()) listing += `${dir}/${f}\0${st.size}\0${st.mtimeMs}
`;
      }
    }
    code2 = `src-${fastHash(listing)}`;
  } else {
    let id = "";
    try {
      id = readFileSync(path.join(path.dirname(here), "build-id"), "utf8").trim();
    } catch {
    }
    code2 = /^[0-9a-f]{64}$/.test(id) ? id : `unknown-${uniqueSuffix()}`;
  }
  return code2;
}

export {
  fastHash,
  VERSION,
  codeIdentity,
  identityOnDisk
};
