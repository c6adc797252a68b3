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
} from "./chunk-OPSMKUUN.js";
import "./chunk-DGUDGTU5.js";
import "./chunk-77IHB7SK.js";
import "./chunk-P5EH62WA.js";
import "./chunk-QXJ65ZRX.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-3BYZHNC3.js";
import "./chunk-ZJWT6ILQ.js";
import "./chunk-3HDZVOMU.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-XHZGOURA.js";
import "./chunk-GN46SLEG.js";
import "./chunk-4DFG6LKJ.js";
import "./chunk-6S73C36M.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-SYUIUCCK.js";
import "./chunk-AA5Y5KNS.js";
import "./chunk-BMFPFDAK.js";
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
