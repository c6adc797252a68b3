/** The Action's `stats-file` input: declared, read, and the findings sized by it (no dry run: notes, and it says so). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { extraSections } from '../../src/review/extras.js';
import { findMigrations } from '../../src/discover/index.js';
import { lintOptionsOf, lintStage, resolveSettings } from '../../src/pipeline/index.js';
import { STATS_VERSION } from '../../src/stats/format.js';
import { loadStatsFile } from '../../src/stats/load.js';
import { writeProject } from '../cli-harness.js';

const KEY = 'INPUT_STATS-FILE';
afterEach(() => {
  delete process.env[KEY];
});

it('is declared in action.yml and read as a path', () => {
  const yml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');
  expect(yml).toMatch(
    /\n {2}stats-file:\n {4}description: '[^\n]*zerodown stats export[^\n]*'\n {4}required: false\n {4}default: ''\n/,
  );
  expect(readInputs().statsFile).toBeUndefined();
  process.env[KEY] = ' db/stats.json ';
  expect(readInputs().statsFile).toBe('db/stats.json');
});

it('sizes the findings in the Action run: a tiny table is a note, and the notes say no dry run timed anything', async () => {
  const dir = writeProject(mkdtempSync(path.join(tmpdir(), 'zd-s16act-')), {
    'migrations/001.sql':
      'CREATE TABLE tiny (id bigint PRIMARY KEY, v int);\nCREATE TABLE big (id bigint PRIMARY KEY, v int);\n',
    'migrations/002.sql': 'CREATE INDEX tiny_v ON tiny (v);\nCREATE INDEX big_v ON big (v);\n',
  });
  const row = (table: string, rows: number) => ({
    table,
    rows,
    tableBytes: rows * 40,
    indexBytes: 0,
    totalBytes: rows * 40,
    lastAnalyze: new Date().toISOString(),
  });
  const file = path.join(dir, 'stats.json');
  writeFileSync(
    file,
    JSON.stringify({
      zerodownStats: STATS_VERSION,
      dialect: 'postgres',
      server: 'PostgreSQL 16.4',
      exportedAt: new Date().toISOString(),
      tables: [row('public.tiny', 40), row('public.big', 5_000_000)],
    }),
  );
  const settings = resolveSettings({}, {});
  const { migrations } = await findMigrations([path.join(dir, 'migrations/002.sql')], { cwd: dir, history: true });
  const lint = await lintStage(migrations, lintOptionsOf(settings));
  const extras = await extraSections({
    result: lint.result,
    migrations,
    shadow: { dryRun: false, allowSuperuserShadow: false },
    config: {},
    settings,
    stats: { stats: loadStatsFile(file), source: 'stats.json' },
    log: () => {},
    warn: () => {},
  });
  const idx = lint.result.files[0]!.findings.filter((f) => f.rule === 'require-concurrent-index-creation');
  expect(idx.map((f) => [f.line, f.severity])).toEqual([
    [1, 'note'],
    [2, 'error'],
  ]);
  // every note is on the tiny table's statement; the summary counts them apart from warnings
  const notes = lint.result.files[0]!.findings.filter((f) => f.severity === 'note');
  expect(notes.every((f) => f.line === 1)).toBe(true);
  expect(lint.result.summary.notes).toBe(notes.length);
  expect(extras.notes).toContain(
    'Stats: no dry run: sizes change severities, but nothing is timed (add --dry-run for estimates).',
  );
});
