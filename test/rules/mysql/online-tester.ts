/**
 * Lints MySQL/MariaDB SQL through the real dialect (parser, catalog replay, engine) for the
 * prediction-based rules' tests: a history replayed first, then the migration under review.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model.js';
import { lintMigrations } from '../../../src/pipeline/index.js';
import type { Rule } from '../../../src/rules/api.js';
import { parseMysqlVersion } from '../../../src/dialects/mysql/version.js';
import { migration } from '../../helpers.js';

export const ORDERS = `CREATE TABLE users (id BIGINT NOT NULL PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE orders (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  total DECIMAL(10,2),
  note VARCHAR(50),
  status ENUM('new','paid') NOT NULL DEFAULT 'new',
  body TEXT,
  KEY k_user (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;`;

export interface OnlineCase {
  sql: string;
  name?: string;
  history?: string | string[];
  flavor?: 'mysql' | 'mariadb';
  /** `--mysql-version` text; default: the flavor's default (MySQL 8.0 latest, MariaDB 10.11) */
  version?: string;
  count?: number;
  message?: string | RegExp;
  severity?: 'error' | 'warning';
}

/** The rule's findings on the case (only that rule runs). */
export async function lintOnline(rule: Rule, c: OnlineCase): Promise<Finding[]> {
  const flavor = c.flavor ?? 'mysql';
  const history = c.history === undefined ? [ORDERS] : Array.isArray(c.history) ? c.history : [c.history];
  const migrations = [
    ...history.map((h, i) => ({
      ...migration(h, { path: `migrations/0001_h${i}.sql`, review: false }),
      dialect: flavor,
    })),
    { ...migration(c.sql), dialect: flavor },
  ];
  const pgVersion = c.version === undefined ? undefined : parseMysqlVersion(c.version, flavor);
  if (c.version !== undefined && pgVersion === undefined) throw new Error(`bad ${flavor} version ${c.version}`);
  const result = await lintMigrations(migrations, { pgVersion, ruleSet: [rule] });
  const findings = result.files.at(-1)!.findings;
  // a statement the parser could not read would make a case pass for the wrong reason
  expect(findings.filter((f) => f.rule === 'syntax-error')).toEqual([]);
  return findings.filter((f) => f.rule === rule.meta.id);
}

/** RuleTester-style table: every `invalid` case flags (count, message, severity), every `valid` one does not. */
export function onlineRuleTester(
  rule: Rule,
  cases: { valid: (OnlineCase | string)[]; invalid: (OnlineCase | string)[] },
) {
  const norm = (c: OnlineCase | string): OnlineCase => (typeof c === 'string' ? { sql: c } : c);
  const title = (c: OnlineCase) =>
    c.name ?? `${c.flavor ?? 'mysql'} ${c.version ?? ''} ${c.sql.replace(/\s+/g, ' ').slice(0, 90)}`;
  describe(rule.meta.id, () => {
    describe('flags', () => {
      for (const c of cases.invalid.map(norm))
        it(title(c), async () => {
          const mine = await lintOnline(rule, c);
          expect(mine.length, JSON.stringify(mine, null, 1)).toBe(c.count ?? 1);
          if (c.message !== undefined) expect(mine[0]!.message).toMatch(c.message);
          if (c.severity !== undefined) expect(mine[0]!.severity).toBe(c.severity);
          for (const f of mine) {
            expect(f.help.length).toBeGreaterThan(10);
            // a finding with an online field claims writes wait: never LOCK=NONE
            if (f.online) expect(f.online.lock).not.toBe('NONE');
          }
        });
    });
    describe('does not flag', () => {
      for (const c of cases.valid.map(norm))
        it(title(c), async () => {
          expect(await lintOnline(rule, c)).toEqual([]);
        });
    });
  });
}
