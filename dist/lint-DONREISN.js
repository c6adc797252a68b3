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
} from "./chunk-JIEHNXK7.js";
import "./chunk-4UOLCHGS.js";
import "./chunk-D5BWHESA.js";
import "./chunk-6TO5OZYM.js";
import "./chunk-C6TDYRBC.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-PSHZBVSE.js";
import "./chunk-KW3OZZLW.js";
import "./chunk-OLIFFY3P.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-IHQFY253.js";
import "./chunk-A6MR5T6S.js";
import "./chunk-MUXFN5LT.js";
import "./chunk-Z2OHH5WA.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-SYUIUCCK.js";
import "./chunk-AA5Y5KNS.js";
import "./chunk-EWMQZOE3.js";
import "./chunk-N4B6KCWE.js";
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
