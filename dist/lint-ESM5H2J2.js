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
} from "./chunk-HU3DB6BX.js";
import "./chunk-ABZP77FO.js";
import "./chunk-LFE7B6WA.js";
import "./chunk-Y5XNKBRT.js";
import "./chunk-72GHAWRB.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-UJQDPBBI.js";
import "./chunk-5QCPQISP.js";
import "./chunk-AURLWIAH.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-7ZP4G7DP.js";
import "./chunk-FVPGDI4H.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-SYUIUCCK.js";
import "./chunk-AA5Y5KNS.js";
import "./chunk-Q7O6HBXH.js";
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
