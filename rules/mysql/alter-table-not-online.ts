import { defineRule } from '../../src/dialects/mysql/rule.js';
import type { AlterTableAst, MyStatement } from '../../src/dialects/mysql/ast.js';
import {
  clausesText,
  lockEffect,
  onlineOf,
  predictStatement,
  serverText,
} from '../../src/dialects/mysql/online/index.js';

/** The statement without its ALGORITHM= / LOCK= / ONLINE clauses: what the change itself needs. */
function withoutClauses(stmt: MyStatement): MyStatement {
  const a = stmt.ast;
  if (a.type !== 'alter_table' && a.type !== 'create_index' && a.type !== 'drop_index') return stmt;
  const { algorithm: _a, lock: _l, online: _o, ...rest } = a as AlterTableAst;
  return { ...stmt, ast: rest as typeof a };
}

const name = (t: { schema?: string; name: string }) => (t.schema ? `${t.schema}.${t.name}` : t.name);

export default defineRule({
  meta: {
    id: 'alter-table-not-online',
    severity: 'error',
    summary:
      'ALTER TABLE / CREATE INDEX that the target MySQL or MariaDB cannot run with LOCK=NONE (ALGORITHM=COPY, or INPLACE with LOCK=SHARED): writes to the table wait for the whole operation.',
    kinds: ['AlterTable', 'CreateIndex', 'DropIndex'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== 'alter_table' && ast.type !== 'create_index' && ast.type !== 'drop_index') return;
    // a table created earlier in this file is empty: copying it costs nothing
    if (ctx.isNewTable(ast.table)) return;
    const server = serverText(ctx.server);
    const table = name(ast.table);
    const p = predictStatement(withoutClauses(stmt), ctx)!;
    const asWritten = predictStatement(stmt, ctx)!;
    const refused = asWritten.explicit?.refused;
    if (p.lock === 'NONE' && !refused) return;
    const blocker = p.ops.find((o) => o.lock !== 'NONE') ?? p.ops[0];
    const unsure = p.unknown.length > 0;
    const data = {
      online: onlineOf(p),
      rebuilds: p.rebuilds,
      ops: p.ops.map(({ index, kind, algorithm, lock, why, manual }) => ({
        index,
        kind,
        algorithm,
        lock,
        why,
        manual,
      })),
      unknown: p.unknown,
      ...(refused ? { refused } : {}),
    };
    if (p.lock === 'NONE' && refused)
      return {
        message: `This statement fails on ${server}: it asks for ${asWritten.explicit!.requested}, but ${refused}`,
        help: `Drop the ALGORITHM/LOCK clause or use ${clausesText(p)}, which ${server} supports for this change.`,
        table,
        lock: p.lock,
        data,
      };
    const why = blocker ? blocker.why : 'the change';
    const may = unsure ? ' zerodown may be wrong here: it does not know ' + p.unknown.join('; ') + '.' : '';
    return {
      message: `\`${table}\` cannot be changed online on ${server}: ${why} needs ${clausesText(p)}, which ${lockEffect(p)} on \`${table}\`.${refused ? ` As written (${asWritten.explicit!.requested}), the server refuses it (error 1846), so the migration fails here.` : ''}${may}`,
      help:
        p.algorithm === 'COPY'
          ? 'On a large table, run this change with gh-ost or pt-online-schema-change (`zerodown plan` writes the command), or split it so each step is INSTANT or INPLACE with LOCK=NONE.'
          : 'Schedule it for a quiet window with a short lock_wait_timeout, or run it with gh-ost or pt-online-schema-change (`zerodown plan` writes the command).',
      severity: unsure ? 'warning' : undefined,
      table,
      lock: p.lock,
      online: onlineOf(p),
      data,
    };
  },
});
