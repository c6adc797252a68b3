import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  compileAhead,
  compilingAhead,
  startWorkerAhead,
  takeWorker
} from "./chunk-ARUKHZFE.js";
import "./chunk-XJGXLKRM.js";
export {
  compileAhead,
  compilingAhead,
  startWorkerAhead,
  takeWorker
};
