/**
 * Seeding and snapshots on the MySQL/MariaDB shadow (seed.ts, snapshot.ts) against the real server
 * at ZERODOWN_TEST_MYSQL_URL: every table filled, foreign keys pointing at real parents, unique keys
 * kept, nullable columns holding some NULLs (realistic) or none (proof), generated columns left to
 * the server, what cannot be seeded reported; and two shadows seeded with the proof policy from the
 * same schema hold the same rows and the same schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMysqlProbes } from '../../src/dialects/mysql/shadow/probes.js';
import { MysqlShadow } from '../../src/dialects/mysql/shadow/server.js';
import { MYSQL_URL, mysqlSuite } from './mysql-env.js';

const probes = createMysqlProbes('mariadb');
const SCHEMA = [
  `CREATE TABLE accounts (
     id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
     email varchar(120) NOT NULL UNIQUE,
     plan enum('free','pro','team') NOT NULL DEFAULT 'free',
     balance decimal(10,2) NOT NULL,
     settings json NULL,
     created_at datetime NOT NULL,
     nickname varchar(30) NULL,
     email_domain varchar(120) AS (substring_index(email, '@', -1)) VIRTUAL
   )`,
  `CREATE TABLE orders (
     id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
     account_id bigint unsigned NOT NULL,
     code char(8) NOT NULL,
     total int NOT NULL,
     note text NULL,
     UNIQUE KEY uq_code (code),
     CONSTRAINT fk_orders_account FOREIGN KEY (account_id) REFERENCES accounts (id)
   )`,
  `CREATE TABLE flags (kind enum('a','b') NOT NULL PRIMARY KEY, enabled tinyint(1) NOT NULL)`,
  `CREATE TABLE shapes (id int PRIMARY KEY, g geometry NOT NULL)`,
];

describe.skipIf(!MYSQL_URL)(mysqlSuite('seeding the MySQL shadow'), () => {
  const shadows: MysqlShadow[] = [];
  const open = async () => {
    const sh = await MysqlShadow.open(MYSQL_URL!, probes);
    shadows.push(sh);
    for (const sql of SCHEMA) await sh.exec(sql);
    return sh;
  };
  let shadow: MysqlShadow;
  beforeAll(async () => {
    shadow = await open();
  });
  afterAll(async () => {
    for (const s of shadows) await s.close();
  });

  it('fills every table it can, parents first, and says which it cannot', async () => {
    const r = await probes.seed(shadow, { rows: 300 });
    expect(r.tables).toBe(4);
    expect(Object.fromEntries(r.rows)).toEqual({ accounts: 300, orders: 300, flags: 2, shapes: 0 });
    // no sample value for a geometry: reported, not fatal
    expect(r.failures).toEqual([
      { table: 'shapes', code: expect.any(String), message: expect.stringMatching(/column g \(geometry\)/) },
    ]);
    const [orphans] = await shadow.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM orders o LEFT JOIN accounts a ON a.id = o.account_id WHERE a.id IS NULL',
    );
    expect(Number(orphans!.n)).toBe(0);
    const [nulls] = await shadow.query<{ n: string; e: string }>(
      'SELECT SUM(nickname IS NULL) AS n, COUNT(DISTINCT email_domain) AS e FROM accounts',
    );
    expect(Number(nulls!.n)).toBeGreaterThan(0); // realistic: some NULLs, as production has
    const [codes] = await shadow.query<{ n: string }>('SELECT COUNT(DISTINCT code) AS n FROM orders');
    expect(Number(codes!.n)).toBe(300);
  });

  it('the proof policy: no NULL, and two shadows from the same schema hold the same rows and schema', async () => {
    const a = await open();
    const b = await open();
    await probes.seed(a, { rows: 50, policy: { kind: 'proof' } });
    await probes.seed(b, { rows: 50, policy: { kind: 'proof' } });
    const [nulls] = await a.query<{ n: string }>('SELECT SUM(nickname IS NULL) AS n FROM accounts');
    expect(Number(nulls!.n)).toBe(0);
    expect(await probes.snapshotData(a)).toEqual(await probes.snapshotData(b));
    const schema = await probes.snapshotSchema(a);
    expect(schema).toEqual(await probes.snapshotSchema(b));
    expect(schema.get('constraint orders.fk_orders_account')).toBe(
      'FOREIGN KEY (account_id) REFERENCES accounts (id) ON UPDATE RESTRICT ON DELETE RESTRICT',
    );
    expect(schema.get('column order accounts')).toBe(
      'id, email, plan, balance, settings, created_at, nickname, email_domain',
    );
    expect(schema.get('index orders.uq_code')).toBe('UNIQUE BTREE (code)');
  });
});
