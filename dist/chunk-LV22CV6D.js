import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/plan/types.ts
var PHASE_ORDER = ["expand", "backfill", "validate", "index", "contract"];
var DEFAULTS = {
  lockTimeout: "2s",
  statementTimeout: "15s",
  batchSize: 1e3
};

export {
  PHASE_ORDER,
  DEFAULTS
};
