/**
 * Expand/contract: replacing a column of a busy table by a new one, the
 * machinery behind the type-change (column-type.ts) and column-rename
 * (rename-column.ts) rewrites.
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
import type { PgStatement } from '../statement.js';
import { afterBackfill, withIgnore } from './lint-ignore.js';
import { relKey, type Column, type Index, type Table } from '../catalog.js';
import { findNodes, sameAst, StmtSource } from './sqltext.js';
import { names } from '../util.js';
import { dollarQuote, ident as q, literal, relation as quoteRel, sqlComment } from './quote.js';
import { backfillSql } from './backfill.js';
import {
  colKey,
  guarded,
  hasColumn,
  hasConstraint,
  nameTaken,
  note,
  primaryKey,
  record,
  regclassOf,
  reserve,
  step,
} from './context.js';
import { chooseName, helperName, makeObjectName } from './names.js';
import type { Group, RewriteContext } from './types.js';
import type { Step } from '../../../plan/schedule.js';

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

interface IndexPlan {
  /** CREATE INDEX CONCURRENTLY on the new column, under a temporary name */
  create: string;
  tmp: string;
  original: Index;
  /** the index backs a UNIQUE constraint of this name */
  constraint?: string;
}

/** Rebuilds an index definition with `from` replaced by `to`, under a new name. Undefined when it cannot. */
export function rebuildIndex(
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
export function indexUses(ctx: RewriteContext, ix: Index, table: Table, column: string): boolean {
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

export interface ReplaceSpec {
  stmt: PgStatement;
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

/** Why the column cannot be replaced automatically (said in a note), or undefined when it can. */
function refusal(spec: ReplaceSpec): string | undefined {
  const { ctx, table, column } = spec;
  return !primaryKey(table)
    ? `${table.name} has no single-column primary key to batch the backfill by`
    : blockers(ctx, table, column);
}

/** Every index using the old column, rebuilt on the new one; undefined when one cannot be (with a note, unless primary). */
function indexPlans(spec: ReplaceSpec, taken: (n: string) => boolean): IndexPlan[] | undefined {
  const { stmt, ctx, rel, table, column } = spec;
  const plans: IndexPlan[] = [];
  for (const ix of ctx.catalog.indexesOf(relKey(rel))) {
    if (!indexUses(ctx, ix, table, column.name)) continue;
    if (ix.primary) return undefined;
    const tmp = reserve(ctx, table.schema, helperName(ix.name, 'zd_new', taken));
    const create = rebuildIndex(ctx, ix, table, rel, column.name, spec.newName, tmp);
    if (!create) {
      note(
        ctx,
        stmt,
        'warning',
        `No automatic expand/contract plan for ${table.name}.${column.name}: the index ${ix.name} uses storage options, operator class options or an expression zerodown cannot rebuild.`,
      );
      return undefined;
    }
    const constraint = [...table.constraints.values()].find((c) => c.type === 'unique' && c.index === ix.name)?.name;
    plans.push({ create, tmp, original: ix, ...(constraint ? { constraint } : {}) });
  }
  return plans;
}

/** The body of the sync trigger: the new column from the old one (and back, for a rename). */
function syncBody(spec: ReplaceSpec): string[] {
  const { column } = spec;
  const newRow = (c: string) => `NEW.${q(c)}`;
  if (!spec.back) return [`  NEW.${q(spec.newName)} := ${spec.convert(newRow)};`];
  return [
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
  ];
}

/** The replacement column keeps a varchar(n) the migration asks for: its finding is on the original, not on the plan. */
function sizedText(typeSql: string, sql: string): string {
  if (!/^(varchar|character varying)\s*\(/i.test(typeSql)) return sql;
  return withIgnore(
    'prefer-text-field',
    'the replacement column takes the type the migration asks for (its own finding, if any, is on the original)',
    sql,
  );
}

/** expand: the new column, and the trigger (function `fn`) that keeps it in sync. */
function expandSteps(spec: ReplaceSpec, fn: string, keys: string[]): Step[] {
  const { ctx, header, rel, table, column } = spec;
  const fnRef = `${q(table.schema)}.${q(fn)}`;
  const why = 'a trigger keeps the new column in sync with every write while the app still uses the old one';
  const execute = ctx.pgVersion >= 11 ? 'FUNCTION' : 'PROCEDURE';
  return [
    step(
      'expand',
      // run again after the contract of a rename, the old column is gone: then nothing is re-added
      guarded(
        hasColumn(rel, column.name),
        sizedText(spec.typeSql, `${header} ADD COLUMN IF NOT EXISTS ${q(spec.newName)} ${spec.typeSql}`),
      ),
      keys,
      'add the replacement column (no default, nullable: no table rewrite)',
    ),
    step(
      'expand',
      guarded(
        hasColumn(rel, column.name),
        `CREATE OR REPLACE FUNCTION ${fnRef}() RETURNS trigger LANGUAGE plpgsql AS ${dollarQuote(`\nBEGIN\n${syncBody(spec).join('\n')}\n  RETURN NEW;\nEND\n`, 'zd')}`,
      ),
      keys,
      why,
    ),
    step(
      'expand',
      // a trigger that names a dropped column would break every write: only while the old column is there
      guarded(
        `${hasColumn(rel, column.name)} AND NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = ${regclassOf(rel)} AND tgname = ${literal(fn)})`,
        `CREATE TRIGGER ${q(fn)} BEFORE INSERT OR UPDATE ON ${quoteRel(rel)} FOR EACH ROW EXECUTE ${execute} ${fnRef}()`,
      ),
      keys,
      why,
    ),
  ];
}

/** Why the plan's NOT NULL on its own new column breaks no running code. */
const SYNCED = "the plan's own new column, which its sync trigger fills on every write of the running release";

/** CHECK (new IS NOT NULL) NOT VALID and its VALIDATE, when the old column is NOT NULL. */
function notNullCheck(spec: ReplaceSpec, check: string, keys: string[]): { expand: Step; validate: Step } {
  const { header, rel } = spec;
  return {
    expand: step(
      'expand',
      withIgnore(
        'breaks-running-code',
        SYNCED,
        guarded(
          `${hasColumn(rel, spec.newName)} AND NOT ${hasConstraint(rel, check)}`,
          `${header} ADD CONSTRAINT ${q(check)} CHECK (${q(spec.newName)} IS NOT NULL) NOT VALID`,
        ),
      ),
      keys,
      'CHECK (… IS NOT NULL) NOT VALID guards new rows without a scan',
    ),
    validate: step(
      'validate',
      guarded(hasConstraint(rel, check), `${header} VALIDATE CONSTRAINT ${q(check)}`),
      keys,
      'validate constraints while reads and writes go on (SHARE UPDATE EXCLUSIVE)',
      { timeout: 'scan' },
    ),
  };
}

/** backfill: the old values, converted, in batches. */
function copyStep(spec: ReplaceSpec, pk: string, keys: string[]): Step {
  const { stmt, ctx, rel, column } = spec;
  const key = relKey(rel);
  const plain = (c: string) => q(c);
  return step(
    'backfill',
    backfillSql({
      table: quoteRel(rel),
      tableName: q(rel.relname),
      pk,
      set: `${q(spec.newName)} = ${spec.convert(plain)}`,
      pending: `${q(spec.newName)} IS NULL AND ${q(column.name)} IS NOT NULL`,
      batchSize: ctx.batchSize,
      lockTimeout: ctx.lockTimeout,
      progressKey: `${ctx.path}:${stmt.span.line}:${column.name}`,
      // run again after the contract, one of the two columns is gone: nothing to copy
      onlyIf: `${hasColumn(rel, column.name)} AND ${hasColumn(rel, spec.newName)}`,
    }),
    [...keys, colKey(key, pk), ...spec.reads.map((c) => colKey(key, c))],
    `copy the existing values into ${spec.newName} in batches of ${ctx.batchSize}, each committed on its own (no transaction; safe to run again)`,
  );
}

/** index: each index rebuilt CONCURRENTLY on the new column, under its temporary name. */
function indexStep(ip: IndexPlan, newName: string, keys: string[]): Step {
  return step(
    'index',
    `${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${q(ip.tmp)}) before running it again`)}\n${afterBackfill(newName, ip.create)}`,
    keys,
    `rebuild ${ip.original.name} on the new column CONCURRENTLY, under a temporary name`,
  );
}

/** SQL condition: both columns are there (before the contract). */
function bothColumns(spec: ReplaceSpec): string {
  return `${hasColumn(spec.rel, spec.column.name)} AND ${hasColumn(spec.rel, spec.newName)}`;
}

/** The first contract step: in SQL, no DROP while a row is not copied. */
function copiedGuard(spec: ReplaceSpec, keys: string[]): Step {
  const { ctx, rel, table, column } = spec;
  const plain = (c: string) => q(c);
  const mismatch = spec.volatile
    ? `${q(spec.newName)} IS NULL AND ${q(column.name)} IS NOT NULL`
    : `${q(spec.newName)} IS DISTINCT FROM ${spec.convert(plain)}`;
  const guardBody = [
    '',
    'BEGIN',
    // after the contract (run again) one of the two is gone: nothing to check. Two IFs: plpgsql plans
    // the inner query only when it runs, and it names both columns
    `  IF ${bothColumns(spec)} THEN`,
    `    IF EXISTS (SELECT FROM ${quoteRel(rel)} WHERE ${mismatch}) THEN`,
    `      RAISE EXCEPTION '%', ${literal(
      `zerodown: ${table.name}.${spec.newName} does not hold ${spec.volatile ? 'a value for' : 'the value of'} ${table.name}.${column.name} on every row (did the backfill phase finish?), so nothing is dropped: run the backfill phase again, then this phase`,
    )};`,
    '    END IF;',
    '  END IF;',
    'END',
    '',
  ].join('\n');
  return step(
    'contract',
    [
      sqlComment(
        `the check below reads every row before anything is dropped: no time limit, no lock that blocks writes`,
      ),
      'SET statement_timeout = 0;',
      `DO ${dollarQuote(guardBody, 'zd')};`,
      `SET statement_timeout = ${literal(ctx.statementTimeout)}`,
    ].join('\n'),
    keys,
    spec.contractReason,
    spec.deploy ? { deploy: spec.deploy } : {},
  );
}

/** contract: NOT NULL from the validated CHECK (12+), and the NOT NULL constraint's old name (18+). */
function notNullContract(spec: ReplaceSpec, check: string, keys: string[]): Step[] {
  const { ctx, header, rel, table, column } = spec;
  const schema = table.schema;
  const reason = spec.contractReason;
  if (ctx.pgVersion < 12) {
    ctx.expected.push({
      keys: [`column ${schema}.${table.name}.${spec.finalName}`, `constraint ${schema}.${table.name}.${check}`],
      why: `${table.name}.${spec.finalName} stays nullable; the validated CHECK ${check} enforces NOT NULL instead (below PostgreSQL 12 SET NOT NULL scans the table)`,
    });
    return [];
  }
  const steps = [
    step(
      'contract',
      withIgnore(
        'breaks-running-code',
        SYNCED,
        withIgnore(
          'adding-not-nullable-field',
          `the validated CHECK ${q(check)} proves ${q(spec.finalName)} holds no NULL, so PostgreSQL 12+ sets NOT NULL without a scan`,
          `${header} ALTER COLUMN ${q(spec.finalName)} SET NOT NULL`,
        ),
      ),
      keys,
      reason,
    ),
    step('contract', `${header} DROP CONSTRAINT IF EXISTS ${q(check)}`, keys, reason),
  ];
  if (spec.finalName !== column.name) {
    // PostgreSQL 18 names NOT NULL constraints; a rename keeps the old column's constraint name
    const was = makeObjectName(table.name, column.name, 'not_null');
    const now = makeObjectName(table.name, spec.finalName, 'not_null');
    if (ctx.pgVersion >= 18)
      steps.push(
        step(
          'contract',
          guarded(hasConstraint(rel, now), `${header} RENAME CONSTRAINT ${q(now)} TO ${q(was)}`),
          keys,
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
  return steps;
}

/** contract: the rebuilt index takes the original's name (or becomes its UNIQUE constraint); run again, the copy goes. */
function indexSwap(spec: ReplaceSpec, ip: IndexPlan, keys: string[]): Step {
  const { header, rel, table } = spec;
  const tmpRef = `${q(table.schema)}.${q(ip.tmp)}`;
  const tmpExists = `to_regclass(${literal(tmpRef)}) IS NOT NULL`;
  const taken = ip.constraint
    ? hasConstraint(rel, ip.constraint)
    : `to_regclass(${literal(`${q(table.schema)}.${q(ip.original.name)}`)}) IS NOT NULL`;
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
  return step('contract', `DO ${dollarQuote(body, 'zd')}`, keys, spec.contractReason);
}

/**
 * contract: the swap, in one short transaction (guard, drop the trigger, its function and
 * the old column, rename, default, NOT NULL, index names). Undefined when the default's text
 * cannot be recovered (with a note).
 */
function contractSteps(
  spec: ReplaceSpec,
  fn: string,
  check: string | undefined,
  plans: IndexPlan[],
  keys: string[],
): Step[] | undefined {
  const { stmt, ctx, header, rel, table, column } = spec;
  const reason = spec.contractReason;
  const fnRef = `${q(table.schema)}.${q(fn)}`;
  const contract: Step[] = [copiedGuard(spec, keys)];
  const own = "the plan's own sync trigger and its function, which the swap below makes useless";
  contract.push(
    step(
      'contract',
      withIgnore('ban-drop-trigger', own, `DROP TRIGGER IF EXISTS ${q(fn)} ON ${quoteRel(rel)}`),
      keys,
      reason,
    ),
  );
  contract.push(
    step('contract', withIgnore('ban-drop-function', own, `DROP FUNCTION IF EXISTS ${fnRef}()`), keys, reason),
  );
  // the swap only while both columns are there: run again, a type change's old name is the NEW column
  contract.push(
    step(
      'contract',
      guarded(
        bothColumns(spec),
        [
          withIgnore(
            'ban-drop-column',
            spec.deploy
              ? `after the deploy gate no app version reads ${q(column.name)}, and ${q(spec.newName)} was checked above to hold its value on every row`
              : `${q(spec.newName)}, checked above to hold the converted value of ${q(column.name)} on every row, takes its name in this same transaction`,
            `${header} DROP COLUMN ${q(column.name)};`,
          ),
          ...(spec.newName !== spec.finalName
            ? [
                withIgnore(
                  'renaming-column',
                  `${q(spec.newName)} is the plan's own replacement column, which no app version reads`,
                  `${header} RENAME COLUMN ${q(spec.newName)} TO ${q(spec.finalName)};`,
                ),
              ]
            : []),
        ].join('\n'),
      ),
      keys,
      reason,
    ),
  );
  if (column.default) {
    const d = catalogExprText(ctx, column.default);
    if (d === undefined) {
      note(
        ctx,
        stmt,
        'warning',
        `No automatic expand/contract plan for ${table.name}.${column.name}: zerodown cannot recover the text of its default.`,
      );
      return undefined;
    }
    contract.push(step('contract', `${header} ALTER COLUMN ${q(spec.finalName)} SET DEFAULT ${d}`, keys, reason));
  }
  if (check) contract.push(...notNullContract(spec, check, keys));
  for (const ip of plans) contract.push(indexSwap(spec, ip, keys));
  return contract;
}

/** The expand/contract plan replacing `spec.column`, or undefined (with a note saying why, when there is one). */
export function replaceColumn(spec: ReplaceSpec): Group[] | undefined {
  const { stmt, ctx, table, column } = spec;
  const schema = table.schema;
  const why = refusal(spec);
  if (why) {
    note(
      ctx,
      stmt,
      'warning',
      `No automatic expand/contract plan for ${table.name}.${column.name}: ${why}. Do it by hand: add the new column, keep it in sync with a trigger, backfill in batches, then swap in a short transaction.`,
    );
    return undefined;
  }
  const key = relKey(spec.rel);
  const taken = (n: string) => nameTaken(ctx, schema, n, table);
  const fn = reserve(ctx, schema, helperName(`${table.name}_${column.name}`, 'zd_sync', taken));
  // everything here touches just the two columns (and indexes on them)
  const keys = [colKey(key, column.name), colKey(key, spec.newName), colKey(key, spec.finalName)];
  const plans = indexPlans(spec, taken);
  if (!plans) return undefined;
  const expand = expandSteps(spec, fn, keys);
  const validate: Step[] = [];
  let check: string | undefined;
  if (column.notNull) {
    check = reserve(ctx, schema, chooseName(table.name, spec.finalName, 'not_null_check', taken));
    const nn = notNullCheck(spec, check, keys);
    expand.push(nn.expand);
    validate.push(nn.validate);
  }
  const backfill = copyStep(spec, primaryKey(table)!.name, keys);
  const index = plans.map((ip) => indexStep(ip, spec.newName, keys));
  const contract = contractSteps(spec, fn, check, plans, keys);
  if (!contract) return undefined;
  ctx.expected.push({
    keys: [`column order ${schema}.${table.name}`],
    why: `${table.name}.${spec.finalName} is now the last column of ${table.name} (SELECT * returns the columns in a different order)`,
  });
  record(ctx, stmt, spec.rule, spec.summary);
  return [[...expand, backfill, ...validate, ...index, ...contract]];
}
