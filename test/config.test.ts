import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, ruleSettings } from '../src/config.js';
import { suggest, validateConfig } from '../src/config-file.js';

const dirs: string[] = [];
function dir(files: Record<string, string>): string {
  const d = mkdtempSync(path.join(tmpdir(), 'zerodown-config-'));
  dirs.push(d);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(d, name), text);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).not.toContain('\n');
    return msg;
  }
  throw new Error('expected a ConfigError');
}

/** the ConfigError `loadConfig(dir, explicit)` rejects with */
async function loadError(d: string, explicit?: string): Promise<string> {
  const err = await loadConfig(d, explicit).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!err) throw new Error('expected a ConfigError');
  return configError(() => {
    throw err;
  });
}

describe('loading', () => {
  it('reads zerodown.config.json from the directory', async () => {
    const d = dir({
      'zerodown.config.json': JSON.stringify({
        paths: ['db/migrations'],
        pgVersion: 13,
        failOn: 'warning',
        assumeInTransaction: true,
        rules: { 'require-concurrent-index-creation': 'warning', 'adding-field-with-default': { severity: 'off' } },
        plan: { lockTimeout: '2s', batchSize: 5000 },
      }),
    });
    const { config, file } = await loadConfig(d);
    expect(file).toBe(path.join(d, 'zerodown.config.json'));
    expect(config).toMatchObject({
      paths: ['db/migrations'],
      pgVersion: 13,
      failOn: 'warning',
      assumeInTransaction: true,
    });
    expect(ruleSettings(config)).toEqual({
      rules: { 'require-concurrent-index-creation': 'warning', 'adding-field-with-default': 'off' },
      ruleOptions: {},
    });
  });

  it('reads .zerodown.yml and .zerodown.yaml', async () => {
    const yml = dir({ '.zerodown.yml': 'pgVersion: 12\nrules:\n  require-concurrent-index-creation: off\n' });
    expect((await loadConfig(yml)).config).toEqual({
      pgVersion: 12,
      rules: { 'require-concurrent-index-creation': 'off' },
    });
    const yaml = dir({ '.zerodown.yaml': 'failOn: never\n' });
    expect((await loadConfig(yaml)).config).toEqual({ failOn: 'never' });
  });

  it('an empty YAML file is an empty config; no file at all is {}', async () => {
    expect((await loadConfig(dir({ '.zerodown.yml': '# nothing yet\n' }))).config).toEqual({});
    expect(await loadConfig(dir({}))).toEqual({ config: {} });
  });

  it('an explicit --config path is used, and a missing one is an error', async () => {
    const d = dir({ 'custom.yml': 'pgVersion: 16\n' });
    expect((await loadConfig(d, 'custom.yml')).config).toEqual({ pgVersion: 16 });
    expect(await loadError(d, 'nope.json')).toMatch(/cannot read config .*nope\.json/);
  });

  it('options for a rule that takes none are an error at file:line:column (they used to be ignored)', async () => {
    const json = '{\n  "rules": {\n    "ban-drop-table": { "severity": "warning", "options": { "max": 3 } }\n  }\n}\n';
    expect(await loadError(dir({ 'zerodown.config.json': json }))).toBe(
      'zerodown.config.json:3:59: rule "ban-drop-table" takes no options: remove "rules.ban-drop-table.options"',
    );
    const yml = 'rules:\n  ban-drop-table:\n    severity: warning\n    options:\n      max: 3\n';
    expect(await loadError(dir({ '.zerodown.yml': yml }))).toMatch(
      /^\.zerodown\.yml:\d+:\d+: rule "ban-drop-table" takes no options/,
    );
    // severity alone is still fine
    expect(
      (await loadConfig(dir({ '.zerodown.yml': 'rules:\n  ban-drop-table:\n    severity: warning\n' }))).config.rules,
    ).toEqual({
      'ban-drop-table': { severity: 'warning' },
    });
  });

  it('broken JSON or YAML is an error at file:line:column, on one line', async () => {
    // V8 words the reason (tested on Node 20); the position is what this test pins
    expect(await loadError(dir({ 'zerodown.config.json': '{ "pgVersion": 15, }' }))).toMatch(
      /^zerodown\.config\.json:1:20: not valid JSON: \w.*[^0-9]$/,
    );
    expect(await loadError(dir({ 'zerodown.config.json': '{\n  "paths": ["db"],\n  "failOn" "error"\n}\n' }))).toMatch(
      /^zerodown\.config\.json:3:12: not valid JSON: \w.*[^0-9]$/,
    );
    expect(await loadError(dir({ 'zerodown.config.json': '{\n  "paths": ["db"\n' }))).toMatch(
      /^zerodown\.config\.json:3:1: not valid JSON: \w.*[^0-9]$/,
    );
    expect(await loadError(dir({ '.zerodown.yml': 'pgVersion: 15\npgVersion: 16\n' }))).toBe(
      '.zerodown.yml:2:1: not valid YAML: Map keys must be unique',
    );
    expect(await loadError(dir({ '.zerodown.yml': 'paths: [db,\nfailOn: error\n' }))).toMatch(
      /^\.zerodown\.yml:2:1: not valid YAML: Flow sequence in block collection must be sufficiently indented/,
    );
  });

  it('pgVersion as written: 15, 15.4 or "13.0" are versions; 0x10 and 1e1 are not, reported where written', async () => {
    expect((await loadConfig(dir({ 'zerodown.config.json': '{ "pgVersion": 15.4 }' }))).config).toEqual({
      pgVersion: 15,
    });
    expect((await loadConfig(dir({ '.zerodown.yml': 'pgVersion: "13.0"\n' }))).config).toEqual({ pgVersion: 13 });
    expect(await loadError(dir({ 'zerodown.config.json': '{\n  "pgVersion": 1e1\n}' }))).toBe(
      'zerodown.config.json:2:16: "pgVersion" must be a PostgreSQL major version from 9 to 19, such as 15 or 15.4 (got 1e1)',
    );
    expect(await loadError(dir({ '.zerodown.yml': 'paths: [db]\npgVersion: 0x10\n' }))).toBe(
      '.zerodown.yml:2:12: "pgVersion" must be a PostgreSQL major version from 9 to 19, such as 15 or 15.4 (got 0x10)',
    );
  });

  it('zerodown.config.json may hold // and /* */ comments (JSONC); errors still point at the line as written', async () => {
    const commented = [
      '// written by zerodown init',
      '{',
      '  /* where the migrations are:',
      '     "pgVersion": 0x10 in a comment is not read */',
      '  "paths": ["db/migrations"], // "failOn": "never"',
      '  // "pgVersion": 1e1,',
      '  "pgVersion": 16',
      '}',
    ].join('\n');
    expect((await loadConfig(dir({ 'zerodown.config.json': commented }))).config).toEqual({
      paths: ['db/migrations'],
      pgVersion: 16,
    });
    // `//` and `/*` inside strings are text, not comments
    expect(
      (
        await loadConfig(
          dir({
            'zerodown.config.json': '{ "paths": ["db/*/x"], "dryRun": { "shadowUrl": "postgres://h/db" } } // url',
          }),
        )
      ).config,
    ).toEqual({ paths: ['db/*/x'], dryRun: { shadowUrl: 'postgres://h/db' } });
    // a bad value after a block comment: line and column of the file as written
    expect(await loadError(dir({ 'zerodown.config.json': '/* a\n   b */\n{\n  "pgVersion": 1e1\n}' }))).toBe(
      'zerodown.config.json:4:16: "pgVersion" must be a PostgreSQL major version from 9 to 19, such as 15 or 15.4 (got 1e1)',
    );
    expect(
      await loadError(
        dir({ 'zerodown.config.json': '{\n  // a rule\n  "rules": { "ban-drop-table": { "options": {} } }\n}' }),
      ),
    ).toBe('zerodown.config.json:3:45: rule "ban-drop-table" takes no options: remove "rules.ban-drop-table.options"');
    expect(await loadError(dir({ 'zerodown.config.json': '{\n  // a comment\n  "failOn" "error"\n}' }))).toMatch(
      /^zerodown\.config\.json:3:12: not valid JSON: \w.*[^0-9]$/,
    );
  });
});

describe('validation names the key', () => {
  const check = (raw: unknown) => configError(() => validateConfig(raw, 'zerodown.config.json'));

  it('unknown top-level key, with a suggestion', () => {
    expect(check({ pgversion: 15 })).toBe('zerodown.config.json: unknown key "pgversion" (did you mean "pgVersion"?)');
    expect(check({ colour: true })).toBe('zerodown.config.json: unknown key "colour"');
  });

  it('unknown nested key', () => {
    expect(check({ plan: { lockTimout: '1s' } })).toBe(
      'zerodown.config.json: unknown key "plan.lockTimout" (did you mean "lockTimeout"?)',
    );
    expect(check({ rules: { 'ban-drop-column': { severity: 'warning', level: 'x' } } })).toMatch(
      /unknown key "rules\.ban-drop-column\.level"/,
    );
  });

  it('bad values say which key, what is allowed and what was given', () => {
    expect(check({ failOn: 'fatal' })).toBe(
      'zerodown.config.json: "failOn" must be one of "error", "warning", "never" (got "fatal")',
    );
    expect(check({ pgVersion: 8 })).toBe(
      'zerodown.config.json: "pgVersion" must be a PostgreSQL major version from 9 to 19, such as 15 or 15.4 (got 8)',
    );
    expect(check({ pgVersion: '0x10' })).toBe(
      'zerodown.config.json: "pgVersion" must be a PostgreSQL major version from 9 to 19, such as 15 or 15.4 (got "0x10")',
    );
    expect(check({ pgVersion: true })).toBe('zerodown.config.json: "pgVersion" must be number (got true)');
    expect(check({ dialect: 'oracle' })).toBe(
      'zerodown.config.json: "dialect" must be one of "postgres", "mysql", "mariadb" (got "oracle")',
    );
    expect(check({ paths: 'db/migrations' })).toMatch(/"paths" must be array/);
    expect(check({ plan: { batchSize: 0 } })).toMatch(/"plan\.batchSize" must be >= 1/);
    expect(check({ rules: { 'require-concurrent-index-creation': { severity: 'fatal' } } })).toMatch(
      /"rules\.require-concurrent-index-creation\.severity" must be one of "off", "warning", "error" \(got "fatal"\)/,
    );
    expect(check({ rules: { 'require-concurrent-index-creation': 'fatal' } })).toMatch(
      /"rules\.require-concurrent-index-creation" must be one of/,
    );
    expect(check([1, 2])).toMatch(/"\(root\)" must be object/);
  });

  it('an unknown rule id is an error, with the nearest rule', () => {
    expect(check({ rules: { 'require-concurrent-index': 'off' } })).toBe(
      'zerodown.config.json: unknown rule "rules.require-concurrent-index" (did you mean "require-concurrent-index-creation"?)',
    );
    expect(check({ rules: { 'no-such-rule-at-all': 'off' } })).toBe(
      'zerodown.config.json: unknown rule "rules.no-such-rule-at-all"',
    );
  });

  it('accepts $schema and every documented key', () => {
    expect(() =>
      validateConfig({
        $schema: './zerodown.schema.json',
        paths: ['a', 'b/*.sql'],
        framework: 'prisma',
        dialect: 'postgres',
        pgVersion: 16,
        assumeInTransaction: false,
        failOn: 'error',
        rules: { 'syntax-error': 'error' },
        plan: {
          lockTimeout: '500ms',
          statementTimeout: '10min',
          batchSize: 1000,
          backfill: { 'users.plan': "'free'" },
        },
        dryRun: { seedRows: 100, shadowUrl: 'postgres://localhost/shadow', shadowTimeout: 2.5 },
      }),
    ).not.toThrow();
  });

  it('dryRun.shadowTimeout is a positive number of seconds', () => {
    expect(check({ dryRun: { shadowTimeout: 0 } })).toBe(
      'zerodown.config.json: "dryRun.shadowTimeout" must be > 0 (got 0)',
    );
    expect(check({ dryRun: { shadowTimeout: '30s' } })).toBe(
      'zerodown.config.json: "dryRun.shadowTimeout" must be number (got "30s")',
    );
  });
});

describe('suggest', () => {
  it('finds near misses and refuses far ones', () => {
    expect(suggest('failon', ['failOn', 'paths'])).toBe('failOn');
    expect(suggest('xyz', ['failOn', 'paths'])).toBeUndefined();
  });
});
