/**
 * The MySQL/MariaDB flavor of the ESLint-RuleTester-style table (test/helpers.ts `ruleTester`): every
 * `invalid` case must produce findings of the rule, every `valid` case none; only this rule runs,
 * through the real parser, catalog replay and engine of the mysql (default) or mariadb dialect.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model.js';
import { lintMigrations } from '../../../src/pipeline/index.js';
import type { Rule } from '../../../src/rules/api.js';
import { parseMysqlVersion } from '../../../src/dialects/mysql/version.js';
import { migration, type RuleCase } from '../../helpers.js';

/** Tables most cases run against (a history migration, replayed and not linted). */
export const HISTORY = `
CREATE TABLE users (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  name VARCHAR(50) CHARACTER SET latin1,
  status ENUM('active','cancelled','legacy') NOT NULL,
  flags SET('a','b'),
  age INT,
  bio TEXT,
  UNIQUE KEY uq_email (email),
  KEY idx_age (age)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE orders (
  id BIGINT NOT NULL AUTO_INCREMENT,
  user_id BIGINT NOT NULL,
  total DECIMAL(10,2),
  note VARCHAR(50),
  note2 VARCHAR(100),
  code VARCHAR(60),
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE tags (
  id INT NOT NULL,
  name VARCHAR(30) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
`;

export interface MyRuleCase extends Omit<RuleCase, 'pgVersion'> {
  /** default mysql */
  flavor?: 'mysql' | 'mariadb';
  /** `--mysql-version` text (`8.0.28`, `10.5`); default: the dialect's default */
  version?: string;
}

/** Lints one MySQL/MariaDB migration (after replaying `history`) with only `rule`, and returns its findings. */
export async function lintMysql(rule: Rule, c: MyRuleCase): Promise<Finding[]> {
  const flavor = c.flavor ?? 'mysql';
  const history = c.history === undefined ? [] : Array.isArray(c.history) ? c.history : [c.history];
  const withDialect = (m: ReturnType<typeof migration>) => ({ ...m, dialect: flavor });
  const migrations = [
    ...history.map((h, i) => withDialect(migration(h, { path: `migrations/0001_history_${i}.sql`, review: false }))),
    withDialect(migration(c.sql, { transaction: c.transaction ?? 'none' })),
  ];
  const pgVersion = c.version === undefined ? undefined : parseMysqlVersion(c.version, flavor);
  if (c.version !== undefined && pgVersion === undefined) throw new Error(`bad ${flavor} version ${c.version}`);
  const result = await lintMigrations(migrations, { pgVersion, ruleSet: [rule] });
  return result.files.at(-1)!.findings;
}

export function mysqlRuleTester(
  rule: Rule,
  cases: { valid: (MyRuleCase | string)[]; invalid: (MyRuleCase | string)[] },
): void {
  const norm = (c: MyRuleCase | string): MyRuleCase => (typeof c === 'string' ? { sql: c } : c);
  const title = (c: MyRuleCase) => c.name ?? c.sql.replace(/\s+/g, ' ').slice(0, 100);
  describe(`${rule.meta.id} (mysql)`, () => {
    describe('flags', () => {
      for (const raw of cases.invalid) {
        const c = norm(raw);
        it(title(c), async () => {
          const findings = await lintMysql(rule, c);
          // a statement the parser could not read would make the case pass or fail for the wrong reason
          expect(findings.filter((f) => f.rule === 'syntax-error')).toEqual([]);
          const mine = findings.filter((f) => f.rule === rule.meta.id);
          expect(mine.length, JSON.stringify(findings, null, 1)).toBe(c.count ?? 1);
          if (c.line !== undefined) expect(mine[0]!.line).toBe(c.line);
          if (c.message !== undefined) expect(mine[0]!.message).toMatch(c.message);
          for (const f of mine) {
            expect(f.message.length).toBeGreaterThan(20);
            expect(f.help.length).toBeGreaterThan(10);
          }
        });
      }
    });
    describe('does not flag', () => {
      for (const raw of cases.valid) {
        const c = norm(raw);
        it(title(c), async () => {
          const findings = await lintMysql(rule, c);
          expect(findings.filter((f) => f.rule === 'syntax-error')).toEqual([]);
          expect(findings.filter((f) => f.rule === rule.meta.id)).toEqual([]);
        });
      }
    });
  });
}
