import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  runStats,
  statsExportCommand
} from "./chunk-NU6YGQHK.js";
import "./chunk-DC3IJ7CW.js";
import "./chunk-ERQZGLCT.js";
import "./chunk-LI67BYTM.js";
import "./chunk-66RDFW5F.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-NTPLS3CR.js";
import "./chunk-JJQEPNJF.js";
import "./chunk-BFLEMGMC.js";
import "./chunk-Z2W6ZCS5.js";
import "./chunk-3TIBL5EG.js";
import "./chunk-MRBN6FC7.js";
import "./chunk-KLJQAZEJ.js";
import "./chunk-N5OLXBFP.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-IW5IPINL.js";
import "./chunk-RB5SEY6D.js";
import "./chunk-5T3UE7HX.js";
import "./chunk-IXAVB2MN.js";
import "./chunk-DSMXYHHG.js";
import "./chunk-YPZZPID6.js";
import "./chunk-XJGXLKRM.js";
export {
  runStats,
  statsExportCommand
};
