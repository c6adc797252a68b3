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
} from "./chunk-QDRIFYAI.js";
import "./chunk-EILZIYK7.js";
import "./chunk-H7IY5WRN.js";
import "./chunk-6XXQOIKX.js";
import "./chunk-TSH2AO7I.js";
import "./chunk-LSFB4KEA.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-4IEBOX5H.js";
import "./chunk-YD6YDCA6.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-YO3BAT6D.js";
import "./chunk-GZQNW43F.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-WCVYW5PX.js";
import "./chunk-AA5Y5KNS.js";
import "./chunk-7IJNZM6T.js";
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
