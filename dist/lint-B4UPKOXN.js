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
} from "./chunk-7ZBLJ67K.js";
import "./chunk-LST4FWYM.js";
import "./chunk-TV6GTI7W.js";
import "./chunk-VKTMO4MV.js";
import "./chunk-6MBSTVEK.js";
import "./chunk-SWOH2RZA.js";
import "./chunk-RPMPMJV2.js";
import "./chunk-AABGNZ4C.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-OIXNLM2K.js";
import "./chunk-7DUC4PNF.js";
import "./chunk-MOWDFO4Z.js";
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
