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
} from "./chunk-QFRCIQCH.js";
import "./chunk-XBTZMBRF.js";
import "./chunk-PUAAYTGY.js";
import "./chunk-EVTNVRJO.js";
import "./chunk-5BJRSMIY.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-U3PDYTBR.js";
import "./chunk-FSLPVLDL.js";
import "./chunk-QOCOC3NA.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-XVAXCSLR.js";
import "./chunk-SVVTKZW4.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-SYUIUCCK.js";
import "./chunk-AA5Y5KNS.js";
import "./chunk-K7OGMPF3.js";
import "./chunk-IDNUQIPP.js";
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
