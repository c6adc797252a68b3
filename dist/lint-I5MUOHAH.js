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
} from "./chunk-WGL6LO2N.js";
import "./chunk-I543DGRF.js";
import "./chunk-AGB7RVPK.js";
import "./chunk-626ZOW3Q.js";
import "./chunk-V4N4WQXB.js";
import "./chunk-Z3GFLLAG.js";
import "./chunk-BXA74UDI.js";
import "./chunk-AMQDKWHT.js";
import "./chunk-D3AIY6JZ.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-AABGNZ4C.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-VTTG7LGU.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-N67SHIPL.js";
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
