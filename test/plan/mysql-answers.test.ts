/**
 * The MySQL/MariaDB planner declares the rules it answers (`mysqlPlanner.answers`). For each one, a
 * real unsafe example is linted with the real rules and planned from those findings: the rule must
 * flag it, and the plan must rewrite it (the finding not left "not handled"). A rule the rules
 * slice has not registered yet is reported as skipped, by name, never as passed.
 */
import { describe, expect, it } from 'vitest';
import { mariadb } from '../../src/dialects/mysql/index.js';
import { mariadbPlanner, MYSQL_PLAN_ANSWERS } from '../../src/dialects/mysql/plan/index.js';
import { lintMigrations } from '../../src/pipeline/index.js';
import { planMigrations } from '../../src/plan/planner.js';
import { myMig } from './mysql-helpers.js';

const HISTORY = `CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100) NULL, note VARCHAR(200) NULL, body TEXT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE events (id BIGINT NOT NULL, kind VARCHAR(20) NULL, UNIQUE KEY events_id (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
`;

/** One unsafe example per rule the planner declares; `at`: the flagged statement (0-based). */
const EXAMPLES: Record<string, { sql: string; at?: number }> = {
  'adding-field-with-default': { sql: 'ALTER TABLE accounts ADD COLUMN token VARCHAR(36) NOT NULL DEFAULT (uuid());' },
  'index-same-step-as-add-column': {
    sql: 'ALTER TABLE accounts ADD COLUMN email VARCHAR(120) NULL, ADD INDEX accounts_email (email);',
  },
  'ban-explicit-copy-or-lock': { sql: 'ALTER TABLE accounts ADD COLUMN flag TINYINT NULL, ALGORITHM=COPY;' },
  'alter-table-not-online': { sql: 'ALTER TABLE accounts MODIFY note VARCHAR(40);' },
  'require-lock-timeout': { sql: 'ALTER TABLE accounts ADD COLUMN flag TINYINT NULL;' },
  'changing-column-type': { sql: 'ALTER TABLE accounts MODIFY note VARCHAR(50);' },
  'charset-conversion': { sql: 'ALTER TABLE accounts CONVERT TO CHARACTER SET latin1;' },
  'adding-fulltext-or-spatial-index': { sql: 'ALTER TABLE accounts ADD FULLTEXT INDEX accounts_body (body);' },
  'adding-auto-increment-column': {
    sql: 'ALTER TABLE events ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT, ADD KEY events_seq (seq);',
  },
  'adding-stored-generated-column': {
    sql: 'ALTER TABLE accounts ADD COLUMN name_len INT AS (CHAR_LENGTH(name)) STORED;',
  },
  'adding-foreign-key-constraint': {
    sql: 'ALTER TABLE events ADD CONSTRAINT events_account FOREIGN KEY (id) REFERENCES accounts (id);',
  },
  'unbatched-backfill': { sql: "UPDATE accounts SET name = 'n/a' WHERE name IS NULL;" },
};

const registered = new Set(mariadb.rules.map((r) => r.meta.id));

describe('the MySQL planner declares the rules it answers', () => {
  it('the planner answers exactly the declared list, and every declared rule has an example here', () => {
    expect([...mariadbPlanner.answers].sort()).toEqual([...MYSQL_PLAN_ANSWERS].sort());
    expect(Object.keys(EXAMPLES).sort()).toEqual([...MYSQL_PLAN_ANSWERS].sort());
  });

  for (const rule of MYSQL_PLAN_ANSWERS) {
    const ex = EXAMPLES[rule]!;
    it.skipIf(!registered.has(rule))(
      `${rule}: the rule flags the example and the plan rewrites it${registered.has(rule) ? '' : ' (skipped: the rule is not registered in rules/mysql yet)'}`,
      async () => {
        const migs = [myMig(HISTORY, { path: 'db/0001_init.sql', review: false }), myMig(ex.sql)];
        const lint = await lintMigrations(migs, {});
        const findings = lint.files.flatMap((f) => f.findings);
        const at = ex.at ?? 0;
        expect(
          findings.filter((f) => f.rule === rule && f.statementIndex === at),
          `${rule} does not flag:\n${ex.sql}`,
        ).toHaveLength(1);
        const result = await planMigrations(mariadb, migs, { findings });
        expect(result.failed).toEqual([]);
        expect(result.plans).toHaveLength(1);
        expect(result.plans[0]!.rewrites.some((r) => r.rule === rule && r.line === at + 1)).toBe(true);
        expect(result.unhandled.filter((u) => u.rule === rule)).toEqual([]);
      },
    );
  }
});
