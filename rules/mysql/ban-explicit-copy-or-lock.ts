import { defineRule } from '../../src/dialects/mysql/rule.js';
import type { MyStatement } from '../../src/dialects/mysql/ast.js';
import {
  clausesText,
  lockEffect,
  onlineOf,
  predictStatement,
  serverText,
} from '../../src/dialects/mysql/online/index.js';

const name = (t: { schema?: string; name: string }) => (t.schema ? `${t.schema}.${t.name}` : t.name);

/** The statement without its online clauses: what the server would choose by itself. */
function unforced(stmt: MyStatement): MyStatement {
  const {
    algorithm: _a,
    lock: _l,
    online: _o,
    ...rest
  } = stmt.ast as Extract<MyStatement['ast'], { type: 'alter_table' }>;
  return { ...stmt, ast: rest as MyStatement['ast'] };
}

export default defineRule({
  meta: {
    id: 'ban-explicit-copy-or-lock',
    severity: 'error',
    summary:
      'ALTER TABLE / CREATE INDEX / DROP INDEX with an explicit ALGORITHM=COPY or LOCK=SHARED|EXCLUSIVE: it blocks writes (EXCLUSIVE: reads too) even where the server could do it online.',
    kinds: ['AlterTable', 'CreateIndex', 'DropIndex'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== 'alter_table' && ast.type !== 'create_index' && ast.type !== 'drop_index') return;
    const copy = ast.algorithm === 'COPY';
    const lock = ast.lock === 'SHARED' || ast.lock === 'EXCLUSIVE' ? ast.lock : undefined;
    if (!copy && !lock) return;
    if (ctx.isNewTable(ast.table)) return;
    const server = serverText(ctx.server);
    const table = name(ast.table);
    const forced = predictStatement(stmt, ctx)!;
    const free = predictStatement(unforced(stmt), ctx)!;
    const asked = [copy && 'ALGORITHM=COPY', lock && `LOCK=${lock}`].filter(Boolean).join(', ');
    const could =
      free.lock === 'NONE' && free.unknown.length === 0
        ? ` Without it, ${server} would run this change with ${clausesText(free)} (${lockEffect(free)}).`
        : '';
    const result = forced.explicit?.refused ? free : forced;
    return {
      message: `${asked} on \`${table}\` ${lock === 'EXCLUSIVE' ? 'blocks reads and writes' : copy ? 'copies the table and blocks writes for the whole copy' : 'blocks writes'} until the statement ends.${could}`,
      help: could
        ? `Remove ${asked} (or write ${clausesText(free)}, so the server refuses instead of silently copying).`
        : 'Run it with gh-ost or pt-online-schema-change instead (`zerodown plan` writes the command), or in a maintenance window.',
      table,
      lock: result.lock,
      online: result.lock === 'NONE' ? undefined : onlineOf(result),
      data: { requested: asked, online: onlineOf(result), couldBe: free.lock === 'NONE' ? onlineOf(free) : null },
    };
  },
});
