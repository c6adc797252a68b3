import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { addedEarlier, alterOfExisting, baseType, list, onlineOf } from '../../src/dialects/mysql/rule-util.js';

export default defineRule({
  meta: {
    id: 'enum-value-reorder',
    severity: 'error',
    summary:
      'An ENUM/SET change that reorders, renames or removes values: the table is copied while writes are blocked, and stored values can change meaning or be lost.',
    kinds: ['AlterTable'],
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const online = onlineOf(ast, ctx.table(key), ctx.server);
    const issues: Issue[] = [];
    for (const op of ast.ops) {
      if (op.op !== 'modifyColumn' && op.op !== 'changeColumn') continue;
      const name = op.op === 'changeColumn' ? op.from : op.column.name;
      if (addedEarlier(ctx.statements, stmt, ast.table, name) || ctx.isNewColumn(key, name)) continue;
      const old = ctx.column(key, name);
      const to = op.column.type;
      const kind = baseType(to);
      if (!old || baseType(old.type) !== kind || (kind !== 'enum' && kind !== 'set')) continue;
      const before = old.type.values ?? [];
      const after = to.values ?? [];
      // appending keeps every stored index: the change the server can do in place
      if (before.every((v, i) => after[i] === v)) continue;
      const removed = before.filter((v) => !after.includes(v));
      const moved = before.filter((v, i) => after.includes(v) && after[i] !== v);
      const what = removed.length ? `removes ${list(removed)}` : `moves ${list(moved)}`;
      // MySQL 8.0 reference manual, 15.12.1 "Online DDL Operations", "Modifying the definition of an
      // ENUM or SET column": only adding members at the END of the list is INSTANT/in place (while
      // the storage size stays the same); anything else is ALGORITHM=COPY. MariaDB KB "InnoDB Online
      // DDL Operations with ALGORITHM=INSTANT" (10.3+) has the same condition. The manual, 13.3.5
      // "The ENUM Type": values are stored as their index in the list.
      issues.push({
        message: `The new ${kind.toUpperCase()} of \`${name}\` on \`${t}\` ${what}. ${kind === 'enum' ? 'An ENUM stores the index of its value, so' : 'A SET stores a bit per member, so'} the server cannot keep the stored data as it is: it copies the whole table (ALGORITHM=COPY), blocking writes for the whole copy${removed.length ? ", and rows holding a removed value make the ALTER fail in strict mode or become '' without it" : ', and old code that sends values by position (numbers) now means other values'}.`,
        help: `Only append new values at the end of the list (${kind === 'enum' ? "ENUM('a','b','new')" : "SET('a','b','new')"}): that is instant. To drop a value, first move rows off it with a batched UPDATE and stop writing it; leave it in the list if you can.`,
        table: key,
        data: { column: name, removed, moved },
        online,
      });
    }
    return issues;
  },
});
