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
} from "./chunk-I44QH2KP.js";
import "./chunk-35GIWAKQ.js";
import "./chunk-CZA7QP4I.js";
import "./chunk-6WML7YES.js";
import "./chunk-WN35Q5G4.js";
import "./chunk-TWNDLBWA.js";
import "./chunk-2SLGYQPP.js";
import "./chunk-W6YGEPVJ.js";
import "./chunk-ERQZGLCT.js";
import "./chunk-J43PTM24.js";
import "./chunk-MMWZ2YXA.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-Y2VAYJ3M.js";
import "./chunk-JJQEPNJF.js";
import "./chunk-YPZZPID6.js";
import "./chunk-BFLEMGMC.js";
import "./chunk-Z2W6ZCS5.js";
import "./chunk-3TIBL5EG.js";
import "./chunk-GX2QQ4AX.js";
import "./chunk-KEPSHYOW.js";
import "./chunk-F3IQVTJL.js";
import "./chunk-MRBN6FC7.js";
import "./chunk-AA5Y5KNS.js";
import "./chunk-KLJQAZEJ.js";
import "./chunk-SYUIUCCK.js";
import "./chunk-N5OLXBFP.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-WHSIOZEN.js";
import "./chunk-IW5IPINL.js";
import "./chunk-RB5SEY6D.js";
import "./chunk-5T3UE7HX.js";
import "./chunk-IXAVB2MN.js";
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
