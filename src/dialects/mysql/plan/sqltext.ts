/**
 * SQL text the MySQL/MariaDB planner writes: ALTER clauses printed from the syntax tree (names
 * quoted; types, defaults and expressions as the migration wrote them), the fail-fast online
 * clauses, and the session time limits every phase starts with.
 *
 * Fail fast (MySQL 8.0/8.4 reference manual, "Online DDL Operations" and "ALTER TABLE": ALGORITHM
 * and LOCK clauses; MariaDB KB "InnoDB Online DDL Overview"): with an explicit ALGORITHM/LOCK the
 * server refuses the ALTER when it cannot honour them, instead of silently falling back to a
 * copy that blocks writes. `ALGORITHM=INSTANT` takes no LOCK clause (`LOCK=NONE` with it is error
 * 1221 on MySQL). `lock_wait_timeout` bounds the wait for the metadata lock, which otherwise
 * defaults to 31,536,000 s (one year) with every later query on the table queued behind the ALTER.
 */
import type { ColumnDef, ColumnPosition, IndexDef, TableName } from '../ast.js';
import { comment, ident, literal, tableRef } from './quote.js';

/** `2s`, `500ms`, `1min`, `1h` (or a bare number of seconds) as whole seconds, at least 1 (lock_wait_timeout's unit). */
export function lockWaitSeconds(lockTimeout: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|min|h)?\s*$/i.exec(lockTimeout);
  if (!m) throw new Error(`cannot read the lock timeout ${JSON.stringify(lockTimeout)} as a duration`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  const seconds = unit === 'ms' ? n / 1000 : unit === 'min' ? n * 60 : unit === 'h' ? n * 3600 : n;
  return Math.max(1, Math.ceil(seconds));
}

/** `SET SESSION lock_wait_timeout = n;`: the next DDL gives up on a busy table after n seconds instead of queueing everyone. */
export function lockWaitSql(lockTimeout: string): string {
  return `SET SESSION lock_wait_timeout = ${lockWaitSeconds(lockTimeout)};`;
}

/** The online clause that makes the server refuse rather than copy: INSTANT alone, or INPLACE with LOCK=NONE. */
export type FailFast = 'INSTANT' | 'INPLACE';

/** `ALTER TABLE t <clauses>, ALGORITHM=…[, LOCK=NONE];` */
export function alterSql(table: TableName, clauses: string, mode: FailFast): string {
  const online = mode === 'INSTANT' ? 'ALGORITHM=INSTANT' : 'ALGORITHM=INPLACE, LOCK=NONE';
  // the clauses as written may end in a line comment: the online clause then goes on a line of its own
  const body = clauses.trim().replace(/,\s*$/, '');
  const sep = /--[^\n]*$|#[^\n]*$/.test(body) ? '\n, ' : ', ';
  return `ALTER TABLE ${tableRef(table)} ${body}${sep}${online};`;
}

/** `ALTER TABLE t <clauses>;` with no online clause: what an online schema change tool's run ends in. */
export function plainAlterSql(table: TableName, clauses: string): string {
  return terminate(`ALTER TABLE ${tableRef(table)} ${clauses.trim().replace(/,\s*$/, '')}`);
}

/** A column's type with its character set and collation when the migration gave them on the column. */
export function typeSql(c: ColumnDef): string {
  let t = c.type.text;
  if (c.type.charset && !/\b(character\s+set|charset)\b/i.test(t)) t += ` CHARACTER SET ${c.type.charset}`;
  if (c.type.collation && !/\bcollate\b/i.test(t)) t += ` COLLATE ${c.type.collation}`;
  return t;
}

/** The column definition; `nullable`/`withDefault` override what the migration said (for the expand step). */
export function columnSql(c: ColumnDef, override: { nullable?: boolean; withDefault?: boolean } = {}): string {
  const parts = [ident(c.name), typeSql(c)];
  if (c.generated) parts.push(`GENERATED ALWAYS AS (${c.generated.expr}) ${c.generated.stored ? 'STORED' : 'VIRTUAL'}`);
  const nullable = override.nullable ?? c.nullable;
  if (nullable === false) parts.push('NOT NULL');
  else if (nullable === true) parts.push('NULL');
  if (c.default && override.withDefault !== false) parts.push(`DEFAULT ${c.default.text}`);
  if (c.autoIncrement) parts.push('AUTO_INCREMENT');
  if (c.onUpdate) parts.push(`ON UPDATE ${c.onUpdate}`);
  if (c.invisible) parts.push('INVISIBLE');
  if (c.comment !== undefined) parts.push(`COMMENT ${literal(c.comment)}`);
  return parts.join(' ');
}

export function positionSql(p: ColumnPosition | undefined): string {
  if (!p) return '';
  return 'first' in p ? ' FIRST' : ` AFTER ${ident(p.after)}`;
}

/** `ADD [UNIQUE|FULLTEXT|SPATIAL] INDEX name (cols)` / `ADD PRIMARY KEY (cols)`. */
export function addIndexSql(ix: IndexDef): string {
  const cols = ix.columns
    .map((c) =>
      c.expression
        ? `(${c.name})${c.desc ? ' DESC' : ''}`
        : `${ident(c.name)}${c.length !== undefined ? `(${Number(c.length)})` : ''}${c.desc ? ' DESC' : ''}`,
    )
    .join(', ');
  const using = ix.using && /^(BTREE|HASH)$/i.test(ix.using) ? ` USING ${ix.using.toUpperCase()}` : '';
  if (ix.kind === 'primary') return `ADD PRIMARY KEY (${cols})${using}`;
  const kind =
    ix.kind === 'unique'
      ? 'UNIQUE INDEX'
      : ix.kind === 'fulltext'
        ? 'FULLTEXT INDEX'
        : ix.kind === 'spatial'
          ? 'SPATIAL INDEX'
          : 'INDEX';
  return `ADD ${kind}${ix.name ? ` ${ident(ix.name)}` : ''} (${cols})${using}`;
}

/** Ends a statement with `;` (on a line of its own after a trailing line comment). */
export function terminate(sql: string): string {
  const t = sql.trimEnd();
  if (t.endsWith(';')) return t;
  return /--[^\n]*$|#[^\n]*$/.test(t) ? `${t}\n;` : `${t};`;
}

export { comment, ident, literal, tableRef };
