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
} from "./chunk-JN7LYGMC.js";
import "./chunk-D4WGTGEI.js";
import "./chunk-ZLCEHTY4.js";
import "./chunk-VOY5OMMB.js";
import "./chunk-NQ6MSPTY.js";
import "./chunk-WYOD5GDN.js";
import "./chunk-EC6F3PWE.js";
import "./chunk-AABGNZ4C.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-66DAFYKA.js";
import "./chunk-7DUC4PNF.js";
import "./chunk-DWCJB5BT.js";
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
