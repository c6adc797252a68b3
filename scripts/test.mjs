#!/usr/bin/env node
// `npm test`: generated files current, types check, lint and import boundaries, then the vitest suite.
// Ends with a plain "N passed, N failed, N skipped" line that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

for (const [label, cmd, args] of [
  ['rules index', process.execPath, ['scripts/gen-rules-index.mjs', '--check']],
  ['types', bin('tsc'), ['-p', '.']],
  // code linter, import cycles and the dialect boundaries (biome.json says which folder may import what)
  ['lint', bin('biome'), ['lint', '--error-on-warnings']],
]) {
  if (run(cmd, args) !== 0) {
    console.error(`npm test: ${label} check failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const report = path.join(root, 'node_modules', '.cache', 'vitest-report.json');
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const status = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
} else if (status !== 0) {
  console.log('0 passed, 1 failed');
}
process.exit(status);
