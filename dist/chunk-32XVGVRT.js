import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  daemonDir,
  daemonSocket,
  lineReader,
  stringEnv
} from "./chunk-TNRCRCDH.js";
import {
  codeIdentity
} from "./chunk-F2TVXXTQ.js";

// src/daemon/client.ts
import { createRequire } from "node:module";
import { createConnection } from "node:net";
import { isatty } from "node:tty";
var START_WITHIN_MS = 2e3;
function ask(socket, request, startWithin) {
  return new Promise((resolve) => {
    const messages = [];
    const conn = createConnection(socket);
    let connected = false;
    let timer;
    conn.on("connect", () => {
      connected = true;
      conn.write(`${JSON.stringify(request)}
`);
      if (startWithin !== void 0)
        timer = setTimeout(() => {
          resolve("busy");
          conn.destroy();
        }, startWithin);
    });
    const read = lineReader((m) => {
      if (m && typeof m === "object" && "started" in m) clearTimeout(timer);
      messages.push(m);
    });
    conn.on("data", (chunk) => {
      try {
        read(chunk);
      } catch {
        conn.destroy();
      }
    });
    const end = () => {
      clearTimeout(timer);
      resolve(connected ? { messages } : "absent");
    };
    conn.on("error", end);
    conn.on("close", end);
  });
}
async function daemonStatus(socket) {
  const reply = await ask(socket, { op: "status" });
  if (typeof reply === "string") return void 0;
  const m = reply.messages.find((x) => "status" in x);
  return m && "status" in m ? m.status : void 0;
}
var DAEMON_ENV = /^(PATH|HOME|USER|LOGNAME|TMPDIR|TMP|TEMP|XDG_RUNTIME_DIR|ZERODOWN_DAEMON_DIR|NODE_OPTIONS|LANG|LC_ALL|TZ)$/;
function startDaemon(socket) {
  const entry = process.argv[1];
  if (!entry) return void 0;
  const { spawn } = createRequire(import.meta.url)("node:child_process");
  const child = spawn(process.execPath, [...process.execArgv, entry, "daemon", "serve", "--socket", socket], {
    detached: true,
    stdio: "ignore",
    // not the repository's folder: a daemon should not keep it busy
    cwd: daemonDir() ?? "/",
    // what Node and the socket's folder depend on; each request brings its own environment (tokens stay there)
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => DAEMON_ENV.test(k)))
  });
  child.on("error", () => {
  });
  child.unref();
  return child.pid;
}
async function lintByDaemon(argv) {
  const socket = daemonSocket();
  if (!socket) return void 0;
  let cwd;
  try {
    cwd = process.cwd();
  } catch {
    return void 0;
  }
  const reply = await ask(
    socket,
    { op: "lint", build: codeIdentity(), argv, cwd, env: stringEnv(), stdoutTTY: isatty(1) },
    START_WITHIN_MS
  );
  if (reply === "absent") {
    startDaemon(socket);
    return void 0;
  }
  if (reply === "busy") return void 0;
  const end = reply.messages.at(-1);
  if (!end || !("exit" in end)) return void 0;
  let stdout = "";
  let stderr = "";
  for (const m of reply.messages) {
    if ("out" in m) stdout += m.out;
    else if ("err" in m) stderr += m.err;
  }
  return { code: end.exit, stdout, stderr };
}

export {
  START_WITHIN_MS,
  ask,
  daemonStatus,
  startDaemon,
  lintByDaemon
};
