import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { displayTable } from '../../src/dialects/postgres/util.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { typeToSql } from '../../src/dialects/postgres/typenames.js';
import { columnSites } from '../../src/dialects/postgres/column-types.js';

export default defineRule({
  meta: {
    id: 'prefer-timestamptz',
    severity: 'warning',
    summary: 'timestamp without time zone columns store wall-clock time with no offset; use timestamptz.',
    kinds: ['CreateStmt', 'AlterTableStmt'],
  },
  check(stmt) {
    const issues: Issue[] = [];
    for (const site of columnSites(stmt)) {
      if (site.type.name !== 'timestamp' || site.type.schema) continue;
      const written = typeToSql(site.type);
      const better = written.replace(/^timestamp/, 'timestamptz');
      issues.push({
        message: `\`${displayTable(site.rel)}.${site.column}\` is ${written} (without time zone): it stores wall-clock time with no offset, so values written by sessions in different time zones cannot be compared, and comparing them with now() depends on the session's TimeZone.`,
        help: `Use ${better}: it stores an absolute instant (still 8 bytes) and shows it in each session's time zone.`,
        table: relKey(site.rel),
        data: { column: site.column, type: written, replacement: better },
      });
    }
    return issues;
  },
});
