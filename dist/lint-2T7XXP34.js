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
} from "./chunk-3MVIMOMJ.js";
import "./chunk-ME7VK36K.js";
import "./chunk-PGL6CXU2.js";
import "./chunk-YD4KWCON.js";
import "./chunk-HRAGMGN6.js";
import "./chunk-EARGOS6F.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-P2WNSVC7.js";
import "./chunk-YQYLIBPB.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-GQUMBLET.js";
import "./chunk-JXZKYF7L.js";
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
