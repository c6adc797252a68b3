#!/usr/bin/env node
// The pre-initialised PGlite data directory shipped in dist/ (pglite-datadir.tgz), so
// that the embedded shadow boots in about a second instead of running initdb (3.5-6 s).
//
// initdb output is not byte-for-byte reproducible (pg_control holds a time-based system
// id), so the tarball is generated only when the PGlite version changes: a build reuses
// the one already in dist/ (committed) when its sidecar names the installed version,
// else the checkout's cache (node_modules/.cache/zerodown, also what `src/` uses at run
// time), and only runs initdb when neither exists. dist/ therefore does not churn.
//
//   node scripts/make-pglite-snapshot.mjs            ensure the cache, print its size
//   node scripts/make-pglite-snapshot.mjs --force    regenerate the cache
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(import.meta.url);

export const DATADIR_FILE = 'pglite-datadir.tgz';
/** initdb options (shared with src/dialects/postgres/shadow/pglite.ts; the file says why): part of the cache key */
export const INITDB = JSON.parse(readFileSync(path.join(root, 'data', 'pglite-initdb.json'), 'utf8'));
export const SIDECAR_FILE = 'pglite-datadir.json';

export function pgliteVersion() {
  const dist = path.dirname(require.resolve('@electric-sql/pglite'));
  return JSON.parse(readFileSync(path.join(dist, '..', 'package.json'), 'utf8')).version;
}

export function cacheFile(version = pgliteVersion()) {
  return path.join(root, 'node_modules', '.cache', 'zerodown', `pglite-datadir-${version}-${INITDB.tag}.tgz`);
}

/**
 * initdb in PGlite, as a cold start at run time makes it (src/dialects/postgres/shadow/pglite-engine.ts
 * `makeDataDirSnapshot`, loaded from the sources with tsx: one recipe for both): template databases dropped,
 * checkpointed, no spare WAL, gzip -9.
 */
export async function generate() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { tsImport } = await import('tsx/esm/api');
  const { makeDataDirSnapshot } = await tsImport('../src/dialects/postgres/shadow/pglite-engine.ts', import.meta.url);
  const db = new PGlite({ initDbStartParams: INITDB.params });
  try {
    const gz = await makeDataDirSnapshot(db);
    const [{ server_version: pg }] = (await db.query('SHOW server_version')).rows;
    return { gz, postgres: pg };
  } finally {
    await db.close();
  }
}

function writeAtomic(file, data) {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/**
 * The snapshot a build may reuse from a previous dist/ (read BEFORE the build empties it):
 * `{ gz, meta }` when the sidecar names the installed PGlite version, else undefined.
 */
export function reusable(distDir, version = pgliteVersion()) {
  const f = path.join(distDir, DATADIR_FILE);
  const s = path.join(distDir, SIDECAR_FILE);
  if (!existsSync(f) || !existsSync(s)) return undefined;
  try {
    const meta = JSON.parse(readFileSync(s, 'utf8'));
    if (meta.pglite !== version || meta.initdb !== INITDB.tag) return undefined;
    return { gz: readFileSync(f), meta };
  } catch {
    return undefined;
  }
}

/** Ensures the cache holds a snapshot for the installed PGlite; returns `{ gz, meta, source }`. */
export async function ensure({ previous, force = false } = {}) {
  const version = pgliteVersion();
  const cache = cacheFile(version);
  if (!force && previous) {
    if (!existsSync(cache)) writeAtomic(cache, previous.gz);
    return { ...previous, source: 'previous dist/' };
  }
  if (!force && existsSync(cache)) {
    const gz = readFileSync(cache);
    return { gz, meta: { pglite: version, initdb: INITDB.tag, bytes: gz.length }, source: 'cache' };
  }
  const { gz, postgres } = await generate();
  writeAtomic(cache, gz);
  return { gz, meta: { pglite: version, initdb: INITDB.tag, postgres, bytes: gz.length }, source: 'initdb' };
}

/** Writes the snapshot and its sidecar into `outDir`. */
export function install(outDir, snap) {
  writeFileSync(path.join(outDir, DATADIR_FILE), snap.gz);
  writeFileSync(
    path.join(outDir, SIDECAR_FILE),
    JSON.stringify({ pglite: snap.meta.pglite, initdb: INITDB.tag, bytes: snap.gz.length }) + '\n',
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const snap = await ensure({ force: process.argv.includes('--force') });
  console.log(
    `PGlite ${snap.meta.pglite} data directory: ${(snap.gz.length / 1e6).toFixed(2)} MB gzip (${snap.source}, ${Math.round(performance.now() - t0)} ms) → ${path.relative(root, cacheFile())}`,
  );
}
