#!/usr/bin/env node
// Findings parity between two builds of the CLI: runs `lint <project> --format json` with each
// on every project of the PostgreSQL corpus (../shared/corpus/postgres, or $ZERODOWN_CORPUS/postgres)
// and on any extra paths given, and prints every difference in the JSON (timings ignored).
// Exits 1 when the two disagree anywhere.
//
//   node scripts/lint-diff.mjs --before OLD/cli.js --after NEW/cli.js [--plan] [extra paths…]
//       --plan: also `plan --no-verify --format json` (the planner walks with the lint engine)
//   ZERODOWN_PARSE_PIECE_CHARS=2000 node scripts/lint-diff.mjs …   (the "after" run only: every
//       file over 2,000 characters goes through the pieced parse that re-reads parse trees)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const before = opt('--before');
const after = opt('--after');
if (!before || !after) {
  console.error('usage: lint-diff.mjs --before OLD/cli.js --after NEW/cli.js [paths…]');
  process.exit(2);
}
const extra = args.filter((a, i) => !a.startsWith('--') && !['--before', '--after'].includes(args[i - 1]));
const corpus = path.resolve(root, process.env.ZERODOWN_CORPUS ?? '../shared/corpus', 'postgres');
const targets = [
  ...(existsSync(corpus) ? readdirSync(corpus).map((d) => path.join(corpus, d)) : []),
  ...extra.map((p) => path.resolve(p)),
];
const pieceEnv = process.env.ZERODOWN_PARSE_PIECE_CHARS;

/** the run's JSON without what differs from run to run */
function lint(cli, target, env, command = ['lint']) {
  const r = spawnSync(process.execPath, [cli, ...command, target, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env,
  });
  if (!r.stdout) return { exit: r.status, stderr: r.stderr.slice(-500) };
  const json = JSON.parse(r.stdout);
  delete json.timings;
  delete json.durationMs;
  return { exit: r.status, json };
}

const withPlan = args.includes('--plan');
let plans = 0;
const baseEnv = { ...process.env };
delete baseEnv.ZERODOWN_PARSE_PIECE_CHARS;
let differ = 0;
let findings = 0;
for (const t of targets) {
  const afterEnv = pieceEnv ? { ...baseEnv, ZERODOWN_PARSE_PIECE_CHARS: pieceEnv } : baseEnv;
  const a = lint(before, t, baseEnv);
  const b = lint(after, t, afterEnv);
  if (withPlan) {
    const pa = JSON.stringify(lint(before, t, baseEnv, ['plan', '--no-verify']));
    const pb = JSON.stringify(lint(after, t, afterEnv, ['plan', '--no-verify']));
    plans++;
    if (pa !== pb) {
      differ++;
      console.log(`PLAN DIFFERS: ${path.relative(process.cwd(), t)}`);
    }
  }
  const sa = JSON.stringify(a);
  const sb = JSON.stringify(b);
  findings += a.json?.files?.reduce((n, f) => n + f.findings.length, 0) ?? 0;
  if (sa === sb) continue;
  differ++;
  console.log(`DIFFERS: ${path.relative(process.cwd(), t)}`);
  const fa = new Set((a.json?.files ?? []).flatMap((f) => f.findings.map((x) => JSON.stringify(x))));
  const fb = new Set((b.json?.files ?? []).flatMap((f) => f.findings.map((x) => JSON.stringify(x))));
  for (const x of fa) if (!fb.has(x)) console.log(`  - ${x}`);
  for (const x of fb) if (!fa.has(x)) console.log(`  + ${x}`);
  if (a.exit !== b.exit) console.log(`  exit ${a.exit} → ${b.exit}`);
}
console.log(
  `${targets.length} target(s), ${findings} finding(s) before${withPlan ? `, ${plans} plan run(s)` : ''}${pieceEnv ? `, after with pieces of ${pieceEnv} characters` : ''}: ${differ ? `${differ} differ` : 'identical'}`,
);
process.exit(differ ? 1 : 0);
