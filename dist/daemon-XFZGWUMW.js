import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  UsageError
} from "./chunk-YPZZPID6.js";
import {
  ask,
  daemonStatus,
  startDaemon
} from "./chunk-32XVGVRT.js";
import {
  daemonDir,
  daemonSocket
} from "./chunk-TNRCRCDH.js";
import "./chunk-F2TVXXTQ.js";
import "./chunk-F3IQVTJL.js";
import "./chunk-XJGXLKRM.js";

// src/cli/daemon.ts
var IDLE_SECONDS = 15 * 60;
function socketOrExplain() {
  const socket = daemonSocket();
  if (socket) return socket;
  if (process.platform === "win32") throw new UsageError("the daemon needs unix sockets: not on Windows");
  if (!daemonDir())
    throw new UsageError(
      "no safe folder for the daemon\u2019s socket: $XDG_RUNTIME_DIR/zerodown (or <tmpdir>/zerodown-<uid>) must be a folder of yours that no one else may enter (chmod 700)"
    );
  throw new UsageError(
    "this zerodown has no build id (dist/build-id) or its socket path would be too long: it cannot have a daemon"
  );
}
var describe = (s) => `pid ${s.pid}, Node ${s.node}, up since ${s.startedAt}${s.ready ? "" : " (warming up)"}, ${s.served} run(s) served, idle ${s.idleSeconds} s, ${s.rssMB} MB; socket ${s.socket}`;
async function daemonStatusCommand() {
  const s = await daemonStatus(socketOrExplain());
  if (!s) {
    process.stdout.write(
      "zerodown daemon: not running (`zerodown lint --daemon` or `zerodown daemon start` starts it)\n"
    );
    return 1;
  }
  process.stdout.write(`zerodown daemon: running, ${describe(s)}
`);
  return 0;
}
async function daemonStartCommand() {
  const socket = socketOrExplain();
  let s = await daemonStatus(socket);
  if (s) {
    process.stdout.write(`zerodown daemon: already running, ${describe(s)}
`);
    return 0;
  }
  startDaemon(socket);
  for (let waited = 0; !s && waited < 1e4; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
    s = await daemonStatus(socket);
  }
  if (!s) {
    process.stderr.write(
      `zerodown: the daemon did not start within 10 s; \`zerodown daemon serve\` runs it in this terminal, with its errors
`
    );
    return 2;
  }
  process.stdout.write(`zerodown daemon: started, ${describe(s)}; it stops after ${IDLE_SECONDS / 60} idle minutes
`);
  return 0;
}
async function daemonStopCommand() {
  const socket = socketOrExplain();
  const reply = await ask(socket, { op: "stop" });
  if (typeof reply === "string") {
    process.stdout.write("zerodown daemon: not running\n");
    return 0;
  }
  process.stdout.write("zerodown daemon: stopped\n");
  return 0;
}
var daemonCommands = {
  status: daemonStatusCommand,
  start: daemonStartCommand,
  stop: daemonStopCommand
};
async function daemonServeCommand(opts, run) {
  const socket = opts.socket ?? socketOrExplain();
  (await import("./wasm-tier-GD2NVH7J.js")).baselineProcess();
  const { serveDaemon } = await import("./server-2XTQSB5T.js");
  const { replaySaved } = await import("./rerun-NMGOEPWQ.js");
  const { readReport } = await import("./saved-report-VKEY2RSG.js");
  const answer = async (argv) => {
    const saved = replaySaved(argv, process.cwd(), process.env, !!process.stdout.isTTY);
    let report;
    try {
      if (!saved) return await run(argv);
      report = readReport(saved.report);
    } catch {
      return run(argv);
    }
    process.stderr.write(saved.stderr);
    process.stdout.write(report);
    return saved.code;
  };
  return serveDaemon({ run: answer, socket, idleSeconds: opts.idle ?? IDLE_SECONDS });
}
export {
  IDLE_SECONDS,
  daemonCommands,
  daemonServeCommand,
  daemonStartCommand,
  daemonStatusCommand,
  daemonStopCommand
};
