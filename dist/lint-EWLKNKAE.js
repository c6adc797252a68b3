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
} from "./chunk-4NR6J66F.js";
import "./chunk-OQAJXEG2.js";
import "./chunk-OXGE4DBM.js";
import "./chunk-JRVDSFZY.js";
import "./chunk-5CCQGUMI.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-BMNS55UD.js";
import "./chunk-ANIDANIV.js";
import "./chunk-IHUZ7GSX.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-KNUVYGBH.js";
import "./chunk-GN46SLEG.js";
import "./chunk-GPI6SOD2.js";
import "./chunk-47HZ3VVC.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-SYUIUCCK.js";
import "./chunk-AA5Y5KNS.js";
import "./chunk-GVBNYS2R.js";
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
