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
} from "./chunk-A53S4XCV.js";
import "./chunk-VZTHVGCA.js";
import "./chunk-REX72LXV.js";
import "./chunk-BSRAXNKE.js";
import "./chunk-TSDGNKDC.js";
import "./chunk-XVGV73VL.js";
import "./chunk-OYUKLHMG.js";
import "./chunk-KCNEW3A6.js";
import "./chunk-D3AIY6JZ.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-AABGNZ4C.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-YU6YE4EK.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-N67SHIPL.js";
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
