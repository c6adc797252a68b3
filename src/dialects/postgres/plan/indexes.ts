/**
 * CREATE INDEX without CONCURRENTLY on an existing table: the same index CONCURRENTLY, in its own phase.
 * DROP INDEX of an index on an existing table: the same drop CONCURRENTLY, in its own phase.
 */
import type { PgStatement } from '../statement.js';
import { qualifiedKey, relKey, stringList } from '../catalog.js';
import { colKey, isNewTable, note, record, step } from './context.js';
import { ident as q, sqlComment } from './quote.js';
import { afterBackfill } from './lint-ignore.js';
import { REASONS } from './reasons.js';
import type { StmtSource } from './sqltext.js';
import type { Group, RewriteContext, StatementRewrite } from './types.js';

function createIndex(stmt: PgStatement, ctx: RewriteContext, src: StmtSource): Group[] | undefined {
  const ast = stmt.ast;
  if (ast.concurrent) return undefined;
  const key = relKey(ast.relation);
  if (isNewTable(ctx, key)) return undefined;
  const table = ctx.catalog.table(key);
  const cols: (string | undefined)[] = (ast.indexParams ?? []).map((p: any) => p.IndexElem?.name);
  const added = cols.find((c) => c && table?.columns.get(c)?.addedIn === ctx.origin);
  const onNewColumn = added !== undefined;
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
        `${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${which}) before running it again`)}\n${added ? afterBackfill(added, sql) : sql}`,
        keys,
        REASONS.index,
        // in place of the original, the statement itself (an index on a new column waits for its backfill: not local)
        added ? {} : { local: sql },
      ),
    ],
  ];
}

export const createIndexRewrite: StatementRewrite = {
  id: 'create-index-concurrently',
  kind: 'IndexStmt',
  answers: ['require-concurrent-index-creation', 'index-same-step-as-add-column'],
  rewrite: createIndex,
};

/** DROP INDEX without CONCURRENTLY (one index, no CASCADE: CONCURRENTLY allows neither) of an index a user may be using. */
function dropIndex(stmt: PgStatement, ctx: RewriteContext, src: StmtSource): Group[] | undefined {
  const ast = stmt.ast;
  if (ast.removeType !== 'OBJECT_INDEX' || ast.concurrent) return undefined;
  if (!ctx.allowed(stmt, 'require-concurrent-index-deletion')) return undefined;
  const objects: any[] = ast.objects ?? [];
  if (objects.length !== 1 || ast.behavior === 'DROP_CASCADE') {
    note(
      ctx,
      stmt,
      'warning',
      'No automatic plan: DROP INDEX CONCURRENTLY drops one index per statement and allows no CASCADE. Drop each index in a statement of its own (and what depends on it first).',
    );
    return undefined;
  }
  const o = objects[0];
  const n = stringList(o.List?.items ?? (o.String ? [o] : []));
  if (!n.length) return undefined;
  const ix = ctx.catalog.indexes.get(qualifiedKey(n));
  // made by this migration, or on a table it creates: nobody uses it yet (the rule does not flag it)
  if (ix && (ix.createdIn === ctx.origin || isNewTable(ctx, ix.table))) return undefined;
  if (ix && ctx.catalog.table(ix.table)?.partitioned) {
    note(
      ctx,
      stmt,
      'warning',
      'No automatic plan: DROP INDEX CONCURRENTLY does not work on the index of a partitioned table.',
    );
    return undefined;
  }
  // IF EXISTS, so that the phase can run again
  const sql = src.insertAfterKeyword('INDEX', ast.missing_ok ? ' CONCURRENTLY' : ' CONCURRENTLY IF EXISTS');
  if (!sql) return undefined;
  record(ctx, stmt, 'require-concurrent-index-deletion', 'DROP INDEX CONCURRENTLY in its own phase');
  return [[step('index', sql, [ix?.table ?? '*'], REASONS.dropIndex, { local: sql })]];
}

export const dropIndexRewrite: StatementRewrite = {
  id: 'drop-index-concurrently',
  kind: 'DropStmt',
  answers: ['require-concurrent-index-deletion'],
  rewrite: dropIndex,
};
