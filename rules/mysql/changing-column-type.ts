import type { ColumnType } from '../../src/dialects/mysql/ast.js';
import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import {
  addedEarlier,
  baseType,
  bytesPerChar,
  isNew,
  relKey,
  showTable,
  typeDiffers,
} from '../../src/dialects/mysql/rule-util.js';

/** Bytes the longest value of a VARCHAR/VARBINARY takes, or undefined when its charset is unknown. */
function maxBytes(t: ColumnType, charset: string | undefined): number | undefined {
  const len = t.args?.[0];
  if (len === undefined) return undefined;
  if (baseType(t) === 'varbinary') return len;
  const bpc = bytesPerChar(t.charset ?? charset);
  return bpc === undefined ? undefined : len * bpc;
}

export default defineRule({
  meta: {
    id: 'changing-column-type',
    severity: 'error',
    summary:
      "Changing a column's data type copies the whole table while blocking writes (ALGORITHM=COPY), and can break or truncate existing values.",
    kinds: ['AlterTable'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== 'alter_table' || isNew(ctx, stmt, ast.table)) return;
    const key = relKey(ast.table);
    const t = showTable(ast.table);
    const table = ctx.table(key);
    const issues: Issue[] = [];
    for (const op of ast.ops) {
      if (op.op !== 'modifyColumn' && op.op !== 'changeColumn') continue;
      const name = op.op === 'changeColumn' ? op.from : op.column.name;
      if (addedEarlier(ctx.statements, stmt, ast.table, name) || ctx.isNewColumn(key, name)) continue;
      const old = ctx.column(key, name);
      const to = op.column.type;
      if (!old) {
        if (table) continue; // the catalog knows the table and it has no such column: the ALTER fails
        issues.push({
          message: `${op.op === 'changeColumn' ? 'CHANGE' : 'MODIFY'} COLUMN \`${name}\` of \`${t}\` sets its type to ${to.text}, and zerodown does not know the table, so it cannot tell whether the type changes. If it does, the server copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy.`,
          help: 'Make sure the migration history that creates the table is in the linted folder, or check the current type by hand.',
          severity: 'warning',
          table: key,
          data: { column: name, to: to.text, from: null },
        });
        continue;
      }
      if (!typeDiffers(old.type, to)) continue;
      const from = old.type;
      const b = baseType(to);
      // MySQL 8.0 reference manual, 15.12.1 "Online DDL Operations", Column Operations: "Extending
      // VARCHAR column size" is INPLACE without a rebuild (LOCK=NONE) while the length prefix stays 1
      // byte (< 256 bytes) or 2 bytes; crossing 255 bytes, decreasing the size, or "Changing the column
      // data type" is ALGORITHM=COPY (no concurrent DML). MariaDB KB "InnoDB Online DDL Operations with
      // ALGORITHM=INPLACE" says the same for 10.2+.
      if (baseType(from) === b && (b === 'varchar' || b === 'varbinary')) {
        const [ol, nl] = [from.args?.[0] ?? 0, to.args?.[0] ?? 0];
        if (nl >= ol) {
          const charset = to.charset ?? old.charset ?? table?.charset;
          const [ob, nb] = [maxBytes(from, charset), maxBytes(to, charset)];
          const crossing = ob !== undefined && nb !== undefined ? ob <= 255 && nb > 255 : ol * 4 <= 255 && nl > 255;
          if (!crossing) {
            if (ob !== undefined && nb !== undefined) continue;
            // the charset is unknown: crossing only if it is multi-byte
            if (!(ol <= 255 && nl * 4 > 255)) continue;
          }
          const sure = ob !== undefined && nb !== undefined;
          issues.push({
            message: `Widening \`${name}\` of \`${t}\` from ${from.text} to ${to.text} ${sure ? `takes its longest value from ${ob} to ${nb} bytes` : 'can take its longest value past 255 bytes (with a multi-byte charset such as utf8mb4, 4 bytes per character)'}, across the 255-byte boundary where the length prefix grows from 1 to 2 bytes: the server copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy.`,
            help: `Stay within ${sure ? `${Math.floor(255 / ((nb ?? 1) / nl))}` : 'the 1-byte prefix'} characters, or run the change with an online schema change tool (gh-ost, pt-online-schema-change) on a big table.`,
            severity: sure ? undefined : 'warning',
            table: key,
            data: {
              column: name,
              from: from.text,
              to: to.text,
              online: { algorithm: 'COPY', lock: 'SHARED', basis: 'predicted' },
            },
          });
          continue;
        }
      }
      const shrink =
        baseType(from) === b &&
        (to.args?.[0] ?? Number.POSITIVE_INFINITY) < (from.args?.[0] ?? Number.POSITIVE_INFINITY);
      issues.push({
        message: `Changing \`${name}\` of \`${t}\` from ${from.text} to ${to.text} copies the whole table (ALGORITHM=COPY): writes are blocked for the whole copy, replicas then replay it as one long statement, and ${shrink ? 'values that no longer fit make the ALTER fail in strict mode, or are silently truncated without it' : 'app code that still reads or writes the old type may break'}.`,
        help: 'Add a new column with the new type, backfill it in batches, switch the code, then drop the old column; or run the change with gh-ost / pt-online-schema-change on a big table.',
        table: key,
        data: {
          column: name,
          from: from.text,
          to: to.text,
          shrink,
          online: { algorithm: 'COPY', lock: 'SHARED', basis: 'predicted' },
        },
      });
    }
    return issues;
  },
});
