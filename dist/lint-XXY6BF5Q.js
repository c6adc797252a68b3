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
} from "./chunk-J26EISGX.js";
import "./chunk-WJ77O6BD.js";
import "./chunk-MHGZDIRS.js";
import "./chunk-UFSI7RLT.js";
import "./chunk-QURISOSH.js";
import "./chunk-SIFQ57L5.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-7MW3HDQN.js";
import "./chunk-W34A5QZI.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-WI7QSJGV.js";
import "./chunk-ITJSOKP7.js";
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
