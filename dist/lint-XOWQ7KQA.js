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
} from "./chunk-3337RULZ.js";
import "./chunk-UUSOHE7Q.js";
import "./chunk-GWGBWA3S.js";
import "./chunk-UM2HY66P.js";
import "./chunk-4WBXMRGJ.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-G5OK5TVM.js";
import "./chunk-I4XYEKHE.js";
import "./chunk-YW3C44BR.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-TLPSWJLM.js";
import "./chunk-LQEKK72Y.js";
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
