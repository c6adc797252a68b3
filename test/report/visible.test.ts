import { describe, expect, it } from 'vitest';
import { visible } from '../../src/report/visible.js';
import { annotation } from '../../src/report/github.js';
import type { Finding } from '../../src/model.js';

describe('visible', () => {
  it('shows terminal escapes, carriage returns, backspace, C1 and bidi controls as escapes', () => {
    expect(visible('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
    expect(visible('\x1b]0;pwned\x07')).toBe('\\x1b]0;pwned\\x07');
    expect(visible('ok\rFAKE\b\x00\x7f')).toBe('ok\\rFAKE\\x08\\x00\\x7f');
    expect(visible('\x9b2J')).toBe('\\x9b2J');
    expect(visible('users\u202etxt.exe')).toBe('users\\u202etxt.exe');
    expect(visible('a\u2028b\u2066c')).toBe('a\\u2028b\\u2066c');
  });
  it('keeps tabs and ordinary text (accents, emoji) unchanged, and line feeds only when asked', () => {
    expect(visible('caf\u00e9\t\u{1f600} `x`')).toBe('caf\u00e9\t\u{1f600} `x`');
    expect(visible('a\nb')).toBe('a\\nb');
    expect(visible('a\nb\x1b', { newlines: true })).toBe('a\nb\\x1b');
  });
});

describe('github annotations from hostile text', () => {
  const f: Finding = {
    rule: 'r',
    severity: 'error',
    message: 'table `t\x1b[2J`\n::error file=x::forged 100%0A',
    help: 'h\r',
    path: 'm/a,b:c.sql',
    line: 2,
    column: 3,
    endLine: 2,
    endColumn: 4,
    statementIndex: 0,
  };
  it('is one line: newlines and % are encoded, escapes made visible, path properties encoded', () => {
    const line = annotation(f);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe(
      '::error file=m/a%2Cb%3Ac.sql,line=2,col=3,endLine=2,title=zerodown r,endColumn=4::table `t\\x1b[2J`%0A::error file=x::forged 100%250A%0AFix: h\\r',
    );
  });
});
