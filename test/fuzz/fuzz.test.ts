/**
 * The fuzz harness (scripts/fuzz.mjs) as part of `npm test`: a short run with a fixed seed over
 * lint, plan and dry-run of the CLI bundled from this checkout. Each invariant is its own test,
 * so the summary line says which one broke; a failure names the case, the saved input and the
 * command that reproduces it. With ZERODOWN_TEST_PG_URL set, dry-run cases also run on that server.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
// Cases cycle through every mutation under lint, then plan, then dry-run. This seed's run also holds
// inputs that broke zerodown before issue 11 (NUL bytes hiding the rest of a file, 4,208 nested ARRAY[…]
// in a planned DEFAULT, terminal escapes echoed in reports): `npm run fuzz -- --list --seed 107 --cases 40`.
const SEED = '107';
const CASES = '40';
// a guard against an overloaded machine: cases past it are not run, and the first test says how many ran
const BUDGET_S = '780';

interface FuzzCase {
  n: number;
  mode: string;
  mutation: string;
  note: string;
  source: string;
  saved?: string;
  reproduce?: string;
  failures: { kind: string; message: string }[];
}

let tmp = '';
let cases: FuzzCase[] = [];
let log = '';

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'zerodown-fuzz-test-'));
  // the bundle starts in a third of the time tsx needs, which pays for itself after a few runs
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--outdir', path.join(tmp, 'dist')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  const pg = process.env.ZERODOWN_TEST_PG_URL;
  const args = [
    '--seed',
    SEED,
    '--cases',
    CASES,
    '--jobs',
    '2',
    '--max-mb',
    '0.5',
    '--seconds',
    BUDGET_S,
    '--json',
    path.join(tmp, 'out.json'),
  ];
  const run = spawnSync(
    process.execPath,
    ['scripts/fuzz.mjs', ...args, '--bin', path.join(tmp, 'dist', 'cli.js'), ...(pg ? ['--shadow-url', pg] : [])],
    { cwd: root, encoding: 'utf8', timeout: 900_000 },
  );
  log = run.stdout + run.stderr;
  cases = JSON.parse(readFileSync(path.join(tmp, 'out.json'), 'utf8')).cases as FuzzCase[];
}, 960_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** One line per failing case: what broke, where its input was saved, how to re-run it. */
function failuresOf(kind: string): string[] {
  return cases.flatMap((c) =>
    c.failures
      .filter((f) => f.kind === kind)
      .map(
        (f) =>
          `case ${c.n} (${c.mode}, ${c.mutation}: ${c.note}) ${f.message}\n    input ${c.saved}/, reproduce: ${c.reproduce?.replace(/ --bin \S+/, '')}`,
      ),
  );
}

describe(`fuzz, seed ${SEED}`, () => {
  it('runs every case, over lint, plan and dry-run', () => {
    expect(cases.length, `${cases.length} of ${CASES} cases ran within ${BUDGET_S} s\n${log}`).toBe(Number(CASES));
    for (const mode of ['lint', 'plan', 'dry-run']) expect(cases.some((c) => c.mode === mode)).toBe(true);
  });

  it.each([
    ['crash', 'exits 0, 1, or 2 with one `zerodown: …` line; never a stack trace'],
    ['hang', 'ends within its time bound'],
    ['lost', 'loses no finding of the intact files nor the end of the mutated file'],
    ['plan-sql', 'prints plan SQL holding exactly the statements of its phases, none injected'],
    ['control', 'writes no raw control character to the terminal'],
    ['shell', 'never runs a program or writes a file outside the shadow database'],
  ])('%s: %s', (kind) => {
    expect(failuresOf(kind), log.slice(-4000)).toEqual([]);
  });
});
