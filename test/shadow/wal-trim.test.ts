/**
 * The data directory zerodown ships, and every shadow state it saves, keep no WAL segment after the one being
 * written (src/dialects/postgres/shadow/pglite-engine.ts `checkpointAndTrimWal`): initdb leaves four recycled 1 MB
 * segments ahead of its checkpoint, which every boot unpacked for nothing. PostgreSQL must then create those segments
 * again as it reaches them, in the engine that dropped them and in one booted from its dump.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { bytesBlob, checkpointAndTrimWal } from '../../src/dialects/postgres/shadow/pglite-engine.js';
import { dataDirCandidates, PgliteShadow } from '../../src/dialects/postgres/shadow/pglite.js';
import { tarEntries } from './tar.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** the data directory the committed bundle ships (in every checkout) */
const DIST_DATADIR = path.join(ROOT, 'dist', 'pglite-datadir.tgz');
const SEGMENT = /^[0-9A-F]{24}$/;

/** The WAL segment files a tar archive holds, by name. */
function walSegments(tar: Uint8Array): string[] {
  const names: string[] = [];
  for (const { name } of tarEntries(tar)) {
    const [dir, file] = name.replace(/\/$/, '').split('/').slice(-2);
    if (dir === 'pg_wal' && file && SEGMENT.test(file)) names.push(file);
  }
  return names.sort();
}

const CURRENT =
  "SELECT current_setting('data_directory') || '/pg_wal' AS dir, pg_walfile_name(pg_current_wal_insert_lsn()) AS current";

/** The name of the segment `n` after `name` (same timeline; 1 MB segments: 4096 per log file). */
function segmentAfter(name: string, n: number): string {
  const seg = BigInt(`0x${name.slice(8, 16)}`) * 4096n + BigInt(`0x${name.slice(16)}`) + BigInt(n);
  const hex = (x: bigint) => x.toString(16).toUpperCase().padStart(8, '0');
  return name.slice(0, 8) + hex(seg / 4096n) + hex(seg % 4096n);
}

describe('WAL segments ahead of the one being written', () => {
  // the committed dist/ (what users and the Action boot), and the one a boot from the sources finds (the cache)
  const found = dataDirCandidates().find((f) => existsSync(f));
  for (const file of [...new Set([DIST_DATADIR, ...(found ? [found] : [])])]) {
    it(`the shipped data directory has none: ${path.relative(ROOT, file)}`, async () => {
      const tar = gunzipSync(readFileSync(file));
      const segments = walSegments(tar);
      expect(segments.length).toBeGreaterThan(0);
      const db = new PGlite({ loadDataDir: bytesBlob(tar, 'application/x-tar') });
      try {
        await db.waitReady;
        const { current } = (await db.query<{ current: string }>(CURRENT)).rows[0]!;
        expect(segments.filter((s) => s > current)).toEqual([]);
      } finally {
        await db.close();
      }
    }, 60_000);
  }

  it('checkpointAndTrimWal drops them, and PostgreSQL writes on through the segments it dropped', async () => {
    // the shipped data directory: zerodown's 1 MB segments (`segmentAfter` counts in them)
    const db = new PGlite({ loadDataDir: bytesBlob(gunzipSync(readFileSync(DIST_DATADIR)), 'application/x-tar') });
    try {
      await db.waitReady;
      const { dir, current } = (await db.query<{ dir: string; current: string }>(CURRENT)).rows[0]!;
      // two segments ahead, as a checkpoint recycles or preallocates them
      const ahead = [segmentAfter(current, 1), segmentAfter(current, 2)];
      for (const name of ahead) db.Module.FS.writeFile(`${dir}/${name}`, new Uint8Array(1 << 20));
      await checkpointAndTrimWal(db);
      const left = (db.Module.FS.readdir(dir) as string[]).filter((f) => SEGMENT.test(f));
      expect(left).toContain(current);
      expect(left.filter((f) => f > current)).toEqual([]);
      // about 4 MB of WAL: through both dropped names and beyond, created again as they are reached
      await db.exec(
        "CREATE TABLE filler (id int, pad text); INSERT INTO filler SELECT g, repeat('x', 400) FROM generate_series(1, 8000) g; CHECKPOINT",
      );
      const now = (await db.query<{ current: string }>(CURRENT)).rows[0]!.current;
      expect(now > ahead[1]!).toBe(true);
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM filler')).rows[0]!.n).toBe(8000);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('a saved state has none, and an engine booted from it writes on and reads back what the state held', async () => {
    const first = await PgliteShadow.open();
    let tar: Buffer;
    try {
      const [{ dir, current }] = await first.query<{ dir: string; current: string }>(CURRENT);
      // a segment ahead, written by the server itself (COPY TO a file: the engine runs as a superuser)
      await first.exec(`COPY (SELECT 1) TO '${dir}/${segmentAfter(current, 1)}'`);
      await first.exec(
        "CREATE TABLE kept (id int, pad text); INSERT INTO kept SELECT g, 'k' FROM generate_series(1, 10) g",
      );
      tar = await first.dumpDataDir();
    } finally {
      await first.close();
    }
    const segments = walSegments(tar);
    expect(segments.length).toBeGreaterThan(0);
    const sh = await PgliteShadow.open({ dataDir: tar });
    try {
      expect(sh.boot).toBe('cache');
      const [{ current }] = await sh.query<{ current: string }>(CURRENT);
      expect(segments.filter((s) => s > current)).toEqual([]);
      await sh.exec("INSERT INTO kept SELECT g, repeat('y', 400) FROM generate_series(11, 8000) g; CHECKPOINT");
      expect(await sh.query('SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 8000 }]);
    } finally {
      await sh.close();
    }
  }, 120_000);
});
