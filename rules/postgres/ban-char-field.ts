import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { displayTable } from '../../src/dialects/postgres/util.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { typeToSql } from '../../src/dialects/postgres/typenames.js';
import { columnSites, isCharType } from '../../src/dialects/postgres/column-types.js';

export default defineRule({
  meta: {
    id: 'ban-char-field',
    severity: 'warning',
    summary: 'char(n)/character(n) columns pad values with spaces; use text or varchar.',
    kinds: ['CreateStmt', 'AlterTableStmt'],
  },
  check(stmt) {
    const issues: Issue[] = [];
    for (const site of columnSites(stmt)) {
      if (!isCharType(site.typeName)) continue;
      const n = site.type.mods[0];
      const written = n !== undefined ? typeToSql(site.type) : typeToSql(site.type).replace(/^char/, 'bpchar');
      const padding =
        n !== undefined
          ? `values are blank-padded to ${n} character${n === 1 ? '' : 's'}, trailing spaces are ignored in comparisons but not by LIKE or regular expressions`
          : 'trailing spaces are ignored in comparisons but not by LIKE or regular expressions';
      issues.push({
        message: `\`${displayTable(site.rel)}.${site.column}\` is ${written}: ${padding}, and it saves no space or time over text.`,
        help:
          n !== undefined
            ? `Use text (or varchar(${n})), with CHECK (char_length(${site.column}) = ${n}) if every value must have exactly ${n} characters.`
            : 'Use text or varchar.',
        table: relKey(site.rel),
        data: { column: site.column, type: written },
      });
    }
    return issues;
  },
});
