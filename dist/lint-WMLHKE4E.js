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
} from "./chunk-DSCTZQRR.js";
import "./chunk-2XIMCUPC.js";
import "./chunk-WUERTZ5Y.js";
import "./chunk-XWSMW3YT.js";
import "./chunk-3SWOZRO7.js";
import "./chunk-WJLKYWWA.js";
import "./chunk-QBAFCC32.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-7SDPGWZF.js";
import "./chunk-7DUC4PNF.js";
import "./chunk-7DPQLTWN.js";
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
