import { describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/ban-drop-trigger.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history = 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'DROP TRIGGER orders_audit ON orders;',
      history,
      message: /Dropping the trigger `orders_audit` on `orders` silently stops/,
    },
    {
      name: 'schema-qualified table, IF EXISTS',
      sql: 'DROP TRIGGER IF EXISTS t1 ON billing.orders;',
      message: /`billing.orders`/,
    },
    {
      name: 'recreated in the same transaction: a warning to check the new definition',
      sql: 'BEGIN;\nDROP TRIGGER tr ON orders;\nCREATE TRIGGER tr AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION f();\nCOMMIT;',
      history,
      message: /created again in the same transaction/,
    },
  ],
  valid: [
    {
      name: 'trigger created earlier in the same file',
      sql: 'CREATE TRIGGER tr AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION f();\nDROP TRIGGER tr ON orders;',
      history,
    },
    {
      name: 'trigger on a table this release created',
      sql: 'DROP TRIGGER tr ON carts;',
      history,
      release: 'CREATE TABLE carts (id bigint);',
    },
    {
      name: 'a trigger on a table created earlier in the same file',
      sql: 'CREATE TABLE carts (id bigint);\nDROP TRIGGER tr ON carts;',
    },
  ],
});

describe('ban-drop-trigger is opt-in', () => {
  const sql = 'DROP TRIGGER orders_audit ON orders;';
  it('is off with the default rules', async () => {
    const findings = await lintSql(sql, { history });
    expect(findings.filter((f) => f.rule === 'ban-drop-trigger')).toEqual([]);
    // the same run does report other rules: the dialect's rules ran
    const other = await lintSql('DROP VIEW v;', { history });
    expect(other.map((f) => f.rule)).toContain('ban-drop-view');
  });
  it('runs when the config names it', async () => {
    const findings = await lintSql(sql, { history, rules: { 'ban-drop-trigger': 'error' } });
    const mine = findings.filter((f) => f.rule === 'ban-drop-trigger');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.severity).toBe('error');
  });
  it('stays off when the config turns it off', async () => {
    const findings = await lintSql(sql, { history, rules: { 'ban-drop-trigger': 'off' } });
    expect(findings.filter((f) => f.rule === 'ban-drop-trigger')).toEqual([]);
  });
});
