import { defineRule } from '../../src/dialects/postgres/rule.js';
import { names, quoteLiteral } from '../../src/dialects/postgres/util.js';

export default defineRule({
  meta: {
    id: 'require-enum-value-ordering',
    severity: 'warning',
    summary:
      'ALTER TYPE … ADD VALUE without BEFORE or AFTER: the value lands at the end of the enum’s sort order, whether or not that is where it belongs.',
    kinds: ['AlterEnumStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (!ast.newVal || ast.oldVal || ast.newValNeighbor) return; // RENAME VALUE, or the position is given
    const typeNames = names(ast.typeName);
    const type = typeNames.join('.');
    const key = typeNames.length > 1 ? type : `public.${type}`;
    const known = ctx.catalog.enums.get(key);
    // IF NOT EXISTS for a value that is already there does nothing
    if (ast.skipIfNewValExists && known?.values.includes(ast.newVal)) return;
    const last = known?.values.at(-1);
    return {
      message:
        `ADD VALUE ${quoteLiteral(ast.newVal)} appends it after ${last !== undefined ? quoteLiteral(last) : 'the last value'} of enum \`${type}\`: ` +
        'enum values compare in declaration order, so ORDER BY, <, > and BETWEEN on this type now put it last, which is easy to get wrong and cannot be changed later without recreating the type.',
      help:
        last !== undefined
          ? `State the position: ADD VALUE ${quoteLiteral(ast.newVal)} BEFORE … / AFTER … (AFTER ${quoteLiteral(last)} if last is intended).`
          : `State the position: ADD VALUE ${quoteLiteral(ast.newVal)} BEFORE '…' or AFTER '…'.`,
      data: { type, value: ast.newVal, ...(last !== undefined ? { after: last } : {}) },
    };
  },
});
