import { describe, expect, it } from 'vitest';
import { readIgnores } from '../../src/parse/ignores.js';
import { lintSql } from '../helpers.js';
import requireConcurrentIndexCreation from '../../rules/postgres/require-concurrent-index-creation.js';
import addingFieldWithDefault from '../../rules/postgres/adding-field-with-default.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';
const index = 'CREATE INDEX users_email_idx ON users (email);';
const volatileColumn = 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();';
// two real rules only, so the expectations do not move when other rules are added
const ruleSet = [requireConcurrentIndexCreation, addingFieldWithDefault];
const rulesOf = async (sql: string) => (await lintSql(sql, { history, ruleSet })).map((f) => `${f.line}:${f.rule}`);

describe('readIgnores', () => {
  it('reads rule lists from the comment block directly above a statement', () => {
    const ig = readIgnores(
      'SELECT 1;\n-- zerodown-ignore rule-a, rule-b\n-- why: reasons\nSELECT 2;\n\n-- zerodown-ignore rule-c\n\nSELECT 3;',
    );
    expect([...ig.forLine(4).rules]).toEqual(['rule-a', 'rule-b']);
    expect(ig.forLine(4).all).toBe(false);
    expect(ig.forLine(1).rules.size).toBe(0);
    // a blank line separates the directive from the statement
    expect(ig.forLine(8).rules.size).toBe(0);
  });

  it('no rule list ignores everything; a trailing explanation is not a rule id', () => {
    const ig = readIgnores(
      '-- zerodown-ignore\nSELECT 1;\n-- zerodown-ignore ban-drop-column -- dropped in v2, nobody reads it\nSELECT 2;\r\n-- zerodown-ignore rule-x: legacy\r\nSELECT 3;',
    );
    expect(ig.forLine(2).all).toBe(true);
    expect([...ig.forLine(4).rules]).toEqual(['ban-drop-column']);
    expect([...ig.forLine(6).rules]).toEqual(['rule-x']);
  });

  it('file-level directives, and squawk-ignore comments for teams moving from squawk', () => {
    expect(readIgnores('-- zerodown-ignore-file\nSELECT 1;').file).toBe(true);
    const some = readIgnores('-- zerodown-ignore-file rule-a,rule-b\nSELECT 1;');
    expect(some.file).toBe(false);
    expect([...some.fileRules]).toEqual(['rule-a', 'rule-b']);
    expect([...readIgnores('-- squawk-ignore rule-a\nSELECT 1;').forLine(2).rules]).toEqual(['rule-a']);
    expect(readIgnores('-- squawk-ignore-file\nSELECT 1;').file).toBe(true);
  });

  it('a directive inside a string or after code is not a directive', () => {
    const ig = readIgnores("SELECT 1; -- zerodown-ignore rule-a\nSELECT 2;\nSELECT '-- zerodown-ignore-file';");
    expect(ig.forLine(2).rules.size).toBe(0);
    expect(ig.file).toBe(false);
  });
});

describe('ignore comments in a lint run', () => {
  it('without comments both statements are flagged (the baseline for the cases below)', async () => {
    expect(await rulesOf(`${index}\n${volatileColumn}`)).toEqual([
      '1:require-concurrent-index-creation',
      '2:adding-field-with-default',
    ]);
  });

  it('ignores only the named rule on the next statement', async () => {
    const sql = `-- zerodown-ignore require-concurrent-index-creation\n${index}\n${index.replace('users_email_idx', 'other_idx')}\n${volatileColumn}`;
    expect(await rulesOf(sql)).toEqual(['3:require-concurrent-index-creation', '4:adding-field-with-default']);
  });

  it('a list ignores several rules; a rule not in the list still fires', async () => {
    const sql = `-- zerodown-ignore adding-field-with-default, require-concurrent-index-creation\n${volatileColumn}\n${index}`;
    expect(await rulesOf(sql)).toEqual(['3:require-concurrent-index-creation']);
    const other = `-- zerodown-ignore ban-drop-column\n${index}`;
    expect(await rulesOf(other)).toEqual(['2:require-concurrent-index-creation']);
  });

  it('zerodown-ignore-file turns every rule off for the file, or just the listed ones', async () => {
    expect(await rulesOf(`-- zerodown-ignore-file\n${index}\n${volatileColumn}`)).toEqual([]);
    expect(await rulesOf(`-- zerodown-ignore-file adding-field-with-default\n${index}\n${volatileColumn}`)).toEqual([
      '2:require-concurrent-index-creation',
    ]);
  });

  it('a syntax error is still reported in an ignored file', async () => {
    expect(await rulesOf('-- zerodown-ignore-file\nCREATE INDEX ON;')).toEqual(['2:syntax-error']);
  });
});
