/**
 * How the PGlite worker boots (src/dialects/postgres/shadow/pglite-engine.ts, pglite.ts): PGlite's WebAssembly is
 * compiled once by the main thread and shared by every worker (compileEngine), its file system bundle is read as
 * the worker starts (prefetchArtifacts), data directories reach PGlite as
 * the bytes themselves rather than through a Blob (bytesBlob), and a cached state is copied once
 * and transferred to the worker. These pin that PGlite still boots that way, with real PGlite,
 * and that the caller's cached state survives the transfer.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { bootEngine, bytesBlob, prefetchArtifacts } from '../../src/dialects/postgres/shadow/pglite-engine.js';
import { compileEngine, dataDirCandidates, PgliteShadow } from '../../src/dialects/postgres/shadow/pglite.js';

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

  it('bytesBlob with copyEachRead gives each read its own buffer; without, the same one', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const copying = bytesBlob(bytes, 'application/octet-stream', true);
    const a = await copying.arrayBuffer();
    const b = await copying.arrayBuffer();
    expect(a).not.toBe(b);
    expect([...new Uint8Array(b)]).toEqual([1, 2, 3]);
    new Uint8Array(a)[0] = 9;
    expect(new Uint8Array(await copying.arrayBuffer())[0]).toBe(1);
    const shared = bytesBlob(bytes);
    expect(await shared.arrayBuffer()).toBe(await shared.arrayBuffer());
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
  });
});
