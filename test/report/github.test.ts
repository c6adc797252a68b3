import { beforeAll, describe, expect, it } from 'vitest';
import { annotation, escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import type { Finding, LintResult } from '../../src/model.js';
import { sampleResult } from './fixture.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: 'ban-drop-column',
  severity: 'error',
  message: 'Dropping `users.email` breaks old code.',
  help: 'Stop reading it first.',
  path: 'db/0001.sql',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 30,
  statementIndex: 0,
  ...over,
});

describe('GitHub workflow-command annotations', () => {
  let result: LintResult;
  beforeAll(async () => {
    result = await sampleResult();
  });

  it('escapes properties like @actions/core: % first, then CR, LF, colon and comma', () => {
    expect(escapeProperty('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad%3Ae%2Cf');
    expect(escapeProperty('%3A')).toBe('%253A'); // an existing escape is not mistaken for one
    expect(escapeData('50% done: a, b\r\nnext')).toBe('50%25 done: a, b%0D%0Anext');
  });

  it('one annotation per finding with file, line, col, endLine and title', () => {
    expect(annotation(finding())).toBe(
      '::error file=db/0001.sql,line=3,col=1,endLine=3,title=zerodown ban-drop-column,endColumn=30::Dropping `users.email` breaks old code.%0AFix: Stop reading it first.',
    );
  });

  it('escapes a hostile path and message so they cannot break out of the command', () => {
    const a = annotation(finding({ path: 'db/a,b:c%d\n::error::x.sql', message: 'x\n::warning file=evil::y 100%' }));
    expect(a.split('\n')).toHaveLength(1);
    expect(a).toContain('file=db/a%2Cb%3Ac%25d%0A%3A%3Aerror%3A%3Ax.sql,line=3');
    expect(a).toMatch(/::x%0A::warning file=evil::y 100%25%0AFix: /);
  });

  it('warnings use ::warning, and endColumn is only given for one-line spans', () => {
    const a = annotation(finding({ severity: 'warning', endLine: 5, endColumn: 2 }));
    expect(a.startsWith('::warning file=db/0001.sql,line=3,col=1,endLine=5,title=')).toBe(true);
    expect(a).not.toContain('endColumn');
  });

  it('formats a real result: one line per finding, then a summary line', () => {
    const lines = formatGithub(result).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^::error file=db\/migrations\/0002_index\.sql,line=2,col=1,endLine=3,title=zerodown require-concurrent-index-creation::/,
    );
    expect(lines[1]).toMatch(
      /^::error file=db\/migrations\/0003 broken%2C 100%25\.sql,line=2,col=29,endLine=2,title=zerodown syntax-error,endColumn=30::/,
    );
    expect(lines[2]).toBe('zerodown: 2 error(s), 0 warning(s) in 3 migration file(s)');
  });
});
