import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import {
  addedEarlier,
  alterOfExisting,
  baseType,
  bytesPerChar,
  onlineOf,
  typeDiffers,
} from '../../src/dialects/mysql/rule-util.js';

/**
 * Widening a VARCHAR from `ob` to `nb` bytes changes the length prefix of stored values, so the
 * server copies the table. MySQL 8.0 reference manual, 15.12.1 "Online DDL Operations", Column
 * Operations, "Extending VARCHAR column size": in place only while the number of length bytes stays
 * the same (1 byte up to 255 bytes); "Changing the column data type" and shrinking are ALGORITHM=COPY.
 * MariaDB (KB "InnoDB Online DDL Operations with ALGORITHM=INSTANT", 10.4+; measured on 10.11): values
 * of at most 127 bytes always have a 1-byte prefix, so only widening from 128..255 bytes to more than
 * 255 copies, and never with ROW_FORMAT=REDUNDANT.
 */
function crossesPrefix(ob: number, nb: number, flavor: 'mysql' | 'mariadb', redundant: boolean): boolean {
  if (flavor === 'mariadb') return !redundant && ob > 127 && ob <= 255 && nb > 255;
  return ob <= 255 && nb > 255;
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
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const table = ctx.table(key);
    const online = onlineOf(ast, table, ctx.server);
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
      if (baseType(from) === b && (b === 'varchar' || b === 'varbinary')) {
        const [ol, nl] = [from.args?.[0] ?? 0, to.args?.[0] ?? 0];
        if (nl >= ol) {
          const charset = b === 'varbinary' ? 'binary' : (to.charset ?? old.charset ?? table?.charset);
          const known = bytesPerChar(charset);
          const redundant = table?.rowFormat === 'REDUNDANT';
          const verdicts = (known ? [known] : [1, 2, 3, 4]).map((bpc) =>
            crossesPrefix(ol * bpc, nl * bpc, ctx.server.flavor, redundant),
          );
          if (!verdicts.some(Boolean)) continue;
          const sure = verdicts.every(Boolean);
          const bytes = known ? ` (${ol * known} to ${nl * known} bytes in ${charset})` : '';
          issues.push({
            message: `Widening \`${name}\` of \`${t}\` from ${from.text} to ${to.text}${bytes} ${sure ? 'crosses' : 'can cross, depending on its charset,'} the 255-byte boundary where the length prefix of every stored value grows from 1 to 2 bytes: the server copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy.`,
            help: `Keep the new length on the same side of 255 bytes${known ? ` (at most ${Math.floor(255 / known)} characters in ${charset})` : ''}, or run the change with an online schema change tool (gh-ost, pt-online-schema-change) on a big table.`,
            severity: sure ? undefined : 'warning',
            table: key,
            data: { column: name, from: from.text, to: to.text },
            online,
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
        },
        online,
      });
    }
    return issues;
  },
});
