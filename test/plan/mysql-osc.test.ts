/**
 * gh-ost and pt-online-schema-change commands: every value from the migration stays exactly one
 * shell argument (checked by running the command through sh with stand-in tools that print their
 * arguments), the flags the vendors document are there, and the preconditions follow the catalog.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MyTable } from '../../src/dialects/mysql/ast.js';
import { ghostCommand, oscCommands, ptOscCommand, type OscInput } from '../../src/dialects/mysql/plan/osc.js';
import { shellQuote } from '../../src/dialects/mysql/plan/shell.js';

const bin = mkdtempSync(join(tmpdir(), 'zd-osc-'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));
// stand-ins for the tools: print each argument as JSON, one per line
for (const tool of ['gh-ost', 'pt-online-schema-change']) {
  writeFileSync(
    join(bin, tool),
    `#!/usr/bin/env node\nfor (const a of process.argv.slice(2)) console.log(JSON.stringify(a));\n`,
  );
  chmodSync(join(bin, tool), 0o755);
}

/** argv the shell hands the tool for `command` */
function argvOf(command: string): string[] {
  const r = spawnSync('sh', ['-c', command], {
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      MYSQL_HOST: 'db.internal',
      MYSQL_USER: 'migrator',
      MYSQL_DATABASE: 'shop',
    },
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as string);
}

const HOSTILE = ["o'rders", 'a b', '$(touch /tmp/zd-pwned)', '`id`', 'x;y', 'new\nline', '"dq"', "'\\''", '--execute'];

function table(over: Partial<MyTable> = {}): MyTable {
  return {
    name: 'orders',
    columns: [
      { name: 'id', type: { name: 'int', text: 'INT' }, nullable: false, autoIncrement: true, invisible: false },
    ],
    indexes: [{ name: 'PRIMARY', kind: 'primary', columns: [{ name: 'id' }], invisible: false }],
    foreignKeys: [],
    checks: [],
    engine: 'INNODB',
    rowFormat: 'DYNAMIC',
    rowVersions: 0,
    triggers: [],
    partitioned: false,
    createdIn: '/m/1.sql',
    ...over,
  };
}

const base: OscInput = {
  table: { name: 'orders' },
  body: 'MODIFY `note` VARCHAR(20)',
  catalogTable: table(),
  referencedBy: [],
  addsUnique: false,
  chunkSize: 1000,
  lockWaitSeconds: 2,
};

describe('shellQuote', () => {
  it.each(HOSTILE)('keeps %j one argument with the same value', (value) => {
    expect(argvOf(`gh-ost ${shellQuote(value)} end`)).toEqual([value, 'end']);
  });
  it('refuses a NUL byte (no argument can hold one)', () => {
    expect(() => shellQuote('a\0b')).toThrow(/NUL/);
  });
});

describe('gh-ost command', () => {
  it.each(HOSTILE)('table %j and a hostile ALTER stay one argument each', (name) => {
    const body = `ADD COLUMN \`x\` TEXT COMMENT '$(rm -rf ~) ${name}'`;
    const c = ghostCommand({ ...base, table: { schema: name, name }, body });
    const argv = argvOf(c.command);
    expect(argv).toContain(`--database=${name}`);
    expect(argv).toContain(`--table=${name}`);
    expect(argv).toContain(`--alter=${body}`);
    expect(argv.at(-1)).toBe('--execute');
    expect(argvOf(c.dryRun)).not.toContain('--execute');
  });

  it('has the documented throttling, lag and cut-over flags, and asks for the password', () => {
    const argv = argvOf(ghostCommand(base).command);
    for (const f of [
      '--host=db.internal',
      '--port=3306',
      '--user=migrator',
      '--ask-pass',
      '--database=shop',
      '--table=orders',
      '--chunk-size=1000',
      '--max-load=Threads_running=25',
      '--critical-load=Threads_running=100',
      '--max-lag-millis=1500',
      '--cut-over-lock-timeout-seconds=2',
      '--postpone-cut-over-flag-file=/tmp/gh-ost.orders.postpone',
    ])
      expect(argv).toContain(f);
    expect(argv.some((a) => a.startsWith('--password'))).toBe(false);
  });

  it('says plainly when the table has foreign keys, triggers, or no NOT NULL unique key', () => {
    const t = table({
      foreignKeys: [{ columns: ['id'], refTable: { name: 'accounts' }, refColumns: ['id'] }],
      triggers: ['orders_audit'],
      indexes: [],
    });
    const c = ghostCommand({
      ...base,
      catalogTable: t,
      referencedBy: [
        { table: { name: 'items' }, fk: { columns: ['order_id'], refTable: { name: 'orders' }, refColumns: ['id'] } },
      ],
    });
    const unmet = c.preconditions.filter((p) => p.met === false).map((p) => p.text);
    expect(unmet.join('\n')).toMatch(/foreign keys: orders has 1/);
    expect(unmet.join('\n')).toMatch(/triggers \(orders_audit\)/);
    expect(unmet.join('\n')).toMatch(/PRIMARY or UNIQUE key with no NULL/);
    expect(unmet.join('\n')).toMatch(/point at: items/);
    expect(c.preconditions.some((p) => p.met === null && /binlog_row_image/.test(p.text))).toBe(true);
  });

  it('a nullable UNIQUE key is not enough', () => {
    const t = table({
      columns: [
        {
          name: 'email',
          type: { name: 'varchar', text: 'VARCHAR(90)' },
          nullable: true,
          autoIncrement: false,
          invisible: false,
        },
      ],
      indexes: [{ name: 'email_uq', kind: 'unique', columns: [{ name: 'email' }], invisible: false }],
    });
    expect(ghostCommand({ ...base, catalogTable: t }).preconditions.some((p) => p.met === false)).toBe(true);
  });
});

describe('pt-online-schema-change command', () => {
  it('dry run first, then execute; the DSN names the table as one argument', () => {
    const name = "o'r ders";
    const c = ptOscCommand({ ...base, table: { name } });
    const dry = argvOf(c.dryRun);
    expect(dry).toContain('--dry-run');
    expect(dry).not.toContain('--execute');
    expect(dry.at(-1)).toBe(`D=shop,t=${name}`);
    const run = argvOf(c.command);
    expect(run).toContain('--execute');
    for (const f of [
      '--chunk-size=1000',
      '--max-load=Threads_running=25',
      '--critical-load=Threads_running=50',
      '--max-lag=1',
      '--ask-pass',
    ])
      expect(run).toContain(f);
  });

  it('adds --preserve-triggers and --alter-foreign-keys-method when the catalog calls for them', () => {
    const c = ptOscCommand({
      ...base,
      catalogTable: table({ triggers: ['orders_audit'] }),
      referencedBy: [
        { table: { name: 'items' }, fk: { columns: ['order_id'], refTable: { name: 'orders' }, refColumns: ['id'] } },
      ],
    });
    const argv = argvOf(c.command);
    expect(argv).toContain('--preserve-triggers');
    expect(argv).toContain('--alter-foreign-keys-method=rebuild_constraints');
    expect(c.preconditions.every((p) => p.met !== false)).toBe(true);
  });

  it('a new UNIQUE key: refused until the duplicates pre-flight is clean (INSERT IGNORE drops them)', () => {
    const [gh, pt] = oscCommands({ ...base, addsUnique: true });
    expect(pt!.preconditions.find((p) => p.met === false)?.text).toMatch(/--no-check-unique-key-change/);
    expect(gh!.preconditions.some((p) => /INSERT IGNORE/.test(p.text))).toBe(true);
  });

  it("a name with ',' or '=' cannot go in pt-osc's DSN: said, not papered over", () => {
    const c = ptOscCommand({ ...base, table: { name: 'a,D=other' } });
    expect(c.preconditions.some((p) => p.met === false && /DSN/.test(p.text))).toBe(true);
  });
});
