/**
 * The resident zerodown: `zerodown lint --daemon` (a pre-commit hook's command) asks it over a unix socket
 * (src/daemon/socket.ts) instead of starting zerodown, so that a commit pays for Node's start and a few
 * milliseconds of lint, not for compiling zerodown and its parser again (see docs/pre-commit.md, "The daemon").
 *
 * A request is a whole `zerodown lint` run, done as the CLI does it (`main`), in the client's working directory and
 * environment, its output sent back as it is written. One at a time: the working directory, the environment and
 * stdout are the process's. Nothing of a run is kept for the next but what a run keeps on disk anyway (the caches,
 * keyed on content) and the compiled code; the registered secrets are forgotten between runs.
 *
 * It refuses (and the client lints in its own process) a request of another build, and it stops when the code it was
 * loaded from is replaced or removed on disk (an upgrade, an uninstall), when its socket is removed (no client can
 * reach it: its folder cleaned, a bench's or a test's folder removed), after `idleSeconds` without a request, when
 * asked (`zerodown daemon stop`), or when it has grown past MAX_RSS_MB.
 */
import { mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { codeIdentity, identityOnDisk } from '../build.js';
import { forgetSecrets, redactSecrets } from '../secrets.js';
import { type DaemonMessage, type DaemonRequest, type DaemonStatus, lineReader, refusal, stringEnv } from './socket.js';

/** a daemon that has grown past this (after a run) stops; the next client starts a fresh one */
const MAX_RSS_MB = 1024;
/** the longest request line read (a command line and an environment) */
const MAX_REQUEST = 4 << 20;
/** how often it checks that its socket and its code are still on disk (a `stat` and a 65-byte read) */
const WATCH_MS = 2000;

export interface ServeOptions {
  /** runs a command line as the CLI does (src/cli/main.ts `main`): its exit code */
  run: (argv: string[]) => Promise<number>;
  socket: string;
  /** stop after this long without a request */
  idleSeconds: number;
}

/** Whether something answers on `socket`. */
function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection(socket);
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

/** Listens on `socket`, taking it over from a daemon that died without removing it; false when a live one has it. */
async function listen(server: Server, socket: string): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const err = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      server.once('error', resolve);
      server.listen(socket, () => {
        server.off('error', resolve);
        resolve(undefined);
      });
    });
    if (!err) return true;
    if (err.code !== 'EADDRINUSE' || attempt > 0 || (await answers(socket))) return false;
    try {
      unlinkSync(socket); // a dead daemon's socket
    } catch {
      return false;
    }
  }
}

/** A request as sent, checked field by field (anything else is refused). */
function asRequest(value: unknown): DaemonRequest | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const r = value as Record<string, unknown>;
  if (r.op === 'status' || r.op === 'stop') return { op: r.op };
  if (r.op !== 'lint') return undefined;
  const env = r.env as Record<string, unknown> | null;
  if (
    typeof r.build !== 'string' ||
    !Array.isArray(r.argv) ||
    !r.argv.every((a) => typeof a === 'string') ||
    typeof r.cwd !== 'string' ||
    !path.isAbsolute(r.cwd) ||
    typeof r.stdoutTTY !== 'boolean' ||
    !env ||
    typeof env !== 'object' ||
    !Object.values(env).every((v) => typeof v === 'string')
  )
    return undefined;
  return {
    op: 'lint',
    build: r.build,
    argv: r.argv as string[],
    cwd: r.cwd,
    env: env as Record<string, string>,
    stdoutTTY: r.stdoutTTY,
  };
}

/** Replaces the process's environment with `to`. */
function setEnv(to: Record<string, string | undefined>): void {
  for (const k of Object.keys(process.env)) if (!(k in to)) delete process.env[k];
  for (const [k, v] of Object.entries(to)) if (v !== undefined) process.env[k] = v;
}

type Write = NodeJS.WriteStream['write'];

/**
 * Sends what `stream` is given to `send`, as text, until the returned function restores it. Bytes are decoded as
 * UTF-8 (what zerodown writes), a character split between two writes kept whole.
 */
export function capture(stream: NodeJS.WriteStream, tty: boolean, send: (text: string) => void): () => void {
  const write = stream.write;
  const had = Object.getOwnPropertyDescriptor(stream, 'isTTY');
  const decoder = new StringDecoder('utf8');
  stream.write = ((chunk: unknown, encoding?: unknown, cb?: unknown): boolean => {
    const done = typeof encoding === 'function' ? encoding : cb;
    const text = typeof chunk === 'string' ? decoder.end() + chunk : decoder.write(Buffer.from(chunk as Uint8Array));
    if (text) send(text);
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  }) as Write;
  Object.defineProperty(stream, 'isTTY', { value: tty, configurable: true, writable: true });
  return () => {
    const rest = decoder.end();
    if (rest) send(rest);
    stream.write = write;
    if (had) Object.defineProperty(stream, 'isTTY', had);
    else delete (stream as { isTTY?: boolean }).isTTY;
  };
}

/**
 * Runs `zerodown daemon serve`: listens on `opts.socket` until stopped. Returns when it stops (0), or at once when
 * another daemon already listens there (0: the job is done).
 */
export async function serveDaemon(opts: ServeOptions): Promise<number> {
  const build = codeIdentity();
  const home = process.cwd();
  const ownEnv = { ...process.env };
  const startedAt = new Date();
  let served = 0;
  let ready = false;
  let lastRequest = Date.now();
  let stopping = false;
  let queue: Promise<unknown> = Promise.resolve();

  const server = createServer();
  if (!(await listen(server, opts.socket))) return 0;
  // removed when the daemon stops, unless another daemon has taken the path over meanwhile
  const ino = statSync(opts.socket).ino;
  const removeSocket = () => {
    try {
      if (statSync(opts.socket).ino === ino) unlinkSync(opts.socket);
    } catch {
      // gone already
    }
  };
  process.on('exit', removeSocket);
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearTimeout(idle);
    clearInterval(watch);
    removeSocket();
    server.close(() => stopped());
    // a client still connected does not keep the daemon
    setTimeout(stopped, 2000).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, stop);
  let idle = setTimeout(stop, opts.idleSeconds * 1000);
  // a daemon no client can reach (its socket removed or taken over) or whose code is gone from disk is of no use:
  // it stops once the run in progress, if any, is over
  const watch = setInterval(() => {
    let reachable = false;
    try {
      reachable = statSync(opts.socket).ino === ino;
    } catch {
      // removed
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
    idle = setTimeout(stop, opts.idleSeconds * 1000);
  };

  /** One `zerodown lint`, as the CLI runs it, in the client's directory and environment. */
  async function lint(
    req: Extract<DaemonRequest, { op: 'lint' }>,
    send: (m: DaemonMessage) => void,
    counted = true,
  ): Promise<void> {
    if (req.build !== build) return send({ refused: 'the daemon runs another build of zerodown' });
    const why = refusal(req.argv);
    if (why) return send({ refused: why });
    if (identityOnDisk() !== build) {
      // upgraded under it: what it has not loaded yet would come from another build
      send({ refused: 'the daemon’s zerodown has been replaced on disk' });
      return stop();
    }
    try {
      process.chdir(req.cwd);
    } catch {
      return send({ refused: `cannot enter ${req.cwd}` });
    }
    // the client waits for this only so long (src/daemon/client.ts START_WITHIN_MS), then lints itself
    send({ started: true });
    const restore: (() => void)[] = [];
    let code: number;
    try {
      setEnv(req.env);
      forgetSecrets();
      restore.push(
        capture(process.stdout, req.stdoutTTY, (out) => send({ out })),
        // no progress line: the client writes what it gets when the run is over
        capture(process.stderr, false, (err) => send({ err })),
      );
      process.exitCode = undefined;
      code = await opts.run(req.argv);
    } catch (err) {
      process.stderr.write(redactSecrets(`zerodown: internal error: ${(err as Error)?.stack ?? err}\n`));
      code = 2;
    } finally {
      for (const r of restore.reverse()) r();
      process.exitCode = undefined;
      forgetSecrets();
      setEnv(ownEnv);
      process.chdir(home);
    }
    if (counted) served++;
    send({ exit: code });
    if (process.memoryUsage.rss() / (1 << 20) > MAX_RSS_MB) stop();
  }

  function status(): DaemonStatus {
    return {
      pid: process.pid,
      build,
      node: process.version,
      socket: opts.socket,
      startedAt: startedAt.toISOString(),
      ready,
      served,
      idleSeconds: Math.round((Date.now() - lastRequest) / 1000),
      rssMB: Math.round(process.memoryUsage.rss() / (1 << 20)),
    };
  }

  server.on('connection', (conn: Socket) => {
    let gone = false;
    conn.on('error', () => {}); // a client gone (Ctrl-C): its answer is dropped
    conn.on('end', () => {
      gone = true;
    });
    conn.on('close', () => {
      gone = true;
    });
    let asked = false;
    const send = (m: DaemonMessage) => {
      if (!conn.destroyed) conn.write(`${JSON.stringify(m)}\n`);
    };
    const read = lineReader((value) => {
      if (asked) return;
      asked = true;
      conn.off('data', onData);
      const req = asRequest(value);
      if (!req) return conn.end(`${JSON.stringify({ refused: 'not a request' })}\n`);
      // asking its status is not a use: the idle time runs on
      if (req.op === 'status') return conn.end(`${JSON.stringify({ status: status() })}\n`);
      if (req.op === 'stop') {
        conn.end(`${JSON.stringify({ stopped: true })}\n`);
        return stop();
      }
      touch();
      queue = queue
        .then(async () => {
          // the events that arrived during the run before (it blocks the loop): a client gone meanwhile
          await new Promise((r) => setImmediate(r));
          if (stopping) send({ refused: 'the daemon is stopping' });
          // a client gone while it waited (Ctrl-C, or tired of waiting behind a long run) is not run for
          else if (!gone) await lint(req, send);
        })
        // whatever failed, this client gets no exit code (so it lints itself) and the next request still runs
        .catch(() => {})
        .finally(() => {
          conn.end();
          touch();
        });
    }, MAX_REQUEST);
    const onData = (chunk: Buffer) => {
      try {
        read(chunk);
      } catch {
        conn.destroy();
      }
    };
    conn.on('data', onData);
  });

  // compiled and loaded before the first client waits for it (requests queue behind this)
  queue = queue
    .then(() => warmUp(lint))
    .finally(() => {
      ready = true;
    });
  await done;
  return 0;
}

/**
 * One lint of a small migration before the first request: compiles the parser and loads the modules a lint needs,
 * so that a later upgrade on disk never mixes with what the daemon has loaded, and the first client does not wait.
 */
async function warmUp(
  lint: (req: Extract<DaemonRequest, { op: 'lint' }>, send: () => void, counted: boolean) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zerodown-daemon-warm-'));
  try {
    const file = path.join(dir, '0001_warm.sql');
    writeFileSync(
      file,
      'CREATE TABLE t (id bigint PRIMARY KEY, name text);\nALTER TABLE t ADD COLUMN note text NOT NULL DEFAULT now()::text;\nCREATE INDEX t_name ON t (name);\n',
    );
    await lint(
      {
        op: 'lint',
        build: codeIdentity(),
        argv: ['lint', '--no-cache', '--format', 'json', file],
        cwd: dir,
        env: stringEnv(),
        stdoutTTY: false,
      },
      () => {},
      false,
    );
  } catch {
    // a warm-up that fails costs the first request its compile, nothing else
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
