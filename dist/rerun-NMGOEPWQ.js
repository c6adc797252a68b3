import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  adoptEntries,
  asListing,
  checkEntries,
  currentInvocation,
  currentRecord,
  holds,
  newestFirst,
  noteInspected,
  probeKind,
  readDirEntries,
  recordList,
  recordRead,
  replaySaved,
  saveStamp,
  setInvocation,
  stampKey,
  stampWentStale,
  startRecording,
  stopRecording,
  unrecordable
} from "./chunk-5THZYCGT.js";
import "./chunk-76XLLUF5.js";
import "./chunk-F2TVXXTQ.js";
import "./chunk-F3IQVTJL.js";
import "./chunk-XJGXLKRM.js";
export {
  adoptEntries,
  asListing,
  checkEntries,
  currentInvocation,
  currentRecord,
  holds,
  newestFirst,
  noteInspected,
  probeKind,
  readDirEntries,
  recordList,
  recordRead,
  replaySaved,
  saveStamp,
  setInvocation,
  stampKey,
  stampWentStale,
  startRecording,
  stopRecording,
  unrecordable
};
