/**
 * `--stats` sizes the findings whose harm grows with the table (`SIZE_RULES`): a rewrite of the whole table under
 * ACCESS EXCLUSIVE (VACUUM FULL, CLUSTER) or an explicit ALGORITHM=COPY / LOCK=EXCLUSIVE is a note on a table the
 * stats show small, and keeps its severity on a large one; a hazard that hurts at any size (a DROP) is left alone.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeProject } from '../cli-harness.js';
import { STATS_VERSION } from '../../src/stats/format.js';

const root = mkdtempSync(path.join(tmpdir(), 'zd-size-rules-'));

function statsFile(dir: string, dialect: 'postgres' | 'mysql', tables: [string, number][]): string {
  const p = path.join(dir, 'stats.json');
  writeFileSync(
    p,
    JSON.stringify({
      zerodownStats: STATS_VERSION,
      dialect,
      server: dialect === 'postgres' ? 'PostgreSQL 16.4' : 'MariaDB 10.11.6',
      exportedAt: new Date().toISOString(),
      tables: tables.map(([table, rows]) => ({
        table,
        rows,
        tableBytes: rows * 100,
        indexBytes: rows * 20,
        totalBytes: rows * 120,
        lastAnalyze: new Date().toISOString(),
      })),
    }),
  );
  return p;
}

type Found = { rule: string; severity: string; line: number; sizeNote?: string };

async function findings(dir: string, stats: string, file: string, ...extra: string[]): Promise<Found[]> {
  const r = await runCli(dir, 'lint', '--format', 'json', '--stats', stats, ...extra, file);
  expect(r.code, r.stderr).not.toBe(2);
  return JSON.parse(r.stdout).files[0].findings;
}

/** A project of the history `m/001.sql` and the migration `m/002.sql`, with a stats file of `tables` (name, rows). */
function sizedProject(
  history: string,
  migration: string,
  dialect: 'postgres' | 'mysql',
  tables: [string, number][],
): { dir: string; stats: string } {
  const dir = writeProject(root, { 'm/001.sql': history, 'm/002.sql': migration });
  return { dir, stats: statsFile(dir, dialect, tables) };
}

/** The finding of `rule` at `line`. */
const at = (fs: Found[], rule: string, line: number) => fs.find((f) => f.rule === rule && f.line === line);

describe('size-aware severity of whole-table rewrites and explicit copies', () => {
  it('PostgreSQL: VACUUM FULL and CLUSTER on a small table are notes, on a large one they keep their severity', async () => {
    const { dir, stats } = sizedProject(
      'CREATE TABLE small (id bigint PRIMARY KEY);\nCREATE TABLE big (id bigint PRIMARY KEY);\nCREATE TABLE gone (id bigint);\n',
      'VACUUM FULL small;\nVACUUM FULL big;\nCLUSTER small USING small_pkey;\nDROP TABLE gone;\n',
      'postgres',
      [
        ['public.small', 500],
        ['public.big', 5_000_000],
        ['public.gone', 10],
      ],
    );
    for (const [pg, rule] of [
      ['15', 'prefer-pg-repack'],
      ['19', 'prefer-repack'],
    ] as const) {
      const fs = await findings(dir, stats, 'm/002.sql', '--pg-version', pg);
      expect(at(fs, rule, 1)?.severity, `${rule} small`).toBe('note');
      expect(at(fs, rule, 1)?.sizeNote).toMatch(/^public\.small is small in production \(500 rows/);
      expect(at(fs, rule, 2)?.severity, `${rule} big`).toBe('warning');
      expect(at(fs, rule, 2)?.sizeNote).toMatch(/^public\.big \(5\.0M rows/);
      expect(at(fs, rule, 3)?.severity, `${rule} CLUSTER small`).toBe('note');
      // a dropped table hurts the code that still reads it, at any size
      const drop = at(fs, 'ban-drop-table', 4);
      expect(drop, 'DROP TABLE is reported').toBeDefined();
      expect(drop?.severity).not.toBe('note');
      expect(drop?.sizeNote).toBeUndefined();
    }
  });

  it('PostgreSQL: an ALTER DOMAIN check is sized by every table using the domain, together', async () => {
    const { dir, stats } = sizedProject(
      'CREATE DOMAIN code AS text;\nCREATE TABLE a (c code);\nCREATE TABLE b (c code);\nCREATE DOMAIN tag AS text;\nCREATE TABLE c (t tag);\nCREATE TABLE d (t tag);\n',
      'ALTER DOMAIN code ADD CONSTRAINT code_len CHECK (length(VALUE) < 9);\nALTER DOMAIN tag ADD CONSTRAINT tag_len CHECK (length(VALUE) < 9);\nALTER DOMAIN code SET NOT NULL;\n',
      'postgres',
      [
        ['public.a', 300],
        ['public.b', 400],
        ['public.c', 300],
        ['public.d', 5_000_000],
      ],
    );
    const fs = await findings(dir, stats, 'm/002.sql');
    const rule = 'ban-alter-domain-with-add-constraint';
    // both small: a note, with each table's size
    expect(at(fs, rule, 1)?.severity).toBe('note');
    expect(at(fs, rule, 1)?.sizeNote).toBe(
      'every table it scans is small in production (public.a: 300 rows, 35 kB; public.b: 400 rows, 47 kB; together under 10k rows and 10 MB): kept as a note.',
    );
    // one large table among them: the rule's severity, not the first table's size
    expect(at(fs, rule, 2)?.severity).toBe('error');
    expect(at(fs, rule, 2)?.sizeNote).toMatch(/^the tables it scans: public\.c: 300 rows, .*; public\.d: 5\.0M rows/);
    expect(at(fs, 'ban-alter-domain-validation', 3)?.severity).toBe('note');

    // a table without stats: the severity stays, and the report says why
    const partial = statsFile(dir, 'postgres', [['public.a', 300]]);
    const f = at(await findings(dir, partial, 'm/002.sql'), rule, 1);
    expect(f?.severity).toBe('error');
    expect(f?.sizeNote).toBe('no stats for public.b; severity not changed by size.');
  });

  it('MySQL: an explicit ALGORITHM=COPY on a small table is a note, on a large one it keeps its severity', async () => {
    const { dir, stats } = sizedProject(
      'CREATE TABLE small (id bigint PRIMARY KEY, v int) ENGINE=InnoDB;\nCREATE TABLE big (id bigint PRIMARY KEY, v int) ENGINE=InnoDB;\n',
      'ALTER TABLE small ADD COLUMN w int, ALGORITHM=COPY;\nALTER TABLE big ADD COLUMN w int, ALGORITHM=COPY;\n',
      'mysql',
      [
        ['app.small', 500],
        ['app.big', 5_000_000],
      ],
    );
    const fs = await findings(dir, stats, 'm/002.sql', '--dialect', 'mariadb');
    const rule = 'ban-explicit-copy-or-lock';
    expect(at(fs, rule, 1)?.severity).toBe('note');
    expect(at(fs, rule, 1)?.sizeNote).toMatch(/^small is small in production \(500 rows/);
    expect(at(fs, rule, 2)?.severity).toBe('error');
    expect(at(fs, rule, 2)?.sizeNote).toMatch(/^big \(5\.0M rows/);
  });
});
