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
} from "./chunk-ZELXMMWA.js";
import "./chunk-ZGYBOXB7.js";
import "./chunk-S7BJ5EV2.js";
import "./chunk-5W5RGVUG.js";
import "./chunk-GODPZWOJ.js";
import "./chunk-5JYYHFOY.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-OM5MRSPQ.js";
import "./chunk-NDGQRQLT.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-2XU26NCN.js";
import "./chunk-VA6OAR5V.js";
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
