/**
 * ALTER COLUMN id TYPE bigint on an integer primary key (identity, serial or plain),
 * referenced by foreign keys: the migration behind the best-known outages of this kind
 * (it rewrites the table and every referencing index under ACCESS EXCLUSIVE). The plan:
 *
 *   expand    a bigint column next to the key, and next to every integer column of a
 *             foreign key that references it; triggers copy every write into them;
 *             CHECK (… IS NOT NULL) NOT VALID where the old column is NOT NULL
 *   backfill  each new column, in batches
 *   validate  the NOT NULL checks
 *   index     a unique index on the new key column, and every index of a referencing
 *             column rebuilt on its new column, all CONCURRENTLY
 *   contract  one short transaction: drop the foreign keys that use the primary key
 *             (definitions kept), ADD CONSTRAINT … PRIMARY KEY USING INDEX, move the
 *             identity or the sequence, swap the referencing columns, re-add the
 *             foreign keys NOT VALID
 *   validate  the foreign keys
 *   contract  after a deploy gate: drop the old integer columns
 *
 * Anything else (a self-reference, a composite key, an index or constraint zerodown
 * cannot rebuild) is left to a person, with a note that says why.
 */
import { DEFAULT_SCHEMA, type Table } from '../catalog.js';
import { typeRef } from '../typenames.js';
import {
  backfillStep,
  copiedGuard,
  dropOldSteps,
  expandSteps,
  indexSteps,
  keysOf,
  swapSql,
  validateCheckStep,
  validateForeignKeysSql,
  type Widened,
} from './bigint-key-sql.js';
import { isNewTable, nameTaken, note, primaryKey, record, reserve, step } from './context.js';
import { indexUses, rebuildIndex } from './expand-contract.js';
import { chooseName, helperName } from './names.js';
import { ident as q, relation as quoteRel } from './quote.js';
import type { AlterCommandRewrite, AlterInput, Group, RewriteContext } from './types.js';
import type { Step } from '../../../plan/schedule.js';

const NARROW = new Set(['int2', 'int4']);

/** The widened column of `table`, or a reason it cannot be planned. */
function widen(
  ctx: RewriteContext,
  table: Table,
  column: string,
  isKey: boolean,
  /** `schema.table` of the key the column is or references */
  parent: string,
): { w: Widened } | { why: string } {
  const key = `${table.schema}.${table.name}`;
  const col = table.columns.get(column)!;
  const pk = primaryKey(table);
  if (!pk) return { why: `${table.name} has no single-column primary key to batch the backfill by` };
  if (!isKey && pk.name === column) return { why: `${table.name}.${column} is also ${table.name}'s primary key` };
  if (!isKey && (col.default || col.identity || col.generated))
    return { why: `${table.name}.${column} has a default, an identity or a generation expression` };
  for (const c of table.constraints.values()) {
    if (
      !c.columns.includes(column) ||
      c.type === 'primary' ||
      (c.type === 'foreign' && c.columns.length === 1 && c.references === parent)
    )
      continue;
    return { why: `the ${c.type} constraint ${c.name} uses ${table.name}.${column}` };
  }
  const taken = (n: string) => table.columns.has(n) || nameTaken(ctx, table.schema, n, table);
  const rel =
    table.schema === DEFAULT_SCHEMA ? { relname: table.name } : { schemaname: table.schema, relname: table.name };
  const newName = reserve(ctx, table.schema, helperName(column, 'zd_new', taken));
  const oldName = reserve(ctx, table.schema, helperName(column, 'zd_old', taken));
  const fn = reserve(ctx, table.schema, helperName(`${table.name}_${column}`, 'zd_sync', taken));
  const indexes: Widened['indexes'] = [];
  for (const ix of ctx.catalog.indexesOf(key)) {
    if (ix.primary || !indexUses(ctx, ix, table, column)) continue;
    if (isKey) return { why: `the index ${ix.name} uses ${table.name}.${column} besides the primary key` };
    if ([...table.constraints.values()].some((c) => c.index === ix.name))
      return { why: `the index ${ix.name} backs a constraint` };
    const tmp = reserve(ctx, table.schema, helperName(ix.name, 'zd_new', taken));
    const create = rebuildIndex(ctx, ix, table, rel, column, newName, tmp);
    if (!create) return { why: `zerodown cannot rebuild the index ${ix.name}` };
    indexes.push({
      create,
      tmp,
      name: ix.name,
      oldName: reserve(ctx, table.schema, helperName(ix.name, 'zd_old', taken)),
    });
  }
  const w: Widened = {
    rel,
    schema: table.schema,
    key,
    column,
    notNull: col.notNull,
    newName,
    oldName,
    fn,
    pk: pk.name,
    indexes,
  };
  if (col.notNull) w.check = reserve(ctx, table.schema, chooseName(table.name, newName, 'not_null', taken));
  return { w };
}

function bigintKey(inp: AlterInput, cmd: any): Group[] | undefined {
  const { stmt, ctx, key, table } = inp;
  if (!table || isNewTable(ctx, key)) return undefined;
  const column = table.columns.get(cmd.name);
  const def = cmd.def?.ColumnDef;
  if (!column || !def?.typeName || def.raw_default || def.collClause) return undefined;
  if (typeRef(def.typeName).name !== 'int8' || typeRef(def.typeName).arrayDims) return undefined;
  if (!NARROW.has(column.type.name) || column.type.arrayDims || column.addedIn === ctx.origin) return undefined;
  const pkCon = [...table.constraints.values()].find((c) => c.type === 'primary');
  if (pkCon?.columns.length !== 1 || pkCon.columns[0] !== column.name) return undefined;
  if (!ctx.allowed(stmt, 'changing-column-type')) return undefined;
  const refuse = (why: string) => {
    note(
      ctx,
      stmt,
      'warning',
      `No automatic int → bigint plan for ${table.name}.${column.name}: ${why}. Do it by hand: a bigint column kept in sync by a trigger, backfilled in batches, a unique index built CONCURRENTLY, then the primary key swapped with ADD CONSTRAINT … PRIMARY KEY USING INDEX.`,
    );
    return undefined;
  };
  if (ctx.pgVersion < 12)
    return refuse(
      'below PostgreSQL 12 the primary key swap would scan the table for NULLs under ACCESS EXCLUSIVE (a validated CHECK lets SET NOT NULL skip that scan from 12 on)',
    );
  if (column.default && !column.type.serial) return refuse('its default is not a sequence zerodown can move');
  const k = widen(ctx, table, column.name, true, key);
  if ('why' in k) return refuse(k.why);
  const children: Widened[] = [];
  for (const t of ctx.catalog.tables.values()) {
    for (const c of t.constraints.values()) {
      if (c.type !== 'foreign' || c.references !== key) continue;
      if (t === table) return refuse(`the foreign key ${c.name} references its own table`);
      if (c.columns.length !== 1) return refuse(`the foreign key ${c.name} has more than one column`);
      if (!c.validated) return refuse(`the foreign key ${c.name} is NOT VALID`);
      const col = t.columns.get(c.columns[0]!);
      if (!col) return refuse(`zerodown does not know the column of the foreign key ${c.name}`);
      if (!NARROW.has(col.type.name)) continue; // already bigint: only re-pointed
      const r = widen(ctx, t, col.name, false, key);
      if ('why' in r) return refuse(r.why);
      children.push(r.w);
    }
  }
  const w = k.w;
  const schema = table.schema;
  const taken = (n: string) => nameTaken(ctx, schema, n, table);
  const uniqueIndex = reserve(ctx, schema, chooseName(table.name, w.newName, 'key', taken));
  w.indexes = [
    {
      create: `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${q(uniqueIndex)} ON ${quoteRel(inp.rel)} (${q(w.newName)})`,
      tmp: uniqueIndex,
      name: uniqueIndex,
      oldName: uniqueIndex,
    },
  ];
  const all = [w, ...children];
  const keys = all.flatMap(keysOf);
  const swapWhy = `swap in one short transaction: the primary key moves to the bigint column (ADD CONSTRAINT ${pkCon.name} PRIMARY KEY USING INDEX), with its identity or sequence; the referencing columns are swapped the same way and their foreign keys re-added NOT VALID`;
  const deploy = `deploy (or restart) the app after the swap, so that no process still holds a cached statement or ORM column list naming ${all.map((x) => `${x.rel.relname}.${x.oldName}`).join(', ')}`;
  const steps: Step[] = [
    ...all.flatMap((x) => expandSteps(ctx, x)),
    ...all.map((x) => backfillStep(ctx, x, stmt.span.line)),
    ...all.flatMap((x) => validateCheckStep(x) ?? []),
    ...all.flatMap(indexSteps),
    copiedGuard(ctx, all, keys, swapWhy),
    step('contract', swapSql(ctx, { key: w, children, pkName: pkCon.name, uniqueIndex }), keys, swapWhy),
    step(
      'validate',
      validateForeignKeysSql(w),
      keys,
      'validate the re-added foreign keys while reads and writes go on (SHARE UPDATE EXCLUSIVE)',
      { timeout: 'scan' },
    ),
    ...dropOldSteps(all, keys, 'drop the old integer columns (no rewrite: a short ACCESS EXCLUSIVE lock)', deploy),
  ];
  ctx.expected.push({
    keys: all.map((x) => `column order ${x.key}`),
    why: `${all.map((x) => `${x.rel.relname}.${x.column}`).join(', ')} ${all.length > 1 ? 'are' : 'is'} now the last column of ${all.length > 1 ? 'their tables' : 'its table'} (SELECT * returns the columns in a different order)`,
  });
  if (children.length)
    ctx.expected.push({
      keys: children.map((x) => `column ${x.key}.${x.column}`),
      why: `${children.map((x) => `${x.rel.relname}.${x.column}`).join(', ')} ${children.length > 1 ? 'are' : 'is'} bigint too, like the key ${children.length > 1 ? 'they reference' : 'it references'} (the original ALTER leaves ${children.length > 1 ? 'them' : 'it'} integer, to overflow later)`,
    });
  record(
    ctx,
    stmt,
    'changing-column-type',
    `expand/contract to bigint: ${[w, ...children].map((x) => `${x.rel.relname}.${x.newName}`).join(', ')} kept in sync by triggers and backfilled in batches, a unique index built CONCURRENTLY, the primary key swapped with ADD CONSTRAINT … PRIMARY KEY USING INDEX in one short transaction, foreign keys re-added NOT VALID then validated, the old columns dropped after a deploy`,
  );
  return [steps];
}

export const bigintKeyRewrite: AlterCommandRewrite = {
  id: 'bigint-key',
  subtype: 'AT_AlterColumnType',
  answers: ['changing-column-type'],
  rewrite: bigintKey,
};
