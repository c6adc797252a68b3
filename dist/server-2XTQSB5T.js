import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  forgetSecrets,
  redactSecrets
} from "./chunk-DSMXYHHG.js";
import {
  lineReader,
  refusal,
  stringEnv
} from "./chunk-TNRCRCDH.js";
import {
  codeIdentity,
  identityOnDisk
} from "./chunk-F2TVXXTQ.js";
import "./chunk-F3IQVTJL.js";
import "./chunk-XJGXLKRM.js";

// src/daemon/server.ts
import { mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
var MAX_RSS_MB = 1024;
var MAX_REQUEST = 4 << 20;
var WATCH_MS = 2e3;
function answers(socket) {
  return new Promise((resolve) => {
    const c = createConnection(socket);
    c.once("connect", () => {
      c.destroy();
      resolve(true);
    });
    c.once("error", () => resolve(false));
  });
}
async function listen(server, socket) {
  for (let attempt = 0; ; attempt++) {
    const err = await new Promise((resolve) => {
      server.once("error", resolve);
      server.listen(socket, () => {
        server.off("error", resolve);
        resolve(void 0);
      });
    });
    if (!err) return true;
    if (err.code !== "EADDRINUSE" || attempt > 0 || await answers(socket)) return false;
    try {
      unlinkSync(socket);
    } catch {
      return false;
    }
  }
}
function asRequest(value) {
  if (!value || typeof value !== "object") return void 0;
  const r = value;
  if (r.op === "status" || r.op === "stop") return { op: r.op };
  if (r.op !== "lint") return void 0;
  const env = r.env;
  if (typeof r.build !== "string" || !Array.isArray(r.argv) || !r.argv.every((a) => typeof a === "string") || typeof r.cwd !== "string" || !path.isAbsolute(r.cwd) || typeof r.stdoutTTY !== "boolean" || !env || typeof env !== "object" || !Object.values(env).every((v) => typeof v === "string"))
    return void 0;
  return {
    op: "lint",
    build: r.build,
    argv: r.argv,
    cwd: r.cwd,
    env,
    stdoutTTY: r.stdoutTTY
  };
}
function setEnv(to) {
  for (const k of Object.keys(process.env)) if (!(k in to)) delete process.env[k];
  for (const [k, v] of Object.entries(to)) if (v !== void 0) process.env[k] = v;
}
function capture(stream, tty, send) {
  const write = stream.write;
  const had = Object.getOwnPropertyDescriptor(stream, "isTTY");
  const decoder = new StringDecoder("utf8");
  stream.write = ((chunk, encoding, cb) => {
    const done = typeof encoding === "function" ? encoding : cb;
    const text = typeof chunk === "string" ? decoder.end() + chunk : decoder.write(Buffer.from(chunk));
    if (text) send(text);
    if (typeof done === "function") process.nextTick(done);
    return true;
  });
  Object.defineProperty(stream, "isTTY", { value: tty, configurable: true, writable: true });
  return () => {
    const rest = decoder.end();
    if (rest) send(rest);
    stream.write = write;
    if (had) Object.defineProperty(stream, "isTTY", had);
    else delete stream.isTTY;
  };
}
async function serveDaemon(opts) {
  const build = codeIdentity();
  const home = process.cwd();
  const ownEnv = { ...process.env };
  const startedAt = /* @__PURE__ */ new Date();
  let served = 0;
  let ready = false;
  let lastRequest = Date.now();
  let stopping = false;
  let queue = Promise.resolve();
  const server = createServer();
  if (!await listen(server, opts.socket)) return 0;
  const ino = statSync(opts.socket).ino;
  const removeSocket = () => {
    try {
      if (statSync(opts.socket).ino === ino) unlinkSync(opts.socket);
    } catch {
    }
  };
  process.on("exit", removeSocket);
  let stopped;
  const done = new Promise((resolve) => {
    stopped = resolve;
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearTimeout(idle);
    clearInterval(watch);
    removeSocket();
    server.close(() => stopped());
    setTimeout(stopped, 2e3).unref();
  };
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.once(signal, stop);
  let idle = setTimeout(stop, opts.idleSeconds * 1e3);
  const watch = setInterval(() => {
    let reachable = false;
    try {
      reachable = statSync(opts.socket).ino === ino;
    } catch {
    }
    if (!reachable || identityOnDisk() !== build) {
      clearInterval(watch);
      queue = queue.finally(stop);
    }
  }, WATCH_MS);
  watch.unref();
  const touch = () => {
    lastRequest = Date.now();
    clearTimeout(idle);
    idle = setTimeout(stop, opts.idleSeconds * 1e3);
  };
  async function lint(req, send, counted = true) {
    if (req.build !== build) return send({ refused: "the daemon runs another build of zerodown" });
    const why = refusal(req.argv);
    if (why) return send({ refused: why });
    if (identityOnDisk() !== build) {
      send({ refused: "the daemon\u2019s zerodown has been replaced on disk" });
      return stop();
    }
    try {
      process.chdir(req.cwd);
    } catch {
      return send({ refused: `cannot enter ${req.cwd}` });
    }
    send({ started: true });
    const restore = [];
    let code;
    try {
      setEnv(req.env);
      forgetSecrets();
      restore.push(
        capture(process.stdout, req.stdoutTTY, (out) => send({ out })),
        // no progress line: the client writes what it gets when the run is over
        capture(process.stderr, false, (err) => send({ err }))
      );
      process.exitCode = void 0;
      code = await opts.run(req.argv);
    } catch (err) {
      process.stderr.write(redactSecrets(`zerodown: internal error: ${err?.stack ?? err}
`));
      code = 2;
    } finally {
      for (const r of restore.reverse()) r();
      process.exitCode = void 0;
      forgetSecrets();
      setEnv(ownEnv);
      process.chdir(home);
    }
    if (counted) served++;
    send({ exit: code });
    if (process.memoryUsage.rss() / (1 << 20) > MAX_RSS_MB) stop();
  }
  function status() {
    return {
      pid: process.pid,
      build,
      node: process.version,
      socket: opts.socket,
      startedAt: startedAt.toISOString(),
      ready,
      served,
      idleSeconds: Math.round((Date.now() - lastRequest) / 1e3),
      rssMB: Math.round(process.memoryUsage.rss() / (1 << 20))
    };
  }
  server.on("connection", (conn) => {
    let gone = false;
    conn.on("error", () => {
    });
    conn.on("end", () => {
      gone = true;
    });
    conn.on("close", () => {
      gone = true;
    });
    let asked = false;
    const send = (m) => {
      if (!conn.destroyed) conn.write(`${JSON.stringify(m)}
`);
    };
    const read = lineReader((value) => {
      if (asked) return;
      asked = true;
      conn.off("data", onData);
      const req = asRequest(value);
      if (!req) return conn.end(`${JSON.stringify({ refused: "not a request" })}
`);
      if (req.op === "status") return conn.end(`${JSON.stringify({ status: status() })}
`);
      if (req.op === "stop") {
        conn.end(`${JSON.stringify({ stopped: true })}
`);
        return stop();
      }
      touch();
      queue = queue.then(async () => {
        await new Promise((r) => setImmediate(r));
        if (stopping) send({ refused: "the daemon is stopping" });
        else if (!gone) await lint(req, send);
      }).catch(() => {
      }).finally(() => {
        conn.end();
        touch();
      });
    }, MAX_REQUEST);
    const onData = (chunk) => {
      try {
        read(chunk);
      } catch {
        conn.destroy();
      }
    };
    conn.on("data", onData);
  });
  queue = queue.then(() => warmUp(lint)).finally(() => {
    ready = true;
  });
  await done;
  return 0;
}
async function warmUp(lint) {
  const dir = mkdtempSync(path.join(tmpdir(), "zerodown-daemon-warm-"));
  try {
    const file = path.join(dir, "0001_warm.sql");
    writeFileSync(
      file,
      "CREATE TABLE t (id bigint PRIMARY KEY, name text);\nALTER TABLE t ADD COLUMN note text NOT NULL DEFAULT now()::text;\nCREATE INDEX t_name ON t (name);\n"
    );
    await lint(
      {
        op: "lint",
        build: codeIdentity(),
        argv: ["lint", "--no-cache", "--format", "json", file],
        cwd: dir,
        env: stringEnv(),
        stdoutTTY: false
      },
      () => {
      },
      false
    );
  } catch {
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
export {
  capture,
  serveDaemon
};
