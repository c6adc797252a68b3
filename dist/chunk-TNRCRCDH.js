import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  codeIdentity,
  fastHash
} from "./chunk-F2TVXXTQ.js";

// src/daemon/socket.ts
import { lstatSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
var PROTOCOL = 1;
var MAX_SOCKET_PATH = 100;
function refusal(argv) {
  if (argv[0] !== "lint") return "only `zerodown lint` runs in the daemon";
  if (argv.some((a) => a === "--dry-run" || a.startsWith("--dry-run="))) return "--dry-run runs in its own process";
  return void 0;
}
function daemonDir(env = process.env) {
  if (process.platform === "win32" || typeof process.getuid !== "function") return void 0;
  const uid = process.getuid();
  const dir = env.ZERODOWN_DAEMON_DIR ? path.resolve(env.ZERODOWN_DAEMON_DIR) : env.XDG_RUNTIME_DIR && path.isAbsolute(env.XDG_RUNTIME_DIR) ? path.join(env.XDG_RUNTIME_DIR, "zerodown") : path.join(tmpdir(), `zerodown-${uid}`);
  try {
    mkdirSync(dir, { mode: 448 });
  } catch (err) {
    if (err.code !== "EEXIST") return void 0;
  }
  try {
    const st = lstatSync(dir);
    if (!st.isDirectory() || st.uid !== uid || (st.mode & 63) !== 0) return void 0;
  } catch {
    return void 0;
  }
  return dir;
}
function daemonSocket(env = process.env) {
  const build = codeIdentity();
  if (build.startsWith("unknown-")) return void 0;
  const dir = daemonDir(env);
  if (!dir) return void 0;
  const name = fastHash(JSON.stringify([PROTOCOL, build, process.execPath, process.version])).slice(0, 16);
  const socket = path.join(dir, `${name}.sock`);
  return socket.length <= MAX_SOCKET_PATH ? socket : void 0;
}
function stringEnv(env = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) if (v !== void 0) out[k] = v;
  return out;
}
function lineReader(each, limit = 64 << 20) {
  let pending = "";
  const decoder = new StringDecoder("utf8");
  return (chunk) => {
    pending += decoder.write(chunk);
    if (pending.length > limit) throw new Error("zerodown daemon: a message longer than the limit");
    for (let nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line) each(JSON.parse(line));
    }
  };
}

export {
  refusal,
  daemonDir,
  daemonSocket,
  stringEnv,
  lineReader
};
