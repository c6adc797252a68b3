import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  Ce,
  I,
  u
} from "./chunk-DS3QTPHV.js";
import "./chunk-XJGXLKRM.js";

// node_modules/@electric-sql/pglite/dist/fs/nodefs.js
import * as o from "fs";
import * as r from "path";
u();
var m = class extends Ce {
  constructor(t) {
    super(t), this.rootDir = r.resolve(t), o.existsSync(r.join(this.rootDir)) || o.mkdirSync(this.rootDir);
  }
  async init(t, e) {
    return this.pg = t, { emscriptenOpts: { ...e, preRun: [...e.preRun || [], (s) => {
      let c = s.NODEFS;
      s.FS.mkdirTree(I), s.FS.mount(c, { root: this.rootDir }, I);
    }] } };
  }
  async closeFs() {
    this.pg.Module.FS.quit();
  }
};
export {
  m as NodeFS
};
