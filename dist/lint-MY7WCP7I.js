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
} from "./chunk-IALHZF3B.js";
import "./chunk-XKV3LSYK.js";
import "./chunk-HMOZKVSH.js";
import "./chunk-ER62T5ZE.js";
import "./chunk-CSRVXPSC.js";
import "./chunk-XP2KL63Z.js";
import "./chunk-4E3NQPL7.js";
import "./chunk-RUP2AEB4.js";
import "./chunk-LFCDDVQS.js";
import "./chunk-CZQGFDZN.js";
export {
  dialectLine,
  formatReport,
  lintCommand,
  progressReporter,
  shadowOptions,
  useColor,
  warnIgnored
};
