#!/usr/bin/env node
// `npm run bench:rerun` (part of `npm run bench`): two rows of issue 15's table that the other bench scripts don't
// time, each with its anchor in the same run:
//
//   the whole corpus linted again with nothing changed   zerodown with the cache directory its previous run left
//                                                         (whatever it caches), against squawk on the same files;
//                                                         runs alternate so background load hits both alike; on
//                                                         this machine's Node, then both on Node 24 (the LTS)
//   squawk on one new lemmy migration alone               the anchor of the pre-commit row: the file
//                                                         bench-precommit.mjs stages, without any schema knowledge
//
//   node scripts/bench-rerun.mjs [--cli PATH | --dist DIR]   (default: dist/cli.js)
//   BENCH_RUNS=7 node scripts/bench-rerun.mjs                (default 5 runs each, median)
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  corpusDir,
  corpusFiles,
  ensureNode24,
  ensureSquawk,
  loadText,
  median,
  opt,
  record,
  root,
  timedRun,
} from './bench-lib.mjs';

const corpus = corpusDir();
if (!existsSync(corpus)) {
  console.error(`bench-rerun: corpus not found at ${corpus} (set ZERODOWN_CORPUS)`);
  process.exit(2);
}
const cli = path.resolve(opt('--cli') ?? path.join(opt('--dist') ?? path.join(root, 'dist'), 'cli.js'));
if (!existsSync(cli)) {
  console.error(`bench-rerun: ${cli} is missing; run \`npm run build\` first or pass --cli PATH`);
  process.exit(2);
}
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const squawk = ensureSquawk();

const { projects, files } = corpusFiles(corpus);

const tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-bench-rerun-'));
try {
  console.log(`zerodown lint, run again with nothing changed: ${files.length} files (${cli})`);
  console.log(`machine: ${loadText()} at start; ${runs} runs each, median`);
  /**
   * zerodown's first run, then `runs` runs again with nothing changed alternating with squawk's, both under `node`
   * (squawk's npm package is a Node script that starts its binary: the same Node for both).
   */
  const onNode = (node, name) => {
    // cwd outside the repository, so that the only cache is the one this run primes
    const env = { ZERODOWN_CACHE_DIR: path.join(tmp, `cache-${name}`) };
    const zdArgs = [cli, 'lint', ...projects, '--format', 'json'];
    const squawkScript = realpathSync(squawk.bin);
    const first = timedRun(node, zdArgs, { cwd: tmp, env });
    const zd = [];
    const sq = [];
    for (let i = 0; i < runs; i++) {
      const a = timedRun(node, zdArgs, { cwd: tmp, env });
      if (i === 0 && a.stdout !== first.stdout)
        throw new Error('the second run reported something else than the first');
      zd.push(a);
      sq.push(timedRun(node, [squawkScript, '--reporter', 'json', ...files], { cwd: tmp }));
    }
    const again = { wall: median(zd.map((r) => r.wall)), rssMB: median(zd.map((r) => r.rssMB)) };
    const sqWall = median(sq.map((r) => r.wall));
    console.log(
      `  ${name}: zerodown, first run ${first.wall.toFixed(2)} s; again ${again.wall.toFixed(2)} s, ${again.rssMB.toFixed(0)} MB; squawk ${sqWall.toFixed(2)} s; ratio ${(again.wall / sqWall).toFixed(2)}`,
    );
    return {
      first: { wall: first.wall, rssMB: first.rssMB },
      again,
      squawk: { version: squawk.version, wall: sqWall, rssMB: median(sq.map((r) => r.rssMB)) },
    };
  };
  const here = onNode(process.execPath, `Node ${process.versions.node}`);
  // and on Node 24, the current LTS (the Action's runtime): Node starts there in half the time
  const installed = ensureNode24();
  const node24 = installed && { version: installed.version, ...onNode(installed.bin, `Node ${installed.version}`) };

  // the file bench-precommit.mjs stages in lemmy
  const one = path.join(tmp, 'up.sql');
  writeFileSync(one, 'CREATE INDEX person_name_lower_idx ON person (lower(name));\n');
  const single = Array.from({ length: runs }, () => timedRun(squawk.bin, ['--reporter', 'json', one], { cwd: tmp }));
  const singleWall = median(single.map((r) => r.wall));
  console.log(
    `  squawk ${squawk.version} on one new lemmy migration alone: ${(singleWall * 1000).toFixed(0)} ms, ${median(single.map((r) => r.rssMB)).toFixed(0)} MB`,
  );
  record('rerun', {
    cli,
    files: files.length,
    runs,
    node: process.versions.node,
    ...here,
    squawkOneFile: { wall: singleWall, rssMB: median(single.map((r) => r.rssMB)) },
    ...(node24 ? { node24 } : {}),
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
