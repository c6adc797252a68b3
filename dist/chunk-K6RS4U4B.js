import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/dialects/postgres/version.ts
var PG_VERSION_MIN = 9;
var DEFAULT_PG_VERSION = 15;
var PG_VERSION_MAX = 19;
function parsePgVersion(text) {
  const m = /^(\d{1,2})(?:\.\d{1,4})?$/.exec(text.trim());
  if (!m) return void 0;
  const major = Number(m[1]);
  return major >= PG_VERSION_MIN && major <= PG_VERSION_MAX ? major : void 0;
}

export {
  DEFAULT_PG_VERSION,
  parsePgVersion
};
