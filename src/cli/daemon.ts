/** `zerodown daemon status|start|stop|serve`: the resident zerodown behind `zerodown lint --daemon` (src/daemon/). */
import { ask, daemonStatus, startDaemon } from '../daemon/client.js';
import { type DaemonStatus, daemonDir, daemonSocket } from '../daemon/socket.js';
import { UsageError } from '../errors.js';

/** the default idle time before a daemon stops */
export const IDLE_SECONDS = 15 * 60;

/** This build's socket, or a usage error saying why there is none. */
function socketOrExplain(): string {
  const socket = daemonSocket();
  if (socket) return socket;
  if (process.platform === 'win32') throw new UsageError('the daemon needs unix sockets: not on Windows');
  if (!daemonDir())
    throw new UsageError(
      'no safe folder for the daemon’s socket: $XDG_RUNTIME_DIR/zerodown (or <tmpdir>/zerodown-<uid>) must be a folder of yours that no one else may enter (chmod 700)',
    );
  throw new UsageError(
    'this zerodown has no build id (dist/build-id) or its socket path would be too long: it cannot have a daemon',
  );
}

const describe = (s: DaemonStatus) =>
  `pid ${s.pid}, Node ${s.node}, up since ${s.startedAt}${s.ready ? '' : ' (warming up)'}, ${s.served} run(s) served, idle ${s.idleSeconds} s, ${s.rssMB} MB; socket ${s.socket}`;

export async function daemonStatusCommand(): Promise<number> {
  const s = await daemonStatus(socketOrExplain());
  if (!s) {
    process.stdout.write(
      'zerodown daemon: not running (`zerodown lint --daemon` or `zerodown daemon start` starts it)\n',
    );
    return 1;
  }
  process.stdout.write(`zerodown daemon: running, ${describe(s)}\n`);
  return 0;
}

export async function daemonStartCommand(): Promise<number> {
  const socket = socketOrExplain();
  let s = await daemonStatus(socket);
  if (s) {
    process.stdout.write(`zerodown daemon: already running, ${describe(s)}\n`);
    return 0;
  }
  startDaemon(socket);
  // ready when it answers: up to 10 s (it compiles the parser first, but listens before that)
  for (let waited = 0; !s && waited < 10_000; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
    s = await daemonStatus(socket);
  }
  if (!s) {
    process.stderr.write(
      `zerodown: the daemon did not start within 10 s; \`zerodown daemon serve\` runs it in this terminal, with its errors\n`,
    );
    return 2;
  }
  process.stdout.write(`zerodown daemon: started, ${describe(s)}; it stops after ${IDLE_SECONDS / 60} idle minutes\n`);
  return 0;
}

export async function daemonStopCommand(): Promise<number> {
  const socket = socketOrExplain();
  const reply = await ask(socket, { op: 'stop' });
  if (typeof reply === 'string') {
    process.stdout.write('zerodown daemon: not running\n');
    return 0;
  }
  process.stdout.write('zerodown daemon: stopped\n');
  return 0;
}

/** `zerodown daemon <name>` */
export const daemonCommands = {
  status: daemonStatusCommand,
  start: daemonStartCommand,
  stop: daemonStopCommand,
};

/** `daemon serve`: `run` is the CLI's `main` (passed in: this module is loaded by it) */
export async function daemonServeCommand(
  opts: { socket?: string; idle?: number },
  run: (argv: string[]) => Promise<number>,
): Promise<number> {
  const socket = opts.socket ?? socketOrExplain();
  // as `zerodown lint` does (src/cli/bin.ts): on Node 24, optimizing libpg-query's grammar costs more CPU and memory
  // (hundreds of MB, kept for the daemon's life) than its faster code saves on a commit's files
  (await import('../wasm-tier.js')).baselineProcess();
  const { serveDaemon } = await import('../daemon/server.js');
  const { replaySaved } = await import('../pipeline/rerun.js');
  const { readReport } = await import('../pipeline/saved-report.js');
  // `zerodown lint` again with nothing changed: its saved report, as the CLI's first step answers it (src/cli/bin.ts;
  // a client with `--daemon` asks the daemon first, so that a commit's process loads and checks nothing itself)
  const answer = async (argv: string[]): Promise<number> => {
    const saved = replaySaved(argv, process.cwd(), process.env, !!process.stdout.isTTY);
    let report: Buffer;
    try {
      if (!saved) return await run(argv);
      report = readReport(saved.report);
    } catch {
      return run(argv); // a report cut short: the run does its work
    }
    process.stderr.write(saved.stderr);
    process.stdout.write(report);
    return saved.code;
  };
  return serveDaemon({ run: answer, socket, idleSeconds: opts.idle ?? IDLE_SECONDS });
}
