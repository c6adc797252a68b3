import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  actionRunsEmbeddedEngine,
  runsEmbeddedEngine,
  startEngineEarly,
  startEngineForAction
} from "./chunk-7NY4DVJU.js";
import "./chunk-5UQH3BFC.js";
import "./chunk-YPZZPID6.js";
import "./chunk-5THZYCGT.js";
import "./chunk-76XLLUF5.js";
import "./chunk-F2TVXXTQ.js";
import "./chunk-F3IQVTJL.js";
import "./chunk-XJGXLKRM.js";
export {
  actionRunsEmbeddedEngine,
  runsEmbeddedEngine,
  startEngineEarly,
  startEngineForAction
};
