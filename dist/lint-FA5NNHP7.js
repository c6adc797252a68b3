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
} from "./chunk-SG5PLPPM.js";
import "./chunk-ADOPAKGC.js";
import "./chunk-FKSLKIA2.js";
import "./chunk-VDQE6H4X.js";
import "./chunk-BM267OTT.js";
import "./chunk-CULQ7SFC.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-KXC7R7BS.js";
import "./chunk-GPJAERTJ.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-AX2JWPQW.js";
import "./chunk-2P23VQWG.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-SYUIUCCK.js";
import "./chunk-AA5Y5KNS.js";
import "./chunk-JUCBQE4C.js";
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
