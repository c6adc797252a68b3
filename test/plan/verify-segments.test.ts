/**
 * The proof runs a file the way its migration tool runs it, region by region, exactly as the dry
 * run does (one routine: src/shadow/trace.ts runTraced). A goose `NO TRANSACTION` file whose
 * StatementBegin/End block is sent as one query string (one implicit transaction) and whose
 * CREATE INDEX CONCURRENTLY runs on its own: before, the proof wrapped the whole file in one
 * transaction (it read only `Migration.transaction`), so the CONCURRENTLY failed there and the
 * proof could not run at all, while the dry run ran the file cleanly. Same for dbmate's
 * `transaction:false` next to a wrapped block.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/index.js';
import type { Migration } from '../../src/model.js';
import type { StagedPlan } from '../../src/plan/types.js';
import { isProven, verifyPlan } from '../../src/plan/verify.js';
import { dryRun } from '../../src/shadow/dryrun.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Discovers `files` (name → SQL) with the real migration-tool detection. */
async function discovered(files: Record<string, string>): Promise<Migration[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zerodown-segments-'));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(path.join(dir, name), sql);
  const ms = await discover([dir]);
  return ms.map((m, i) => ({ ...m, review: i === ms.length - 1 }));
}

/** A plan that is the original as written: phase 1 in a transaction, the CONCURRENTLY on its own. */
function asWritten(m: Migration, transactional: string, alone: string): StagedPlan {
  return {
    path: m.path,
    migration: m,
    phases: [
      { name: 'expand', transactional: true, reason: 'as written', sql: transactional },
      { name: 'index', transactional: false, reason: 'as written', sql: alone },
    ],
    rewrites: [],
    notes: [],
    expectedDifferences: [],
  };
}

const HISTORY = `CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);\n`;
const BLOCK = `ALTER TABLE accounts ADD COLUMN note text;\nALTER TABLE accounts ADD COLUMN tag text;`;
const INDEX = `CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);`;

const cases: { tool: string; files: Record<string, string> }[] = [
  {
    tool: 'goose NO TRANSACTION',
    files: {
      '00001_accounts.sql': `-- +goose Up\n${HISTORY}`,
      '00002_note.sql': `-- +goose NO TRANSACTION\n-- +goose Up\n-- +goose StatementBegin\n${BLOCK}\n-- +goose StatementEnd\n${INDEX}\n`,
    },
  },
  {
    tool: 'dbmate transaction:false',
    files: {
      '20240101000000_accounts.sql': `-- migrate:up\n${HISTORY}\n-- migrate:down\n`,
      '20240102000000_note.sql': `-- migrate:up\n${BLOCK}\n\n-- migrate:up transaction:false\n${INDEX}\n\n-- migrate:down\n`,
    },
  },
];

describe.each(cases)('$tool: the proof runs the file as the dry run does', ({ files }) => {
  it('the file is wrapped only where the tool wraps it, and the proof holds', async () => {
    const ms = await discovered(files);
    const m = ms.at(-1)!;
    // the tool wraps one region and not the other: the file's own mode alone cannot say it
    expect(m.segments?.map((s) => s.transaction)).toEqual(expect.arrayContaining(['wrapped', 'none']));

    const dry = await dryRun(ms, { seedRows: 20 });
    expect(dry.files.at(-1)!.error).toBeNull();
    const cic = dry.statements.find((s) => s.kind === 'IndexStmt')!;
    expect(cic.transaction).toBe('alone');

    const v = await verifyPlan(asWritten(m, BLOCK, INDEX), ms.slice(0, -1), { seedRows: 20 });
    expect(v.error).toBeUndefined();
    expect(v.originalError).toBeNull();
    expect(v.schemaEqual).toBe(true);
    expect(v.dataEqual).toBe(true);
    expect(isProven(v)).toBe(true);
  });
});

describe('the target version reaches the proof and the dry run', () => {
  it('a shadow of another major version says so; the same version says nothing', async () => {
    const ms = await discovered(cases[0]!.files);
    const m = ms.at(-1)!;
    const plan = asWritten(m, BLOCK, INDEX);
    const other = await verifyPlan(plan, ms.slice(0, -1), { seedRows: 5, pgVersion: 11 });
    expect(other.shadowVersion).toBeGreaterThan(11);
    expect(other.targetVersion).toBe(11);
    const same = await verifyPlan(plan, ms.slice(0, -1), { seedRows: 5, pgVersion: other.shadowVersion! });
    expect(same.shadowVersion).toBeUndefined();
    expect(same.targetVersion).toBeUndefined();
    const dry = await dryRun(ms, { seedRows: 5, pgVersion: 11 });
    expect(dry.targetVersion).toBe(11);
    expect(dry.shadowVersion).toBe(other.shadowVersion);
  });
});
