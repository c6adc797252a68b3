import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  STATS_SCHEMA,
  loadStatsFile,
  validateStats
} from "./chunk-56WRP24Q.js";
import "./chunk-EX5RFYOK.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-XJGXLKRM.js";
export {
  STATS_SCHEMA,
  loadStatsFile,
  validateStats
};
