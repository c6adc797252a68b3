import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  SERVER_ONLY_DIALECT,
  configNamesServer,
  runsEmbeddedEngine,
  startEngineEarly,
  startEngineIf
} from "./chunk-VVXEQCPV.js";
import "./chunk-3SZW23GX.js";
import "./chunk-YPZZPID6.js";
import "./chunk-WHSIOZEN.js";
import "./chunk-5THZYCGT.js";
import "./chunk-76XLLUF5.js";
import "./chunk-F2TVXXTQ.js";
import "./chunk-F3IQVTJL.js";
import "./chunk-XJGXLKRM.js";
export {
  SERVER_ONLY_DIALECT,
  configNamesServer,
  runsEmbeddedEngine,
  startEngineEarly,
  startEngineIf
};
