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
} from "./chunk-LOR4MMNW.js";
import "./chunk-3BCEXXFO.js";
import "./chunk-GSGDL4BG.js";
import "./chunk-D6HVITYD.js";
import "./chunk-4GXGDLZT.js";
import "./chunk-J55T5VY5.js";
import "./chunk-LT5S3BGD.js";
import "./chunk-AABGNZ4C.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-3QPLLAJA.js";
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
