#!/usr/bin/env node
// The last step of `npm run bench`: one table with every row of issue 15's table (zerodown's figure, its anchor
// timed in the same `npm run bench`, the goal, met or not), read from the figures each bench script records in
// node_modules/.cache/zerodown-bench/<name>.json (bench-lib.mjs `record`):
//
//   lint.json       bench.mjs          { zerodown: { wall, cpu, rssMB }, squawk: { wall, rssMB } }   (cold: no cache)
//   rerun.json      bench-rerun.mjs    { again: { wall, rssMB }, squawk: { wall }, squawkOneFile: { wall }, node24 }
//   precommit.json  bench-precommit.mjs { lemmy: { history, wall, cpu }, lemmyNode24 }      (history cached)
//   dryrun.json     bench-dryrun.mjs   { cold: { wall, rssMB }, warm: { wall, rssMB },
//                                        native: { wall } or native: { skipped: "why" },  (psql replay anchor)
//                                        node24: { version, cold, warm } }   (shown, not judged)
//   action.json     bench-action.mjs   { wall, node, node24: { version, wall } }   (judged on Node 24)
//
// A missing record prints as "not measured" with the script that measures it. A record older than lint.json (the
// first script of `npm run bench`) is from an earlier run, and says so.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resultsDir } from './bench-lib.mjs';

const read = (name) => {
  const file = path.join(resultsDir, `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
};
const lint = read('lint');
const rerun = read('rerun');
const precommit = read('precommit');
const dryrun = read('dryrun');
const action = read('action');

const s = (x) =>
  x === undefined || Number.isNaN(x) ? 'n/a' : x < 0.1 ? `${(x * 1000).toFixed(0)} ms` : `${x.toFixed(2)} s`;
const mb = (x) => (x === undefined || Number.isNaN(x) ? '' : `, ${x.toFixed(0)} MB`);
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : 'n/a');
// `how`: what the user must do for a goal met (an option)
// `alsoOn`: the Node on which a goal missed on this machine's Node is met (said, not counted as met)
const verdict = (ok, alsoOn, how) =>
  ok === undefined
    ? ''
    : ok
      ? `met${how ? ` ${how}` : ''}`
      : alsoOn
        ? `**missed** on this machine's Node; met on Node ${alsoOn}`
        : '**missed**';
const missing = (script) => ({
  zd: `not recorded: \`node scripts/${script}\` ${script === 'bench-dryrun.mjs' ? 'records no figures yet' : 'did not run'}`,
  anchor: '',
  met: undefined,
});
const since = lint ? Date.parse(lint.at) : 0;
const when = (r) =>
  r ? `${r.at.slice(11, 16)} UTC, load ${r.load.toFixed(1)}${Date.parse(r.at) < since ? ' (an earlier run)' : ''}` : '';

const rows = [];
const row = (work, goal, rec, cells) => rows.push({ work, goal, when: when(rec), ...cells });

row(
  'lint all of the corpus, cold',
  '≤ 1.0× squawk wall; peak ≤ 120 MB',
  lint,
  lint
    ? {
        zd: `${s(lint.zerodown.wall)} wall, ${lint.zerodown.cpu.toFixed(1)} CPU-s${mb(lint.zerodown.rssMB)}`,
        anchor: `squawk: ${s(lint.squawk.wall)}${mb(lint.squawk.rssMB)}; ratio ${ratio(lint.zerodown.wall, lint.squawk.wall)}`,
        met: lint.zerodown.wall <= lint.squawk.wall && !(lint.zerodown.rssMB > 120),
      }
    : missing('bench.mjs'),
);
row(
  'the same, run again with nothing changed',
  '≤ 0.25× squawk',
  rerun,
  rerun
    ? {
        zd: `${s(rerun.again.wall)}${mb(rerun.again.rssMB)} (first run ${s(rerun.first.wall)})`,
        anchor: `squawk: ${s(rerun.squawk.wall)}; ratio ${ratio(rerun.again.wall, rerun.squawk.wall)}${rerun.node24 ? ` (both on Node 24: ${s(rerun.node24.again.wall)} against ${s(rerun.node24.squawk.wall)}, ${ratio(rerun.node24.again.wall, rerun.node24.squawk.wall)})` : ''}`,
        met: rerun.again.wall <= 0.25 * rerun.squawk.wall,
        alsoOn:
          rerun.node24 && rerun.node24.again.wall <= 0.25 * rerun.node24.squawk.wall ? rerun.node24.version : undefined,
      }
    : missing('bench-rerun.mjs'),
);
row(
  `lint one new lemmy migration (${precommit?.lemmy?.history ?? 342} earlier files, history cached)`,
  '≤ 0.15 s',
  precommit,
  precommit?.lemmy
    ? {
        zd: `${s(precommit.lemmy.wall)}, ${s(precommit.lemmy.cpu)} CPU${precommit.lemmyNode24 ? `; on Node 24: ${s(precommit.lemmyNode24.wall)}` : ''}${precommit.lemmyDaemon ? `; with \`--daemon\` (the resident zerodown): ${s(precommit.lemmyDaemon.wall)}${precommit.lemmyDaemonNode24 ? `, on Node 24 ${s(precommit.lemmyDaemonNode24.wall)}` : ''}` : ''}`,
        anchor: rerun ? `squawk on the file alone: ${s(rerun.squawkOneFile.wall)}` : 'squawk: see bench-rerun.mjs',
        // the hook as configured: in its own process, or with --daemon (docs/pre-commit.md)
        met: precommit.lemmy.wall <= 0.15 || precommit.lemmyDaemon?.wall <= 0.15,
        how: precommit.lemmy.wall > 0.15 && precommit.lemmyDaemon?.wall <= 0.15 ? 'with `--daemon`' : undefined,
        alsoOn: precommit.lemmy.wall > 0.15 && precommit.lemmyNode24?.wall <= 0.15 ? precommit.node24 : undefined,
      }
    : missing('bench-precommit.mjs'),
);
const native = dryrun?.native;
row(
  'embedded dry run of that migration, no cache',
  '≤ 0.75× the native replay; peak ≤ 300 MB',
  dryrun,
  dryrun?.cold
    ? {
        zd: `${s(dryrun.cold.wall)}${mb(dryrun.cold.rssMB)}${dryrun.node24 ? `; on Node 24: ${s(dryrun.node24.cold.wall)}${mb(dryrun.node24.cold.rssMB)}` : ''}`,
        anchor: native?.wall
          ? `psql replay into a fresh database: ${s(native.wall)}; ratio ${ratio(dryrun.cold.wall, native.wall)}`
          : `native replay skipped: ${native?.skipped ?? 'not recorded'}`,
        met: native?.wall ? dryrun.cold.wall <= 0.75 * native.wall && !(dryrun.cold.rssMB > 300) : undefined,
      }
    : missing('bench-dryrun.mjs'),
);
row(
  'the same with the replay cache warm',
  '≤ 0.6 s',
  dryrun,
  dryrun?.warm
    ? {
        zd: `${s(dryrun.warm.wall)}${mb(dryrun.warm.rssMB)}${dryrun.node24 ? `; on Node 24: ${s(dryrun.node24.warm.wall)}${mb(dryrun.node24.warm.rssMB)}` : ''}`,
        anchor: '',
        met: dryrun.warm.wall <= 0.6,
        alsoOn: dryrun.node24 && dryrun.node24.warm.wall <= 0.6 ? dryrun.node24.version : undefined,
      }
    : missing('bench-dryrun.mjs'),
);
row(
  "the Action's first run on a PR (lint, plan, dry run, comment)",
  '≤ 2.0 s',
  action,
  action
    ? {
        // judged on Node 24, the runtime action.yml names, when the bench could run it
        zd: action.node24
          ? `${s(action.node24.wall)} on Node ${action.node24.version} (the Action's runtime); ${s(action.wall)} on Node ${action.node}`
          : s(action.wall),
        anchor: '',
        met: (action.node24?.wall ?? action.wall) <= 2.0,
      }
    : missing('bench-action.mjs'),
);

const cores = [lint, rerun, precommit, dryrun, action].find(Boolean)?.cores;
console.log(`\nissue 15, every row${cores ? ` (${cores} cores)` : ''}:\n`);
console.log('| work | zerodown | anchor (same run) | goal | met | measured |');
console.log('|---|---|---|---|---|---|');
for (const r of rows)
  console.log(`| ${r.work} | ${r.zd} | ${r.anchor} | ${r.goal} | ${verdict(r.met, r.alsoOn, r.how)} | ${r.when} |`);
const met = rows.filter((r) => r.met).length;
const judged = rows.filter((r) => r.met !== undefined).length;
console.log(`\n${met} of ${judged} goals met${judged < rows.length ? ` (${rows.length - judged} not recorded)` : ''}.`);
