/**
 * Expand/contract rewrites that replace a column: a type change that rewrites
 * the table, and a column rename.
 *
 *   expand    add the new column; a trigger keeps it in sync with the old one
 *             (both ways for a rename, where the app switches columns);
 *             CHECK (new IS NOT NULL) NOT VALID when the old one is NOT NULL
 *   backfill  copy (and convert) the old values in batches
 *   validate  the NOT NULL check
 *   index     every index on the old column, rebuilt CONCURRENTLY on the new one
 *   contract  drop the trigger and the old column, give the new column the old
 *             one's name (type change), default and NOT NULL, and the indexes
 *             their original names (a rename needs the app deployed first)
 *
 * The column ends up last in the table's column order; the plan says so. Columns
 * that are part of a primary key, a foreign key, a CHECK or an exclusion
 * constraint, identity/serial/generated columns, and indexes with storage
 * options are left to a person (with a note), rather than half-handled.
 */
import type { Statement } from '../../../model.js';
import { relKey, type Column, type Index, type Table } from '../catalog.js';
import { typeRef, sameType, type TypeRef } from '../typenames.js';
import { findNodes, sameAst, StmtSource } from './sqltext.js';
import { names, volatility } from '../util.js';
import { dollarQuote, ident as quoteIdent, literal, relation as quoteRel, sqlComment } from './quote.js';
import { backfillSql } from './backfill.js';
import {
  colKey,
  guarded,
  hasColumn,
  hasConstraint,
  isNewTable,
  nameTaken,
  regclassOf,
  primaryKey,
  reserve,
  shorten,
  step,
  typeSqlOf,
  type RewriteContext,
} from './context.js';
import { chooseName, helperName, makeObjectName } from './names.js';
import type { AlterInput, Group } from './rewrite.js';
import type { Step } from '../../../plan/schedule.js';

const q = quoteIdent;

function note(ctx: RewriteContext, stmt: Statement, message: string): void {
  ctx.notes.push({ level: 'warning', message, line: stmt.span.line });
}

/** Source text of a catalog expression (a column default), from the statement it came from. */
export function catalogExprText(ctx: RewriteContext, node: any): string | undefined {
  const text = ctx.sourceOf.get(node);
  if (!text) return undefined;
  try {
    const src = new StmtSource(text);
    let found: any;
    const visit = (n: any): void => {
      if (found || !n || typeof n !== 'object') return;
      if (Array.isArray(n)) return n.forEach(visit);
      for (const v of Object.values(n)) {
        if (found) return;
        if (v && typeof v === 'object' && !Array.isArray(v) && sameAst(v, node)) {
          found = v;
          return;
        }
        visit(v);
      }
    };
    visit(src.ast);
    return found ? src.expr(found) : undefined;
  } catch {
    return undefined;
  }
}

/** Type changes PostgreSQL makes without rewriting the table (binary-coercible, no stricter limit). */
export function typeChangeIsInstant(from: TypeRef, to: TypeRef): boolean {
  if (from.arrayDims !== to.arrayDims) return false;
  if (sameType(from, to)) return true;
  const text = (t: TypeRef) => t.name === 'text' || (t.name === 'varchar' && !t.mods.length);
  if (from.name === 'varchar' && (text(to) || (to.name === 'varchar' && to.mods[0]! >= from.mods[0]!))) return true;
  if (from.name === 'text' && text(to)) return true;
  if (from.name === 'numeric' && to.name === 'numeric') {
    if (!to.mods.length) return true;
    return (
      from.mods.length === 2 && to.mods.length === 2 && to.mods[1] === from.mods[1] && to.mods[0]! >= from.mods[0]!
    );
  }
  if (from.name === 'varbit' && to.name === 'varbit')
    return !to.mods.length || (!!from.mods.length && to.mods[0]! >= from.mods[0]!);
  if (from.name === 'cidr' && to.name === 'inet') return true;
  return false;
}

interface IndexPlan {
  /** CREATE INDEX CONCURRENTLY on the new column, under a temporary name */
  create: string;
  tmp: string;
  original: Index;
  /** the index backs a UNIQUE constraint of this name */
  constraint?: string;
}

/** Rebuilds an index definition with `from` replaced by `to`, under a new name. Undefined when it cannot. */
function rebuildIndex(
  ctx: RewriteContext,
  ix: Index,
  table: Table,
  rel: any,
  from: string,
  to: string,
  tmp: string,
): string | undefined {
  const text = ctx.indexSource.get(`${table.schema}.${ix.name}`);
  const mapName = (n: string) => q(n === from ? to : n);
  if (!text) {
    // built by a constraint: plain columns
    if (ix.columns.some((c) => !c)) return undefined;
    return `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX CONCURRENTLY IF NOT EXISTS ${q(tmp)} ON ${quoteRel(rel)} (${ix.columns.map((c) => mapName(c!)).join(', ')})`;
  }
  const src = new StmtSource(text);
  const ast = src.ast;
  if (ast.options?.length || ast.tableSpace) return undefined;
  const sub = (node: any) =>
    src.substitute(node, (ref) => {
      const f = names(ref.fields);
      return f.at(-1) === from && f.length === 1 ? q(to) : undefined;
    });
  const elem = (p: any): string | undefined => {
    const e = p.IndexElem;
    if (!e || e.opclassopts?.length) return undefined;
    let s = e.name ? mapName(e.name) : `(${sub(e.expr)})`;
    if (e.collation?.length) s += ` COLLATE ${names(e.collation).map(q).join('.')}`;
    if (e.opclass?.length) s += ` ${names(e.opclass).map(q).join('.')}`;
    if (e.ordering === 'SORTBY_DESC') s += ' DESC';
    if (e.nulls_ordering === 'SORTBY_NULLS_FIRST') s += ' NULLS FIRST';
    if (e.nulls_ordering === 'SORTBY_NULLS_LAST') s += ' NULLS LAST';
    return s;
  };
  const elems = (ast.indexParams ?? []).map(elem);
  const incl = (ast.indexIncludingParams ?? []).map(elem);
  if ([...elems, ...incl].some((e) => e === undefined)) return undefined;
  let sql = `CREATE ${ast.unique ? 'UNIQUE ' : ''}INDEX CONCURRENTLY IF NOT EXISTS ${q(tmp)} ON ${quoteRel(rel)}`;
  if (ast.accessMethod && ast.accessMethod !== 'btree') sql += ` USING ${q(ast.accessMethod)}`;
  sql += ` (${elems.join(', ')})`;
  if (incl.length) sql += ` INCLUDE (${incl.join(', ')})`;
  if (ast.nulls_not_distinct) sql += ' NULLS NOT DISTINCT';
  if (ast.whereClause) sql += ` WHERE ${sub(ast.whereClause)}`;
  return sql;
}

/** True when an index uses the column (as a key, an INCLUDE column, or inside an expression or predicate). */
function indexUses(ctx: RewriteContext, ix: Index, table: Table, column: string): boolean {
  if (ix.columns.includes(column)) return true;
  const text = ctx.indexSource.get(`${table.schema}.${ix.name}`);
  if (!text) return ix.columns.some((c) => c === null);
  try {
    const ast = new StmtSource(text).ast;
    const refs = findNodes(ast, 'ColumnRef').map((r) => names(r.fields).at(-1));
    const incl = (ast.indexIncludingParams ?? []).map((p: any) => p.IndexElem?.name);
    return refs.includes(column) || incl.includes(column);
  } catch {
    return true;
  }
}

interface ReplaceSpec {
  stmt: Statement;
  ctx: RewriteContext;
  /** `ALTER TABLE [ONLY] rel` as written */
  header: string;
  rel: any;
  table: Table;
  column: Column;
  /** name of the replacement column while both exist */
  newName: string;
  /** name of the column at the end */
  finalName: string;
  /** SQL type of the replacement column (with COLLATE when needed) */
  typeSql: string;
  /** the new column's value from a row; `col` renders a column of that row */
  convert: (col: (name: string) => string) => string;
  /** other columns the conversion reads */
  reads: string[];
  /** the conversion gives different values on two runs (a volatile USING): the guard then checks only that every row was copied */
  volatile?: boolean;
  /** for renames: the old column's value from the new one (two-way sync while the app switches) */
  back?: (col: (name: string) => string) => string;
  rule: string;
  summary: string;
  /** the app deploy the contract phase waits for */
  deploy?: string;
  contractReason: string;
}

function blockers(ctx: RewriteContext, table: Table, column: Column): string | undefined {
  if (column.identity || column.generated || column.type.serial) return 'it is an identity, serial or generated column';
  if (column.default && findNodes(column.default, 'FuncCall').some((f) => names(f.funcname).at(-1) === 'nextval'))
    return 'its default draws from a sequence';
  for (const c of table.constraints.values()) {
    if (
      !c.columns.includes(column.name) &&
      !(c.type === 'check' && findNodes(c.expr, 'ColumnRef').some((r) => names(r.fields).at(-1) === column.name))
    )
      continue;
    if (c.type === 'primary') return 'it is part of the primary key';
    if (c.type === 'foreign') return `it is part of the foreign key ${c.name}`;
    if (c.type === 'check') return `the CHECK constraint ${c.name} uses it`;
    if (c.type === 'exclusion') return `the exclusion constraint ${c.name} uses it`;
    if (c.type === 'unique' && c.columns.length !== 1) return `the multi-column unique constraint ${c.name} uses it`;
  }
  // a foreign key can only reference columns under a unique index or primary key
  const key = `${table.schema}.${table.name}`;
  const referencable = ctx.catalog
    .indexesOf(key)
    .some((ix) => (ix.unique || ix.primary) && ix.columns.includes(column.name));
  if (referencable) {
    for (const t of ctx.catalog.tables.values()) {
      for (const c of t.constraints.values()) {
        if (c.type === 'foreign' && c.references === key)
          return `the foreign key ${c.name} of ${t.name} may reference it`;
      }
    }
  }
  return undefined;
}

function replaceColumn(spec: ReplaceSpec): Group[] | undefined {
  const { stmt, ctx, header, rel, table, column } = spec;
  const key = relKey(rel);
  const schema = table.schema;
  const pk = primaryKey(table);
  const why = !pk
    ? `${table.name} has no single-column primary key to batch the backfill by`
    : blockers(ctx, table, column);
  if (why) {
    note(
      ctx,
      stmt,
      `No automatic expand/contract plan for ${table.name}.${column.name}: ${why}. Do it by hand: add the new column, keep it in sync with a trigger, backfill in batches, then swap in a short transaction.`,
    );
    return undefined;
  }
  const taken = (n: string) => nameTaken(ctx, schema, n, table);
  const fn = reserve(ctx, schema, helperName(`${table.name}_${column.name}`, 'zd_sync', taken));
  const fnRef = `${q(schema)}.${q(fn)}`;
  // everything here touches just the two columns (and indexes on them)
  const keys = [colKey(key, column.name), colKey(key, spec.newName), colKey(key, spec.finalName)];
  const tableKeys = keys;
  const expand: Step[] = [];
  const validate: Step[] = [];
  const index: Step[] = [];
  const contract: Step[] = [];

  // indexes on the old column, rebuilt on the new one
  const plans: IndexPlan[] = [];
  for (const ix of ctx.catalog.indexesOf(key)) {
    if (!indexUses(ctx, ix, table, column.name)) continue;
    if (ix.primary) return undefined;
    const tmp = reserve(ctx, schema, helperName(ix.name, 'zd_new', taken));
    const create = rebuildIndex(ctx, ix, table, rel, column.name, spec.newName, tmp);
    if (!create) {
      note(
        ctx,
        stmt,
        `No automatic expand/contract plan for ${table.name}.${column.name}: the index ${ix.name} uses storage options, operator class options or an expression zerodown cannot rebuild.`,
      );
      return undefined;
    }
    const constraint = [...table.constraints.values()].find((c) => c.type === 'unique' && c.index === ix.name)?.name;
    plans.push({ create, tmp, original: ix, ...(constraint ? { constraint } : {}) });
  }

  // expand: the new column and the trigger that keeps it in sync
  expand.push(
    step(
      'expand',
      // run again after the contract of a rename, the old column is gone: then nothing is re-added
      guarded(hasColumn(rel, column.name), `${header} ADD COLUMN IF NOT EXISTS ${q(spec.newName)} ${spec.typeSql}`),
      keys,
      'add the replacement column (no default, nullable: no table rewrite)',
    ),
  );
  const newRow = (c: string) => `NEW.${q(c)}`;
  const oldRow = (c: string) => `OLD.${q(c)}`;
  const body: string[] = [];
  if (spec.back) {
    body.push(
      `  IF TG_OP = 'INSERT' THEN`,
      `    IF NEW.${q(spec.newName)} IS NULL THEN`,
      `      NEW.${q(spec.newName)} := ${spec.convert(newRow)};`,
      '    ELSE',
      `      NEW.${q(column.name)} := ${spec.back(newRow)};`,
      '    END IF;',
      `  ELSIF NEW.${q(column.name)} IS DISTINCT FROM OLD.${q(column.name)} THEN`,
      `    NEW.${q(spec.newName)} := ${spec.convert(newRow)};`,
      `  ELSIF NEW.${q(spec.newName)} IS DISTINCT FROM OLD.${q(spec.newName)} THEN`,
      `    NEW.${q(column.name)} := ${spec.back(newRow)};`,
      '  END IF;',
    );
  } else {
    body.push(`  NEW.${q(spec.newName)} := ${spec.convert(newRow)};`);
  }
  void oldRow;
  const trigger = fn;
  const execute = ctx.pgVersion >= 11 ? 'FUNCTION' : 'PROCEDURE';
  expand.push(
    step(
      'expand',
      guarded(
        hasColumn(rel, column.name),
        `CREATE OR REPLACE FUNCTION ${fnRef}() RETURNS trigger LANGUAGE plpgsql AS ${dollarQuote(`\nBEGIN\n${body.join('\n')}\n  RETURN NEW;\nEND\n`, 'zd')}`,
      ),
      tableKeys,
      'a trigger keeps the new column in sync with every write while the app still uses the old one',
    ),
  );
  expand.push(
    step(
      'expand',
      // a trigger that names a dropped column would break every write: only while the old column is there
      guarded(
        `${hasColumn(rel, column.name)} AND NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = ${regclassOf(rel)} AND tgname = ${literal(trigger)})`,
        `CREATE TRIGGER ${q(trigger)} BEFORE INSERT OR UPDATE ON ${quoteRel(rel)} FOR EACH ROW EXECUTE ${execute} ${fnRef}()`,
      ),
      tableKeys,
      'a trigger keeps the new column in sync with every write while the app still uses the old one',
    ),
  );
  let check: string | undefined;
  if (column.notNull) {
    check = reserve(ctx, schema, chooseName(table.name, spec.finalName, 'not_null_check', taken));
    expand.push(
      step(
        'expand',
        guarded(
          `${hasColumn(rel, spec.newName)} AND NOT ${hasConstraint(rel, check)}`,
          `${header} ADD CONSTRAINT ${q(check)} CHECK (${q(spec.newName)} IS NOT NULL) NOT VALID`,
        ),
        keys,
        'CHECK (… IS NOT NULL) NOT VALID guards new rows without a scan',
      ),
    );
    validate.push(
      step(
        'validate',
        guarded(hasConstraint(rel, check), `${header} VALIDATE CONSTRAINT ${q(check)}`),
        keys,
        'validate constraints while reads and writes go on (SHARE UPDATE EXCLUSIVE)',
        { timeout: 'scan' },
      ),
    );
  }

  // backfill: the old values, converted, in batches
  const plain = (c: string) => q(c);
  const backfill = step(
    'backfill',
    backfillSql({
      table: quoteRel(rel),
      tableName: q(rel.relname),
      pk: pk!.name,
      set: `${q(spec.newName)} = ${spec.convert(plain)}`,
      pending: `${q(spec.newName)} IS NULL AND ${q(column.name)} IS NOT NULL`,
      batchSize: ctx.batchSize,
      lockTimeout: ctx.lockTimeout,
      progressKey: `${ctx.path}:${stmt.span.line}:${column.name}`,
      // run again after the contract, one of the two columns is gone: nothing to copy
      onlyIf: `${hasColumn(rel, column.name)} AND ${hasColumn(rel, spec.newName)}`,
    }),
    [...keys, colKey(key, pk!.name), ...spec.reads.map((c) => colKey(key, c))],
    `copy the existing values into ${spec.newName} in batches of ${ctx.batchSize}, each committed on its own (no transaction; safe to run again)`,
  );

  for (const ip of plans) {
    index.push(
      step(
        'index',
        `${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${q(ip.tmp)}) before running it again`)}\n${ip.create}`,
        keys,
        `rebuild ${ip.original.name} on the new column CONCURRENTLY, under a temporary name`,
      ),
    );
  }

  // contract: the swap, in one short transaction; first, in SQL, a guard: no DROP while a row is not copied
  const reason = spec.contractReason;
  const mismatch = spec.volatile
    ? `${q(spec.newName)} IS NULL AND ${q(column.name)} IS NOT NULL`
    : `${q(spec.newName)} IS DISTINCT FROM ${spec.convert(plain)}`;
  const both = `${hasColumn(rel, column.name)} AND ${hasColumn(rel, spec.newName)}`;
  const guardBody = [
    '',
    'BEGIN',
    // after the contract (run again) one of the two is gone: nothing to check. Two IFs: plpgsql plans
    // the inner query only when it runs, and it names both columns
    `  IF ${both} THEN`,
    `    IF EXISTS (SELECT FROM ${quoteRel(rel)} WHERE ${mismatch}) THEN`,
    `      RAISE EXCEPTION '%', ${literal(
      `zerodown: ${table.name}.${spec.newName} does not hold ${spec.volatile ? 'a value for' : 'the value of'} ${table.name}.${column.name} on every row (did the backfill phase finish?), so nothing is dropped: run the backfill phase again, then this phase`,
    )};`,
    '    END IF;',
    '  END IF;',
    'END',
    '',
  ].join('\n');
  contract.push(
    step(
      'contract',
      [
        sqlComment(
          `the check below reads every row before anything is dropped: no time limit, no lock that blocks writes`,
        ),
        'SET statement_timeout = 0;',
        `DO ${dollarQuote(guardBody, 'zd')};`,
        `SET statement_timeout = ${literal(ctx.statementTimeout)}`,
      ].join('\n'),
      tableKeys,
      reason,
      spec.deploy ? { deploy: spec.deploy } : {},
    ),
  );
  contract.push(step('contract', `DROP TRIGGER IF EXISTS ${q(trigger)} ON ${quoteRel(rel)}`, tableKeys, reason));
  contract.push(step('contract', `DROP FUNCTION IF EXISTS ${fnRef}()`, tableKeys, reason));
  // the swap only while both columns are there: run again, a type change's old name is the NEW column
  contract.push(
    step(
      'contract',
      guarded(
        both,
        [
          `${header} DROP COLUMN ${q(column.name)};`,
          ...(spec.newName !== spec.finalName
            ? [`${header} RENAME COLUMN ${q(spec.newName)} TO ${q(spec.finalName)};`]
            : []),
        ].join('\n'),
      ),
      tableKeys,
      reason,
    ),
  );
  if (column.default) {
    const d = catalogExprText(ctx, column.default);
    if (d === undefined) {
      note(
        ctx,
        stmt,
        `No automatic expand/contract plan for ${table.name}.${column.name}: zerodown cannot recover the text of its default.`,
      );
      return undefined;
    }
    contract.push(step('contract', `${header} ALTER COLUMN ${q(spec.finalName)} SET DEFAULT ${d}`, tableKeys, reason));
  }
  if (check && ctx.pgVersion >= 12) {
    contract.push(step('contract', `${header} ALTER COLUMN ${q(spec.finalName)} SET NOT NULL`, tableKeys, reason));
    contract.push(step('contract', `${header} DROP CONSTRAINT IF EXISTS ${q(check)}`, tableKeys, reason));
    if (spec.finalName !== column.name) {
      // PostgreSQL 18 names NOT NULL constraints; a rename keeps the old column's constraint name
      const was = makeObjectName(table.name, column.name, 'not_null');
      const now = makeObjectName(table.name, spec.finalName, 'not_null');
      if (ctx.pgVersion >= 18)
        contract.push(
          step(
            'contract',
            guarded(hasConstraint(rel, now), `${header} RENAME CONSTRAINT ${q(now)} TO ${q(was)}`),
            tableKeys,
            reason,
          ),
        );
      else {
        ctx.expected.push({
          keys: [`constraint ${schema}.${table.name}.${was}`, `constraint ${schema}.${table.name}.${now}`],
          why: `on PostgreSQL 18+ the NOT NULL constraint of ${spec.finalName} is named ${now} instead of ${was} (plan with --pg-version 18 to keep the old name)`,
        });
      }
    }
  } else if (check) {
    ctx.expected.push({
      keys: [`column ${schema}.${table.name}.${spec.finalName}`, `constraint ${schema}.${table.name}.${check}`],
      why: `${table.name}.${spec.finalName} stays nullable; the validated CHECK ${check} enforces NOT NULL instead (below PostgreSQL 12 SET NOT NULL scans the table)`,
    });
  }
  for (const ip of plans) {
    // run again, the index phase has built a second copy under the temporary name: it goes
    const tmpRef = `${q(schema)}.${q(ip.tmp)}`;
    const tmpExists = `to_regclass(${literal(tmpRef)}) IS NOT NULL`;
    const taken = ip.constraint
      ? hasConstraint(rel, ip.constraint)
      : `to_regclass(${literal(`${q(schema)}.${q(ip.original.name)}`)}) IS NOT NULL`;
    const attach = ip.constraint
      ? `${header} ADD CONSTRAINT ${q(ip.constraint)} UNIQUE USING INDEX ${q(ip.tmp)};`
      : `ALTER INDEX ${tmpRef} RENAME TO ${q(ip.original.name)};`;
    const body = [
      '',
      'BEGIN',
      `  IF ${tmpExists} THEN`,
      `    IF NOT ${taken} THEN`,
      `      ${attach}`,
      '    ELSE',
      `      DROP INDEX ${tmpRef};`,
      '    END IF;',
      '  END IF;',
      'END',
      '',
    ].join('\n');
    contract.push(step('contract', `DO ${dollarQuote(body, 'zd')}`, tableKeys, reason));
  }
  ctx.expected.push({
    keys: [`column order ${schema}.${table.name}`],
    why: `${table.name}.${spec.finalName} is now the last column of ${table.name} (SELECT * returns the columns in a different order)`,
  });
  ctx.rewrites.push({ rule: spec.rule, line: stmt.span.line, statement: shorten(stmt.text), summary: spec.summary });
  return [[...expand, backfill, ...validate, ...index, ...contract]];
}

/** ALTER COLUMN … TYPE that rewrites the table (changing-column-type). */
export function alterColumnType(inp: AlterInput, cmd: any): Group[] | undefined {
  const { stmt, ctx, rel, key, table, src } = inp;
  if (!table || isNewTable(ctx, key)) return undefined;
  const column = table.columns.get(cmd.name);
  const def = cmd.def?.ColumnDef;
  if (!column || !def?.typeName) return undefined;
  const to = typeRef(def.typeName);
  const flagged = ctx.flaggedBy(stmt).has('changing-column-type');
  if (!flagged && !def.raw_default && typeChangeIsInstant(column.type, to)) return undefined;
  if (!ctx.allowed(stmt, 'changing-column-type')) return undefined;
  if (column.addedIn === ctx.origin) return undefined;
  let typeSql: string;
  try {
    typeSql = src.type(def.typeName);
  } catch {
    return undefined;
  }
  const bareType = typeSql;
  if (def.collClause) typeSql += ` COLLATE ${names(def.collClause.collname).map(q).join('.')}`;
  const using = !!def.raw_default;
  // a USING expression that names other tables cannot run in a trigger on this row
  if (using && findNodes(def.raw_default, 'ColumnRef').some((r) => names(r.fields).length > 1)) return undefined;
  const volatileUsing = def.raw_default && volatility(def.raw_default) === 'volatile';
  const newName = helperName(
    column.name,
    'zd_new',
    (n) => table.columns.has(n) || nameTaken(ctx, table.schema, n, table),
  );
  const convert = (col: (name: string) => string) =>
    using
      ? src.substitute(def.raw_default, (ref) => col(names(ref.fields).at(-1)!))
      : `${col(column.name)}::${bareType}`;
  return replaceColumn({
    stmt,
    ctx,
    header: inp.header,
    rel,
    table,
    column,
    newName,
    finalName: column.name,
    typeSql,
    convert: (col) => (using ? `(${convert(col)})` : convert(col)),
    reads: using ? findNodes(def.raw_default, 'ColumnRef').map((r) => names(r.fields).at(-1)!) : [],
    volatile: !!volatileUsing,
    rule: 'changing-column-type',
    summary: `expand/contract: ${newName} ${shorten(typeSql, 30)} kept in sync by a trigger, backfilled in batches, indexes rebuilt CONCURRENTLY, then swapped in one short transaction${volatileUsing ? ' (the USING expression is volatile: values differ from the original run)' : ''}`,
    contractReason: `swap in one short transaction: drop the trigger and the old column, rename ${newName} to ${column.name}, restore its default, NOT NULL and index names (the app keeps using the same column name)`,
  });
}

/** RENAME COLUMN on a busy table (renaming-column): both columns live side by side until the app is deployed. */
export function renameColumn(stmt: Statement, ctx: RewriteContext, src: StmtSource): Group[] | undefined {
  const ast = stmt.ast;
  const rel = ast.relation;
  const key = relKey(rel);
  const table = ctx.catalog.table(key);
  if (!table || isNewTable(ctx, key)) return undefined;
  const column = table.columns.get(ast.subname);
  if (!column || column.addedIn === ctx.origin) return undefined;
  if (!ctx.allowed(stmt, 'renaming-column')) return undefined;
  const header = `ALTER TABLE ${ast.missing_ok ? 'IF EXISTS ' : ''}${rel.inh === false ? 'ONLY ' : ''}${quoteRel(rel)}`;
  void src;
  const typeSql = typeSqlOf(column.type);
  return replaceColumn({
    stmt,
    ctx,
    header,
    rel,
    table,
    column,
    newName: ast.newname,
    finalName: ast.newname,
    typeSql,
    convert: (col) => col(column.name),
    back: (col) => col(ast.newname),
    reads: [],
    rule: 'renaming-column',
    summary: `expand/contract: ${ast.newname} added next to ${column.name}, kept in sync both ways by a trigger and backfilled; ${column.name} is dropped after the app is deployed`,
    deploy: `deploy the app version that reads and writes ${ast.newname} instead of ${column.name}`,
    contractReason: `drop the trigger and ${column.name}; give ${ast.newname} the default, NOT NULL and index names ${column.name} had`,
  });
}
