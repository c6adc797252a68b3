/** Test helpers: lint real SQL through the real parser and engine. */
import { expect, it, describe } from 'vitest';
import type { Finding, Migration, TransactionMode } from '../src/model.js';
import type { LintOptions } from '../src/engine/lint.js';
import { lintMigrations } from '../src/pipeline/index.js';
import type { Rule } from '../src/rules/api.js';

export function migration(
  source: string,
  opts: { path?: string; review?: boolean; transaction?: TransactionMode; framework?: string; dialect?: string } = {},
): Migration {
  const path = opts.path ?? 'migrations/0002_change.sql';
  return {
    path,
    absPath: `/virtual/${path}`,
    source,
    dialect: opts.dialect ?? 'postgres',
    framework: opts.framework ?? 'plain',
    transaction: opts.transaction ?? 'none',
    review: opts.review ?? true,
  };
}

export interface LintSqlOptions extends LintOptions {
  /** earlier migrations, replayed into the catalog first (not linted) */
  history?: string | string[];
  /** earlier files of the same release (under review too, linted), between the history and the SQL */
  release?: string | string[];
  transaction?: TransactionMode;
  /** the dialect the SQL is read in (default postgres): `mysql`, `mariadb` */
  dialect?: string;
}

/** Lints one SQL migration (after replaying `history`) and returns its findings. */
export async function lintSql(sql: string, opts: LintSqlOptions = {}): Promise<Finding[]> {
  const history = opts.history === undefined ? [] : Array.isArray(opts.history) ? opts.history : [opts.history];
  const migrations = [
    ...history.map((h, i) =>
      migration(h, { path: `migrations/0001_history_${i}.sql`, review: false, dialect: opts.dialect }),
    ),
    ...(opts.release === undefined ? [] : Array.isArray(opts.release) ? opts.release : [opts.release]).map((r, i) =>
      migration(r, { path: `migrations/0001_release_${i}.sql`, dialect: opts.dialect }),
    ),
    migration(sql, { transaction: opts.transaction ?? 'none', dialect: opts.dialect }),
  ];
  const result = await lintMigrations(migrations, opts);
  return result.files[result.files.length - 1]!.findings;
}

export interface RuleCase {
  /** the migration under review */
  sql: string;
  /** earlier migrations */
  history?: string | string[];
  /** earlier files of the same release, under review too */
  release?: string | string[];
  name?: string;
  /** the dialect's target version (MySQL/MariaDB: major*10000+minor*100+patch, e.g. 80035) */
  pgVersion?: number;
  transaction?: TransactionMode;
  /** the dialect (default: the rule's, `mysql` for rules/mysql/); `mariadb` to read the case as MariaDB */
  dialect?: string;
  /** for invalid cases: expected number of findings (default 1) */
  count?: number;
  /** for invalid cases: the 1-based line of the first finding */
  line?: number;
  /** for invalid cases: a substring the first message must contain */
  message?: string | RegExp;
}

/**
 * ESLint-RuleTester-style table: every `invalid` case must produce findings of
 * this rule, every `valid` case none. Only this rule runs.
 */
export function ruleTester(rule: Rule, cases: { valid: (RuleCase | string)[]; invalid: (RuleCase | string)[] }): void {
  const norm = (c: RuleCase | string): RuleCase => (typeof c === 'string' ? { sql: c } : c);
  describe(rule.meta.id, () => {
    describe('flags', () => {
      for (const raw of cases.invalid) {
        const c = norm(raw);
        it(c.name ?? c.sql.replace(/\s+/g, ' ').slice(0, 100), async () => {
          const findings = await lintSql(c.sql, {
            history: c.history,
            release: c.release,
            pgVersion: c.pgVersion,
            transaction: c.transaction,
            dialect: c.dialect ?? rule.meta.dialect,
            ruleSet: [rule],
          });
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
        it(c.name ?? c.sql.replace(/\s+/g, ' ').slice(0, 100), async () => {
          const findings = await lintSql(c.sql, {
            history: c.history,
            release: c.release,
            pgVersion: c.pgVersion,
            transaction: c.transaction,
            dialect: c.dialect ?? rule.meta.dialect,
            ruleSet: [rule],
          });
          expect(findings.filter((f) => f.rule === rule.meta.id)).toEqual([]);
        });
      }
    });
  });
}
