#!/usr/bin/env node
// Builds dist/: the CLI (dist/cli.js), the GitHub Action (dist/index.js) and the worker
// thread that runs PGlite for both (dist/pglite-worker.js, from src/dialects/postgres/shadow/pglite-worker.ts:
// the only bundle holding PGlite, so the glue patches apply there), bundled with esbuild as
// ES modules. @vercel/ncc could not bundle PGlite into a working file
// (see shared/NOTES.md), so esbuild it is. The WebAssembly and data files the
// parsers and PGlite load at run time are copied next to the bundles.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensure as ensureDataDir, install as installDataDir, reusable } from './make-pglite-snapshot.mjs';
import { checkApplied, pglitePatchPlugin } from './pglite-patches.mjs';

const root = path.resolve(new URL('..', import.meta.url).pathname);
// `--outdir DIR` builds somewhere else (the dist-is-stale check and the Action's end-to-end tests)
const outArg = process.argv.indexOf('--outdir');
const dist = outArg > 0 && process.argv[outArg + 1] ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dist');
const require = createRequire(import.meta.url);

const entries = [
  { in: 'src/cli/bin.ts', out: 'cli' },
  ...(existsSync(path.join(root, 'src/action/main.ts')) ? [{ in: 'src/action/main.ts', out: 'index' }] : []),
  { in: 'src/dialects/postgres/shadow/pglite-worker.ts', out: 'pglite-worker' },
];

// the PGlite data directory is regenerated only when the PGlite version changes (see
// scripts/make-pglite-snapshot.mjs): keep the one of the previous build before emptying dist/
const previousDataDir = reusable(dist) ?? reusable(path.join(root, 'dist'));

// hot spots of PGlite's Emscripten glue, patched in the bundle (scripts/pglite-patches.mjs says why)
const patchesApplied = [];

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: entries.map((e) => ({ in: path.join(root, e.in), out: e.out })),
  outdir: dist,
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // code splitting: what a command imports lazily (a dialect's database driver, the GitLab client, the LSP
  // server, the plan and dry-run commands) goes to its own chunk in dist/, so `zerodown lint` reads and compiles
  // only the code it runs (Node 20 has no compile cache: start-up time grows with the bytes loaded)
  splitting: true,
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
  plugins: [pglitePatchPlugin((f) => readFileSync(f, 'utf8'), patchesApplied)],
  banner: {
    js: [
      "import { createRequire as __zdCreateRequire } from 'node:module';",
      "import { fileURLToPath as __zdFileURLToPath } from 'node:url';",
      "import { dirname as __zdDirname } from 'node:path';",
      'const require = __zdCreateRequire(import.meta.url);',
      'const __filename = __zdFileURLToPath(import.meta.url);',
      'const __dirname = __zdDirname(__filename);',
    ].join('\n'),
  },
});

checkApplied(patchesApplied);

// run-time assets
const assets = [];
const pgq = path.dirname(require.resolve('libpg-query'));
assets.push(path.join(pgq, 'libpg-query.wasm'));
const pglite = path.dirname(require.resolve('@electric-sql/pglite'));
for (const f of readdirSync(pglite)) {
  // *.tar.gz: extension bundles (pgcrypto, pg_trgm, …) the dry run loads when a migration creates one
  if (/\.(wasm|data|tar\.gz)$/.test(f)) assets.push(path.join(pglite, f));
}
for (const a of assets) {
  copyFileSync(a, path.join(dist, path.basename(a)));
}
// the bundles are ES modules: said next to them, so that Node need not find it out by parsing each file a second
// time when dist/ runs outside this package (a copy, a temporary build for the bench or the tests)
writeFileSync(path.join(dist, 'package.json'), '{ "type": "module" }\n');
const dataDir = await ensureDataDir({ previous: previousDataDir });
installDataDir(dist, dataDir);
// this build, as a hash (src/build.ts `codeIdentity`, what the caches key on), computed once here instead of in
// every run: zerodown's version, every bundle's name (esbuild names a chunk by a hash of its content), the content
// of the entry bundles (their names never change), and the size of each WebAssembly file (PGlite's and the
// parser's, which change with a dependency). Content, not mtimes: a fresh checkout of a commit is the same build.
{
  const h = createHash('sha256').update(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  const entryFiles = new Set(entries.map((e) => `${e.out}.js`));
  for (const f of readdirSync(dist)
    .filter((n) => n.endsWith('.js') || n.endsWith('.wasm'))
    .sort()) {
    h.update(`${f}\0`);
    if (f.endsWith('.wasm')) h.update(`${statSync(path.join(dist, f)).size}\n`);
    else if (entryFiles.has(f)) h.update(readFileSync(path.join(dist, f))).update('\n');
  }
  writeFileSync(path.join(dist, 'build-id'), `${h.digest('hex')}\n`);
}
console.log(`dist/: PGlite data directory ${(dataDir.gz.length / 1e6).toFixed(2)} MB gzip (${dataDir.source})`);
const chunks = readdirSync(dist).filter((f) => f.endsWith('.js') && !entries.some((e) => `${e.out}.js` === f));
console.log(
  `dist/: ${entries.map((e) => `${e.out}.js`).join(', ')} + ${chunks.length} chunks they load on demand + ${assets.length} assets`,
);
