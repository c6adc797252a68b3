/**
 * The batched backfill procedure on the real MariaDB: 10k rows filled in batches, each committed
 * on its own; run again, it writes no row (an AFTER UPDATE trigger counts every row write).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MyTable } from '../../src/dialects/mysql/ast.js';
import { backfillSql, batchingOf } from '../../src/dialects/mysql/plan/backfill.js';
import { MYSQL_URL, SKIP_MSG, throwawayMyDb, type MyDb } from './mysql-server.js';

/** The catalog's view of the table the test creates (what catalog replay gives for the CREATE TABLE). */
function tableOf(name: string, pk: { column: string; type: string } | undefined): MyTable {
  const col = (n: string, type: string, nullable: boolean) => ({
    name: n,
    type: { name: type, text: type.toUpperCase(), ...(type === 'varchar' ? { args: [40] } : {}) },
    nullable,
    autoIncrement: false,
    invisible: false,
    ...(type === 'varchar' ? { charset: 'utf8mb4', collation: 'utf8mb4_general_ci' } : {}),
  });
  return {
    name,
    columns: [col('id', pk?.type ?? 'int', !pk), col('c', 'varchar', true)],
    indexes: pk ? [{ name: 'PRIMARY', kind: 'primary', columns: [{ name: pk.column }], invisible: false }] : [],
    foreignKeys: [],
    checks: [],
    engine: 'INNODB',
    rowFormat: 'DYNAMIC',
    rowVersions: 0,
    triggers: [],
    partitioned: false,
    createdIn: '/m/0001.sql',
  };
}

async function setup(db: MyDb, table: string, pkType: string | undefined, rows: number): Promise<void> {
  const q = `\`${table.replace(/`/g, '``')}\``;
  await db.run(
    [
      `CREATE TABLE ${q} (id ${pkType ?? 'INT'} ${pkType ? 'PRIMARY KEY' : 'NOT NULL'}, c VARCHAR(40) CHARACTER SET utf8mb4 NULL);`,
      'CREATE TABLE zd_writes (n INT NOT NULL);',
      'INSERT INTO zd_writes VALUES (0);',
      `CREATE TRIGGER zd_count AFTER UPDATE ON ${q} FOR EACH ROW UPDATE zd_writes SET n = n + 1;`,
      // sparse keys: ids 3, 6, 9, … so that batches by key range must skip gaps
      `INSERT INTO ${q} (id) SELECT seq * 3 FROM seq_1_to_${rows};`,
    ].join('\n'),
  );
}

const writes = async (db: MyDb) => Number((await db.query<{ n: number }>('SELECT n FROM zd_writes'))[0]!.n);

describe.skipIf(!MYSQL_URL)(`batched backfill on MariaDB${SKIP_MSG}`, () => {
  let db: MyDb | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  for (const pk of [{ column: 'id', type: 'int' }, { column: 'id', type: 'varchar' }, undefined]) {
    const label = pk ? `by ${pk.type} primary-key ranges` : 'by UPDATE … LIMIT (no primary key)';
    it(`${label}: 10k rows filled, and a second run writes nothing`, async () => {
      db = await throwawayMyDb('bf');
      const pkSql =
        pk?.type === 'varchar'
          ? 'VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci'
          : pk
            ? 'INT'
            : undefined;
      await setup(db, 'orders', pkSql, 10_000);
      // rows already done before the first run are never written
      await db.run("UPDATE orders SET c = CONCAT('v', id) WHERE id <= 30;");
      const before = await writes(db);
      expect(before).toBe(10);
      const table = tableOf('orders', pk);
      expect(batchingOf(table)).toBe(pk ? 'key-range' : 'limit');
      const sql = backfillSql({
        table: { name: 'orders' },
        catalogTable: table,
        set: [{ column: 'c', expr: "CONCAT('v', id)" }],
        guard: '`c` IS NULL',
        batchSize: 1000,
        lockTimeout: '2s',
      });
      await db.run(sql);
      const left = await db.query<{ n: number }>(
        "SELECT COUNT(*) AS n FROM orders WHERE c IS NULL OR c <> CONCAT('v', id)",
      );
      expect(Number(left[0]!.n)).toBe(0);
      expect(await writes(db)).toBe(10_000);
      await db.run(sql);
      expect(await writes(db)).toBe(10_000);
      // the procedure is dropped at the end
      const procs = await db.query(
        `SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()`,
      );
      expect(procs).toEqual([]);
    });
  }

  it('runs with the mysql command-line client as written (DELIMITER lines)', async (ctx) => {
    db = await throwawayMyDb('bfcli');
    await setup(db, 'orders', 'INT', 2_000);
    const sql = backfillSql({
      table: { name: 'orders' },
      catalogTable: tableOf('orders', { column: 'id', type: 'int' }),
      set: [{ column: 'c', expr: "CONCAT('v', id)" }],
      guard: '`c` IS NULL',
      batchSize: 300,
      lockTimeout: '2s',
    });
    if (!db.cli(sql)) ctx.skip();
    expect(await writes(db)).toBe(2_000);
    db.cli(sql);
    expect(await writes(db)).toBe(2_000);
  });

  it('a hostile table name and a body holding the usual delimiters stay data', async () => {
    db = await throwawayMyDb('bfhostile');
    const name = "t`; DROP TABLE zd_writes; -- $$ //'";
    await setup(db, name, 'INT', 500);
    const sql = backfillSql({
      table: { name },
      catalogTable: tableOf(name, { column: 'id', type: 'int' }),
      set: [{ column: 'c', expr: "CONCAT('$$', '//', id)" }],
      guard: '`c` IS NULL',
      batchSize: 100,
      lockTimeout: '1s',
    });
    await db.run(sql);
    expect(await writes(db)).toBe(500);
    const q = `\`${name.replace(/`/g, '``')}\``;
    const rows = await db.query<{ c: string }>(`SELECT c FROM ${q} WHERE id = 3`);
    expect(rows[0]!.c).toBe('$$//3');
  });
});
