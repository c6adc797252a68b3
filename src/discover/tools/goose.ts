/**
 * goose (pressly/goose): `<version>_<name>.sql` files in one directory, applied
 * in numeric version order. Each file holds annotated sections
 * (https://pressly.github.io/goose/documentation/annotations/):
 *   -- +goose Up / -- +goose Down        forward and rollback SQL (Down is never linted)
 *   -- +goose StatementBegin / End       one statement that contains semicolons
 *   -- +goose NO TRANSACTION             run this file without a transaction
 * Annotations are case-insensitive and must start the line (no leading spaces).
 *
 * How goose runs a file (internal/sqlparser/parser.go, migration_sql.go): it
 * reads the Up section line by line and cuts a statement at every line that
 * ends with `;` (a trailing `-- comment` is ignored), or at StatementEnd. By
 * default all statements run inside one transaction; with NO TRANSACTION each
 * is sent on its own. We model exactly that: every statement goose sends is a
 * segment, so a PL/pgSQL body that is missing StatementBegin/End is cut where
 * goose cuts it (and fails to parse, as it would fail in goose), and a
 * StatementBegin/End block holding several statements in a NO TRANSACTION file
 * is one query string — one implicit transaction in PostgreSQL.
 */
import path from 'node:path';
import { anyContent, globFiles, sqlNames } from '../fsutil.js';
import { byNumericPrefix } from '../order.js';
import type { FileInfo, Framework, RawSegment } from '../types.js';

function endsWithSemicolon(line: string): boolean {
  let prev = '';
  for (const word of line.split(/\s+/)) {
    if (!word) continue;
    if (word.startsWith('--')) break;
    prev = word;
  }
  return prev.endsWith(';');
}

/** Splits a goose file into the statements goose would send for the Up direction. */
export function gooseUnits(source: string): {
  units: { start: number; end: number }[];
  useTx: boolean;
  hasUp: boolean;
} {
  type State = 'start' | 'up' | 'upBlock' | 'down' | 'downBlock';
  let state: State = 'start';
  let useTx = true;
  let hasUp = false;
  const units: { start: number; end: number }[] = [];
  let bufStart = -1;
  let bufEnd = -1;
  const push = () => {
    if (bufStart >= 0) units.push({ start: bufStart, end: bufEnd });
    bufStart = bufEnd = -1;
  };
  let pos = 0;
  while (pos <= source.length) {
    const nl = source.indexOf('\n', pos);
    const lineEnd = nl === -1 ? source.length : nl;
    let line = source.slice(pos, lineEnd);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const lineStart = pos;
    pos = nl === -1 ? source.length + 1 : nl + 1;
    if (state === 'start' && line.trim() === '') continue;
    if (line.startsWith('--')) {
      const cmd = line.slice(2).trim().replace(/\s+/g, ' ').toLowerCase();
      if (cmd.startsWith('+goose ')) {
        switch (cmd) {
          case '+goose up':
            hasUp = true;
            state = 'up';
            continue;
          case '+goose down':
            if (state === 'up' || state === 'upBlock') push();
            state = 'down';
            continue;
          case '+goose statementbegin':
            if (state === 'up') {
              push();
              state = 'upBlock';
            } else if (state === 'down') state = 'downBlock';
            continue;
          case '+goose statementend':
            if (state === 'upBlock') {
              push();
              state = 'up';
            } else if (state === 'downBlock') state = 'down';
            continue;
          case '+goose no transaction':
            useTx = false;
            continue;
          default:
            if (cmd.startsWith('+goose envsub')) continue;
        }
      }
    }
    if (state !== 'up' && state !== 'upBlock') continue;
    if (bufStart < 0 && (line.trim().startsWith('--') || line.trim() === '')) continue;
    if (bufStart < 0) bufStart = lineStart;
    bufEnd = lineStart + line.length;
    if (state === 'up' && endsWithSemicolon(line)) push();
  }
  if (state === 'up' || state === 'upBlock') push();
  return { units, useTx, hasUp };
}

export const goose: Framework = {
  name: 'goose',
  pattern: '<version>_<name>.sql with -- +goose Up',
  detect(dir, files) {
    const names = sqlNames(dir, files);
    return anyContent(dir, files ?? names, 'goose-up');
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, '*.sql');
  },
  order(files) {
    return [...files].sort(byNumericPrefix((f) => path.basename(f)));
  },
  describe(abs, source): FileInfo {
    const version = /^(\d+)/.exec(path.basename(abs))?.[1];
    const base = version ? { version } : {};
    const { units, useTx, hasUp } = gooseUnits(source);
    if (!hasUp) {
      return { ...base, transaction: 'wrapped', note: 'goose refuses a file without a -- +goose Up annotation' };
    }
    const segments: RawSegment[] = units.map((u) => ({ ...u, tx: useTx ? 'wrapped' : 'script' }));
    return useTx
      ? { ...base, segments, note: 'goose runs the Up section in one transaction (no -- +goose NO TRANSACTION)' }
      : {
          ...base,
          segments,
          note: 'goose runs each statement of this NO TRANSACTION file on its own; a StatementBegin/End block is sent as one query string',
        };
  },
};
