/**
 * What a rewrite sees: the catalog before the statement, the file, options,
 * and helpers to build steps with correctly quoted SQL.
 */
import { scanSync } from '../parse.js'; // zerodown's one parser instance, loaded by loadParser() (libpg-query's own loads asynchronously and may not be ready)
import type { PgStatement } from '../statement.js';
import { qualifiedKey, relKey, type Column, type Table } from '../catalog.js';
import { typeToSql, type TypeRef } from '../typenames.js';
import { dollarQuote, ident as quoteIdent, literal, relation } from './quote.js';
import type { PhaseName } from '../../../plan/types.js';
import { shorten } from '../../../plan/text.js';
import type { RewriteContext } from './types.js';
import type { Step } from '../../../plan/schedule.js';
import { StmtSource } from './sqltext.js';
import { notInTransaction } from '../shadow/statements.js';

export type { RewriteContext } from './types.js';

export function isNewTable(ctx: RewriteContext, key: string): boolean {
  return ctx.catalog.table(key)?.createdIn === ctx.origin;
}

/** Single-column primary key of a table, when it has one. */
export function primaryKey(table: Table | undefined): Column | undefined {
  if (!table) return undefined;
  for (const c of table.constraints.values()) {
    if (c.type === 'primary' && c.columns.length === 1) return table.columns.get(c.columns[0]!);
  }
  return undefined;
}

/** True when `schema.name` is used by a relation, index or constraint the catalog or the plan knows. */
export function nameTaken(ctx: RewriteContext, schema: string, name: string, table?: Table): boolean {
  if (ctx.usedNames.has(`${schema}.${name}`)) return true;
  if (ctx.catalog.tables.has(`${schema}.${name}`)) return true;
  if (ctx.catalog.indexes.has(`${schema}.${name}`)) return true;
  if (table?.constraints.has(name)) return true;
  for (const t of ctx.catalog.tables.values()) if (t.schema === schema && t.constraints.has(name)) return true;
  return false;
}

export function reserve(ctx: RewriteContext, schema: string, name: string): string {
  ctx.usedNames.add(`${schema}.${name}`);
  return name;
}

/** Key of one column for step dependencies. */
export function colKey(tableKey: string, column: string): string {
  return `${tableKey}#${column}`;
}

/**
 * What a statement kept as written touches, for step ordering: column keys for
 * column renames and ALTER TABLE sub-commands that name one column, else every
 * relation in its AST (whole tables), or `*` when it names none.
 */
export function tablesOf(stmt: { kind: string; ast: any }): string[] {
  if (stmt.kind === 'RenameStmt' && stmt.ast.renameType === 'OBJECT_COLUMN' && stmt.ast.relation) {
    const k = relKey(stmt.ast.relation);
    return [colKey(k, stmt.ast.subname), colKey(k, stmt.ast.newname)];
  }
  if (stmt.kind === 'AlterTableStmt' && stmt.ast.relation && (stmt.ast.objtype ?? 'OBJECT_TABLE') === 'OBJECT_TABLE') {
    const k = relKey(stmt.ast.relation);
    const cols: string[] = [];
    for (const c of stmt.ast.cmds ?? []) {
      const cmd = c.AlterTableCmd;
      const simple = [
        'AT_AddColumn',
        'AT_ColumnDefault',
        'AT_DropNotNull',
        'AT_SetNotNull',
        'AT_AlterColumnType',
        'AT_SetStatistics',
        'AT_SetStorage',
      ];
      const name = cmd?.subtype === 'AT_AddColumn' ? cmd.def?.ColumnDef?.colname : cmd?.name;
      const plainDef =
        cmd?.subtype !== 'AT_AddColumn' ||
        !(cmd.def?.ColumnDef?.constraints ?? []).some((x: any) =>
          ['CONSTR_FOREIGN', 'CONSTR_CHECK', 'CONSTR_PRIMARY', 'CONSTR_UNIQUE'].includes(x.Constraint?.contype),
        );
      if (!cmd || !simple.includes(cmd.subtype) || !name || !plainDef) return tablesOfAst(stmt);
      cols.push(colKey(k, name));
    }
    if (cols.length) return cols;
  }
  return tablesOfAst(stmt);
}

function tablesOfAst(stmt: { kind: string; ast: any }): string[] {
  if (stmt.kind === 'DropStmt') {
    const t = stmt.ast.removeType;
    if (t !== 'OBJECT_TABLE' && t !== 'OBJECT_VIEW' && t !== 'OBJECT_MATVIEW') return ['*'];
  }
  const out = new Set<string>();
  // without recursion: a statement may nest thousands of levels deep
  const stack: any[] = [stmt.ast];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (Array.isArray(n)) stack.push(...n);
    else {
      if (typeof n.relname === 'string') out.add(relKey(n));
      stack.push(...Object.values(n));
    }
  }
  if (stmt.kind === 'DropStmt') {
    for (const o of stmt.ast.objects ?? []) {
      const names = (o.List?.items ?? []).map((x: any) => x.String?.sval).filter(Boolean);
      if (names.length) out.add(qualifiedKey(names));
    }
  }
  return out.size ? [...out] : ['*'];
}

/**
 * The statement cannot run inside a transaction block, so its phase is not transactional. The
 * one list is the shadow's (`notInTransaction` in ../shadow/statements.ts); `pgVersion` decides
 * ALTER TYPE … ADD VALUE (transactional from 12 on; by default it is).
 */
export function mustRunAlone(stmt: { kind: string; ast: any }, pgVersion = 99): boolean {
  return notInTransaction(stmt, pgVersion) !== undefined;
}

/** `SET lock_timeout = '2s';` etc. for the start of a transactional phase. */
export function timeoutPreamble(ctx: { lockTimeout: string; statementTimeout: string }, scan: boolean): string[] {
  return [
    `SET lock_timeout = ${literal(ctx.lockTimeout)};`,
    scan
      ? `SET statement_timeout = 0; -- VALIDATE scans the table under SHARE UPDATE EXCLUSIVE: reads and writes go on, so no time limit`
      : `SET statement_timeout = ${literal(ctx.statementTimeout)};`,
  ];
}

/** A column type as SQL, from the replayed catalog; a type name that is not a plain word is quoted. */
export function typeSqlOf(t: TypeRef): string {
  // serial is a column shorthand, not a type: the column is an integer with a sequence default
  const name = typeToSql({ name: t.name, mods: [], arrayDims: 0 });
  const plain = !t.schema && (name === 'double precision' || /^[a-z_][a-z0-9_]*$/.test(name));
  const mods = t.mods.length ? `(${t.mods.map((m) => String(Number(m))).join(', ')})` : '';
  return `${t.schema ? `${quoteIdent(t.schema)}.` : ''}${plain ? name : quoteIdent(name)}${mods}${'[]'.repeat(t.arrayDims)}`;
}

/** Ends a statement with `;`, on a line of its own when the text ends in a `--` comment. */
export function terminate(sql: string): string {
  const t = sql.trimEnd();
  if (t.endsWith(';')) return t;
  const lastLine = t.slice(t.lastIndexOf('\n') + 1);
  if (lastLine.includes('--')) {
    const tokens = (scanSync(t) as { tokens: { text: string }[] }).tokens;
    if (tokens.at(-1)?.text.startsWith('--')) return `${t}\n;`;
  }
  return `${t};`;
}

export function step(kind: PhaseName, sql: string, keys: string[], reason: string, extra: Partial<Step> = {}): Step {
  return {
    kind,
    sql: terminate(sql),
    transactional: kind !== 'backfill' && kind !== 'index',
    keys,
    reason,
    ...extra,
    ...(extra.local ? { local: terminate(extra.local) } : {}),
  };
}

export { shorten };

/** The rewrite answered the statement's finding of `rule`: one line in the plan's list of rewrites. */
export function record(ctx: RewriteContext, stmt: PgStatement, rule: string, summary: string): void {
  ctx.rewrites.push({ rule, line: stmt.span.line, statement: shorten(stmt.text), summary });
  if (ctx.current) ctx.answered.push({ index: stmt.index, rewrite: ctx.current.id });
}

/** A note on the statement's line. */
export function note(
  ctx: RewriteContext,
  stmt: PgStatement,
  level: 'todo' | 'warning' | 'info',
  message: string,
): void {
  ctx.notes.push({ level, message, line: stmt.span.line });
}

/** The source of a statement, re-parsed on its own so that AST locations point into it. */
export function source(stmt: PgStatement): StmtSource {
  return new StmtSource(stmt.text);
}

// ───────── guards that make every phase safe to run again (issue 11, defect 7) ─────────

/** `to_regclass('rel')`: the relation's oid, or NULL when it does not exist. */
export function regclassOf(rel: any): string {
  return `to_regclass(${literal(relation(rel))})`;
}

/** SQL condition: the table has this column. */
export function hasColumn(rel: any, column: string): string {
  return `EXISTS (SELECT FROM pg_attribute WHERE attrelid = ${regclassOf(rel)} AND attname = ${literal(column)} AND attnum > 0 AND NOT attisdropped)`;
}

/** SQL condition: the table has a constraint of this name. */
export function hasConstraint(rel: any, name: string): string {
  return `EXISTS (SELECT FROM pg_constraint WHERE conrelid = ${regclassOf(rel)} AND conname = ${literal(name)})`;
}

/** A DO block running `sql` (one or more statements) only when `cond` holds, so that running it again changes nothing. */
export function guarded(cond: string, sql: string): string {
  // not re-indented: a quoted name or a string in `sql` may hold a newline, and must keep it as it is
  return `DO ${dollarQuote(`\nBEGIN\n  IF ${cond} THEN\n${terminate(sql)}\n  END IF;\nEND\n`, 'zd')}`;
}
