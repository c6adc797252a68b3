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
} from "./chunk-5ODT7XLG.js";
import "./chunk-377XCS3N.js";
import "./chunk-QJZTHBQL.js";
import "./chunk-XSDSO3CB.js";
import "./chunk-2WQYRUDR.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-6CYHZAE5.js";
import "./chunk-YMERQ2RW.js";
import "./chunk-B653XSKS.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-IHQFY253.js";
import "./chunk-A6MR5T6S.js";
import "./chunk-MUXFN5LT.js";
import "./chunk-DYKNDCH4.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-SYUIUCCK.js";
import "./chunk-AA5Y5KNS.js";
import "./chunk-4PXICLZL.js";
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
