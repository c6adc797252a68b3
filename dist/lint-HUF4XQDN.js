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
} from "./chunk-PSFG24WF.js";
import "./chunk-VPBPFYTM.js";
import "./chunk-ZYY3P2CC.js";
import "./chunk-AJKZ57QF.js";
import "./chunk-CXQWUIWJ.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-KKBS45TV.js";
import "./chunk-CIQIMJKY.js";
import "./chunk-QCY5YX4Z.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-XHZGOURA.js";
import "./chunk-GN46SLEG.js";
import "./chunk-4DFG6LKJ.js";
import "./chunk-4QGXYJTN.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-SYUIUCCK.js";
import "./chunk-AA5Y5KNS.js";
import "./chunk-M3PHAQBM.js";
import "./chunk-2OA7AA7S.js";
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
