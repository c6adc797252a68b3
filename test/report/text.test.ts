import { beforeAll, describe, expect, it } from 'vitest';
import pc from 'picocolors';
import { codeFrame, formatText } from '../../src/report/text.js';
import type { Finding, LintResult } from '../../src/model.js';
import { HISTORY, sampleResult } from './fixture.js';
import { lintMigrations } from '../../src/pipeline/index.js';
import { migration } from '../helpers.js';
import indexSameStep from '../../rules/postgres/index-same-step-as-add-column.js';
import requireConcurrentIndexCreation from '../../rules/postgres/require-concurrent-index-creation.js';
import requireLockTimeout from '../../rules/postgres/require-lock-timeout.js';

const ANSI = /\x1b\[[0-9;]*m/;
const plain = pc.createColors(false);

let result: LintResult;
beforeAll(async () => {
  result = await sampleResult();
});

const at = (over: Partial<Finding>): Finding => ({
  rule: 'some-rule',
  severity: 'warning',
  message: 'm',
  help: 'h',
  path: 'x.sql',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  statementIndex: 0,
  ...over,
});

describe('text report', () => {
  it('per finding: location, severity and rule; message; code frame; fix line', () => {
    const out = formatText(result, { color: false });
    expect(out).toContain(
      [
        'db/migrations/0002_index.sql:2:1  error  require-concurrent-index-creation',
        '  CREATE INDEX on `users` takes a SHARE lock and blocks every INSERT, UPDATE and DELETE until the index is built, which takes minutes on a large table.',
        '    1 | -- add an index',
        '  > 2 | CREATE INDEX users_email_idx',
        '  > 3 |   ON users (email);',
        '  fix: Use CREATE INDEX CONCURRENTLY, in a migration that does not run inside a transaction.',
      ].join('\n'),
    );
  });

  it('a syntax error gets a caret under the parser position', () => {
    const out = formatText(result, { color: false });
    expect(out).toContain('  > 2 | ALTER TABLE users ADD COLUMN;\n      |                             ^\n');
  });

  it('ends with a summary line (plural and singular)', () => {
    const out = formatText(result, { color: false });
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      '✖ 2 errors in 2 of 3 migration files (3 statements; framework: plain)',
    );
    const clean: LintResult = {
      files: [result.files[2]!],
      summary: { files: 1, statements: 1, errors: 0, warnings: 0 },
    };
    expect(formatText(clean, { color: false })).toBe(
      '✔ no problems in 1 migration file (1 statement; framework: plain)\n',
    );
    const warn: LintResult = {
      files: [{ ...result.files[2]!, findings: [at({ path: 'a.sql', statementIndex: -1 })] }],
      summary: { files: 1, statements: 2, errors: 0, warnings: 1 },
    };
    expect(formatText(warn, { color: false }).trimEnd().split('\n').at(-1)).toBe(
      '⚠ 1 warning in 1 of 1 migration file (2 statements; framework: plain)',
    );
  });

  it('colours only when asked', () => {
    expect(formatText(result, { color: false })).not.toMatch(ANSI);
    expect(formatText(result, { color: true })).toMatch(ANSI);
  });

  it('long statements are cut after five lines with a count of the rest', () => {
    const source = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    const frame = codeFrame(source, at({ line: 2, endLine: 11 }), plain);
    expect(frame.split('\n')).toEqual([
      '    1 | line 1',
      '  > 2 | line 2',
      '  > 3 | line 3',
      '  > 4 | line 4',
      '  > 5 | line 5',
      '  > 6 | line 6',
      '      | … 5 more lines',
    ]);
  });

  it('expands tabs (keeping the caret aligned), drops \\r and cuts very long lines', () => {
    const frame = codeFrame('SELECT\t1 FROM;\r\nx', at({ rule: 'syntax-error', line: 1, column: 14 }), plain);
    expect(frame.split('\n')).toEqual(['  > 1 | SELECT  1 FROM;', `      | ${' '.repeat(14)}^`]);
    const long = codeFrame('x'.repeat(500), at({}), plain);
    expect(long.length).toBeLessThan(200);
    expect(long.endsWith('…')).toBe(true);
  });

  it('several rules on one statement: one header and one code frame, then each rule (real lint output)', async () => {
    const grouped = await lintMigrations(
      [
        migration(HISTORY, { path: 'db/migrations/0001_init.sql', review: false }),
        migration('ALTER TABLE users ADD COLUMN plan text;\nCREATE INDEX users_plan_idx ON users (plan);\n', {
          path: 'db/migrations/0002_plan.sql',
        }),
      ],
      { ruleSet: [indexSameStep, requireConcurrentIndexCreation, requireLockTimeout] },
    );
    const findings = grouped.files[0]!.findings;
    expect(findings.map((f) => `${f.line}:${f.rule}`)).toEqual([
      '1:require-lock-timeout',
      '2:index-same-step-as-add-column',
      '2:require-concurrent-index-creation',
    ]);
    const [, same, concurrent] = findings;
    const out = formatText(grouped, { color: false });
    // a lone finding keeps the one-finding layout
    expect(out).toContain('db/migrations/0002_plan.sql:1:1  warning  require-lock-timeout\n');
    expect(out).toContain(
      [
        'db/migrations/0002_plan.sql:2:1  2 findings on this statement',
        '    1 | ALTER TABLE users ADD COLUMN plan text;',
        '  > 2 | CREATE INDEX users_plan_idx ON users (plan);',
        '  error  index-same-step-as-add-column',
        `    ${same!.message}`,
        `    fix: ${same!.help}`,
        '  error  require-concurrent-index-creation',
        `    ${concurrent!.message}`,
        `    fix: ${concurrent!.help}`,
        '',
      ].join('\n'),
    );
    // the statement is shown once
    expect(out.split('> 2 | CREATE INDEX').length - 1).toBe(1);
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      '✖ 2 errors, 1 warning in 1 of 1 migration file (2 statements; framework: plain)',
    );
  });
});
