import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { displayTable } from '../../src/dialects/postgres/util.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { typeToSql } from '../../src/dialects/postgres/typenames.js';
import { columnSites } from '../../src/dialects/postgres/column-types.js';

export default defineRule({
  meta: {
    id: 'prefer-text-field',
    severity: 'warning',
    summary: 'varchar(n) puts a business rule in the column type; use text with a CHECK constraint.',
    kinds: ['CreateStmt', 'AlterTableStmt'],
  },
  check(stmt, ctx) {
    const issues: Issue[] = [];
    for (const site of columnSites(stmt)) {
      if (site.type.name !== 'varchar' || site.type.schema || !site.type.mods.length) continue;
      // Changing one varchar limit to another is the situation this rule warns about, not a new one.
      // A column zerodown has no history for may be text today: ALTER … TYPE varchar(n) is flagged.
      if (site.via === 'alter') {
        const cur = ctx.column(site.rel, site.column)?.type;
        if (cur && cur.name === 'varchar' && cur.mods.length) continue;
      }
      const n = site.type.mods[0]!;
      const written = typeToSql(site.type);
      issues.push({
        message: `\`${displayTable(site.rel)}.${site.column}\` is ${written}: raising the limit later is quick but still takes an ACCESS EXCLUSIVE lock, lowering it rewrites the whole table, and the limit buys no speed or space over text.`,
        help: `Use text with CHECK (char_length(${site.column}) <= ${n}): the limit can then be changed with ADD CONSTRAINT … NOT VALID and VALIDATE CONSTRAINT, without a rewrite.`,
        table: relKey(site.rel),
        data: { column: site.column, type: written, limit: n },
      });
    }
    return issues;
  },
});
