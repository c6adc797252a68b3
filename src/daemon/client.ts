/**
 * The client side of the resident zerodown (src/daemon/server.ts): `zerodown lint --daemon` asks the daemon of this
 * build for the run and prints its answer; when none runs, it starts one in the background and lints in its own
 * process this time. Any doubt (no safe socket folder, a refusal, a daemon that dies mid-run) lints in the process:
 * the answer is the same, only slower. Loaded by src/cli/bin.ts before the rest of zerodown.
 */
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { isatty } from 'node:tty';
import { codeIdentity } from '../build.js';
import {
  type DaemonMessage,
  type DaemonRequest,
  type DaemonStatus,
  daemonDir,
  daemonSocket,
  lineReader,
  stringEnv,
} from './socket.js';

/** A daemon's whole answer to one lint: what the run wrote, and its exit code. */
export interface DaemonAnswer {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * How long a client waits for the daemon to start its run (it runs one at a time, synchronously): behind another
 * client's long run (a whole repository linted in another terminal), this one lints in its own process instead.
 */
export const START_WITHIN_MS = 2000;

/**
 * What came back from a socket: the daemon's messages; `absent` when nothing listens there; `busy` when the run did
 * not start within the time given (the connection is closed, and the daemon then skips it).
 */
type Reply = { messages: DaemonMessage[] } | 'absent' | 'busy';

/**
 * Sends `request` to `socket` and collects every message until the daemon closes the connection; with `startWithin`,
 * gives up when the daemon has not started the run by then.
 */
export function ask(socket: string, request: DaemonRequest, startWithin?: number): Promise<Reply> {
  return new Promise((resolve) => {
    const messages: DaemonMessage[] = [];
    const conn = createConnection(socket);
    let connected = false;
    let timer: NodeJS.Timeout | undefined;
    conn.on('connect', () => {
      connected = true;
      conn.write(`${JSON.stringify(request)}\n`);
      if (startWithin !== undefined)
        timer = setTimeout(() => {
          resolve('busy');
          conn.destroy();
        }, startWithin);
    });
    const read = lineReader((m) => {
      if (m && typeof m === 'object' && 'started' in m) clearTimeout(timer);
      messages.push(m as DaemonMessage);
    });
    conn.on('data', (chunk: Buffer) => {
      try {
        read(chunk);
      } catch {
        conn.destroy();
      }
    });
    // not there (ENOENT), or a dead daemon's socket (ECONNREFUSED); after connecting, the messages so far
    const end = () => {
      clearTimeout(timer);
      resolve(connected ? { messages } : 'absent');
    };
    conn.on('error', end);
    conn.on('close', end);
  });
}

/** The status of the daemon on `socket`, or undefined when none answers there. */
export async function daemonStatus(socket: string): Promise<DaemonStatus | undefined> {
  const reply = await ask(socket, { op: 'status' });
  if (typeof reply === 'string') return undefined;
  const m = reply.messages.find((x) => 'status' in x);
  return m && 'status' in m ? m.status : undefined;
}

/** the variables a daemon starts with */
const DAEMON_ENV =
  /^(PATH|HOME|USER|LOGNAME|TMPDIR|TMP|TEMP|XDG_RUNTIME_DIR|ZERODOWN_DAEMON_DIR|NODE_OPTIONS|LANG|LC_ALL|TZ)$/;

/**
 * Starts a daemon for this build in the background (`zerodown daemon serve`, detached, no output), with the same
 * Node, flags and entry script as this process. It listens on `socket` once ready; two started at once keep one.
 */
export function startDaemon(socket: string): number | undefined {
  const entry = process.argv[1];
  if (!entry) return undefined;
  // loaded only here: a client answered by its daemon (every commit but the first) never needs it
  const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, entry, 'daemon', 'serve', '--socket', socket], {
    detached: true,
    stdio: 'ignore',
    // not the repository's folder: a daemon should not keep it busy
    cwd: daemonDir() ?? '/',
    // what Node and the socket's folder depend on; each request brings its own environment (tokens stay there)
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => DAEMON_ENV.test(k))),
  });
  child.on('error', () => {});
  child.unref();
  return child.pid;
}

/**
 * `zerodown lint … --daemon`, answered by this build's daemon; undefined when this process should lint instead
 * (after starting a daemon when none runs).
 */
export async function lintByDaemon(argv: string[]): Promise<DaemonAnswer | undefined> {
  const socket = daemonSocket();
  if (!socket) return undefined;
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch {
    return undefined; // a working directory removed: the CLI says so
  }
  const reply = await ask(
    socket,
    { op: 'lint', build: codeIdentity(), argv, cwd, env: stringEnv(), stdoutTTY: isatty(1) },
    START_WITHIN_MS,
  );
  if (reply === 'absent') {
    startDaemon(socket);
    return undefined;
  }
  if (reply === 'busy') return undefined;
  const end = reply.messages.at(-1);
  // refused, or the daemon died before the run ended: nothing has been printed yet, so this process runs it
  if (!end || !('exit' in end)) return undefined;
  let stdout = '';
  let stderr = '';
  for (const m of reply.messages) {
    if ('out' in m) stdout += m.out;
    else if ('err' in m) stderr += m.err;
  }
  return { code: end.exit, stdout, stderr };
}
