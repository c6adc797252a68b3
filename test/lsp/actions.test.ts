/** The pure parts of `zerodown lsp`'s actions: ranges, the ignore comment's line, the in-place rewrite's text. */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyLocalEdit, ignoreAction, rangeOf, statementRange } from '../../src/lsp/actions.js';
import { readInitOptions } from '../../src/lsp/server.js';
import { readIgnores } from '../../src/parse/ignores.js';
import type { Finding, Statement } from '../../src/model.js';

const stmtAt = (text: string, sql: string, index = 0): Statement => {
  const offset = text.indexOf(sql);
  const line = text.slice(0, offset).split('\n').length;
  return {
    index,
    kind: 'IndexStmt',
    ast: {},
    text: sql,
    span: { line, column: 1, endLine: line, endColumn: sql.length + 1, offset, endOffset: offset + sql.length },
    ignored: new Set(),
    ignoreAll: false,
  };
};

const finding = (s: Statement): Finding => ({
  rule: 'require-concurrent-index-creation',
  severity: 'error',
  message: 'm',
  help: 'h',
  path: 'x.sql',
  line: s.span.line,
  column: s.span.column,
  endLine: s.span.endLine,
  endColumn: s.span.endColumn,
  statementIndex: s.index,
});

describe('lsp actions', () => {
  it("the ignore comment goes above the statement, indented like it, with the file's line breaks, and is read as an ignore", () => {
    const text = 'SELECT 1;\r\n  CREATE INDEX i ON t (a);\r\n';
    const doc = TextDocument.create('file:///x.sql', 'sql', 1, text);
    const s = stmtAt(text, 'CREATE INDEX i ON t (a)');
    s.span.column = 3;
    const a = ignoreAction(finding(s), s, doc, { range: rangeOf(finding(s), doc), message: 'm' });
    const out = TextDocument.applyEdits(doc, a.edit!.changes!['file:///x.sql']!);
    expect(out).toBe(
      'SELECT 1;\r\n  -- zerodown-ignore require-concurrent-index-creation -- <reason: why this is safe here>\r\n  CREATE INDEX i ON t (a);\r\n',
    );
    expect([...readIgnores(out.replace(/\r/g, '')).forLine(3).rules]).toEqual(['require-concurrent-index-creation']);
  });

  it("the rewrite replaces the statement and its semicolon, in the file's line breaks", () => {
    const text = 'ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (b) REFERENCES c (id) ;\r\nSELECT 1;\r\n';
    const s = stmtAt(text, 'ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (b) REFERENCES c (id)');
    expect(text.slice(statementRange(s, text).end)).toBe('\r\nSELECT 1;\r\n');
    const r = applyLocalEdit(
      { statementIndex: 0, line: 1, rules: ['adding-foreign-key-constraint'], sql: 'X NOT VALID;\nV;' },
      s,
      text,
    );
    expect(r.text).toBe('X NOT VALID;\r\nV;\r\nSELECT 1;\r\n');
  });

  it('a range is at least one character inside the text, and clamped to its end', () => {
    const doc = TextDocument.create('file:///x.sql', 'sql', 1, 'SELECT (');
    expect(rangeOf({ line: 1, column: 9, endLine: 1, endColumn: 10 }, doc)).toEqual({
      start: { line: 0, character: 8 },
      end: { line: 0, character: 8 },
    });
    expect(rangeOf({ line: 1, column: 3, endLine: 1, endColumn: 3 }, doc)).toEqual({
      start: { line: 0, character: 2 },
      end: { line: 0, character: 3 },
    });
  });
});

describe('lsp initializationOptions', () => {
  it('reads the documented options and names the rest', () => {
    expect(
      readInitOptions({
        pgVersion: '15.4',
        dialect: 'postgres',
        anySqlFile: true,
        debounceMs: 100,
        planFormat: 'text',
        planDocument: 'result',
        planFormt: 'sql',
        history: 'no',
      }),
    ).toEqual({
      options: {
        pgVersion: 15,
        dialect: 'postgres',
        anySqlFile: true,
        debounceMs: 100,
        planFormat: 'text',
        planDocument: 'result',
      },
      ignored: ['planFormt', 'history'],
    });
    expect(readInitOptions(null)).toEqual({ options: {}, ignored: [] });
    expect(readInitOptions('x').ignored).toEqual(['initializationOptions']);
  });
});
