import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  configSchema,
  readConfigFile,
  suggest,
  validateConfig
} from "./chunk-DBOPE22U.js";
import "./chunk-YOZTDGOM.js";
import "./chunk-EX5RFYOK.js";
import "./chunk-COP2C6JO.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-PEAMG5NL.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-YPZZPID6.js";
import "./chunk-STO6XFQI.js";
import "./chunk-F3IQVTJL.js";
import "./chunk-U5IAEDA2.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-JB5CXEFZ.js";
import "./chunk-SYUIUCCK.js";
import "./chunk-AA5Y5KNS.js";
import "./chunk-2BY3P7E5.js";
import "./chunk-WHSIOZEN.js";
import "./chunk-XJGXLKRM.js";
export {
  configSchema,
  readConfigFile,
  suggest,
  validateConfig
};
