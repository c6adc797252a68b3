import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  runStats,
  statsExportCommand
} from "./chunk-FEKEBI42.js";
import "./chunk-BSDESZ67.js";
import "./chunk-4YTQKFBQ.js";
import "./chunk-7DUC4PNF.js";
import "./chunk-VNXJCJE4.js";
import "./chunk-RUP2AEB4.js";
import "./chunk-LFCDDVQS.js";
import "./chunk-XJGXLKRM.js";
export {
  runStats,
  statsExportCommand
};
