import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactUri, formatSarif, toSarif } from '../../src/report/sarif.js';
import type { LintResult } from '../../src/model.js';
import { lintStage } from '../../src/pipeline/index.js';
import { migration } from '../helpers.js';
import { sampleResult } from './fixture.js';

/**
 * The official SARIF 2.1.0 JSON schema (draft-07 revision of oasis-tcs/sarif-spec
 * Schemata/sarif-schema-2.1.0.json; see test/fixtures/sarif/README.md). Formats are
 * checked for real with small validators instead of ajv-formats, which is not installed.
 */
const schema = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'),
);

function isAbsoluteUri(s: string): boolean {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

function isUriReference(s: string): boolean {
  if (/[\s"<>\\^`{|}]/.test(s)) return false; // characters that must be percent-encoded
  try {
    new URL(s, 'file:///base/');
    return true;
  } catch {
    return false;
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('uri', isAbsoluteUri);
ajv.addFormat('uri-reference', isUriReference);
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
const validate = ajv.compile(schema);

function expectValid(log: unknown) {
  const ok = validate(log);
  expect(ok, JSON.stringify(validate.errors, null, 1)).toBe(true);
}

let result: LintResult;
beforeAll(async () => {
  result = await sampleResult();
});

describe('SARIF 2.1.0', () => {
  it('the schema fixture is the official SARIF 2.1.0 schema', () => {
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    expect(schema.properties.version.enum).toEqual(['2.1.0']);
    expect(Object.keys(schema.definitions)).toContain('reportingDescriptor');
  });

  it('the validator rejects logs that break the schema (so the checks below mean something)', () => {
    const log = toSarif(result) as any;
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const badLevel = structuredClone(log);
    badLevel.runs[0].results[0].level = 'fatal';
    expect(validate(badLevel)).toBe(false);
    const badUri = structuredClone(log);
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'db/has space.sql';
    expect(validate(badUri)).toBe(false);
    const badRegion = structuredClone(log);
    badRegion.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(badRegion)).toBe(false);
  });

  it('a real lint result validates, with rules, results and locations', () => {
    const text = formatSarif(result);
    const log = JSON.parse(text);
    expectValid(log);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('zerodown');
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('require-concurrent-index-creation');
    expect(ids).toContain('syntax-error');
    expect(ids).toContain('dry-run-error'); // lint --dry-run turns statements failing on the shadow into these
    expect(run.results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual([
      'require-concurrent-index-creation',
      'syntax-error',
    ]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    const index = run.results.find((r: { ruleId: string }) => r.ruleId === 'require-concurrent-index-creation');
    expect(index.level).toBe('error');
    expect(index.message.text).toMatch(/SHARE lock.*Fix: /);
    expect(index.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'db/migrations/0002_index.sql', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 1, endLine: 3, endColumn: 19 }, // '  ON users (email)' is 18 characters; SARIF's endColumn is exclusive
    });
    const syntax = run.results.find((r: { ruleId: string }) => r.ruleId === 'syntax-error');
    // spaces, commas and % in a file name are percent-encoded
    expect(syntax.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'db/migrations/0003%20broken%2C%20100%25.sql',
    );
    expect(syntax.locations[0].physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 29 });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/\/.*\/$/);
  });

  it('a run without findings validates too', () => {
    const clean: LintResult = {
      files: [result.files[2]!],
      summary: { files: 1, statements: 2, errors: 0, warnings: 0 },
    };
    const log = toSarif(clean);
    expectValid(log);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('absolute and non-ASCII paths become valid URIs', () => {
    expect(artifactUri('/srv/app/db/ü 1.sql')).toEqual({ uri: 'file:///srv/app/db/%C3%BC%201.sql' });
    expect(artifactUri('migrations/Ünïcode #1.sql')).toEqual({
      uri: 'migrations/%C3%9Cn%C3%AFcode%20%231.sql',
      uriBaseId: '%SRCROOT%',
    });
    const moved = structuredClone(result);
    for (const f of moved.files) for (const x of f.findings) x.path = `/abs/ü dir/${x.path}`;
    expectValid(toSarif(moved));
  });

  it("names each run's dialect: a MySQL or MariaDB log says so in its descriptors and tags, never PostgreSQL", async () => {
    for (const [dialect, name] of [
      ['mysql', 'MySQL'],
      ['mariadb', 'MariaDB'],
    ] as const) {
      const { result: run } = await lintStage([
        migration('CREATE TABLE t (id int PRIMARY KEY, v varchar(20));\n', {
          path: 'db/0001.sql',
          review: false,
          dialect,
        }),
        migration('ALTER TABLE t FROBNICATE v;\nALTER TABLE t ADD INDEX i (v);\n', { path: 'db/0002.sql', dialect }),
      ]);
      const log = toSarif(run);
      expectValid(log);
      const rules = log.runs[0]!.tool.driver.rules!;
      const text = JSON.stringify(rules);
      expect(text, dialect).not.toMatch(/postgres|libpg-query|SQLSTATE/i);
      for (const r of rules) expect(r.properties?.tags?.[0], `${dialect} ${r.id}`).toBe(dialect);
      const syntax = rules.find((r) => r.id === 'syntax-error')!;
      expect(syntax.shortDescription?.text).toBe(`A statement of the migration file does not parse as ${name}.`);
      expect(rules.find((r) => r.id === 'dry-run-error')!.fullDescription?.text).toContain(`a ${name} server's URL`);
      // the statement it cannot read is reported, under that descriptor
      const results = log.runs[0]!.results!;
      const unread = results.find((r) => r.ruleId === 'syntax-error')!;
      expect(rules[unread.ruleIndex!]!.id).toBe('syntax-error');
      expect(unread.message.text).toContain(`cannot read this statement as ${name}`);
    }
    // PostgreSQL's log keeps its own words
    const pg = toSarif(result).runs[0]!.tool.driver.rules!;
    expect(pg.find((r) => r.id === 'syntax-error')!.shortDescription?.text).toBe(
      'The migration file does not parse as PostgreSQL.',
    );
    for (const r of pg) expect(r.properties?.tags?.[0], r.id).toBe('postgresql');
  });
});
