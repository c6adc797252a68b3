/**
 * ADD COLUMN … REFERENCES parent (id) on a busy table. Inline, PostgreSQL adds the column
 * and then checks every row against the parent (a full scan of the table) while it holds
 * ACCESS EXCLUSIVE on the table and SHARE ROW EXCLUSIVE on the parent. The plan (see
 * add-column.ts, which does the splitting):
 *
 *   expand    the column without the constraint; ADD CONSTRAINT … FOREIGN KEY … NOT VALID
 *   validate  VALIDATE CONSTRAINT (SHARE UPDATE EXCLUSIVE: reads and writes go on)
 *   index     CREATE INDEX CONCURRENTLY on the new column, unless the migration builds one
 *
 * Why the index (docs/plan.md, "Foreign keys on a new column"): every DELETE of a parent row,
 * and every UPDATE of its key, looks up the referencing rows, whatever the ON DELETE action
 * (NO ACTION checks there are none, CASCADE / SET NULL change them). Without an index led by
 * the column, each such lookup scans the whole child table. PostgreSQL never creates that
 * index itself. The index is a difference from the original's schema made on purpose, and
 * the proof reports it as such.
 */
import { relKey } from '../catalog.js';
import { colKey, nameTaken, reserve, step } from './context.js';
import { afterBackfill } from './lint-ignore.js';
import { chooseName } from './names.js';
import { ident as q, relation, sqlComment } from './quote.js';
import type { AlterInput } from './types.js';
import type { Step } from '../../../plan/schedule.js';

/**
 * Why an inline REFERENCES on this table gets no plan, or undefined: on a partitioned table
 * CREATE INDEX CONCURRENTLY does not work, and below PostgreSQL 18 neither does NOT VALID.
 */
export function foreignKeyRefusal(inp: AlterInput, column: string): string | undefined {
  if (!inp.table?.partitioned) return undefined;
  return `No automatic plan for the foreign key on ${relation(inp.rel)}.${q(column)}: the table is partitioned, where CREATE INDEX CONCURRENTLY does not work (and NOT VALID foreign keys only from PostgreSQL 18). Add the column bare, then the foreign key NOT VALID and VALIDATE on each partition, index each partition CONCURRENTLY and attach the indexes.`;
}

/** True when a later statement of the migration builds an index on `rel` led by `column`. */
function migrationIndexes(inp: AlterInput, column: string): boolean {
  const key = relKey(inp.rel);
  return inp.ctx.statements.some(
    (s) =>
      s.index > inp.stmt.index &&
      s.kind === 'IndexStmt' &&
      relKey(s.ast.relation) === key &&
      s.ast.indexParams?.[0]?.IndexElem?.name === column,
  );
}

/**
 * The concurrent index a foreign key on the new column needs, or undefined when the
 * migration itself builds one led by the column (its own CREATE INDEX is then planned
 * CONCURRENTLY by the create-index rewrite).
 */
export function foreignKeyIndexStep(inp: AlterInput, column: string, parent: any): Step | undefined {
  const { ctx, rel, table } = inp;
  if (migrationIndexes(inp, column)) return undefined;
  const schema = rel.schemaname ?? 'public';
  const name = reserve(
    ctx,
    schema,
    chooseName(rel.relname, column, 'idx', (n) => nameTaken(ctx, schema, n, table)),
  );
  ctx.expected.push({
    keys: [`index ${schema}.${name}`],
    why: `index ${q(name)} on ${relation(rel)} (${q(column)}) is added by the plan: without it every DELETE on ${relation(parent)} (or UPDATE of its key) scans ${relation(rel)} for referencing rows`,
  });
  const sql = `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${q(name)} ON ${relation(rel)} (${q(column)})`;
  return step(
    'index',
    `${sqlComment(`added by the plan: the foreign key on ${q(column)} needs it, or every DELETE on ${relation(parent)} scans ${relation(rel)}`)}\n${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${q(name)}) before running it again`)}\n${afterBackfill(column, sql)}`,
    [colKey(relKey(rel), column)],
    'index the new foreign key column CONCURRENTLY: a DELETE on the referenced table looks up referencing rows through it',
  );
}
