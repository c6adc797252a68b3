#!/usr/bin/env node
// Corpus parity: replays the full history of every project in shared/corpus/postgres on the
// embedded PGlite shadow AND on a real PostgreSQL (a throwaway database per project), and
// prints which files fail where. The two engines must agree file for file; a file failing
// on one only must be explained by a named engine limit (unavailable extension, newer
// PostgreSQL feature), else the script exits 1.
//
//   node scripts/corpus-parity.mjs [--url postgres://…] [--json] [project-substring…]
//
// URL: --url, else $ZERODOWN_TEST_PG_URL, else postgres://postgres@127.0.0.1:5432/test.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const { corpusProjects, compareEngines } = await import('../src/dialects/postgres/shadow/parity.ts');

const args = process.argv.slice(2);
const urlAt = args.indexOf('--url');
const url =
  urlAt >= 0 ? args[urlAt + 1] : (process.env.ZERODOWN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const json = args.includes('--json');
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--url');
const corpus = path.resolve(root, process.env.ZERODOWN_CORPUS ?? '../shared/corpus', 'postgres');
if (!existsSync(corpus)) {
  console.error(`corpus-parity: corpus not found at ${corpus} (set ZERODOWN_CORPUS)`);
  process.exit(2);
}

const projects = await corpusProjects(corpus, only.length ? only : undefined);
const results = [];
for (const p of projects) {
  if (!json) process.stderr.write(`${p.name} (${p.migrations.length} files)…\n`);
  results.push(await compareEngines(p, [undefined, url]));
}

if (json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const engines = results[0]?.runs.map((r) => r.engine) ?? ['pglite', 'postgresql'];
  const rows = [
    [
      'project',
      'files',
      `fail on ${engines[0]}`,
      `fail on ${engines[1]}`,
      'fail on both',
      'differ',
      'explained',
      `${engines[0]} s`,
      `${engines[1]} s`,
    ],
  ];
  for (const r of results) {
    rows.push([
      r.project,
      String(r.files),
      String(r.runs[0].failures.length),
      String(r.runs[1].failures.length),
      String(r.bothFail.length),
      String(r.differences.length),
      String(r.differences.filter((d) => d.explanation).length),
      (r.runs[0].ms / 1000).toFixed(1),
      (r.runs[1].ms / 1000).toFixed(1),
    ]);
  }
  const sum = (i) => String(rows.slice(1).reduce((n, r) => n + Number(r[i]), 0));
  rows.push(['total', sum(1), sum(2), sum(3), sum(4), sum(5), sum(6), '', '']);
  console.log('| ' + rows[0].join(' | ') + ' |');
  console.log('|' + rows[0].map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|') + '|');
  for (const r of rows.slice(1)) console.log('| ' + r.join(' | ') + ' |');
  const diffs = results.flatMap((r) => r.differences.map((d) => ({ project: r.project, ...d })));
  if (diffs.length) {
    console.log('\nFiles that fail on one engine only:');
    for (const d of diffs) {
      console.log(`- ${d.path}:${d.failure.line} fails on ${d.failsOn}: ${d.failure.code} ${d.failure.message}`);
      console.log(`  ${d.explanation ?? 'NOT EXPLAINED by a named engine limit'}`);
    }
  }
  const both = results.flatMap((r) =>
    r.bothFail.map((p) => ({ project: r.project, p, f: r.runs[0].failures.find((x) => x.path === p) })),
  );
  if (both.length) {
    console.log('\nFiles that fail on both engines (same on a real server: not a shadow problem):');
    for (const b of both) console.log(`- ${b.p}:${b.f.line} ${b.f.code} ${b.f.message.slice(0, 110)}`);
  }
}
const unexplained = results.some((r) => r.differences.some((d) => !d.explanation));
process.exit(unexplained ? 1 : 0);
