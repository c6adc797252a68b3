import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  compileAt
} from "./chunk-WHSIOZEN.js";

// src/dialects/postgres/shadow/pglite-files.ts
import { readFile } from "node:fs/promises";
var wasmApi = globalThis.WebAssembly;
function pgliteFilesUrl() {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("./", import.meta.resolve("@electric-sql/pglite")) : new URL("./", here);
}
var BASELINE_MAX_SQL_CHARS = 8e6;
function tierFor(work) {
  return !work || work.timed || work.sqlChars > BASELINE_MAX_SQL_CHARS ? "optimizing" : "baseline";
}
async function compilePglite(tier = "optimizing") {
  const bytes = await readFile(new URL("pglite.wasm", pgliteFilesUrl()));
  return compileAt(tier, () => wasmApi.compile(bytes));
}
function buffersFor(work) {
  return work && !work.timed ? "small" : "calibrated";
}
function ownBuffer(bytes) {
  const b = bytes.buffer;
  return b instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === b.byteLength ? b : void 0;
}

// data/pglite-initdb.json
var pglite_initdb_default = {
  $comment: "initdb options of the PGlite data directory zerodown ships (dist/pglite-datadir.tgz) and of a cold start. 1 MB WAL segments instead of 16 MB: the data directory unpacks 11 MB smaller at every boot, and a cached shadow state keeps 1 MB of WAL, not 16. No data checksums: a throwaway shadow has no disk to distrust, and page writes skip the checksum. The snapshot keeps no WAL segment after the one being written (initdb leaves 4 MB of recycled ones: pglite-engine.ts `checkpointAndTrimWal`). Changing this list, or how the snapshot is made, changes the cache file name (tag), so an older snapshot is regenerated, not reused.",
  tag: "w1nc-trim",
  params: ["--wal-segsize=1", "--no-data-checksums"]
};

export {
  pgliteFilesUrl,
  tierFor,
  compilePglite,
  buffersFor,
  ownBuffer,
  pglite_initdb_default
};
