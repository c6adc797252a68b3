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
} from "./chunk-GCVIL53O.js";
import "./chunk-VZW3IMOT.js";
import "./chunk-5ZKBLKP4.js";
import "./chunk-VF56EZZB.js";
import "./chunk-ZMRVDN5Z.js";
import "./chunk-PFMVDTYQ.js";
import "./chunk-JJ6LDPKK.js";
import "./chunk-AABGNZ4C.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-3TMJJ4JB.js";
import "./chunk-7DUC4PNF.js";
import "./chunk-HTWU3WIM.js";
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
