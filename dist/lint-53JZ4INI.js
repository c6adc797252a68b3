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
} from "./chunk-EFJ4K7R7.js";
import "./chunk-FWHL5XGE.js";
import "./chunk-QV5HGWJC.js";
import "./chunk-D7QXO5RF.js";
import "./chunk-YI734Z2K.js";
import "./chunk-POYK5QIK.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-QPEGOYPX.js";
import "./chunk-BCWVLXRM.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-YO3BAT6D.js";
import "./chunk-J7CWDOEU.js";
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
