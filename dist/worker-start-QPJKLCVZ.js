import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  compileAhead,
  compilingAhead,
  moduleAhead,
  startWorkerAhead,
  takeWorker
} from "./chunk-7HAOERLI.js";
import "./chunk-XJGXLKRM.js";
export {
  compileAhead,
  compilingAhead,
  moduleAhead,
  startWorkerAhead,
  takeWorker
};
