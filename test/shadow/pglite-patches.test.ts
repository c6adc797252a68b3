/**
 * The bundle patches hot spots of PGlite's Emscripten glue and of its data directory's loader and dump
 * (scripts/pglite-patches.mjs). These tests pin them to the installed PGlite (an upgrade that changes the glue fails
 * here, not only in the build), check that each rewrite computes what the original computed, and run a patched copy
 * of PGlite through a dump and a boot from it. test/shadow/dist.test.ts runs dry runs through the patched bundle.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { BUNDLE_PRELUDE, PATCHES, SYM_INDEX_PRELUDE, patchSource } from '../../scripts/pglite-patches.mjs';
import { bytesBlob } from '../../src/dialects/postgres/shadow/pglite-engine.js';
import { tarEntries } from './tar.js';

const pgliteDist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));

/** PGlite's files in `dir`/dist beside its patched code, as the bundle has them (the large assets linked, not copied). */
function patchedCopy(dir: string): { copy: string; applied: string[] } {
  const copy = path.join(dir, 'dist');
  mkdirSync(copy);
  const applied: string[] = [];
  for (const f of readdirSync(pgliteDist)) {
    const from = path.join(pgliteDist, f);
    if (!f.endsWith('.js')) symlinkSync(from, path.join(copy, f));
    else {
      const r = patchSource(readFileSync(from, 'utf8'));
      applied.push(...r.applied);
      writeFileSync(path.join(copy, f), r.contents);
    }
  }
  return { copy, applied };
}

describe('PGlite glue patches', () => {
  it('each patch finds its expression in the installed PGlite, once per file', () => {
    const applied: string[] = [];
    for (const f of readdirSync(pgliteDist).filter((x) => x.endsWith('.js'))) {
      applied.push(...patchSource(readFileSync(path.join(pgliteDist, f), 'utf8')).applied);
    }
    for (const p of PATCHES as { name: string }[]) expect(applied, p.name).toContain(p.name);
  });

  it('dlsym-index returns what Object.keys(exports).indexOf returns, also after exports are added', () => {
    const symIndex = new Function(`${SYM_INDEX_PRELUDE}return __zdSymIndex;`)() as (o: object, k: string) => number;
    const lib: Record<string, unknown> = { _PG_init: 1, pg_finfo_digest: 2, digest: 3 };
    const check = (k: string) => expect(symIndex(lib, k), k).toBe(Object.keys(lib).indexOf(k));
    for (const k of ['digest', '_PG_init', 'missing', 'pg_finfo_digest']) check(k);
    lib.hmac = 4; // a library loaded later merges more names into the same object
    lib.pg_finfo_hmac = 5;
    for (const k of ['hmac', 'pg_finfo_hmac', 'digest', 'missing']) check(k);
    expect(symIndex({}, 'x')).toBe(-1);
  });

  it('extension-bundle-read-at-once inflates a bundle into one buffer of its own, handed over: the bytes gunzip gives', async () => {
    const bundle = new Function(`${BUNDLE_PRELUDE}return __zdBundle;`)() as (
      z: typeof zlib,
      gz: Buffer,
    ) => { type: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };
    const gz = readFileSync(path.join(pgliteDist, 'pgcrypto.tar.gz'));
    const expected = gunzipSync(gz);
    const blob = bundle(zlib, gz);
    expect([blob.type, blob.size]).toEqual(['application/x-tar', expected.length]);
    const bytes = await blob.arrayBuffer();
    // the inflated buffer itself (zlib wrote it in one piece), not a copy of chunks joined
    expect(bytes.byteLength).toBe(expected.length);
    expect(Buffer.from(bytes).equals(expected)).toBe(true);
    // gzip members joined (the trailer names the last one's size) only cost the join: the same bytes
    const two = Buffer.concat([gzipSync(Buffer.from('first ')), gzipSync(Buffer.from('second'))]);
    expect(Buffer.from(await bundle(zlib, two).arrayBuffer()).toString()).toBe('first second');
    const lying = Buffer.from(gzipSync(Buffer.alloc(100_000, 7)));
    lying.writeUInt32LE(64, lying.length - 4);
    // a damaged size fails gunzip's own length check, with or without the hint
    expect(() => bundle(zlib, lying)).toThrow(/length/);
    expect(() => gunzipSync(lying)).toThrow(/length/);
    expect(Buffer.from(await bundle(zlib, gzipSync(Buffer.alloc(10, 1))).arrayBuffer())).toEqual(Buffer.alloc(10, 1));
  });

  it('lookup-path-join builds the same path as PATH.join2 for a normalized path and a plain name', () => {
    const p = (PATCHES as { name: string; find: RegExp; replace: string }[]).find(
      (x) => x.name === 'lookup-path-join',
    )!;
    const original = 'a=PATH.join2(a,_[i]);try{';
    const patched = original.replace(p.find, p.replace);
    const join = new Function('a', '_', 'i', `${patched.replace(/try\{$/, '')}return a;`) as (
      a: string,
      parts: string[],
      i: number,
    ) => string;
    for (const [dir, name] of [
      ['/', 'pglite'],
      ['/pglite', 'data'],
      ['/pglite/data/base/5', '16384_fsm'],
      ['/tmp', '.s.PGSQL.5432'],
    ] as const) {
      expect(join(dir, [name], 0)).toBe(path.posix.normalize(`${dir}/${name}`));
    }
  });

  it('extension-library-on-use: where the engine says so, PGlite no longer preloads an extension library at boot', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zerodown-pglite-ext-'));
    const said: string[] = [];
    // (PostgreSQL's own debug output, through the other console methods, is kept out of the test's output too)
    const spies = (['log', 'info', 'debug', 'warn', 'error'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
        said.push(args.map(String).join(' '));
      }),
    );
    try {
      const { copy: patched } = patchedCopy(dir);
      // PGlite's debug log names each library it preloads
      // and whether the library's file and the extension's control file are views of one buffer (the bundle's, as
      // inflated: extension-files-owned, extension-libraries-owned) or copies each
      let shared = false;
      const preloads = async (dist: string, onUse: boolean) => {
        said.length = 0;
        (globalThis as { __zdLibrariesOnUse?: boolean }).__zdLibrariesOnUse = onUse;
        type Node = { node: { contents: Uint8Array } };
        const { PGlite } = (await import(pathToFileURL(path.join(dist, 'index.js')).href)) as {
          PGlite: new (o?: object) => {
            waitReady: Promise<void>;
            close(): Promise<void>;
            Module: { FS: { lookupPath(p: string): Node } };
          };
        };
        const db = new PGlite({
          debug: 1,
          extensions: { ltree: pathToFileURL(path.join(pgliteDist, 'ltree.tar.gz')) },
        });
        try {
          await db.waitReady;
          const file = (p: string) => db.Module.FS.lookupPath(`/pglite/${p}`).node.contents;
          shared = file('lib/postgresql/ltree.so').buffer === file('share/postgresql/extension/ltree.control').buffer;
        } finally {
          await db.close();
        }
        return said.filter((l) => l.includes('pgfs:ext preloading'));
      };
      const preloaded = [expect.stringContaining('ltree.so')];
      // the installed PGlite always preloads; the patched one unless the engine asked for libraries on use
      expect(await preloads(pgliteDist, true)).toEqual(preloaded);
      expect(shared).toBe(false);
      expect(await preloads(patched, false)).toEqual(preloaded);
      expect(shared).toBe(true);
      expect(await preloads(patched, true)).toEqual([]);
      expect(shared).toBe(true);
    } finally {
      delete (globalThis as { __zdLibrariesOnUse?: boolean }).__zdLibrariesOnUse;
      for (const spy of spies) spy.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a patched PGlite dumps every file of its data directory as it is, and boots from that dump owning it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zerodown-pglite-patched-'));
    try {
      const { copy, applied } = patchedCopy(dir);
      for (const name of [
        'untar-views',
        'untar-parent-first',
        'tar-files-owned',
        'dump-file-views',
        'tar-keeps-views',
        'dump-tar-as-is',
        'extension-library-on-use',
        'extension-bundle-read-at-once',
        'extension-files-owned',
        'extension-libraries-owned',
      ])
        expect(applied).toContain(name);
      // an extension as zerodown gives it (its bundle's path): its library is no longer preloaded at boot, so
      // PostgreSQL loads it from the file system when it first calls into it, in each engine
      const extensions = { ltree: pathToFileURL(path.join(copy, 'ltree.tar.gz')) };
      type Pg = {
        waitReady: Promise<void>;
        exec(sql: string): Promise<unknown>;
        query<T>(sql: string): Promise<{ rows: T[] }>;
        dumpDataDir(c: 'none'): Promise<{ arrayBuffer(): Promise<ArrayBuffer>; type: string }>;
        close(): Promise<void>;
        Module: {
          FS: { readFile(p: string): Uint8Array; stat(p: string): { mode: number }; isFile(m: number): boolean };
        };
      };
      const { PGlite } = (await import(pathToFileURL(path.join(copy, 'index.js')).href)) as {
        PGlite: new (o?: object) => Pg;
      };
      const first = new PGlite({ extensions });
      let tar: Uint8Array;
      try {
        await first.waitReady;
        await first.exec(
          "CREATE TABLE kept (id int PRIMARY KEY, v text); INSERT INTO kept SELECT g, repeat('x', g % 50) FROM generate_series(1, 3000) g; CHECKPOINT;",
        );
        // CREATE EXTENSION checks its C functions (the library loaded then), and ltree's type reads and writes
        await first.exec(
          "CREATE EXTENSION ltree; CREATE TABLE paths (p ltree); INSERT INTO paths VALUES ('a.b.c'), ('a.d'); CHECKPOINT;",
        );
        expect((await first.query<{ n: number }>("SELECT nlevel('x.y'::ltree) AS n")).rows).toEqual([{ n: 2 }]);
        const dumped = await first.dumpDataDir('none');
        expect(dumped.type).toBe('application/x-tar');
        tar = new Uint8Array(await dumped.arrayBuffer());
        // every regular file of the archive holds the bytes the engine's own file system holds
        const fs = first.Module.FS;
        let files = 0;
        for (const { name, type, bytes } of tarEntries(tar)) {
          if (type !== '0') continue;
          const own = fs.readFile(`/pglite/data${name}`);
          expect(Buffer.from(bytes).equals(Buffer.from(own)), name).toBe(true);
          files++;
        }
        expect(files).toBeGreaterThan(100);
      } finally {
        await first.close();
      }
      // a second engine boots from the dump handed over (its files views into it) and writes on, growing them
      // as the worker boots a saved state (pglite-engine.ts `librariesOnUse`)
      (globalThis as { __zdLibrariesOnUse?: boolean }).__zdLibrariesOnUse = true;
      const second = new PGlite({ loadDataDir: bytesBlob(tar, 'application/x-tar'), extensions });
      try {
        await second.waitReady;
        // every folder and file of the dump is there, each folder made once its first file needed it
        // (untar-parent-first), whatever the order of the archive's entries
        const loaded = (second as unknown as Pg).Module.FS;
        let entries = 0;
        for (const { name, type } of tarEntries(tar)) {
          const st = loaded.stat(`/pglite/data${name}`.replace(/\/$/, ''));
          expect(loaded.isFile(st.mode), name).toBe(type === '0');
          entries++;
        }
        expect(entries).toBeGreaterThan(100);
        expect((await second.query<{ n: number }>('SELECT count(*)::int AS n FROM kept')).rows).toEqual([{ n: 3000 }]);
        // the extension bundle's files are the file system's as the bundle inflated them: views of one buffer
        // (extension-files-owned), not a copy each
        const fs = (second as unknown as Pg).Module.FS as unknown as {
          lookupPath(p: string): { node: { contents: Uint8Array; usedBytes: number } };
        };
        const so = fs.lookupPath('/pglite/lib/postgresql/ltree.so').node;
        const control = fs.lookupPath('/pglite/share/postgresql/extension/ltree.control').node;
        expect(so.contents.buffer).toBe(control.contents.buffer);
        expect(so.contents.buffer.byteLength).toBeGreaterThan(so.usedBytes + control.usedBytes);
        // the extension's library, never loaded in this engine, is loaded by the first call into it
        expect(
          (await second.query<{ p: string }>("SELECT p::text AS p FROM paths WHERE p <@ 'a' ORDER BY p")).rows,
        ).toEqual([{ p: 'a.b.c' }, { p: 'a.d' }]);
        await second.exec("INSERT INTO kept SELECT g, 'more' FROM generate_series(3001, 9000) g; CHECKPOINT;");
        const r = await second.query<{ n: number; s: number }>(
          'SELECT count(*)::int AS n, sum(id)::int AS s FROM kept',
        );
        expect(r.rows).toEqual([{ n: 9000, s: (9000 * 9001) / 2 }]);
      } finally {
        await second.close();
      }
    } finally {
      delete (globalThis as { __zdLibrariesOnUse?: boolean }).__zdLibrariesOnUse;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
