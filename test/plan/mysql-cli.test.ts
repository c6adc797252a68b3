/**
 * `zerodown plan --dialect mariadb` as a user runs it (in-process `main(argv)`, real files): the
 * classic unsafe ALTERs give phases, tool commands and pre-flight queries in the JSON contract,
 * proven on the real MariaDB when ZERODOWN_TEST_MYSQL_URL is set. It needs the rules that flag
 * them (rules/mysql); while one is not registered the test says so by name and skips.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run, writeProject } from '../cli-harness.js';
import { mariadb, parseSql } from '../../src/dialects/mysql/index.js';
import { MYSQL_URL } from './mysql-server.js';

const NEEDED = ['index-same-step-as-add-column', 'changing-column-type', 'unbatched-backfill'];
const missing = NEEDED.filter((id) => !mariadb.rules.some((r) => r.meta.id === id));

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-myplan-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const INIT = `CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100) NULL, note VARCHAR(200) NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
`;
const CHANGE = `ALTER TABLE accounts ADD COLUMN email VARCHAR(120) NULL, ADD UNIQUE INDEX accounts_email (email);
UPDATE accounts SET name = 'n/a' WHERE name IS NULL;
ALTER TABLE accounts MODIFY note VARCHAR(50);
`;

describe.skipIf(missing.length > 0)(
  `zerodown plan --dialect mariadb${missing.length ? ` (skipped: rules not registered yet: ${missing.join(', ')})` : ''}`,
  () => {
    it('--format json: phases, fail-fast clauses, tool commands and pre-flight queries', async () => {
      const d = writeProject(tmp, { 'db/0001_init.sql': INIT, 'db/0002_change.sql': CHANGE });
      const proof = MYSQL_URL ? ['--shadow-url', MYSQL_URL] : ['--no-verify'];
      const r = await run(d, 'plan', '--dialect', 'mariadb', 'db/0002_change.sql', '--format', 'json', ...proof);
      const doc = JSON.parse(r.stdout);
      const plan = doc.plans[0];
      const phases = plan.phases as {
        name: string;
        sql: string;
        commands?: { tool: string }[];
        preflight?: { sql: string }[];
      }[];
      for (const p of phases) expect(() => parseSql(p.sql, 'mariadb')).not.toThrow();
      expect(phases.some((p) => /ADD COLUMN `email` VARCHAR\(120\) NULL, ALGORITHM=INSTANT;/.test(p.sql))).toBe(true);
      const index = phases.find((p) => p.sql.includes('ADD UNIQUE INDEX `accounts_email`'))!;
      expect(index.name).toBe('index');
      expect(index.sql).toMatch(/ALGORITHM=INPLACE, LOCK=NONE;$/);
      expect(index.preflight?.[0]?.sql).toMatch(/HAVING COUNT\(\*\) > 1/);
      expect(phases.some((p) => p.name === 'backfill' && p.sql.includes('CREATE PROCEDURE'))).toBe(true);
      const copy = phases.find((p) => p.sql.includes('MODIFY note VARCHAR(50)'))!;
      expect(copy.commands?.map((c) => c.tool)).toEqual(['gh-ost', 'pt-online-schema-change']);
      if (MYSQL_URL) {
        expect(plan.verified.schemaEqual, plan.verified.differences.join('\n')).toBe(true);
        expect(plan.verified.caveats.join('\n')).toMatch(/applied as its plain ALTER/);
      }
    });
  },
);
