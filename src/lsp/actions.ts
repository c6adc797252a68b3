/**
 * From an analysis (./analyse.ts) to what the editor shows: diagnostics, and code actions for them.
 *
 * - every finding is a diagnostic at its exact range, `source: 'zerodown'`, `code` the rule id and a
 *   link to the rule's page (the one SARIF and the PR comment use);
 * - "ignore": a `-- zerodown-ignore <rule> -- <reason>` line above the statement (src/parse/ignores.ts),
 *   with a placeholder reason to replace;
 * - "rewrite": the statement replaced in place by the plan's own rewrite, when the planner says it is a
 *   local edit (`StagedPlan.edits`: CREATE INDEX → CONCURRENTLY, ADD FOREIGN KEY / CHECK → NOT VALID then
 *   VALIDATE CONSTRAINT), and only when the edited file, linted again, no longer has that finding and
 *   has no new one there (inside a transaction CONCURRENTLY fails and VALIDATE keeps the lock: lint says so);
 * - "open the full plan": a command (`zerodown.showPlan`) the server runs (./server.ts).
 */
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Statement } from '../model.js';
import type { LocalEdit } from '../plan/types.js';
import { ruleDocUrl } from '../report/sarif.js';
import { visible } from '../report/visible.js';
import { redactSecrets } from '../secrets.js';
import type { Analysis } from './analyse.js';

export const SHOW_PLAN = 'zerodown.showPlan';

/** Placeholder reason of an inserted ignore comment: the person replaces it with why the statement is safe. */
export const REASON_PLACEHOLDER = '<reason: why this is safe here>';

/** Findings of a file that are no rule's (they have no page): parse errors, the dry run's errors. */
const NO_PAGE = new Set(['syntax-error', 'dry-run-error']);

/** Text for the editor: secrets redacted, control characters shown (names come from the PR). */
const say = (s: string) => visible(redactSecrets(s), { newlines: true });

/** The finding's range, 0-based, its end exclusive (a finding's `endColumn` is), at least one character where the text has one. */
export function rangeOf(f: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>, doc: TextDocument): Range {
  const start = { line: Math.max(0, f.line - 1), character: Math.max(0, f.column - 1) };
  let end = { line: Math.max(0, f.endLine - 1), character: Math.max(0, f.endColumn - 1) };
  if (end.line < start.line || (end.line === start.line && end.character <= start.character))
    end = { line: start.line, character: start.character + 1 };
  // clamped to the text (a finding at the end of the file)
  const clamp = (p: { line: number; character: number }) => doc.positionAt(doc.offsetAt(p));
  return { start: clamp(start), end: clamp(end) };
}

export function diagnosticsOf(a: Analysis, doc: TextDocument): Diagnostic[] {
  if (a.error)
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: 'zerodown',
        code: 'config-error',
        message: say(`zerodown cannot lint this file: ${a.error}`),
      },
    ];
  const documented = new Set(a.settings?.dialect.rules.map((r) => r.meta.id));
  return (a.file?.findings ?? []).map((f) => {
    const d: Diagnostic = {
      range: rangeOf(f, doc),
      severity:
        f.severity === 'error'
          ? DiagnosticSeverity.Error
          : f.severity === 'note'
            ? DiagnosticSeverity.Information
            : DiagnosticSeverity.Warning,
      source: 'zerodown',
      code: f.rule,
      message: say(`${f.message}\nFix: ${f.help}`),
      data: { rule: f.rule, statementIndex: f.statementIndex },
    };
    if (documented.has(f.rule) && !NO_PAGE.has(f.rule)) d.codeDescription = { href: ruleDocUrl(f.rule) };
    return d;
  });
}

const overlaps = (a: Range, b: Range) =>
  !(
    a.end.line < b.start.line ||
    (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line ||
    (b.end.line === a.start.line && b.end.character < a.start.character)
  );

/** The statement's text range in the document, its `;` included when one follows it. */
export function statementRange(stmt: Statement, text: string): { start: number; end: number } {
  let end = stmt.span.endOffset;
  let i = end;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === ';') end = i + 1;
  return { start: stmt.span.offset, end };
}

/** The document's line break: CRLF when its first line ends so, else LF. */
const eolOf = (text: string) => (/\r\n/.exec(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n');

/** The ignore comment for `rule`, on its own line above the statement, indented like it. */
export function ignoreAction(f: Finding, stmt: Statement, doc: TextDocument, diagnostic: Diagnostic): CodeAction {
  const line = stmt.span.line - 1;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  return {
    title: `zerodown: ignore ${f.rule} for this statement (say why)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [doc.uri]: [
          {
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            newText: `${indent}-- zerodown-ignore ${f.rule} -- ${REASON_PLACEHOLDER}${eolOf(doc.getText())}`,
          },
        ],
      },
    },
  };
}

/** The document's text with the statement replaced by the edit's statements. */
export function applyLocalEdit(
  edit: LocalEdit,
  stmt: Statement,
  text: string,
): { text: string; start: number; end: number; sql: string } {
  const { start, end } = statementRange(stmt, text);
  const sql = edit.sql.replace(/\n/g, eolOf(text));
  return { text: text.slice(0, start) + sql + text.slice(end), start, end: start + sql.length, sql };
}

/**
 * Whether the edited file is better where it was edited: it parses, none of the edit's rules flags the
 * new statements, and no error flags them that did not flag the statement before. (A new warning may:
 * e.g. prefer-robust-stmts, once a file outside a transaction holds two statements; the editor shows it.)
 */
export function editHolds(
  before: readonly Finding[],
  stmtIndex: number,
  edit: LocalEdit,
  after: Analysis,
  lines: { first: number; last: number },
): boolean {
  const findings = after.file?.findings;
  if (!findings || after.error) return false;
  if (findings.some((f) => f.rule === 'syntax-error')) return false;
  const had = new Set(before.filter((f) => f.statementIndex === stmtIndex).map((f) => f.rule));
  const there = findings.filter((f) => f.statementIndex >= 0 && f.line >= lines.first && f.line <= lines.last);
  return there.every((f) => !edit.rules.includes(f.rule) && (f.severity !== 'error' || had.has(f.rule)));
}

export interface ActionInput {
  analysis: Analysis;
  doc: TextDocument;
  range: Range;
  /** lints the document as if its text were `text` (the same settings): for checking a rewrite */
  relint(text: string): Promise<Analysis>;
}

/** The code actions for the findings that touch `range`. */
export async function codeActions(input: ActionInput): Promise<CodeAction[]> {
  const { analysis: a, doc, range } = input;
  const file = a.file;
  if (!file) return [];
  const diagnostics = diagnosticsOf(a, doc);
  const plan = a.plan?.plans.find((p) => p.migration === file.migration);
  const out: CodeAction[] = [];
  const checked = new Map<number, Promise<boolean>>();
  /** one rewrite per statement, for all its diagnostics the rewrite answers */
  const rewrites = new Map<number, CodeAction>();
  let touched: Diagnostic[] = [];
  for (const [i, f] of file.findings.entries()) {
    const d = diagnostics[i]!;
    if (!overlaps(d.range, range)) continue;
    touched.push(d);
    const stmt = f.statementIndex >= 0 ? file.statements[f.statementIndex] : undefined;
    if (!stmt || NO_PAGE.has(f.rule)) continue;
    const edit = plan?.edits?.find((e) => e.statementIndex === f.statementIndex && e.rules.includes(f.rule));
    if (edit) {
      const applied = applyLocalEdit(edit, stmt, doc.getText());
      let ok = checked.get(edit.statementIndex);
      if (!ok) {
        const first = doc.positionAt(applied.start).line + 1;
        const last = first + edit.sql.split('\n').length - 1;
        ok = input
          .relint(applied.text)
          .then((after) => editHolds(file.findings, f.statementIndex, edit, after, { first, last }));
        checked.set(edit.statementIndex, ok);
      }
      const known = rewrites.get(edit.statementIndex);
      if (known) known.diagnostics!.push(d);
      else if (await ok) {
        const summary = plan!.rewrites.find((r) => r.line === stmt.span.line && edit.rules.includes(r.rule))?.summary;
        const { start, end } = statementRange(stmt, doc.getText());
        const action: CodeAction = {
          title: say(`zerodown: rewrite as the plan does${summary ? ` (${summary})` : ''}`),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: {
            changes: {
              [doc.uri]: [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText: applied.sql }],
            },
          },
        };
        rewrites.set(edit.statementIndex, action);
        out.push(action);
      }
    }
    out.push(ignoreAction(f, stmt, doc, d));
  }
  touched = touched.filter((d) => d.code !== 'syntax-error');
  if (plan && touched.length)
    out.push({
      title: 'zerodown: open the full plan for this migration',
      kind: CodeActionKind.QuickFix,
      diagnostics: touched,
      command: { title: 'Open the zerodown plan', command: SHOW_PLAN, arguments: [doc.uri] },
    });
  return out;
}
