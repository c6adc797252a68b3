import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  START_WITHIN_MS,
  ask,
  daemonStatus,
  lintByDaemon,
  startDaemon
} from "./chunk-32XVGVRT.js";
import "./chunk-TNRCRCDH.js";
import "./chunk-F2TVXXTQ.js";
import "./chunk-F3IQVTJL.js";
import "./chunk-XJGXLKRM.js";
export {
  START_WITHIN_MS,
  ask,
  daemonStatus,
  lintByDaemon,
  startDaemon
};
