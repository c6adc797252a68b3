#!/usr/bin/env node
// `npm run bench:action` (part of `npm run bench`): the GitHub Action's first run on a pull request, timed whole:
// the built dist/index.js as the runner starts it, on the end-to-end tests' fixture (test/action/: a workspace git
// repository with a two-file history and one unsafe migration, a real HTTP server standing in for the GitHub API,
// with a busy PR: 123 changed files over two pages, 104 comments before ours). The run lints, plans, dry-runs the
// migration on the embedded PGlite (no cache: a first run has none) and posts its sticky comment. Then the same
// with the shadow cache a workflow keeps with actions/cache (ZERODOWN_CACHE_DIR, filled by one untimed run): the
// same PR again (a push of application code only, a re-run job), whose dry run report and proof verdict are reused.
// Both on this machine's Node and on Node 24, the runtime action.yml names (installed into node_modules/.cache on
// first use, bench-lib.mjs `ensureNode24`): the goal is judged on Node 24, where the Action runs.
//
//   node scripts/bench-action.mjs [--dist DIR]    (default: a fresh build of the sources in a temp directory)
//   BENCH_RUNS=5 node scripts/bench-action.mjs    (default 3 runs, median)
//
// The fixture and the fake API are the tests' own code (test/action/harness.ts, github-server.ts), loaded with tsx.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { ensureNode24, loadText, median, opt, record } from './bench-lib.mjs';

const GOAL = 2.0;
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const harness = await tsImport('../test/action/harness.ts', import.meta.url);
const { startFakeGitHub } = await tsImport('../test/action/github-server.ts', import.meta.url);
const { STICKY_MARKER } = await tsImport('../src/report/markdown.ts', import.meta.url);

const OWNER = 'acme';
const REPO = 'shop';
const PR = 42;

const tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-bench-action-'));
try {
  const indexJs = opt('--dist')
    ? path.join(path.resolve(opt('--dist')), 'index.js')
    : harness.buildActionInto(path.join(tmp, 'action'));
  const ws = harness.makeWorkspace(tmp);

  /** The tests' busy PR (test/action/action.e2e.test.ts), on a fresh fake API: no comment of ours yet. */
  async function freshGitHub() {
    const gh = await startFakeGitHub({ owner: OWNER, repo: REPO, prNumber: PR });
    for (let i = 0; i < 120; i++) gh.files.push({ filename: `src/generated/file${i}.ts`, status: 'modified' });
    gh.files.push({ filename: 'src/app.ts', status: 'modified' });
    gh.files.push({ filename: harness.NEW_MIGRATION, status: 'added' });
    gh.files.push({ filename: 'db/migrations/20250101000000_gone.sql', status: 'removed' });
    for (let i = 0; i < 103; i++)
      gh.addComment(`looks good @reviewer${i}`, { login: `human${i}`, id: 100 + i, type: 'User' });
    gh.addComment(`quoting the bot: ${STICKY_MARKER} please ignore`, { login: 'mallory', id: 666, type: 'User' });
    return gh;
  }

  console.log(`zerodown Action, first run on a pull request (lint, plan, dry run on PGlite, comment): ${indexJs}`);
  console.log(`machine: ${loadText()}; ${runs} run(s), median`);

  /** `n` timed runs of the Action under `node` on a fresh fake API each, with this runner environment; their walls. */
  async function timedRuns(node, label, env, n = runs, fromCache = false) {
    const walls = [];
    for (let i = 0; i < n; i++) {
      const gh = await freshGitHub();
      try {
        const t0 = performance.now();
        const r = await harness.runOnPullRequest(
          indexJs,
          {
            workspace: ws.dir,
            apiUrl: gh.url,
            owner: OWNER,
            repo: REPO,
            number: PR,
            baseSha: ws.baseSha,
            headSha: ws.headSha,
          },
          {},
          env,
          node,
        );
        const wall = (performance.now() - t0) / 1000;
        // the fixture's migration has errors: exit 1, one sticky comment with the dry run in it
        const ours = gh.comments.filter((c) => c.user.type === 'Bot' && c.body.includes(STICKY_MARKER));
        if (r.code !== 1 || ours.length !== 1 || !/dry run/i.test(ours[0].body))
          throw new Error(
            `unexpected run (exit ${r.code}, ${ours.length} comment(s) of ours):\n${(r.stdout + r.stderr).slice(-3000)}`,
          );
        if (fromCache && !/shadow cache\)/.test(r.stdout))
          throw new Error(`the run did not boot from the shadow cache:\n${r.stdout.slice(-3000)}`);
        walls.push(wall);
        console.log(`  ${label} ${i + 1}/${n}: ${wall.toFixed(2)} s (${gh.requests.length} API requests)`);
      } finally {
        await gh.close();
      }
    }
    return walls;
  }

  /** First runs, then the next runs of a workflow that keeps the shadow cache, under `node`. */
  async function onNode(node, name) {
    console.log(`${name}:`);
    // first runs: no shadow cache (the fixture's workspace has no node_modules and the runner sets no ZERODOWN_CACHE_DIR)
    const walls = await timedRuns(node, 'first run', undefined);
    // the next runs of a workflow that keeps the shadow cache (docs/action.md, "Caches"): one run fills it, untimed
    const cacheEnv = { ZERODOWN_CACHE_DIR: mkdtempSync(path.join(tmp, 'shadow-cache-')) };
    await timedRuns(node, 'filling the shadow cache', cacheEnv, 1);
    const cachedWalls = await timedRuns(node, 'shadow cache restored', cacheEnv, runs, true);
    return { walls, wall: median(walls), cachedWalls, cached: median(cachedWalls) };
  }
  // this machine's Node, and Node 24: the runtime action.yml names (`runs.using: node24`), on which the goal is judged
  const here = await onNode(process.execPath, `Node ${process.versions.node} (this machine's)`);
  const node24 = ensureNode24();
  const runtime = node24
    ? { version: node24.version, ...(await onNode(node24.bin, `Node ${node24.version} (action.yml: node24)`)) }
    : undefined;
  const row = (what, xs, m, goal) =>
    `| ${what} | ${m.toFixed(2)} s | ${Math.min(...xs).toFixed(2)} s | ${Math.max(...xs).toFixed(2)} s | ${goal} |`;
  const judged = runtime ?? here;
  const goalText = (m) => `≤ ${GOAL.toFixed(1)} s: ${m <= GOAL ? 'met' : 'MISSED'}`;
  console.log('');
  console.log('| work | wall (median) | min | max | goal |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, f] of [
    [`Node ${process.versions.node}`, here],
    ...(runtime ? [[`Node ${runtime.version}, the Action's runtime`, runtime]] : []),
  ]) {
    console.log(row(`the Action's first run on a PR (${name})`, f.walls, f.wall, f === judged ? goalText(f.wall) : ''));
    console.log(row(`the next run, shadow cache kept (${name})`, f.cachedWalls, f.cached, '(no goal)'));
  }
  record('action', { runs, goal: GOAL, node: process.versions.node, ...here, ...(runtime ? { node24: runtime } : {}) });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
