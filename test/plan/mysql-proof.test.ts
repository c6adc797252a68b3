/**
 * The proof on the real MariaDB: the original and the plan run on fresh throwaway databases from
 * the same seeded start and must reach the same schema and data; a phase made by gh-ost /
 * pt-online-schema-change is applied as its plain ALTER, and the proof says so.
 */
import { describe, expect, it } from 'vitest';
import { mariadb } from '../../src/dialects/mysql/index.js';
import { isProven, verifyPlan } from '../../src/plan/verify.js';
import { myMig, onlyPlan, planMy } from './mysql-helpers.js';
import { MYSQL_URL, SKIP_MSG } from './mysql-server.js';

const HISTORY = `CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100) NULL, note VARCHAR(200) NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
`;

describe.skipIf(!MYSQL_URL)(`plans proven on the real MariaDB${SKIP_MSG}`, () => {
  const prove = async (sql: string, flagged: { rule: string; at: number }[]) => {
    const plan = onlyPlan(await planMy(HISTORY, sql, flagged));
    const history = [myMig(HISTORY, { path: 'db/0001_init.sql', review: false })];
    await mariadb.loadParts!();
    const v = await verifyPlan(plan, history, { dialect: mariadb.shadow!, shadowUrl: MYSQL_URL!, seedRows: 50 });
    return { plan, v };
  };

  it('the split plan (add, backfill, index, NOT NULL) reaches the same schema as the original', async () => {
    const { v } = await prove(
      'ALTER TABLE accounts ADD COLUMN token VARCHAR(36) NOT NULL DEFAULT (uuid()), ADD INDEX accounts_token (token);',
      [{ rule: 'index-same-step-as-add-column', at: 0 }],
    );
    expect(v.error).toBeUndefined();
    expect(v.planError).toBeUndefined();
    expect(v.schemaEqual, v.differences.join('\n')).toBe(true);
    expect(v.engine).toMatch(/^(MariaDB|MySQL) \d+\.\d+/);
  });

  it('a batched UPDATE reaches the same data as the original', async () => {
    const { v } = await prove("UPDATE accounts SET name = CONCAT('n-', id) WHERE name IS NULL OR id > 0;", [
      { rule: 'unbatched-backfill', at: 0 },
    ]);
    expect(v.error).toBeUndefined();
    expect(isProven(v), v.differences.join('\n')).toBe(true);
    expect(v.dataEqual).toBe(true);
  });

  it('a tool phase is applied as its plain ALTER, and the proof says which phase', async () => {
    const { v } = await prove('ALTER TABLE accounts MODIFY note VARCHAR(150);', [
      { rule: 'changing-column-type', at: 0 },
    ]);
    expect(v.error).toBeUndefined();
    expect(v.caveats).toContain(
      "phase 1 (expand) was applied as its plain ALTER, the end state of its gh-ost / pt-online-schema-change run: the tool's own copy and cut-over were not run here",
    );
  });
});
