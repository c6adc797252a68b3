import { defineRule } from '../../src/dialects/postgres/rule.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { typeRef, typeToSql } from '../../src/dialects/postgres/typenames.js';
import {
  alterCmds,
  altersExistingTable,
  columnConstraints,
  displayTable,
  names,
  quoteIdent,
  quoteRel,
} from '../../src/dialects/postgres/util.js';

interface Col {
  column: string;
  type: string;
  sql: string;
}

export default defineRule({
  meta: {
    id: 'adding-required-field',
    severity: 'error',
    summary: 'ADD COLUMN … NOT NULL without a DEFAULT on an existing table fails as soon as the table has a row.',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    // A table created in this migration is empty: a required column is fine.
    if (!altersExistingTable(ast, ctx)) return;
    const table = displayTable(ast.relation);
    const issues: Col[] = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype !== 'AT_AddColumn') continue;
      const def = cmd.def?.ColumnDef;
      if (!def?.colname) continue;
      if (cmd.missing_ok && ctx.column(ast.relation, def.colname)) continue;
      const cons = columnConstraints(def);
      const type = typeRef(def.typeName);
      const typeNames = names(def.typeName?.names);
      const typeName = typeNames[typeNames.length - 1] ?? '';
      const domain = ctx.catalog.domains.get(
        typeNames.length > 1 ? `${typeNames[typeNames.length - 2]}.${typeName}` : `public.${typeName}`,
      );
      const notNull =
        !!def.is_not_null ||
        !!domain?.notNull ||
        cons.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
      if (!notNull) continue;
      // values come from somewhere: a default (the column's or its domain's), a sequence, or the generation expression
      if (
        cons.some(
          (c) => c.contype === 'CONSTR_DEFAULT' || c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED',
        )
      )
        continue;
      if (type.serial || domain?.hasDefault) continue;
      const col = quoteIdent(def.colname);
      issues.push({
        column: def.colname,
        type: typeToSql(type),
        sql: `ALTER TABLE ${quoteRel(ast.relation)} ADD COLUMN ${col} ${typeToSql(type)}`,
      });
    }
    if (!issues.length) return;
    // one statement fails once: one finding naming every required column
    const [first] = issues as [Col, ...Col[]];
    const cols = issues.map((c) => `\`${c.column}\``).join(', ');
    const many = issues.length > 1;
    return {
      message: `Adding NOT NULL column${many ? 's' : ''} ${cols} to \`${table}\` without a DEFAULT fails with "column contains null values" as soon as \`${table}\` has a single row, so the deploy breaks (on an empty development database it looks fine).`,
      help: `Give ${many ? 'each' : 'it'} a constant DEFAULT (instant since PostgreSQL 11), or add ${many ? 'them' : 'it'} nullable, backfill in batches, then enforce NOT NULL with a validated CHECK (${quoteIdent(first.column)} IS NOT NULL) and SET NOT NULL.`,
      lock: 'AccessExclusiveLock',
      table: relKey(ast.relation),
      data: { ...first, columns: issues },
    };
  },
});
