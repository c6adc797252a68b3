/**
 * Where the resident zerodown (`zerodown lint --daemon`, src/daemon/server.ts) listens, and what it says on the wire.
 * Loaded by the CLI's first step (src/cli/bin.ts) before the rest of zerodown, so it stays small: no `node:net`.
 *
 * The socket lies in a folder only this user may enter (`$XDG_RUNTIME_DIR/zerodown`, else `<tmpdir>/zerodown-<uid>`,
 * created 0700 and checked to be a real folder owned by this user and closed to everyone else): whoever can connect
 * can make the daemon read files and write caches as this user, so no one else may. One socket per build of zerodown
 * and Node binary: a daemon serves only the code it was loaded from. Not on Windows (no such folder; `--daemon`
 * then lints in the process, as without it).
 */
import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { codeIdentity } from '../build.js';
import { fastHash } from '../hash.js';

/** bumped when the messages below change shape: a client and a daemon of two formats never meet (the socket's name) */
export const PROTOCOL = 1;

/** A unix socket's path must fit in sockaddr_un (108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;

/** What a client asks. */
export type DaemonRequest =
  | {
      op: 'lint';
      /** the client's build (codeIdentity): a daemon of another build refuses */
      build: string;
      argv: string[];
      cwd: string;
      env: Record<string, string>;
      /** whether the client's stdout is a terminal (colours, the saved stamp's key) */
      stdoutTTY: boolean;
    }
  | { op: 'status' }
  | { op: 'stop' };

/** What a daemon answers, one JSON object a line: output as it is written, then one final message. */
export type DaemonMessage =
  | { started: true }
  | { out: string }
  | { err: string }
  | { exit: number }
  | { refused: string }
  | { status: DaemonStatus }
  | { stopped: true };

export interface DaemonStatus {
  pid: number;
  build: string;
  node: string;
  socket: string;
  startedAt: string;
  /** whether its warm-up run is over (until then a request waits for it) */
  ready: boolean;
  served: number;
  idleSeconds: number;
  rssMB: number;
}

/** Why the daemon will not run `argv` (the client then does), or undefined. */
export function refusal(argv: readonly string[]): string | undefined {
  if (argv[0] !== 'lint') return 'only `zerodown lint` runs in the daemon';
  // a dry run's PGlite workers and shadow servers belong to a process of their own
  if (argv.some((a) => a === '--dry-run' || a.startsWith('--dry-run='))) return '--dry-run runs in its own process';
  return undefined;
}

/**
 * The folder for daemons' sockets, created if needed; undefined when it is not safe to use (not a folder, a symbolic
 * link, someone else's, open to others) or on Windows. `ZERODOWN_DAEMON_DIR` names another (tests; the same checks).
 */
export function daemonDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return undefined;
  const uid = process.getuid();
  const dir = env.ZERODOWN_DAEMON_DIR
    ? path.resolve(env.ZERODOWN_DAEMON_DIR)
    : env.XDG_RUNTIME_DIR && path.isAbsolute(env.XDG_RUNTIME_DIR)
      ? path.join(env.XDG_RUNTIME_DIR, 'zerodown')
      : path.join(tmpdir(), `zerodown-${uid}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  try {
    const st = lstatSync(dir);
    if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o077) !== 0) return undefined;
  } catch {
    return undefined;
  }
  return dir;
}

/**
 * This build's daemon socket, or undefined when there is none to use: no safe folder, a bundle without a build id
 * (its identity is its own process's, so no daemon could ever serve it), or a path too long for a socket.
 */
export function daemonSocket(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const build = codeIdentity();
  if (build.startsWith('unknown-')) return undefined;
  const dir = daemonDir(env);
  if (!dir) return undefined;
  const name = fastHash(JSON.stringify([PROTOCOL, build, process.execPath, process.version])).slice(0, 16);
  const socket = path.join(dir, `${name}.sock`);
  return socket.length <= MAX_SOCKET_PATH ? socket : undefined;
}

/** The environment as strings only: what a request carries. */
export function stringEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

/** Splits what arrives on a socket into JSON lines, calling `each` with every whole one parsed. */
export function lineReader(each: (message: unknown) => void, limit = 64 << 20): (chunk: Buffer) => void {
  let pending = '';
  // a character split between two chunks is decoded whole
  const decoder = new StringDecoder('utf8');
  return (chunk) => {
    pending += decoder.write(chunk);
    if (pending.length > limit) throw new Error('zerodown daemon: a message longer than the limit');
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line) each(JSON.parse(line));
    }
  };
}
