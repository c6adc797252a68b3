/**
 * Per-rule options: checked against each rule's `meta.options` schema, with errors that name
 * the key and point at `file:line:col` like the config loader's other errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { allRules } from '../../rules/postgres/index.js';
import { loadConfig, ruleSettings } from '../../src/config.js';
import { defineRule } from '../../src/rules/api.js';
import { configLocator, validateRuleOptions } from '../../src/rules/options.js';
import { lintSql } from '../helpers.js';

/** A rule that takes one option, `maxRows` (a positive integer), and reports what it read. */
const probe = defineRule({
  meta: {
    id: 'probe-with-options',
    severity: 'warning',
    summary: 'test probe',
    kinds: ['SelectStmt'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { maxRows: { type: 'integer', minimum: 1 }, mode: { enum: ['strict', 'loose'] } },
    },
  },
  check(_stmt, ctx) {
    return { message: `options as the rule read them: ${JSON.stringify(ctx.options)}`, help: 'nothing to do here' };
  },
});
const rules = [...allRules, probe];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function configFile(name: string, text: string): { dir: string; text: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'zerodown-rule-options-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, name), text);
  return { dir, text };
}

describe('validateRuleOptions', () => {
  it('the built-in rules that take options are the ones expected (every other must say none)', () => {
    expect(allRules.filter((r) => r.meta.options).map((r) => r.meta.id)).toEqual(['prefer-bigint-over-int']);
  });

  it('prefer-bigint-over-int takes everyColumn, a boolean, and nothing else', () => {
    const check = (options: unknown) =>
      validateRuleOptions(allRules, { rules: { 'prefer-bigint-over-int': { options } } }).map((p) => p.message);
    expect(check({ everyColumn: 'yes' }).join()).toMatch(/everyColumn/);
    expect(check({ every: true }).join()).toMatch(/every/);
    expect(
      validateRuleOptions(allRules, { rules: { 'prefer-bigint-over-int': { options: { everyColumn: true } } } }),
    ).toEqual([]);
  });

  it('accepts severities, settings without options, and options that match the schema', () => {
    expect(
      validateRuleOptions(rules, {
        rules: {
          'ban-drop-column': 'warning',
          'ban-drop-table': { severity: 'off' },
          'probe-with-options': { severity: 'error', options: { maxRows: 5, mode: 'strict' } },
        },
      }),
    ).toEqual([]);
    expect(validateRuleOptions(rules, {})).toEqual([]);
  });

  it('rejects options for a rule that takes none, syntax-error included', () => {
    const problems = validateRuleOptions(
      rules,
      {
        rules: {
          'ban-drop-column': { severity: 'warning', options: { allow: ['x'] } },
          'syntax-error': { options: {} },
        },
      },
      { file: 'zerodown.config.json' },
    );
    expect(problems.map((p) => p.text)).toEqual([
      'zerodown.config.json: rule "ban-drop-column" takes no options: remove "rules.ban-drop-column.options"',
      'zerodown.config.json: rule "syntax-error" takes no options: remove "rules.syntax-error.options"',
    ]);
    expect(problems[0]).toMatchObject({ rule: 'ban-drop-column', keyPath: ['rules', 'ban-drop-column', 'options'] });
  });

  it('names the bad option: wrong value, unknown key, not an enum value', () => {
    const check = (options: unknown) =>
      validateRuleOptions(rules, { rules: { 'probe-with-options': { options } } }).map((p) => p.message);
    expect(check({ maxRows: 0 })).toEqual(['"rules.probe-with-options.options.maxRows" must be >= 1 (got 0)']);
    expect(check({ maxRow: 5 })).toEqual([
      'unknown option "rules.probe-with-options.options.maxRow" (it takes "maxRows", "mode")',
    ]);
    expect(check({ mode: 'lax' })).toEqual([
      '"rules.probe-with-options.options.mode" must be one of "strict", "loose" (got "lax")',
    ]);
    expect(check('5')).toEqual(['"rules.probe-with-options.options" must be object (got "5")']);
  });

  it('the real loader rejects options for a rule that takes none, at file:line:col (JSON)', async () => {
    const text = `{\n  "pgVersion": 15,\n  "rules": {\n    "ban-drop-table": "warning",\n    "ban-drop-column": { "severity": "warning", "options": { "allow": true } }\n  }\n}\n`;
    const { dir } = configFile('zerodown.config.json', text);
    await expect(loadConfig(dir)).rejects.toThrow(
      'zerodown.config.json:5:60: rule "ban-drop-column" takes no options: remove "rules.ban-drop-column.options"',
    );
  });

  it('the real loader rejects options for a rule that takes none, at file:line:col (YAML)', async () => {
    const text = 'pgVersion: 14\nrules:\n  ban-drop-column:\n    severity: warning\n    options:\n      allow: [x]\n';
    const { dir } = configFile('.zerodown.yml', text);
    await expect(loadConfig(dir)).rejects.toThrow(
      '.zerodown.yml:6:7: rule "ban-drop-column" takes no options: remove "rules.ban-drop-column.options"',
    );
  });

  it('points at the bad option itself, in JSON and in YAML', () => {
    const json = `{\n  "rules": {\n    "probe-with-options": { "options": { "maxRows": -3 } }\n  }\n}\n`;
    expect(
      validateRuleOptions(rules, JSON.parse(json), { locate: configLocator(json, 'zerodown.config.json') }).map(
        (p) => p.text,
      ),
    ).toEqual(['zerodown.config.json:3:53: "rules.probe-with-options.options.maxRows" must be >= 1 (got -3)']);
    const yml =
      'rules:\n  probe-with-options:\n    severity: error\n    options:\n      maxRows: 10\n      colour: red\n';
    expect(
      validateRuleOptions(rules, parseYaml(yml), { locate: configLocator(yml, '.zerodown.yml') }).map((p) => p.text),
    ).toEqual([
      '.zerodown.yml:6:15: unknown option "rules.probe-with-options.options.colour" (it takes "maxRows", "mode")',
    ]);
  });

  it('the options a valid config gives reach the rule through the engine', async () => {
    const config = { rules: { 'probe-with-options': { options: { maxRows: 7 } } } };
    expect(validateRuleOptions(rules, config)).toEqual([]);
    const { ruleOptions } = ruleSettings(config);
    const findings = await lintSql('SELECT 1;', { ruleSet: [probe], ruleOptions });
    expect(findings.map((f) => f.message)).toEqual(['options as the rule read them: {"maxRows":7}']);
  });
});
