/**
 * The drop and rename rules report a break of the running code once, and stay quiet about a
 * table or column this release created (in this file or an earlier file under review, when the
 * run replays history), which no running code can use; one created by the history still counts.
 */
import { describe, expect, it } from 'vitest';
import { lintSql } from '../../helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';
const release = 'ALTER TABLE users ADD COLUMN nickname text;\nCREATE TABLE carts (id bigint);';
const cases: [string, string][] = [
  ['ban-drop-column', 'ALTER TABLE users DROP COLUMN nickname;'],
  ['renaming-column', 'ALTER TABLE users RENAME COLUMN nickname TO handle;'],
  ['ban-drop-table', 'DROP TABLE carts;'],
  ['renaming-table', 'ALTER TABLE carts RENAME TO baskets;'],
];
const onHistory: Record<string, string> = {
  'ban-drop-column': 'ALTER TABLE users DROP COLUMN email;',
  'renaming-column': 'ALTER TABLE users RENAME COLUMN email TO mail;',
  'ban-drop-table': 'DROP TABLE users;',
  'renaming-table': 'ALTER TABLE users RENAME TO members;',
};

describe('drop and rename rules know this release', () => {
  for (const [rule, sql] of cases) {
    it(`${rule}: quiet on what an earlier file of this release created`, async () => {
      const findings = await lintSql(sql, { history, release });
      expect(findings.filter((f) => f.rule === rule)).toEqual([]);
    });
    it(`${rule}: flags it when the same file is history instead`, async () => {
      const findings = await lintSql(sql, { history: [history, release] });
      expect(findings.filter((f) => f.rule === rule)).toHaveLength(1);
    });
    it(`${rule}: flags what the history created, even with the release before`, async () => {
      const findings = await lintSql(onHistory[rule]!, { history, release });
      expect(findings.filter((f) => f.rule === rule)).toHaveLength(1);
    });
  }
  it('linting a whole directory (every file under review, no history) makes each file its own release', async () => {
    // the files were deployed one by one: a column an earlier file added is in use by now
    for (const [rule, sql] of cases) {
      const findings = await lintSql(sql, { release: [history, release] });
      expect(
        findings.filter((f) => f.rule === rule),
        rule,
      ).toHaveLength(1);
    }
  });
  it('one finding per hazard: a drop of an older column is not also breaks-running-code', async () => {
    const findings = await lintSql('ALTER TABLE users DROP COLUMN email;', { history });
    expect(findings.filter((f) => f.rule === 'breaks-running-code')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'ban-drop-column')).toHaveLength(1);
  });
});
