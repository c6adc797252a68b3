import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { isNew, relKey, showTable } from '../../src/dialects/mysql/rule-util.js';
import { boundedWhere } from '../../src/dialects/mysql/where.js';

export default defineRule({
  meta: {
    id: 'unbatched-backfill',
    severity: 'error',
    summary:
      'An UPDATE or DELETE of an existing table with no LIMIT or key-range batching: one huge transaction that locks every row it touches and lags the replicas.',
    kinds: ['Update', 'Delete'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== 'update' && ast.type !== 'delete') return;
    if (ast.limit !== undefined) return;
    const target = ast.tables[0];
    if (!target || ast.tables.every((t) => isNew(ctx, stmt, t))) return;
    const key = relKey(target);
    const table = ctx.table(key);
    const unique = new Set<string>();
    for (const i of table?.indexes ?? [])
      if ((i.kind === 'primary' || i.kind === 'unique') && i.columns.length === 1 && !i.columns[0]!.expression)
        unique.add(i.columns[0]!.name.toLowerCase());
    if (ast.where !== undefined && boundedWhere(ast.where, { unique })) return;
    const verb = ast.type === 'update' ? 'UPDATE' : 'DELETE';
    const t = showTable(target);
    const scope = ast.where === undefined ? 'every row of' : 'every matching row of';
    const pk = table?.indexes.find((i) => i.kind === 'primary')?.columns.map((c) => c.name) ?? [];
    const keyCol = pk.length === 1 ? pk[0]! : 'id';
    // MySQL 8.0 reference manual, 17.7.1 "InnoDB Locking" (row locks are held until commit) and 17.3
    // "InnoDB Multi-Versioning" (undo logs of a long transaction cannot be purged); 19.2.1 "Replication
    // Formats": a row-based event for each row, applied by the replica as one transaction.
    const issues: Issue[] = [
      {
        message: `This ${verb} ${verb === 'UPDATE' ? 'changes' : 'deletes'} ${scope} \`${t}\` in one statement, so in one transaction: InnoDB holds a lock on each row it touches (and, with a WHERE that no index covers, on every row it scans) until it commits, so concurrent writes to those rows wait or deadlock; the undo log grows with every row and cannot be purged meanwhile; and replicas apply the whole change as one big event after it commits, lagging by as long as it ran.`,
        help: `Batch it: repeat \`${verb} … WHERE … ORDER BY ${keyCol} LIMIT 1000\` until ROW_COUNT() = 0 (or walk key ranges, \`WHERE ${keyCol} BETWEEN n AND n + 999\`), committing after each batch, with a WHERE that skips rows already done.`,
        table: key,
        data: { statement: verb.toLowerCase(), where: ast.where ?? null },
      },
    ];
    return issues;
  },
});
