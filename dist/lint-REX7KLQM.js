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
} from "./chunk-7XKIVCP4.js";
import "./chunk-FKMSXXP5.js";
import "./chunk-HAEOZP6K.js";
import "./chunk-6ACR3VB2.js";
import "./chunk-4VJJ2HI5.js";
import "./chunk-P3C23OCX.js";
import "./chunk-XQC2LD7R.js";
import "./chunk-AABGNZ4C.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-XMWQYIDH.js";
import "./chunk-7DUC4PNF.js";
import "./chunk-OT3UFEVT.js";
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
