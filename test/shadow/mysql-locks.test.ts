/**
 * Metadata locks on the MySQL/MariaDB shadow, against the real server at ZERODOWN_TEST_MYSQL_URL.
 * Where the server hides them (MariaDB without the metadata_lock_info plugin, performance_schema
 * off), the shadow says so as an engine limit and the reports say "not visible", never "none".
 * Where it shows them, DML in a transaction reports what its own connection holds, and an ALTER
 * what a second connection saw while it ran.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMysqlProbes } from '../../src/dialects/mysql/shadow/probes.js';
import { MysqlShadow } from '../../src/dialects/mysql/shadow/server.js';
import { runTraced } from '../../src/shadow/trace.js';
import { MYSQL_URL, mysqlAdmin, mysqlSuite, rowsOf } from './mysql-env.js';

const probes = createMysqlProbes('mariadb');

/** whether the test server shows metadata locks (performance_schema or the metadata_lock_info plugin) */
async function serverShowsLocks(): Promise<boolean> {
  if (!MYSQL_URL) return false;
  const a = await mysqlAdmin();
  try {
    const [r] = await rowsOf<{ ps: string | number; plugin: string | number }>(
      a,
      `SELECT @@performance_schema AS ps,
              (SELECT COUNT(*) FROM information_schema.PLUGINS WHERE PLUGIN_NAME = 'METADATA_LOCK_INFO' AND PLUGIN_STATUS = 'ACTIVE') AS plugin`,
    );
    return Number(r!.ps) === 1 || Number(r!.plugin) > 0;
  } finally {
    await a.end();
  }
}
const visible = await serverShowsLocks();

describe.skipIf(!MYSQL_URL)(mysqlSuite('metadata locks on the MySQL shadow'), () => {
  let shadow: MysqlShadow;
  beforeAll(async () => {
    shadow = await MysqlShadow.open(MYSQL_URL!, probes);
    await shadow.exec('CREATE TABLE t (id int PRIMARY KEY AUTO_INCREMENT, a varchar(50), n int)');
    await probes.seed(shadow, { rows: 20_000 });
  });
  afterAll(async () => {
    await shadow?.close();
  });

  it.skipIf(visible)('a server that hides them: an engine limit, and no lock claimed', async () => {
    expect(shadow.lockSource).toBe('none');
    expect(shadow.limits.find((l) => l.id === 'metadata-locks-invisible')?.message).toMatch(/shows no metadata locks/);
    const r = await runTraced(shadow, { path: 'x.sql', sql: 'BEGIN;\nUPDATE t SET n = 1 WHERE id < 5;\nCOMMIT;\n' });
    expect(r.statements.every((s) => s.locks.length === 0)).toBe(true);
  });

  it.skipIf(!visible)(
    `a server that shows them${visible ? '' : " (skipped: the test server hides metadata locks; INSTALL SONAME 'metadata_lock_info' to run it)"}: DML in a transaction, and a copying ALTER`,
    async () => {
      expect(shadow.lockSource).not.toBe('none');
      const r = await runTraced(shadow, {
        path: 'x.sql',
        sql: 'BEGIN;\nUPDATE t SET n = 1 WHERE id < 5;\nCOMMIT;\nALTER TABLE t MODIFY a varchar(20);\n',
      });
      const [, update, , alter] = r.statements;
      expect(update!.locks).toEqual([
        expect.objectContaining({ relation: 't', mode: 'SHARED_WRITE', blocksWrites: false }),
      ]);
      // a copy holds SHARED_NO_WRITE while it copies (its brief EXCLUSIVE to swap the tables in may fall between samples)
      expect(alter!.online).toMatchObject({ algorithm: 'COPY', lock: 'SHARED' });
      expect(alter!.locks).toContainEqual(
        expect.objectContaining({ relation: 't', mode: 'SHARED_NO_WRITE', source: 'sampled', blocksWrites: true }),
      );
      expect(alter!.rewrites).toEqual(['t']);
    },
  );
});
