/**
 * How the PGlite worker boots (src/dialects/postgres/shadow/pglite-engine.ts, pglite.ts): PGlite's WebAssembly is
 * compiled once by the main thread and shared by every worker (compileEngine), its file system bundle is read as
 * the worker starts (prefetchArtifacts), data directories reach PGlite as
 * the bytes themselves rather than through a Blob (bytesBlob), and a cached state is copied once (or handed over
 * as it is) and transferred to the worker. These pin that PGlite still boots that way, with real PGlite, and that
 * the caller's cached state survives the transfer unless the caller handed it over.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { bootEngine, bytesBlob, prefetchArtifacts } from '../../src/dialects/postgres/shadow/pglite-engine.js';
import { compileEngine, dataDirCandidates, PgliteShadow } from '../../src/dialects/postgres/shadow/pglite.js';
import { startWorkerAhead } from '../../src/dialects/postgres/shadow/worker-start.js';

/** The pre-initialised data directory a boot starts from (dist/ in a checkout, or the cache). */
const shipped = dataDirCandidates().find((f) => existsSync(f));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!shipped)('PGlite boot', () => {
  it('PGlite reads a data directory handed over as bytes, also a view into a larger buffer, and leaves them as they were', async () => {
    const tar = gunzipSync(readFileSync(shipped!));
    const big = new Uint8Array(tar.length + 100);
    big.set(tar, 37);
    const view = big.subarray(37, 37 + tar.length);
    const before = sha(view);
    const db = new PGlite({ loadDataDir: bytesBlob(view, 'application/x-tar') });
    try {
      await db.waitReady;
      const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_database WHERE datname = 'postgres'`);
      expect(r.rows[0]!.n).toBe(1);
    } finally {
      await db.close();
    }
    expect(sha(view)).toBe(before);
  });

  it('bytesBlob hands its own buffer over on the first read; a later read gets fresh bytes from `again`', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const fresh = bytesBlob(bytes, 'application/octet-stream', async () => new Uint8Array([1, 2, 3]));
    const a = await fresh.arrayBuffer();
    expect(a).toBe(bytes.buffer);
    new Uint8Array(a)[0] = 9; // PGlite writes into what it read
    const b = await fresh.arrayBuffer();
    expect(b).not.toBe(a);
    expect([...new Uint8Array(b)]).toEqual([1, 2, 3]);
    // without `again` there is nothing to give a second reader
    const once = bytesBlob(new Uint8Array([4]));
    await once.arrayBuffer();
    await expect(once.arrayBuffer()).rejects.toThrow(/read twice/);
    // a view into a larger buffer is copied out: the rest of that buffer is someone else's
    const big = new Uint8Array([0, 5, 6, 0]);
    const view = await bytesBlob(big.subarray(1, 3)).arrayBuffer();
    expect(view).not.toBe(big.buffer);
    expect([...new Uint8Array(view)]).toEqual([5, 6]);
  });

  it("bytesBlob hands over a buffer of the bytes' own, also for a Node Buffer in Node's shared pool", async () => {
    // Buffer#slice is a view, not a copy: a small Buffer's `.buffer` is the 8 KB pool it shares with others
    const pooled = Buffer.from('a small state');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length);
    const bytes = await bytesBlob(pooled).arrayBuffer();
    expect(bytes.byteLength).toBe(pooled.length);
    expect(Buffer.from(bytes).toString()).toBe('a small state');
    expect(pooled.toString()).toBe('a small state');
  });

  it('prefetchArtifacts compiles PGlite, and two engines in turn boot with what it prefetched', async () => {
    const artifacts = await prefetchArtifacts();
    expect(artifacts).toBeDefined();
    expect(artifacts!.wasm).toBeInstanceOf((globalThis as any).WebAssembly.Module);
    for (let i = 0; i < 2; i++) {
      const steps: string[] = [];
      const booted = await bootEngine(
        { extensions: {}, candidates: [shipped!] },
        { artifacts: Promise.resolve(artifacts), mark: (s) => steps.push(s) },
      );
      try {
        expect(booted.boot).toBe('datadir');
        expect(steps).toEqual(['tarball ready', 'wasm compiled', 'PGlite ready']);
        await booted.db.exec('CREATE TABLE t (x int); INSERT INTO t VALUES (42)');
        const r = await booted.db.query<{ x: number }>('SELECT x FROM t');
        expect(r.rows).toEqual([{ x: 42 }]);
      } finally {
        await booted.db.close();
      }
    }
  });

  it('compileEngine compiles PGlite once per process; a worker given that module compiles none of its own', async () => {
    const wasm = await compileEngine();
    expect(wasm).toBeInstanceOf((globalThis as any).WebAssembly.Module);
    expect(await compileEngine()).toBe(wasm);
    const given = await prefetchArtifacts(Promise.resolve({ wasm }));
    expect(given!.wasm).toBe(wasm);
    // no module from the main thread (it could not find the file): the worker compiles its own
    const own = await prefetchArtifacts(Promise.resolve({}));
    expect(own!.wasm).toBeInstanceOf((globalThis as any).WebAssembly.Module);
    expect(own!.wasm).not.toBe(wasm);
    // engines in worker threads boot with the shared module, side by side
    const shadows = await Promise.all([PgliteShadow.open(), PgliteShadow.open()]);
    try {
      for (const [i, sh] of shadows.entries()) {
        expect(sh.wasmShared).toBe(true);
        await sh.exec(`CREATE TABLE t (x int); INSERT INTO t VALUES (${i})`);
        expect(await sh.query('SELECT x FROM t')).toEqual([{ x: i }]);
      }
    } finally {
      await Promise.all(shadows.map((sh) => sh.close()));
    }
  });

  it('a worker started ahead is taken by the next engine; one that exited meanwhile is replaced; none keeps a process alive', async () => {
    const ahead = startWorkerAhead();
    expect(startWorkerAhead()).toBe(ahead); // one at a time
    const sh = await PgliteShadow.open();
    try {
      expect(await sh.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      // taken: the next one started is another thread
      const next = startWorkerAhead();
      expect(next).not.toBe(ahead);
      await next.terminate();
    } finally {
      await sh.close();
    }
    // the one that exited is not handed to an engine
    const other = await PgliteShadow.open();
    try {
      expect(await other.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
    } finally {
      await other.close();
    }
    // started and never taken: the process still ends on its own (the timeout only guards against a hang)
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { startWorkerAhead } from ${JSON.stringify(pathToFileURL(path.resolve('src/dialects/postgres/shadow/worker-start.ts')).href)}; startWorkerAhead(); console.log('done');`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect([child.status, child.stdout.trim()]).toEqual([0, 'done']);
  }, 120_000);

  it('boots twice from the same cached state: the caller keeps its bytes after one is sent to the worker', async () => {
    const first = await PgliteShadow.open();
    let tar: Buffer;
    try {
      await first.exec('CREATE TABLE kept (x int); INSERT INTO kept VALUES (7)');
      tar = await first.dumpDataDir();
    } finally {
      await first.close();
    }
    const length = tar.length;
    const digest = sha(tar);
    for (let i = 0; i < 2; i++) {
      const sh = await PgliteShadow.open({ dataDir: tar });
      try {
        expect(sh.boot).toBe('cache');
        expect(await sh.query('SELECT x FROM kept')).toEqual([{ x: 7 }]);
      } finally {
        await sh.close();
      }
      expect(tar.length).toBe(length);
      expect(sha(tar)).toBe(digest);
    }
    // handed over (a state read from disk for one run): the worker takes the buffer itself, and the caller's is empty
    const mine = Buffer.from(tar);
    const sh = await PgliteShadow.open({ dataDir: mine, handOver: true });
    try {
      expect(mine.length).toBe(0);
      expect(sh.boot).toBe('cache');
      expect(await sh.query('SELECT x FROM kept')).toEqual([{ x: 7 }]);
    } finally {
      await sh.close();
    }
    // a state given as a function is unpacked once the open request is on its way (the worker instantiates PGlite
    // meanwhile, and waits for the state where it loads its data directory), then follows it; nothing from it boots
    // a fresh engine (below)
    const order: string[] = [];
    const ahead = startWorkerAhead();
    const post = ahead.postMessage.bind(ahead);
    ahead.postMessage = ((msg: { op: string }, transfer?: Parameters<typeof post>[1]) => {
      order.push(msg.op);
      post(msg, transfer);
    }) as typeof ahead.postMessage;
    const lazy = await PgliteShadow.open({ dataDir: () => (order.push('unpacked'), Buffer.from(tar)), handOver: true });
    try {
      expect(order.slice(0, 3)).toEqual(['open', 'unpacked', 'state']);
      expect(lazy.boot).toBe('cache');
      expect(await lazy.query('SELECT x FROM kept')).toEqual([{ x: 7 }]);
    } finally {
      await lazy.close();
    }
    const none = await PgliteShadow.open({ dataDir: () => undefined });
    try {
      expect(none.boot).toBe('datadir');
      expect(await none.query(`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'kept'`)).toEqual([{ n: 0 }]);
    } finally {
      await none.close();
    }
    // a view into a shared buffer (Node's pool, a larger allocation) is copied even when handed over
    const big = Buffer.alloc(tar.length + 10);
    tar.copy(big, 5);
    const part = big.subarray(5, 5 + tar.length);
    const sh2 = await PgliteShadow.open({ dataDir: part, handOver: true });
    try {
      expect(part.length).toBe(tar.length);
      expect(sha(part)).toBe(digest);
      expect(await sh2.query('SELECT x FROM kept')).toEqual([{ x: 7 }]);
    } finally {
      await sh2.close();
    }
  });
});
