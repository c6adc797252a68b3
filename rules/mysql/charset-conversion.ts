import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { addedEarlier, alterOfExisting, onlineOf } from '../../src/dialects/mysql/rule-util.js';

export default defineRule({
  meta: {
    id: 'charset-conversion',
    severity: 'error',
    summary:
      "CONVERT TO CHARACTER SET, or a change of a column's charset: the whole table is copied while writes are blocked (ALGORITHM=COPY).",
    kinds: ['AlterTable'],
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const online = onlineOf(ast, ctx.table(key), ctx.server);
    const issues: Issue[] = [];
    // MySQL 8.0 reference manual, 15.12.1 "Online DDL Operations", Table Operations, "Converting a
    // character set": In Place No, Rebuilds Table Yes, Permits Concurrent DML No (ALGORITHM=COPY);
    // the same in 8.4 (17.12.1) and MariaDB (KB "InnoDB Online DDL Operations with ALGORITHM=INPLACE":
    // changing a column's character set is not supported in place, except growing utf8mb3 to
    // utf8mb4 in some cases, which we do not claim).
    for (const op of ast.ops) {
      if (op.op === 'convertCharset') {
        issues.push({
          message: `CONVERT TO CHARACTER SET ${op.charset}${op.collation ? ` COLLATE ${op.collation}` : ''} rewrites every text column of \`${t}\`: the server copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy, replicas replay it as one long statement, and text columns and indexes may need more bytes per character (an index can exceed its key length limit and fail the ALTER half-way through a deploy).`,
          help: 'Convert a big table with gh-ost or pt-online-schema-change; or change only the default (ALTER TABLE … DEFAULT CHARSET=…, metadata only) so new columns use it, and convert columns one by one when it is quiet.',
          table: key,
          data: { charset: op.charset, collation: op.collation ?? null },
          online,
        });
        continue;
      }
      if (op.op !== 'modifyColumn' && op.op !== 'changeColumn') continue;
      const wanted = op.column.type.charset;
      if (!wanted) continue;
      const name = op.op === 'changeColumn' ? op.from : op.column.name;
      if (addedEarlier(ctx.statements, stmt, ast.table, name) || ctx.isNewColumn(key, name)) continue;
      const old = ctx.column(key, name);
      if (old?.charset && old.charset.toLowerCase() === wanted.toLowerCase()) continue;
      issues.push({
        message: `Column \`${name}\` of \`${t}\` ${old?.charset ? `changes from CHARACTER SET ${old.charset} to ${wanted}` : `gets CHARACTER SET ${wanted}${old ? ' (its current charset is not known from the migrations)' : ''}`}: converting stored text copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy.`,
        help: 'Add a new column with the charset, backfill it in batches and switch the code; or run the change with gh-ost or pt-online-schema-change on a big table.',
        severity: old?.charset ? undefined : 'warning',
        table: key,
        data: { column: name, from: old?.charset ?? null, to: wanted },
        online,
      });
    }
    return issues;
  },
});
