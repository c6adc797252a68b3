import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  dialectLine,
  formatReport,
  lintCommand,
  progressReporter,
  shadowOptions,
  useColor,
  warnIgnored
} from "./chunk-CY7NGCRO.js";
import "./chunk-FEKEBI42.js";
import "./chunk-QYFGHXTU.js";
import "./chunk-VIT46UFF.js";
import "./chunk-TB5Z4QER.js";
import "./chunk-BSDESZ67.js";
import "./chunk-WQWUNX5X.js";
import "./chunk-AABGNZ4C.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-4YTQKFBQ.js";
import "./chunk-7DUC4PNF.js";
import "./chunk-VNXJCJE4.js";
import "./chunk-RUP2AEB4.js";
import "./chunk-LFCDDVQS.js";
import "./chunk-XJGXLKRM.js";
export {
  dialectLine,
  formatReport,
  lintCommand,
  progressReporter,
  shadowOptions,
  useColor,
  warnIgnored
};
