import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  loadReport,
  openReport,
  readReport,
  reportHeader,
  writeDirect,
  writeReport
} from "./chunk-76XLLUF5.js";
import "./chunk-XJGXLKRM.js";
export {
  loadReport,
  openReport,
  readReport,
  reportHeader,
  writeDirect,
  writeReport
};
