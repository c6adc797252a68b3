/**
 * The resident zerodown (`zerodown lint --daemon`, src/daemon/): the real command line (src/cli/bin.ts through tsx)
 * in child processes, the daemon it starts in the background, and its socket asked directly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, daemonStatus } from '../../src/daemon/client.js';
import { capture } from '../../src/daemon/server.js';
import { type DaemonStatus, daemonSocket } from '../../src/daemon/socket.js';
import { SOURCE_BIN, TSX_LOADER, writeProject } from '../cli-harness.js';

const FILES = {
  'migrations/0001_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
  'migrations/0002_email_index.sql': 'CREATE INDEX users_email ON users (email);\n',
};

let tmp: string;
/** the daemons' socket folder for this file's tests (0700, as the daemon requires) */
let sockets: string;
let cache: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zd-daemon-'));
  sockets = mkdtempSync(path.join(tmp, 's-'));
  chmodSync(sockets, 0o700);
  cache = mkdtempSync(path.join(tmp, 'cache-'));
});

afterAll(async () => {
  const socket = daemonSocket({ ZERODOWN_DAEMON_DIR: sockets });
  if (socket) await ask(socket, { op: 'stop' });
  rmSync(tmp, { recursive: true, force: true });
});

/** `zerodown …args` in `cwd`, with this file's socket folder and cache */
function zd(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', TSX_LOADER, SOURCE_BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ZERODOWN_DAEMON_DIR: sockets, ZERODOWN_CACHE_DIR: cache, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The daemon's status once it is ready (started in the background, its warm-up run over), waiting up to `ms`. */
async function waitForDaemon(socket: string, ms = 60_000): Promise<DaemonStatus> {
  for (const t0 = Date.now(); Date.now() - t0 < ms; await new Promise((r) => setTimeout(r, 100))) {
    const s = await daemonStatus(socket);
    if (s?.ready) return s;
  }
  throw new Error(`no daemon answered on ${socket} within ${ms} ms`);
}

/** A socket folder of the test's own (0700) and this build's socket in it. */
function ownSockets(): { own: string; socket: string } {
  const own = mkdtempSync(path.join(tmp, 's-'));
  chmodSync(own, 0o700);
  return { own, socket: daemonSocket({ ZERODOWN_DAEMON_DIR: own })! };
}

/** `zerodown daemon serve` on `socket` (in the socket folder `own`), in the background, stopping after `idle` s. */
const serveInBackground = (own: string, socket: string, idle: number) =>
  spawn(
    process.execPath,
    ['--import', TSX_LOADER, SOURCE_BIN, 'daemon', 'serve', '--socket', socket, '--idle', String(idle)],
    {
      stdio: 'ignore',
      env: { ...process.env, ZERODOWN_DAEMON_DIR: own },
    },
  );

/** Appends a comment to `file`: the run after it is not answered from the saved report of the one before. */
const touch = (file: string, n: number) => writeFileSync(file, `${readFileSync(file, 'utf8')}-- edit ${n}\n`);

describe('zerodown lint --daemon', () => {
  it('lints in its own process when no daemon runs and starts one; the next run is answered by it, as the process would', async () => {
    const socket = daemonSocket({ ZERODOWN_DAEMON_DIR: sockets })!;
    expect(socket).toBeDefined();
    expect(await daemonStatus(socket)).toBeUndefined();
    const dir = writeProject(tmp, FILES);
    const first = zd(dir, ['lint', '--daemon', 'migrations']);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/require-concurrent-index-creation/);

    const before = await waitForDaemon(socket);
    touch(path.join(dir, 'migrations/0002_email_index.sql'), 1);
    const served = zd(dir, ['lint', '--daemon', 'migrations']);
    const after = (await daemonStatus(socket))!;
    expect(after.pid).toBe(before.pid);
    expect(after.served).toBe(before.served + 1);
    // the same run in a process of its own
    touch(path.join(dir, 'migrations/0002_email_index.sql'), 2);
    const alone = zd(dir, ['lint', 'migrations']);
    expect(served).toEqual(alone);
    expect(served.code).toBe(1);

    // the same command again with nothing changed: the daemon answers it too, from the saved report, as the process
    // would (the client asks it before checking the stamp itself)
    const again = zd(dir, ['lint', '--daemon', 'migrations']);
    const replayed = zd(dir, ['lint', '--daemon', 'migrations']);
    expect(replayed).toEqual(again);
    expect((await daemonStatus(socket))!.served).toBe(after.served + 2);
    const stamps = readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.stamp'));
    expect(stamps.length).toBeGreaterThan(0);
  });

  it('runs each request in its own directory, configuration and environment', async () => {
    const socket = daemonSocket({ ZERODOWN_DAEMON_DIR: sockets })!;
    const plain = writeProject(tmp, FILES);
    const relaxed = writeProject(tmp, {
      ...FILES,
      'zerodown.config.json': JSON.stringify({ rules: { 'require-concurrent-index-creation': 'off' } }),
    });
    zd(plain, ['lint', '--daemon', 'migrations']);
    const s0 = await waitForDaemon(socket);

    const a = zd(plain, ['lint', '--daemon', '--no-cache', 'migrations']);
    const b = zd(relaxed, ['lint', '--daemon', '--no-cache', 'migrations']);
    const colours = zd(plain, ['lint', '--daemon', '--no-cache', '--color', 'migrations']);
    // the caches go where the request's environment says
    const elsewhere = mkdtempSync(path.join(tmp, 'cache-'));
    zd(plain, ['lint', '--daemon', 'migrations'], { ZERODOWN_CACHE_DIR: elsewhere });
    expect((await daemonStatus(socket))!.served).toBe(s0.served + 4);

    expect(a.stdout).toMatch(/require-concurrent-index-creation/);
    expect(b.stdout).not.toMatch(/require-concurrent-index-creation/);
    // eslint-disable-next-line no-control-regex
    expect(colours.stdout).toMatch(/\x1b\[/);
    // eslint-disable-next-line no-control-regex
    expect(a.stdout).not.toMatch(/\x1b\[/);
    expect(readdirSync(elsewhere)).not.toEqual([]);
    // and what ran in the daemon's process did not stay there: the same runs in processes of their own
    for (const [dir, args, got] of [
      [plain, ['--no-cache', 'migrations'], a],
      [relaxed, ['--no-cache', 'migrations'], b],
    ] as const)
      expect(got).toEqual(zd(dir, ['lint', ...args]));
  });

  it('refuses what it must not run, and the command line then lints in its own process', async () => {
    const socket = daemonSocket({ ZERODOWN_DAEMON_DIR: sockets })!;
    const dir = writeProject(tmp, FILES);
    zd(dir, ['lint', '--daemon', 'migrations']);
    await waitForDaemon(socket);
    const lint = { op: 'lint', argv: ['lint', 'migrations'], cwd: dir, env: {}, stdoutTTY: false } as const;
    const refused = async (request: unknown) => {
      const reply = await ask(socket, request as never);
      return typeof reply === 'string' ? reply : reply.messages;
    };
    expect(await refused({ ...lint, build: 'another-build' })).toEqual([
      { refused: 'the daemon runs another build of zerodown' },
    ]);
    const build = (await daemonStatus(socket))!.build;
    expect(await refused({ ...lint, build, argv: ['lint', '--dry-run', 'migrations'] })).toEqual([
      { refused: '--dry-run runs in its own process' },
    ]);
    expect(await refused({ ...lint, build, argv: ['plan', 'migrations'] })).toEqual([
      { refused: 'only `zerodown lint` runs in the daemon' },
    ]);
    expect(await refused({ ...lint, build, cwd: 'relative' })).toEqual([{ refused: 'not a request' }]);
    expect(await refused({ ...lint, build, env: { A: 1 } })).toEqual([{ refused: 'not a request' }]);
    expect(await refused({ ...lint, build, cwd: path.join(dir, 'gone') })).toEqual([
      { refused: `cannot enter ${path.join(dir, 'gone')}` },
    ]);
    // served: the request as the client sends it
    const served = await refused({ ...lint, build });
    expect(served.at(-1)).toEqual({ exit: 1 });

    // --dry-run with --daemon: a warning, and the dry run in the process
    const s = (await daemonStatus(socket))!;
    const dry = zd(dir, ['lint', '--daemon', '--dry-run', '--seed-rows', '0', 'migrations']);
    expect(dry.stderr).toMatch(/--daemon is ignored with --dry-run/);
    expect(dry.code).toBe(1);
    expect((await daemonStatus(socket))!.served).toBe(s.served);
  });

  it('uses no socket folder that others may enter: lints in its own process, and `daemon status` says why', () => {
    const open = mkdtempSync(path.join(tmp, 'open-'));
    chmodSync(open, 0o777);
    const dir = writeProject(tmp, FILES);
    const run = zd(dir, ['lint', '--daemon', 'migrations'], { ZERODOWN_DAEMON_DIR: open });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/require-concurrent-index-creation/);
    expect(daemonSocket({ ZERODOWN_DAEMON_DIR: open })).toBeUndefined();
    const status = zd(dir, ['daemon', 'status'], { ZERODOWN_DAEMON_DIR: open });
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/no safe folder for the daemon’s socket/);
  });

  it('takes over the socket of a daemon that died, stops when asked, and after its idle time', async () => {
    const { own, socket } = ownSockets();
    // a listener killed without removing its socket
    const dead = spawn(
      process.execPath,
      ['-e', `require('node:net').createServer().listen(${JSON.stringify(socket)}, () => console.log('up'))`],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    await new Promise((r) => dead.stdout!.once('data', r));
    dead.kill('SIGKILL');
    await new Promise((r) => dead.once('exit', r));
    expect(existsSync(socket)).toBe(true);
    expect(await daemonStatus(socket)).toBeUndefined();

    const dir = writeProject(tmp, FILES);
    expect(zd(dir, ['lint', '--daemon', 'migrations'], { ZERODOWN_DAEMON_DIR: own }).code).toBe(1);
    const s = await waitForDaemon(socket);
    expect(s.socket).toBe(socket);
    const status = zd(dir, ['daemon', 'status'], { ZERODOWN_DAEMON_DIR: own });
    expect([status.code, status.stdout]).toEqual([0, expect.stringMatching(`running, pid ${s.pid}`)]);

    const stop = zd(dir, ['daemon', 'stop'], { ZERODOWN_DAEMON_DIR: own });
    expect([stop.code, stop.stdout]).toEqual([0, 'zerodown daemon: stopped\n']);
    for (const t0 = Date.now(); existsSync(socket) && Date.now() - t0 < 5000;)
      await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(socket)).toBe(false);
    expect(zd(dir, ['daemon', 'status'], { ZERODOWN_DAEMON_DIR: own }).code).toBe(1);

    // `serve` in the foreground, idle for a second: it stops and removes its socket
    const t0 = Date.now();
    const idle = spawnSync(process.execPath, ['--import', TSX_LOADER, SOURCE_BIN, 'daemon', 'serve', '--idle', '1'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ZERODOWN_DAEMON_DIR: own },
      timeout: 60_000,
    });
    expect(idle.status).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(existsSync(socket)).toBe(false);
  });

  it('stops on its own when its socket is removed, since no client can reach it any more', async () => {
    const { own, socket } = ownSockets();
    const serve = serveInBackground(own, socket, 600);
    const exited = new Promise<number | null>((r) => serve.once('exit', r));
    try {
      await waitForDaemon(socket);
      // a bench's or a test's socket folder removed with the daemon still in it
      rmSync(own, { recursive: true, force: true });
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 20_000))]);
      expect(code).toBe(0);
    } finally {
      serve.kill();
    }
  });

  it('a client behind a long run lints in its own process instead of waiting, and the daemon then skips it', async () => {
    const { own, socket } = ownSockets();
    const serve = serveInBackground(own, socket, 60);
    try {
      const { build } = await waitForDaemon(socket);
      const many = Object.fromEntries(
        Array.from({ length: 1500 }, (_, i) => [
          `migrations/${String(i + 3).padStart(4, '0')}_c${i}.sql`,
          `ALTER TABLE users ADD COLUMN c${i} int;\nCREATE INDEX users_c${i} ON users (c${i});\n`,
        ]),
      );
      const dir = writeProject(tmp, { ...FILES, ...many });
      const lint = (argv: string[], startWithin?: number) =>
        ask(socket, { op: 'lint', build, argv, cwd: dir, env: { NO_COLOR: '1' }, stdoutTTY: false }, startWithin);
      // once the warm-up is over, a run starts as soon as it is asked
      expect(await lint(['lint', '--no-cache', 'migrations/0001_users.sql'], 5000)).toEqual({
        messages: [{ started: true }, { out: expect.stringMatching(/no problems/) }, { exit: 0 }],
      });
      const served = (await daemonStatus(socket))!.served;
      const long = lint(['lint', '--no-cache', 'migrations']);
      await new Promise((r) => setTimeout(r, 100));
      expect(await lint(['lint', '--no-cache', 'migrations/0001_users.sql'], 100)).toBe('busy');
      const done = await long;
      // only the long run ran: the impatient client, gone, was skipped
      expect(typeof done === 'string' ? done : done.messages.at(-1)).toEqual({ exit: 1 });
      expect((await daemonStatus(socket))!.served).toBe(served + 1);
    } finally {
      serve.kill();
    }
  });
});

describe('what a run writes, as the daemon sends it', () => {
  it('is text: bytes decoded as UTF-8 with a character split between two writes kept whole, in the order written', () => {
    const sent: string[] = [];
    const stream = { write: () => true } as unknown as NodeJS.WriteStream;
    const original = stream.write;
    const restore = capture(stream, true, (t) => sent.push(t));
    expect(stream.isTTY).toBe(true);
    const e = Buffer.from('é→', 'utf8'); // 2 + 3 bytes
    stream.write(e.subarray(0, 1));
    stream.write(e.subarray(1, 3));
    stream.write(e.subarray(3));
    stream.write(' plain');
    restore();
    expect(sent).toEqual(['é', '→', ' plain']);
    expect(stream.write).toBe(original);
    expect(stream.isTTY).toBeUndefined();
  });
});
