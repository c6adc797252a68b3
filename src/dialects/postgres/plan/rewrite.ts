/**
 * Statement rewrites: each turns one unsafe statement (judged from its AST and
 * the replayed catalog) into ordered steps. A rewrite returns one or more
 * groups; each group is an ordered list of steps (see schedule.ts), so that
 * independent parts (e.g. two sub-commands of one ALTER TABLE) do not wait for
 * each other.
 *
 * Every rewrite names the lint rule it answers, so `-- zerodown-ignore <rule>`
 * also keeps the statement as written.
 */
import type { Statement } from '../../../model.js';
import { relKey, type Table } from '../catalog.js';
import { alterCmds, columnConstraints, names, volatility } from '../util.js';
import { ident as quoteIdent, literal as quoteLiteral, relation as quoteRel, sqlComment } from './quote.js';
import { backfillSql, pageBackfillSql, pagesFor, PROGRESS_TABLE, progressTableKeys } from './backfill.js';
import {
  colKey,
  guarded,
  hasConstraint,
  isNewTable,
  regclassOf,
  terminate,
  mustRunAlone,
  nameTaken,
  primaryKey,
  reserve,
  shorten,
  source,
  step,
  tablesOf,
  typeSqlOf,
  type RewriteContext,
} from './context.js';
import { chooseName, makeObjectName } from './names.js';
import type { Step } from '../../../plan/schedule.js';
import { findNodes, StmtSource } from './sqltext.js';
import { alterColumnType, renameColumn } from './expand-contract.js';

export type Group = Step[];

const q = quoteIdent;

export const REASONS = {
  same: 'statements that are already safe, unchanged',
  addColumn: 'add the column without a table rewrite (no volatile default, no NOT NULL yet)',
  checkNotValid: 'CHECK (… IS NOT NULL) NOT VALID guards new rows without a scan',
  backfill: 'fill existing rows in batches of {n}, each committed on its own (no transaction; safe to run again)',
  validate: 'validate constraints while reads and writes go on (SHARE UPDATE EXCLUSIVE)',
  setNotNull: 'SET NOT NULL without a table scan: the validated CHECK proves it (PostgreSQL 12+); then drop the CHECK',
  index: 'build the index CONCURRENTLY: writes go on; it runs outside a transaction, one index per phase',
  notValid: 'add the constraint NOT VALID: checks new rows only, no scan under lock',
  attach: 'turn the concurrently built unique index into the constraint (instant)',
};

/** Entry point: the groups of steps replacing a statement, or undefined to keep it as written. */
export function rewriteStatement(original: Statement, ctx: RewriteContext): Group[] | undefined {
  if (original.ignoreAll) return undefined;
  if (!['AlterTableStmt', 'IndexStmt', 'UpdateStmt', 'DeleteStmt', 'RenameStmt'].includes(original.kind))
    return undefined;
  // re-parse the statement on its own: AST locations then point into its text
  const src = new StmtSource(original.text);
  if (src.kind !== original.kind) return undefined;
  const stmt: Statement = { ...original, ast: src.ast };
  switch (stmt.kind) {
    case 'AlterTableStmt':
      return alterTable(stmt, ctx, src);
    case 'IndexStmt':
      return createIndex(stmt, ctx, src);
    case 'UpdateStmt':
      return update(stmt, ctx, src);
    case 'DeleteStmt':
      return deleteRows(stmt, ctx, src);
    case 'RenameStmt':
      if (stmt.ast.renameType === 'OBJECT_TABLE') return renameTable(stmt, ctx);
      if (stmt.ast.renameType === 'OBJECT_COLUMN' && (stmt.ast.relationType ?? 'OBJECT_TABLE') === 'OBJECT_TABLE')
        return renameColumn(stmt, ctx, src);
      return undefined;
    default:
      return undefined;
  }
}

/** The statement kept as written. */
export function passThrough(stmt: Statement): Step {
  const alone = mustRunAlone(stmt);
  const kind = stmt.kind === 'IndexStmt' && alone ? 'index' : 'expand';
  return { ...step(kind, stmt.text, tablesOf(stmt), REASONS.same), transactional: !alone };
}

function record(ctx: RewriteContext, stmt: Statement, rule: string, summary: string): void {
  ctx.rewrites.push({ rule, line: stmt.span.line, statement: shorten(stmt.text), summary });
}

function note(ctx: RewriteContext, stmt: Statement, level: 'todo' | 'warning' | 'info', message: string): void {
  ctx.notes.push({ level, message, line: stmt.span.line });
}

// ───────────────────────────── shared pieces ─────────────────────────────

export interface NotNullParts {
  name: string;
  expand: Step;
  validate: Step;
  contract: Step[];
}

/**
 * The NOT NULL path for one column: CHECK (col IS NOT NULL) NOT VALID, VALIDATE,
 * SET NOT NULL (no scan on PostgreSQL 12+ thanks to the valid CHECK), DROP CHECK.
 * Below 12 the validated CHECK stays, and the plan says why.
 */
export function notNullPath(
  ctx: RewriteContext,
  stmt: Statement,
  header: string,
  rel: any,
  table: Table | undefined,
  column: string,
): NotNullParts {
  const key = relKey(rel);
  const schema = rel.schemaname ?? 'public';
  // not `<table>_<column>_not_null`: PostgreSQL 18 gives that name to the NOT NULL constraint itself
  const name = reserve(
    ctx,
    schema,
    chooseName(rel.relname, column, 'not_null_check', (n) => nameTaken(ctx, schema, n, table)),
  );
  const keys = [colKey(key, column)];
  const expand = step(
    'expand',
    guarded(
      `NOT ${hasConstraint(rel, name)}`,
      `${header} ADD CONSTRAINT ${q(name)} CHECK (${q(column)} IS NOT NULL) NOT VALID`,
    ),
    keys,
    REASONS.checkNotValid,
  );
  // after the contract the CHECK is gone: validating it again is a no-op, not an error
  const validate = step(
    'validate',
    guarded(hasConstraint(rel, name), `${header} VALIDATE CONSTRAINT ${q(name)}`),
    keys,
    REASONS.validate,
    { timeout: 'scan' },
  );
  const contract: Step[] = [];
  if (ctx.pgVersion >= 12) {
    contract.push(
      step('contract', `${header} ALTER COLUMN ${q(column)} SET NOT NULL`, keys, REASONS.setNotNull, { weak: true }),
    );
    contract.push(
      step('contract', `${header} DROP CONSTRAINT IF EXISTS ${q(name)}`, keys, REASONS.setNotNull, { weak: true }),
    );
  } else {
    const what = `${rel.relname}.${column}`;
    const at = `${schema}.${rel.relname}`;
    ctx.expected.push({
      keys: [
        `column ${at}.${column}`,
        `constraint ${at}.${name}`,
        `constraint ${at}.${makeObjectName(rel.relname, column, 'not_null')}`,
      ],
      why: `${what} stays nullable; the validated CHECK constraint ${name} enforces NOT NULL instead (below PostgreSQL 12 SET NOT NULL scans the table)`,
    });
    note(
      ctx,
      stmt,
      'info',
      `Below PostgreSQL 12, SET NOT NULL always scans the whole table under ACCESS EXCLUSIVE, so the plan keeps the validated CHECK (${name}) on ${what} instead of a NOT NULL column. Run SET NOT NULL after upgrading to 12+ (it will then be instant).`,
    );
  }
  return { name, expand, validate, contract };
}

/** Source spans of the elements of a ColumnDef (constraints, COLLATE), within [defStart, defEnd). */
function columnElements(def: any, defEnd: number): { node: any; kind: string; start: number; end: number }[] {
  const els: { node: any; kind: string; start: number; end: number }[] = [];
  for (const c of def.constraints ?? []) {
    if (c.Constraint && typeof c.Constraint.location === 'number')
      els.push({ node: c.Constraint, kind: c.Constraint.contype, start: c.Constraint.location, end: 0 });
  }
  if (def.collClause && typeof def.collClause.location === 'number')
    els.push({ node: def.collClause, kind: 'COLLATE', start: def.collClause.location, end: 0 });
  els.sort((a, b) => a.start - b.start);
  els.forEach((e, i) => (e.end = els[i + 1]?.start ?? defEnd));
  return els;
}

function cut(src: StmtSource, start: number, end: number, remove: { start: number; end: number }[]): string {
  let out = '';
  let at = start;
  for (const r of [...remove].sort((a, b) => a.start - b.start)) {
    out += src.slice(at, r.start);
    at = r.end;
  }
  out += src.slice(at, end);
  return out.replace(/\s+/g, ' ').trim();
}

/** Text for an expression used inside a larger one: parenthesised unless it is a single term. */
function term(text: string): string {
  const t = text.trim();
  if (/^[A-Za-z_][A-Za-z0-9_$.]*\s*\(.*\)$/s.test(t) && balanced(t)) return t;
  if (/^('(?:[^']|'')*'|-?[0-9.]+|true|false|null)(::[A-Za-z_ ]+(\([0-9, ]+\))?(\[\])?)?$/i.test(t)) return t;
  if (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(t)) return t;
  return `(${t})`;
}

function balanced(t: string): boolean {
  // a function call whose outer parentheses close at the end: f(a)(b) or f(a) + g(b) are not single terms
  const open = t.indexOf('(');
  let depth = 0;
  let inStr = false;
  for (let i = open; i < t.length; i++) {
    const c = t[i];
    if (c === "'") inStr = !inStr;
    if (inStr) continue;
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0 && i !== t.length - 1) return false;
    }
  }
  return depth === 0;
}

function refersTo(ref: any, column: string, qualifiers: string[]): boolean {
  const f = names(ref.fields);
  if (f[f.length - 1] !== column) return false;
  return f.length === 1 || qualifiers.includes(f[f.length - 2]!);
}

// ───────────────────────────── ALTER TABLE ─────────────────────────────

interface AlterInput {
  stmt: Statement;
  ctx: RewriteContext;
  rel: any;
  key: string;
  table: Table | undefined;
  src: StmtSource;
  header: string;
  cmdText: string;
  cmdStart: number;
  cmdEnd: number;
}

function alterTable(stmt: Statement, ctx: RewriteContext, src: StmtSource): Group[] | undefined {
  const ast = stmt.ast;
  if (ast.objtype && ast.objtype !== 'OBJECT_TABLE') return undefined;
  const rel = ast.relation;
  const key = relKey(rel);
  if (isNewTable(ctx, key)) return undefined;
  const table = ctx.catalog.table(key);
  const cmds = alterCmds(ast);
  const parts = src.alterTableParts();
  if (!parts) return undefined;
  const planned: (Group[] | undefined)[] = cmds.map((cmd, i) => {
    const part = parts.cmds[i]!;
    const inp: AlterInput = {
      stmt,
      ctx,
      rel,
      key,
      table,
      src,
      header: parts.header,
      cmdText: part.text,
      cmdStart: part.start,
      cmdEnd: part.end,
    };
    switch (cmd.subtype) {
      case 'AT_AddColumn':
        return addColumn(inp, cmd);
      case 'AT_SetNotNull':
        return setNotNull(inp, cmd);
      case 'AT_AddConstraint':
        return addConstraint(inp, cmd);
      case 'AT_AlterColumnType':
        return alterColumnType(inp, cmd);
      default:
        return undefined;
    }
  });
  if (planned.every((p) => !p)) return undefined;
  const groups: Group[] = [];
  cmds.forEach((cmd, i) => {
    const p = planned[i];
    if (p) groups.push(...p);
    else {
      const keys =
        cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef
          ? [colKey(key, cmd.def.ColumnDef.colname)]
          : tablesOf(stmt);
      groups.push([step('expand', `${parts.header} ${parts.cmds[i]!.text}`, keys, REASONS.same)]);
    }
  });
  return groups;
}

export type { AlterInput };

function backfillValueFromConfig(ctx: RewriteContext, rel: any, column: string): string | undefined {
  const schema = rel.schemaname ?? 'public';
  return ctx.backfill[`${rel.relname}.${column}`] ?? ctx.backfill[`${schema}.${rel.relname}.${column}`];
}

function addColumn(inp: AlterInput, cmd: any): Group[] | undefined {
  const { stmt, ctx, rel, key, table, src, header } = inp;
  const def = cmd.def?.ColumnDef;
  if (!def) return undefined;
  const column: string = def.colname;
  if (cmd.missing_ok && table?.columns.has(column)) return undefined;
  const cons = columnConstraints(def);
  const notNull = cons.some((c) => c.contype === 'CONSTR_NOTNULL');
  const defCon = cons.find((c) => c.contype === 'CONSTR_DEFAULT');
  const pkCon = cons.find((c) => c.contype === 'CONSTR_PRIMARY');
  const uniqueCons = cons.filter((c) => c.contype === 'CONSTR_UNIQUE');
  const typeNames = names(def.typeName?.names);
  const serial = /^(small|big)?serial[248]?$/.test(typeNames[typeNames.length - 1] ?? '');
  const special = serial || cons.some((c) => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED');
  const rewritesTable = !!defCon && (volatility(defCon.raw_expr) === 'volatile' || ctx.pgVersion < 11);
  const required = (notNull || !!pkCon) && !defCon;
  const needsIndex = !!pkCon || uniqueCons.length > 0;
  if (!rewritesTable && !required && !needsIndex) return undefined;
  const rule = rewritesTable
    ? 'adding-field-with-default'
    : required
      ? 'adding-required-field'
      : pkCon
        ? 'adding-serial-primary-key-field'
        : 'disallowed-unique-constraint';
  if (!ctx.allowed(stmt, rule)) return undefined;
  if (special) {
    note(
      ctx,
      stmt,
      'warning',
      `No automatic plan for adding ${column} as a serial, identity or generated column to an existing table: PostgreSQL fills every row under ACCESS EXCLUSIVE. Add a plain column, backfill it in batches, then attach the sequence or identity.`,
    );
    return undefined;
  }
  const needsBackfill = rewritesTable || required;
  const pk = primaryKey(table);
  const schema = rel.schemaname ?? 'public';
  const colK = colKey(key, column);
  const keys = [colK];
  const els = columnElements(def, inp.cmdEnd);
  const remove: { start: number; end: number }[] = [];
  const splitConstraints: any[] = [];
  for (const e of els) {
    if (e.kind === 'CONSTR_NOTNULL' && (rewritesTable || required)) remove.push(e);
    else if (e.kind === 'CONSTR_DEFAULT' && rewritesTable) remove.push(e);
    else if (e.kind === 'CONSTR_PRIMARY' || e.kind === 'CONSTR_UNIQUE') remove.push(e);
    else if ((e.kind === 'CONSTR_CHECK' || e.kind === 'CONSTR_FOREIGN') && needsBackfill) {
      remove.push(e);
      splitConstraints.push(e);
    }
  }
  // IF NOT EXISTS: the expand phase can run again
  const columnSql = cut(src, inp.cmdStart, inp.cmdEnd, remove).replace(
    /^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?/i,
    'ADD COLUMN IF NOT EXISTS ',
  );
  const expand: Step[] = [step('expand', `${header} ${columnSql}`, keys, REASONS.addColumn)];
  const backfill: Step[] = [];
  const validate: Step[] = [];
  const index: Step[] = [];
  const contract: Step[] = [];
  const tableName = `${rel.relname}.${column}`;

  // value for existing rows
  let value: string | undefined;
  let todo: string | undefined;
  let checkBarrier: string | undefined;
  if (rewritesTable) {
    value = src.expr(defCon.raw_expr);
    expand.push(
      step('expand', `${header} ALTER COLUMN ${q(column)} SET DEFAULT ${value}`, keys, 'new rows get the default'),
    );
  } else if (required) {
    value = backfillValueFromConfig(ctx, rel, column);
    if (value !== undefined) {
      const refsColumns = (() => {
        try {
          return findNodes(new StmtSource(`SELECT ${value}`).ast, 'ColumnRef').length > 0;
        } catch {
          return true;
        }
      })();
      if (!refsColumns) {
        // a temporary default keeps INSERTs that do not name the column working until the contract
        expand.push(
          step(
            'expand',
            `${header} ALTER COLUMN ${q(column)} SET DEFAULT ${value}`,
            keys,
            'a temporary default keeps INSERTs that do not set the column working until the contract phase',
          ),
        );
        contract.push(
          step(
            'contract',
            `${header} ALTER COLUMN ${q(column)} DROP DEFAULT`,
            keys,
            'drop the temporary default: the column has no default in the original migration',
            {
              weak: true,
              deploy: `the app must set ${tableName} on every INSERT: from this phase on, an INSERT without it fails (as the original migration intends)`,
            },
          ),
        );
      } else {
        checkBarrier = `the app must set ${tableName} on every INSERT before the NOT NULL check goes in`;
      }
      note(
        ctx,
        stmt,
        'info',
        `Existing rows of ${tableName} get ${shorten(value, 60)} (from plan.backfill in the config).`,
      );
    } else {
      value = 'NULL';
      todo = `zerodown: choose the value of ${tableName} for existing rows: replace NULL in the UPDATE below (or set plan.backfill."${tableName}" in the config), then delete this RAISE line`;
      checkBarrier = `the app must set ${tableName} on every INSERT before the NOT NULL check goes in`;
      note(
        ctx,
        stmt,
        'todo',
        `${tableName} is NOT NULL without a default, so existing rows need a value. zerodown does not guess it: the backfill phase raises an exception until you replace NULL with the value (or set plan.backfill."${tableName}" in zerodown.config.json).`,
      );
    }
  }

  let nn: NotNullParts | undefined;
  if (notNull || pkCon) {
    const colInCatalog = table?.columns.get(column);
    if (!colInCatalog?.notNull) {
      nn = notNullPath(ctx, stmt, header, rel, table, column);
      if (checkBarrier) {
        nn.expand.barrier = true;
        nn.expand.deploy = checkBarrier;
      }
      expand.push(nn.expand);
    }
  }
  // inline CHECK / REFERENCES: NOT VALID now, VALIDATE after the backfill
  for (const e of splitConstraints) {
    const con = e.node;
    const label = e.kind === 'CONSTR_CHECK' ? 'check' : 'fkey';
    const name =
      con.conname ??
      reserve(
        ctx,
        schema,
        chooseName(rel.relname, column, label, (n) => nameTaken(ctx, schema, n, table)),
      );
    let text = src.slice(e.start, e.end).trim();
    text = text.replace(/^CONSTRAINT\s+("(?:[^"]|"")+"|\S+)\s+/i, '');
    if (e.kind === 'CONSTR_FOREIGN') text = `FOREIGN KEY (${q(column)}) ${text}`;
    const more = con.pktable ? [relKey(con.pktable)] : [];
    const s = step(
      'expand',
      guarded(`NOT ${hasConstraint(rel, name)}`, `${header} ADD CONSTRAINT ${q(name)} ${text} NOT VALID`),
      [...keys, ...more],
      REASONS.notValid,
    );
    if (checkBarrier) {
      s.barrier = true;
      s.deploy = checkBarrier;
    }
    expand.push(s);
    validate.push(
      step(
        'validate',
        guarded(hasConstraint(rel, name), `${header} VALIDATE CONSTRAINT ${q(name)}`),
        [...keys, ...more],
        REASONS.validate,
        { timeout: 'scan' },
      ),
    );
  }

  if (needsBackfill) {
    backfill.push(
      makeBackfill(ctx, stmt, rel, pk?.name, column, value!, todo, keys, (fused) => {
        if (fused) record(ctx, fused, 'unbatched-backfill', `folded into the batched backfill of ${column}`);
      }),
    );
  }
  if (nn) {
    validate.unshift(nn.validate);
    contract.unshift(...nn.contract);
  }
  // inline UNIQUE / PRIMARY KEY: a concurrent unique index, then the constraint on top of it
  for (const con of [...uniqueCons, ...(pkCon ? [pkCon] : [])]) {
    const primary = con.contype === 'CONSTR_PRIMARY';
    const name =
      con.conname ??
      reserve(
        ctx,
        schema,
        primary
          ? chooseName(rel.relname, undefined, 'pkey', (n) => nameTaken(ctx, schema, n, table))
          : chooseName(rel.relname, column, 'key', (n) => nameTaken(ctx, schema, n, table)),
      );
    index.push(uniqueIndexStep(ctx, rel, name, [column], con, keys));
    contract.push(
      step(
        'contract',
        guarded(
          `NOT ${hasConstraint(rel, name)}`,
          `${header} ADD CONSTRAINT ${q(name)} ${primary ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${q(name)}${deferrable(con)}`,
        ),
        keys,
        REASONS.attach,
      ),
    );
  }
  record(
    ctx,
    stmt,
    rule,
    rewritesTable
      ? `add ${column} without the volatile default, set the default for new rows, backfill in batches${nn ? ', then NOT NULL via a validated CHECK' : ''}`
      : required
        ? `add ${column} nullable, backfill${todo ? ' (value needed: TODO)' : ''}, then NOT NULL via a validated CHECK`
        : `add ${column}, then build its unique index concurrently and attach it`,
  );
  return [[...expand, ...backfill, ...validate, ...index, ...contract]];
}

function deferrable(con: any): string {
  let s = '';
  if (con.deferrable) s += ' DEFERRABLE';
  if (con.initdeferred) s += ' INITIALLY DEFERRED';
  return s;
}

function uniqueIndexStep(
  ctx: RewriteContext,
  rel: any,
  name: string,
  columns: string[],
  con: any,
  keys: string[],
): Step {
  const including = names(con.including);
  let sql = `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${q(name)} ON ${quoteRel(rel)} (${columns.map(q).join(', ')})`;
  if (including.length) sql += ` INCLUDE (${including.map(q).join(', ')})`;
  if (con.nulls_not_distinct) sql += ' NULLS NOT DISTINCT';
  return step(
    'index',
    `${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${q(name)}) before running it again`)}\n${sql}`,
    keys,
    REASONS.index,
  );
}

/**
 * The batched backfill of a new column with `value`. When the next statement touching
 * the table is an UPDATE of that column only, it is folded in: existing rows get the
 * UPDATE's result computed from `value`, exactly as the original's rows did.
 */
function makeBackfill(
  ctx: RewriteContext,
  stmt: Statement,
  rel: any,
  pk: string | undefined,
  column: string,
  value: string,
  todo: string | undefined,
  keys: string[],
  onFused: (fused: Statement | undefined) => void,
): Step {
  const key = relKey(rel);
  const common = {
    table: quoteRel(rel),
    tableName: q(rel.relname),
    batchSize: ctx.batchSize,
    lockTimeout: ctx.lockTimeout,
    ...(todo ? { todo } : {}),
  };
  const pending = `${q(column)} IS NULL`;
  if (!pk) pageNote(ctx, stmt, rel);
  /** by primary key, or by page ranges when the table has no single-column key */
  const emit = (set: string) =>
    pk
      ? backfillSql({ ...common, pk, progressKey: `${ctx.path}:${stmt.span.line}:${column}`, set, pending })
      : pageBackfillSql({ ...common, set, pending, pages: pagesFor(ctx.batchSize) });
  const base = { ...common, pk: pk ?? '', progressKey: `${ctx.path}:${stmt.span.line}:${column}` };
  const fused = todo ? undefined : findFusableUpdate(ctx, stmt, key, column);
  let sql: string | undefined;
  if (fused) {
    try {
      const u = source(fused);
      const target = u.ast.targetList[0].ResTarget;
      const quals = [rel.relname, ...(u.ast.relation?.alias?.aliasname ? [u.ast.relation.alias.aliasname] : [])];
      const isCol = (ref: any) => refersTo(ref, column, quals);
      const refs =
        findNodes(target.val, 'ColumnRef').filter(isCol).length +
        (u.ast.whereClause ? findNodes(u.ast.whereClause, 'ColumnRef').filter(isCol).length : 0);
      const valueVolatile = (() => {
        try {
          return volatility(new StmtSource(`SELECT ${value}`).ast.targetList[0].ResTarget.val) === 'volatile';
        } catch {
          return true;
        }
      })();
      if (!u.ast.relation?.alias && (!valueVolatile || refs <= 1)) {
        const sub = (node: any) => u.substitute(node, (ref) => (isCol(ref) ? term(value) : undefined));
        const e = sub(target.val);
        const expr = u.ast.whereClause ? `CASE WHEN ${sub(u.ast.whereClause)} THEN ${e} ELSE ${value} END` : e;
        sql = emit(`${q(column)} = ${expr}`);
      } else if (pk) {
        const set = u.clause('SET', ['FROM', 'WHERE', 'RETURNING'])!;
        const where = u.ast.whereClause ? u.clause('WHERE', ['RETURNING']) : undefined;
        sql = backfillSql({ ...base, set: '', fill: { column, value, then: set, ...(where ? { where } : {}) } });
      }
      if (sql) {
        ctx.consumed.add(fused.index);
        onFused(fused);
      }
    } catch {
      sql = undefined;
    }
  }
  const folded = !!sql;
  sql ??= emit(`${q(column)} = ${value}`);
  const reason = backfillReason(ctx, !!pk) + (folded ? '; the UPDATE of the original is folded in' : '');
  // the batches walk the primary key, and the value may read other columns: later changes to those wait
  const reads = folded ? [key] : columnsRead(value).map((c) => colKey(key, c));
  return step('backfill', sql, [...keys, pk ? colKey(key, pk) : key, ...reads], reason, todo ? { todo: true } : {});
}

function backfillReason(ctx: RewriteContext, byKey: boolean): string {
  return byKey
    ? REASONS.backfill.replace('{n}', String(ctx.batchSize))
    : `fill existing rows in batches of ${pagesFor(ctx.batchSize)} pages (about ${ctx.batchSize} rows; no single-column primary key), each committed on its own (no transaction; safe to run again)`;
}

function pageNote(ctx: RewriteContext, stmt: Statement, rel: any): void {
  if (ctx.pgVersion < 14) {
    note(
      ctx,
      stmt,
      'warning',
      `${rel.relname} has no single-column primary key, so the batches walk page ranges (ctid); below PostgreSQL 14 each batch scans the table to find its pages, which is slow on a large table.`,
    );
  }
}

/** Columns an expression (source text) reads; when it does not parse, none (it fails its own parse check later). */
export function columnsRead(expr: string): string[] {
  try {
    return [
      ...new Set(findNodes(new StmtSource(`SELECT ${expr}`).ast, 'ColumnRef').map((r) => names(r.fields).at(-1)!)),
    ];
  } catch {
    return [];
  }
}

/** The next statement touching the table, if it is an UPDATE that sets only `column`. */
function findFusableUpdate(ctx: RewriteContext, stmt: Statement, key: string, column: string): Statement | undefined {
  for (let j = stmt.index + 1; j < ctx.statements.length; j++) {
    const s = ctx.statements[j]!;
    if (ctx.consumed.has(j)) continue;
    if (s.kind === 'TransactionStmt' || s.kind === 'VariableSetStmt') continue;
    const keys = tablesOf(s);
    if (!keys.includes(key) && !keys.includes('*')) continue;
    if (s.kind === 'UpdateStmt' && relKey(s.ast.relation) === key) {
      const targets = (s.ast.targetList ?? []).map((t: any) => t.ResTarget);
      const ok =
        !s.ignoreAll &&
        ctx.allowed(s, 'unbatched-backfill') &&
        !s.ast.fromClause?.length &&
        !s.ast.withClause &&
        !s.ast.returningList?.length &&
        targets.length === 1 &&
        targets[0]?.name === column &&
        !targets[0]?.indirection?.length &&
        !findNodes(targets[0]?.val, 'SetToDefault').length &&
        !('SetToDefault' in (targets[0]?.val ?? {}));
      return ok ? s : undefined;
    }
    if (s.kind === 'IndexStmt' || s.kind === 'CommentStmt') continue;
    return undefined;
  }
  return undefined;
}

function setNotNull(inp: AlterInput, cmd: any): Group[] | undefined {
  const { stmt, ctx, rel, table, header } = inp;
  const column: string = cmd.name;
  const col = table?.columns.get(column);
  if (col?.notNull) return undefined;
  // a validated CHECK (col IS NOT NULL) already makes SET NOT NULL instant on 12+
  if (ctx.pgVersion >= 12 && table) {
    for (const c of table.constraints.values()) {
      if (c.type !== 'check' || !c.validated) continue;
      const nt = c.expr?.NullTest;
      if (nt?.nulltesttype === 'IS_NOT_NULL' && names(nt.arg?.ColumnRef?.fields).at(-1) === column) return undefined;
    }
  }
  if (!ctx.allowed(stmt, 'adding-not-nullable-field')) return undefined;
  const nn = notNullPath(ctx, stmt, header, rel, table, column);
  record(
    ctx,
    stmt,
    'adding-not-nullable-field',
    `NOT NULL on ${column} via CHECK … NOT VALID, VALIDATE, then SET NOT NULL without a scan`,
  );
  return [[nn.expand, nn.validate, ...nn.contract]];
}

function checkName(rel: any, expr: any): string | undefined {
  const cols = new Set(findNodes(expr, 'ColumnRef').map((r) => names(r.fields).at(-1)));
  return cols.size === 1 ? [...cols][0] : undefined;
}

function addConstraint(inp: AlterInput, cmd: any): Group[] | undefined {
  const { stmt, ctx, rel, key, table, header, cmdText } = inp;
  const con = cmd.def?.Constraint;
  if (!con) return undefined;
  const schema = rel.schemaname ?? 'public';
  const taken = (n: string) => nameTaken(ctx, schema, n, table);
  if (con.contype === 'CONSTR_FOREIGN' || con.contype === 'CONSTR_CHECK') {
    if (con.skip_validation) return undefined;
    const fk = con.contype === 'CONSTR_FOREIGN';
    const rule = 'constraint-missing-not-valid';
    if (!ctx.allowed(stmt, rule) || (fk && !ctx.allowed(stmt, 'adding-foreign-key-constraint'))) return undefined;
    const cols = fk
      ? names(con.fk_attrs)
      : [...new Set(findNodes(con.raw_expr, 'ColumnRef').map((r) => names(r.fields).at(-1)!))];
    const name =
      con.conname ??
      reserve(
        ctx,
        schema,
        fk
          ? chooseName(rel.relname, cols.join('_'), 'fkey', taken)
          : chooseName(rel.relname, checkName(rel, con.raw_expr), 'check', taken),
      );
    const text = con.conname ? cmdText : cmdText.replace(/^ADD\s+/i, `ADD CONSTRAINT ${q(name)} `);
    const refCols = names(con.pk_attrs);
    const refKeys =
      fk && con.pktable
        ? refCols.length
          ? refCols.map((c) => colKey(relKey(con.pktable), c))
          : [relKey(con.pktable)]
        : [];
    const keys = [...(cols.length ? cols.map((c) => colKey(key, c)) : [key]), ...refKeys];
    record(ctx, stmt, rule, `${fk ? 'foreign key' : 'CHECK'} ${name} added NOT VALID, validated in a later phase`);
    return [
      [
        step(
          'expand',
          guarded(`NOT ${hasConstraint(rel, name)}`, `${header} ${text} NOT VALID`),
          keys,
          REASONS.notValid,
        ),
        step(
          'validate',
          guarded(hasConstraint(rel, name), `${header} VALIDATE CONSTRAINT ${q(name)}`),
          keys,
          REASONS.validate,
          { timeout: 'scan' },
        ),
      ],
    ];
  }
  if (con.contype === 'CONSTR_PRIMARY' || con.contype === 'CONSTR_UNIQUE') {
    if (con.indexname) return undefined;
    const primary = con.contype === 'CONSTR_PRIMARY';
    const rule = primary ? 'adding-serial-primary-key-field' : 'disallowed-unique-constraint';
    if (!ctx.allowed(stmt, rule)) return undefined;
    if (con.options?.length || con.indexspace) {
      note(
        ctx,
        stmt,
        'warning',
        'No automatic plan for a unique or primary key constraint with storage options or a tablespace: build the index CONCURRENTLY by hand, then ADD CONSTRAINT … USING INDEX.',
      );
      return undefined;
    }
    if (table?.partitioned) return undefined;
    const cols = names(con.keys);
    const name =
      con.conname ??
      reserve(
        ctx,
        schema,
        primary
          ? chooseName(rel.relname, undefined, 'pkey', taken)
          : chooseName(rel.relname, cols.join('_'), 'key', taken),
      );
    const keys = cols.map((c) => colKey(key, c));
    const steps: Step[] = [];
    const validate: Step[] = [];
    const contract: Step[] = [];
    if (primary) {
      for (const c of cols) {
        if (table?.columns.get(c)?.notNull) continue;
        const nn = notNullPath(ctx, stmt, header, rel, table, c);
        steps.push(nn.expand);
        validate.push(nn.validate);
        contract.push(...nn.contract);
      }
    }
    contract.push(
      step(
        'contract',
        guarded(
          `NOT ${hasConstraint(rel, name)}`,
          `${header} ADD CONSTRAINT ${q(name)} ${primary ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${q(name)}${deferrable(con)}`,
        ),
        keys,
        REASONS.attach,
      ),
    );
    record(ctx, stmt, rule, `unique index ${name} built CONCURRENTLY, then attached with ADD CONSTRAINT … USING INDEX`);
    return [[...steps, ...validate, uniqueIndexStep(ctx, rel, name, cols, con, keys), ...contract]];
  }
  return undefined;
}

// ───────────────────────────── CREATE INDEX ─────────────────────────────

function createIndex(stmt: Statement, ctx: RewriteContext, src: StmtSource): Group[] | undefined {
  const ast = stmt.ast;
  if (ast.concurrent) return undefined;
  const key = relKey(ast.relation);
  if (isNewTable(ctx, key)) return undefined;
  const table = ctx.catalog.table(key);
  const cols: (string | undefined)[] = (ast.indexParams ?? []).map((p: any) => p.IndexElem?.name);
  const onNewColumn = cols.some((c) => c && table?.columns.get(c)?.addedIn === ctx.origin);
  const rule = onNewColumn ? 'index-same-step-as-add-column' : 'require-concurrent-index-creation';
  if (!ctx.allowed(stmt, 'require-concurrent-index-creation') || !ctx.allowed(stmt, rule)) return undefined;
  if (table?.partitioned || ast.relation?.inh === false) {
    note(
      ctx,
      stmt,
      'warning',
      'No automatic plan: CREATE INDEX CONCURRENTLY does not work on a partitioned table. Build the index CONCURRENTLY on each partition, then create it ON ONLY the parent and ATTACH each partition index.',
    );
    return undefined;
  }
  // a named index: IF NOT EXISTS, so that the phase can run again (PostgreSQL needs a name for it)
  const sql = src.insertAfterKeyword(
    'INDEX',
    ast.idxname && !ast.if_not_exists ? ' CONCURRENTLY IF NOT EXISTS' : ' CONCURRENTLY',
  );
  if (!sql) return undefined;
  const keys = cols.every((c) => c) ? cols.map((c) => colKey(key, c!)) : [key];
  const which = ast.idxname ? q(ast.idxname) : 'the index';
  record(ctx, stmt, rule, `CREATE INDEX CONCURRENTLY in its own phase${onNewColumn ? ', after the backfill' : ''}`);
  return [
    [
      step(
        'index',
        `${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${which}) before running it again`)}\n${sql}`,
        keys,
        REASONS.index,
      ),
    ],
  ];
}

// ───────────────────────────── UPDATE ─────────────────────────────

/** `pk = constant`, `pk IN (constants)`, or an AND holding one: the UPDATE touches a handful of rows. */
function isPkEquality(where: any, pk: string, quals: string[]): boolean {
  if (!where) return false;
  const e = where.A_Expr;
  const isPk = (n: any) => !!n?.ColumnRef && refersTo(n.ColumnRef, pk, quals);
  const isConst = (n: any) =>
    !!(n?.A_Const || n?.ParamRef || (n?.TypeCast && (n.TypeCast.arg?.A_Const || n.TypeCast.arg?.ParamRef)));
  if (
    e?.kind === 'AEXPR_OP' &&
    names(e.name)[0] === '=' &&
    ((isPk(e.lexpr) && isConst(e.rexpr)) || (isPk(e.rexpr) && isConst(e.lexpr)))
  )
    return true;
  if (
    e?.kind === 'AEXPR_IN' &&
    isPk(e.lexpr) &&
    Array.isArray(e.rexpr?.List?.items) &&
    e.rexpr.List.items.every(isConst)
  )
    return true;
  const b = where.BoolExpr;
  if (b?.boolop === 'AND_EXPR') return (b.args ?? []).some((a: any) => isPkEquality(a, pk, quals));
  return false;
}

function update(stmt: Statement, ctx: RewriteContext, src: StmtSource): Group[] | undefined {
  const ast = stmt.ast;
  const rel = ast.relation;
  const key = relKey(rel);
  if (isNewTable(ctx, key)) return undefined;
  const table = ctx.catalog.table(key);
  if (ast.withClause || ast.returningList?.length || findNodes(ast.whereClause, 'CurrentOfExpr').length)
    return undefined;
  const pk = primaryKey(table);
  const flagged = ctx.flaggedBy(stmt).has('unbatched-backfill');
  const quals = [rel.relname, ...(rel.alias?.aliasname ? [rel.alias.aliasname] : [])];
  if (!flagged && pk && isPkEquality(ast.whereClause, pk.name, quals)) return undefined;
  if (!ctx.allowed(stmt, 'unbatched-backfill')) return undefined;
  const set = src.clause('SET', ['FROM', 'WHERE', 'RETURNING']);
  if (!set) return undefined;
  const from = ast.fromClause?.length ? src.clause('FROM', ['WHERE', 'RETURNING']) : undefined;
  const where = ast.whereClause ? src.clause('WHERE', ['RETURNING']) : undefined;
  const alias: string | undefined = rel.alias?.aliasname;
  const targets = (ast.targetList ?? []).map((t: any) => t.ResTarget);
  const self = alias ? q(alias) : q(rel.relname);
  // idempotent SET (no target column read, nothing volatile, no FROM): applying it again to a row gives the
  // same values, so rows already at their target value are done (the WHERE may read the targets: a row it
  // selects again only gets the same values again)
  let pending: string | undefined;
  const simple = targets.every(
    (t: any) =>
      t?.name && !t.indirection?.length && t.val && !('SetToDefault' in t.val) && !('MultiAssignRef' in t.val),
  );
  if (simple && !from) {
    const targetNames = targets.map((t: any) => t.name as string);
    const readsTarget = targets.some((t: any) =>
      findNodes(t.val, 'ColumnRef').some((r) => targetNames.includes(names(r.fields).at(-1)!)),
    );
    const volatile = targets.some((t: any) => volatility(t.val) === 'volatile') || findNodes(ast, 'SubLink').length > 0;
    const types = targetNames.map((n: string) => table?.columns.get(n)?.type);
    if (!readsTarget && !volatile && types.every((t: unknown) => t && (t as { name: string }).name !== 'unknown')) {
      try {
        // compared as the column's type: the SET assigns with a cast, a comparison would not
        const exprs = targets.map((t: any, i: number) => `CAST(${src.expr(t.val)} AS ${typeSqlOf(types[i]!)})`);
        pending =
          targets.length === 1
            ? `${self}.${q(targetNames[0]!)} IS DISTINCT FROM ${exprs[0]!}`
            : `ROW(${targetNames.map((n: string) => `${self}.${q(n)}`).join(', ')}) IS DISTINCT FROM ROW(${exprs.join(', ')})`;
      } catch {
        pending = undefined;
      }
    }
  }
  if (!pk && !pending) {
    note(
      ctx,
      stmt,
      'warning',
      `No automatic plan for this UPDATE: ${rel.relname} has no single-column primary key to batch by, and the UPDATE cannot tell done rows from pending ones (it reads what it writes, or calls a volatile function), so page-range batches could apply it twice.`,
    );
    return undefined;
  }
  const shared = {
    table: quoteRel(rel),
    tableName: q(rel.relname),
    set,
    ...(alias ? { alias } : {}),
    ...(from ? { from } : {}),
    ...(where ? { where } : {}),
    ...(pending ? { pending } : {}),
    batchSize: ctx.batchSize,
    lockTimeout: ctx.lockTimeout,
  };
  if (!pk) pageNote(ctx, stmt, rel);
  const sql = pk
    ? backfillSql({ ...shared, pk: pk.name, progressKey: `${ctx.path}:${stmt.span.line}` })
    : pageBackfillSql({ ...shared, pages: pagesFor(ctx.batchSize) });
  const keys = [key];
  if (!pending && !ctx.expected.some((e) => e.keys.includes(progressTableKeys()[0]!))) {
    ctx.expected.push({
      keys: progressTableKeys(),
      why: `${PROGRESS_TABLE} remembers which batches are done, so that running the backfill again never applies the UPDATE twice; drop it once the migration has run everywhere`,
    });
  }
  record(
    ctx,
    stmt,
    'unbatched-backfill',
    `the same UPDATE in batches of ${pk ? `${ctx.batchSize} rows by ${pk.name}` : `${pagesFor(ctx.batchSize)} pages`}, each committed on its own${pending ? '' : ` (progress kept in ${PROGRESS_TABLE}, so a rerun resumes)`}`,
  );
  return [[step('backfill', sql, keys, backfillReason(ctx, !!pk))]];
}

/** DELETE over many rows (unbatched-backfill): the same DELETE in batches by primary key. */
function deleteRows(stmt: Statement, ctx: RewriteContext, src: StmtSource): Group[] | undefined {
  const ast = stmt.ast;
  const rel = ast.relation;
  const key = relKey(rel);
  if (isNewTable(ctx, key)) return undefined;
  if (ast.withClause || ast.returningList?.length || findNodes(ast.whereClause, 'CurrentOfExpr').length)
    return undefined;
  const table = ctx.catalog.table(key);
  const pk = primaryKey(table);
  const quals = [rel.relname, ...(rel.alias?.aliasname ? [rel.alias.aliasname] : [])];
  const flagged = ctx.flaggedBy(stmt).has('unbatched-backfill');
  if (!flagged && pk && isPkEquality(ast.whereClause, pk.name, quals)) return undefined;
  if (!ctx.allowed(stmt, 'unbatched-backfill')) return undefined;
  const using = ast.usingClause?.length ? src.clause('USING', ['WHERE', 'RETURNING']) : undefined;
  const where = ast.whereClause ? src.clause('WHERE', ['RETURNING']) : undefined;
  const alias: string | undefined = rel.alias?.aliasname;
  const shared = {
    table: quoteRel(rel),
    tableName: q(rel.relname),
    set: '',
    delete: true,
    ...(alias ? { alias } : {}),
    ...(using ? { from: using } : {}),
    ...(where ? { where } : {}),
    batchSize: ctx.batchSize,
    lockTimeout: ctx.lockTimeout,
  };
  if (!pk && using) {
    note(
      ctx,
      stmt,
      'warning',
      `No automatic plan for this DELETE … USING: ${rel.relname} has no single-column primary key to batch by.`,
    );
    return undefined;
  }
  if (!pk) pageNote(ctx, stmt, rel);
  const sql = pk
    ? backfillSql({ ...shared, pk: pk.name, progressKey: `${ctx.path}:${stmt.span.line}` })
    : pageBackfillSql({ ...shared, pages: pagesFor(ctx.batchSize) });
  const how = pk ? `${ctx.batchSize} rows by ${pk.name}` : `${pagesFor(ctx.batchSize)} pages`;
  record(ctx, stmt, 'unbatched-backfill', `the same DELETE in batches of ${how}, each committed on its own`);
  return [
    [
      step(
        'backfill',
        sql,
        [key],
        `delete in batches of ${how}, each committed on its own (no transaction; safe to run again)`,
      ),
    ],
  ];
}

// ───────────────────────────── RENAME TABLE ─────────────────────────────

function renameTable(stmt: Statement, ctx: RewriteContext): Group[] | undefined {
  const ast = stmt.ast;
  const rel = ast.relation;
  const key = relKey(rel);
  if (isNewTable(ctx, key) || !ctx.catalog.table(key)) return undefined;
  if (!ctx.allowed(stmt, 'renaming-table')) return undefined;
  const schema = rel.schemaname ?? 'public';
  const newKey = `${schema}.${ast.newname}`;
  const newRel = rel.schemaname ? `${q(schema)}.${q(ast.newname)}` : q(ast.newname);
  const keys = [key, newKey];
  record(
    ctx,
    stmt,
    'renaming-table',
    `rename, keep the old name working as a view until the app is deployed, then drop the view`,
  );
  return [
    [
      // once: while the old name is still the table (run again, it is the view, or gone after the contract)
      step(
        'expand',
        guarded(
          `EXISTS (SELECT FROM pg_class WHERE oid = ${regclassOf(rel)} AND relkind IN ('r', 'p'))`,
          `${terminate(stmt.text)}\nCREATE VIEW ${quoteRel(rel)} AS SELECT * FROM ${newRel};`,
        ),
        keys,
        'rename the table and keep the old name working as a simple (updatable) view, so the running app does not break',
      ),
      step(
        'contract',
        `DROP VIEW IF EXISTS ${quoteRel(rel)}`,
        keys,
        'drop the compatibility view once no deployed code uses the old name',
        {
          deploy: `deploy the app version that uses ${ast.newname} instead of ${rel.relname}`,
        },
      ),
    ],
  ];
}

export { quoteLiteral };
