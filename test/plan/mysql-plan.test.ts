/**
 * `zerodown plan` for MariaDB/MySQL through the real parser, catalog, prediction and planner: the
 * classic unsafe ALTERs become phases with fail-fast clauses, batched backfills, tool commands
 * and pre-flight queries; on the real MariaDB the phases run (split by zerodown's own splitter)
 * and end in the same table as the original migration.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MYSQL_URL, SKIP_MSG, throwawayMyDb, type MyDb } from './mysql-server.js';
import { createTable, onlyPlan, planMy, runPhases } from './mysql-helpers.js';

const HISTORY = `CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100) NULL, note VARCHAR(200) NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE orders (id BIGINT PRIMARY KEY, account_id BIGINT NULL, total INT NOT NULL DEFAULT 0,
  CONSTRAINT orders_account FOREIGN KEY (account_id) REFERENCES accounts (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
`;

const ADD_WITH_INDEX =
  'ALTER TABLE accounts ADD COLUMN token VARCHAR(36) NOT NULL DEFAULT (uuid()), ADD INDEX accounts_token (token);';

describe('MariaDB plans (static)', () => {
  it('column + index in one ALTER, NOT NULL with a non-instant default: expand, backfill, index, contract', async () => {
    const plan = onlyPlan(
      await planMy(HISTORY, ADD_WITH_INDEX, [
        { rule: 'index-same-step-as-add-column', at: 0 },
        { rule: 'adding-field-with-default', at: 0 },
      ]),
    );
    expect(plan.phases.map((p) => p.name)).toEqual(['expand', 'backfill', 'index', 'contract']);
    expect(plan.phases.every((p) => !p.transactional)).toBe(true);
    const [expand, backfill, index, contract] = plan.phases;
    expect(expand!.sql).toMatch(
      /^SET SESSION lock_wait_timeout = 2;\nALTER TABLE `accounts` ADD COLUMN `token` VARCHAR\(36\) NULL, ALGORITHM=INSTANT;$/,
    );
    expect(backfill!.sql).toContain('CREATE PROCEDURE');
    expect(backfill!.sql).toContain('`token` IS NULL');
    expect(index!.sql).toMatch(/ADD INDEX `accounts_token` \(`token`\), ALGORITHM=INPLACE, LOCK=NONE;$/);
    expect(contract!.sql).toMatch(
      /MODIFY COLUMN `token` VARCHAR\(36\) NOT NULL DEFAULT \(uuid\(\)\), ALGORITHM=INPLACE, LOCK=NONE;$/,
    );
    expect(contract!.preflight?.[0]?.sql).toBe('SELECT COUNT(*) AS zd_nulls FROM `accounts` WHERE `token` IS NULL;');
    expect(plan.unhandled).toEqual([]);
    expect(plan.rewrites.map((r) => r.rule).sort()).toEqual([
      'adding-field-with-default',
      'index-same-step-as-add-column',
    ]);
  });

  it('an online ALTER is sent with explicit INSTANT (no LOCK clause) after lock_wait_timeout', async () => {
    const plan = onlyPlan(
      await planMy(
        HISTORY,
        'ALTER TABLE accounts ADD COLUMN flag TINYINT NULL;',
        [{ rule: 'require-lock-timeout', at: 0 }],
        { lockTimeout: '1500ms' },
      ),
    );
    expect(plan.phases).toHaveLength(1);
    expect(plan.phases[0]!.sql).toBe(
      'SET SESSION lock_wait_timeout = 2;\nALTER TABLE `accounts` ADD COLUMN flag TINYINT NULL, ALGORITHM=INSTANT;',
    );
  });

  it('MySQL 5.7 has no INSTANT: the same split adds the column INPLACE, LOCK=NONE', async () => {
    const plan = onlyPlan(
      await planMy(HISTORY, ADD_WITH_INDEX, [{ rule: 'index-same-step-as-add-column', at: 0 }], {
        flavor: 'mysql',
        pgVersion: 50744,
      }),
    );
    expect(plan.phases.map((p) => p.name)).toEqual(['expand', 'backfill', 'index', 'contract']);
    expect(plan.phases[0]!.sql).toMatch(/ADD COLUMN `token` VARCHAR\(36\) NULL, ALGORITHM=INPLACE, LOCK=NONE;$/);
  });

  it('a COPY-only change: the plain ALTER with gh-ost and pt-osc commands, preconditions from the catalog', async () => {
    const plan = onlyPlan(
      await planMy(HISTORY, 'ALTER TABLE accounts MODIFY note VARCHAR(50);', [{ rule: 'changing-column-type', at: 0 }]),
    );
    const p = plan.phases[0]!;
    expect(p.sql).toMatch(/^-- COPY, LOCK=SHARED: this ALTER blocks writes/);
    expect(p.sql).toContain('ALTER TABLE `accounts` MODIFY note VARCHAR(50);');
    expect(p.commands?.map((c) => c.tool)).toEqual(['gh-ost', 'pt-online-schema-change']);
    const [gh, pt] = p.commands!;
    // orders.account_id points at accounts: gh-ost refuses; pt-osc re-points it
    expect(gh!.preconditions.some((x) => x.met === false && /point at: orders/.test(x.text))).toBe(true);
    expect(pt!.command).toContain('--alter-foreign-keys-method=rebuild_constraints');
    expect(pt!.command).toContain("'--alter=MODIFY note VARCHAR(50)'");
    expect(p.preflight?.[0]?.sql).toBe(
      'SELECT COUNT(*) AS zd_too_long FROM `accounts` WHERE CHAR_LENGTH(`note`) > 50;',
    );
    expect(plan.unhandled).toEqual([]);
  });

  it('an unbatched UPDATE becomes a restartable batched procedure', async () => {
    const plan = onlyPlan(
      await planMy(HISTORY, "UPDATE accounts SET name = 'n/a' WHERE name IS NULL;", [
        { rule: 'unbatched-backfill', at: 0 },
      ]),
    );
    expect(plan.phases.map((p) => p.name)).toEqual(['backfill']);
    expect(plan.phases[0]!.sql).toContain(
      "WHERE (zd_lo IS NULL OR `id` > zd_lo) AND `id` <= zd_hi AND ((name IS NULL) AND (NOT (`name` <=> ('n/a'))));",
    );
  });

  it('a non-idempotent UPDATE is kept, and the finding stays open with the reason', async () => {
    const r = await planMy(HISTORY, 'UPDATE orders SET total = total + 1;', [{ rule: 'unbatched-backfill', at: 0 }]);
    expect(r.plans).toEqual([]);
    expect(r.unhandled.map((u) => u.rule)).toEqual(['unbatched-backfill']);
    expect(r.unhandled[0]!.advice).toMatch(/reads total, a column it writes/);
  });

  it('an advisory finding (merge-alter-table) does not stop the rewrite of a copying ALTER, and stays not handled', async () => {
    const r = await planMy(HISTORY, `${ADD_WITH_INDEX}\nALTER TABLE accounts MODIFY note VARCHAR(50);`, [
      { rule: 'index-same-step-as-add-column', at: 0 },
      { rule: 'merge-alter-table', at: 1 },
    ]);
    const plan = onlyPlan(r);
    const kept = plan.phases.find((p) => p.sql.includes('MODIFY note'))!;
    expect(kept.reason).not.toMatch(/NOT handled/);
    expect(kept.sql).toMatch(
      /^-- COPY, LOCK=SHARED: .*\nSET SESSION lock_wait_timeout = 2;\nALTER TABLE `accounts` MODIFY note VARCHAR\(50\);$/,
    );
    expect(kept.commands?.map((c) => c.tool)).toEqual(['gh-ost', 'pt-online-schema-change']);
    expect(r.unhandled.map((u) => u.rule)).toEqual(['merge-alter-table']);
  });

  it('a DDL kept as written still bounds its lock wait: require-lock-timeout is answered, the other finding is not', async () => {
    const sql = `${ADD_WITH_INDEX}\nALTER TABLE accounts DROP COLUMN note;`;
    const r = await planMy(HISTORY, sql, [
      { rule: 'index-same-step-as-add-column', at: 0 },
      { rule: 'ban-drop-column', at: 1 },
      { rule: 'require-lock-timeout', at: 1 },
    ]);
    const plan = onlyPlan(r);
    expect(plan.phases.find((p) => p.sql.includes('DROP COLUMN note'))!.sql).toBe(
      'SET SESSION lock_wait_timeout = 2;\nALTER TABLE accounts DROP COLUMN note;',
    );
    expect(r.unhandled.map((u) => u.rule)).toEqual(['ban-drop-column']);
  });

  it('ALTER IGNORE TABLE is kept as written, with the reason (reissuing it would drop IGNORE)', async () => {
    const r = await planMy(
      HISTORY,
      'ALTER IGNORE TABLE accounts ADD COLUMN email VARCHAR(120) NULL, ADD UNIQUE INDEX accounts_email (email);',
      [{ rule: 'index-same-step-as-add-column', at: 0 }],
    );
    expect(r.plans).toEqual([]);
    expect(r.unhandled[0]!.advice).toMatch(/does not reissue ALTER IGNORE TABLE/);
  });

  it('a finding the plan does not answer keeps the statement as written (never called safe)', async () => {
    const r = await planMy(HISTORY, ADD_WITH_INDEX, [
      { rule: 'index-same-step-as-add-column', at: 0 },
      { rule: 'some-other-rule', at: 0 },
    ]);
    expect(r.plans).toEqual([]);
    expect(r.unhandled.map((u) => u.rule).sort()).toEqual(['index-same-step-as-add-column', 'some-other-rule']);
  });
});

describe.skipIf(!MYSQL_URL)(`MariaDB plans on the real server${SKIP_MSG}`, () => {
  const dbs: MyDb[] = [];
  afterEach(async () => {
    for (const d of dbs.splice(0)) await d.drop();
  });

  it('the split plan runs on 10k rows and ends in the same table as the original ALTER', async () => {
    const plan = onlyPlan(
      await planMy(HISTORY, ADD_WITH_INDEX, [
        { rule: 'index-same-step-as-add-column', at: 0 },
        { rule: 'adding-field-with-default', at: 0 },
      ]),
    );
    const original = await throwawayMyDb('orig');
    const planned = await throwawayMyDb('plan');
    dbs.push(original, planned);
    for (const db of [original, planned]) {
      await db.run(HISTORY);
      await db.run("INSERT INTO accounts (id, name) SELECT seq, CONCAT('a', seq) FROM seq_1_to_10000;");
    }
    await original.run(ADD_WITH_INDEX);
    // the contract's pre-flight finds the NULLs before the backfill, and none after
    const pre = plan.phases[3]!.preflight![0]!.sql;
    await runPhases(planned, { ...plan, phases: plan.phases.slice(0, 1) });
    expect(Number(Object.values((await planned.query(pre))[0]!)[0])).toBe(10_000);
    await runPhases(planned, { ...plan, phases: plan.phases.slice(1) });
    expect(Number(Object.values((await planned.query(pre))[0]!)[0])).toBe(0);
    expect(await createTable(planned, 'accounts')).toBe(await createTable(original, 'accounts'));
    const distinct = await planned.query<{ n: number }>('SELECT COUNT(DISTINCT token) AS n FROM accounts');
    expect(Number(distinct[0]!.n)).toBe(10_000);
    // every phase runs again without changing anything (the backfill skips done rows; the DDL fails fast or is a no-op)
    await runPhases(planned, { ...plan, phases: plan.phases.slice(1, 2) });
  });

  it('hostile table and column names: the split plan runs and matches the original', async () => {
    const hist = 'CREATE TABLE `we``ird; DROP TABLE x` (id INT PRIMARY KEY, v INT NULL) DEFAULT CHARSET=utf8mb4;';
    const change =
      "ALTER TABLE `we``ird; DROP TABLE x` ADD COLUMN `c'ol$$` VARCHAR(36) NOT NULL DEFAULT (uuid()), ADD INDEX `i``x` (`c'ol$$`);";
    const plan = onlyPlan(await planMy(hist, change, [{ rule: 'index-same-step-as-add-column', at: 0 }]));
    const original = await throwawayMyDb('horig');
    const planned = await throwawayMyDb('hplan');
    dbs.push(original, planned);
    for (const db of [original, planned]) {
      await db.run(hist);
      await db.run('INSERT INTO `we``ird; DROP TABLE x` (id) SELECT seq FROM seq_1_to_2500;');
    }
    await original.run(change);
    await runPhases(planned, plan);
    expect(await createTable(planned, 'we`ird; DROP TABLE x')).toBe(
      await createTable(original, 'we`ird; DROP TABLE x'),
    );
  });

  it('an index on a column added by an earlier statement waits for it, in its own INPLACE phase', async () => {
    const sql =
      'ALTER TABLE accounts ADD COLUMN email VARCHAR(120) NULL;\nCREATE INDEX accounts_email ON accounts (email);';
    const plan = onlyPlan(await planMy(HISTORY, sql, [{ rule: 'index-same-step-as-add-column', at: 1 }]));
    expect(plan.phases.map((p) => p.name)).toEqual(['expand', 'index']);
    expect(plan.phases[1]!.sql).toBe(
      'SET SESSION lock_wait_timeout = 2;\nALTER TABLE `accounts` ADD INDEX `accounts_email` (`email`), ALGORITHM=INPLACE, LOCK=NONE;',
    );
    const db = await throwawayMyDb('idx');
    dbs.push(db);
    await db.run(HISTORY);
    await runPhases(db, plan);
    expect(await createTable(db, 'accounts')).toMatch(/KEY `accounts_email` \(`email`\)/);
  });

  it('ADD FOREIGN KEY: online with foreign_key_checks off, and the orphans pre-flight finds what it would not check', async () => {
    const sql = 'ALTER TABLE orders ADD CONSTRAINT orders_account2 FOREIGN KEY (account_id) REFERENCES accounts (id);';
    const plan = onlyPlan(await planMy(HISTORY, sql, [{ rule: 'adding-foreign-key-constraint', at: 0 }]));
    const p = plan.phases[0]!;
    expect(p.sql.split('\n').slice(1)).toEqual([
      'SET SESSION foreign_key_checks = 0;',
      // account_id already has an index (the first foreign key's): MariaDB 10.11 adds the key INSTANT (measured)
      'ALTER TABLE `orders` ADD CONSTRAINT orders_account2 FOREIGN KEY (account_id) REFERENCES accounts (id), ALGORITHM=INSTANT;',
      'SET SESSION foreign_key_checks = 1;',
    ]);
    const db = await throwawayMyDb('fk');
    dbs.push(db);
    await db.run(HISTORY);
    await db.run(
      'SET SESSION foreign_key_checks = 0;\nINSERT INTO accounts (id) VALUES (1);\nINSERT INTO orders (id, account_id) VALUES (1, 1), (2, 99);\nSET SESSION foreign_key_checks = 1;',
    );
    const orphans = await db.query(p.preflight![0]!.sql);
    expect(Number(Object.values(orphans[0]!)[0])).toBe(1);
    await db.run('DELETE FROM orders WHERE id = 2;');
    await runPhases(db, plan);
    expect(await createTable(db, 'orders')).toMatch(
      /CONSTRAINT `orders_account2` FOREIGN KEY \(`account_id`\) REFERENCES `accounts` \(`id`\)/,
    );
  });

  it('fail fast: a wrong INSTANT is refused by the server instead of copying', async () => {
    const db = await throwawayMyDb('ff');
    dbs.push(db);
    await db.run(HISTORY);
    await expect(db.query('ALTER TABLE accounts MODIFY note VARCHAR(50), ALGORITHM=INSTANT')).rejects.toThrow(
      /ALGORITHM=INSTANT is not supported/,
    );
  });

  it('the COPY phase SQL is the plain ALTER (its end state), and the pre-flight counts the values it would cut', async () => {
    const plan = onlyPlan(
      await planMy(HISTORY, 'ALTER TABLE accounts MODIFY note VARCHAR(50);', [{ rule: 'changing-column-type', at: 0 }]),
    );
    const db = await throwawayMyDb('copy');
    dbs.push(db);
    await db.run(HISTORY);
    await db.run("INSERT INTO accounts (id, note) VALUES (1, REPEAT('x', 60)), (2, 'short');");
    const rows = await db.query(plan.phases[0]!.preflight![0]!.sql);
    expect(Number(Object.values(rows[0]!)[0])).toBe(1);
    await db.run("UPDATE accounts SET note = 'cut' WHERE id = 1;");
    await runPhases(db, plan);
    expect(await createTable(db, 'accounts')).toMatch(/`note` varchar\(50\)/);
  });
});
