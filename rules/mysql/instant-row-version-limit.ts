import { defineRule, type Issue } from '../../src/dialects/mysql/rule.js';
import { predictStatement, serverText } from '../../src/dialects/mysql/online/index.js';

const name = (t: { schema?: string; name: string }) => (t.schema ? `${t.schema}.${t.name}` : t.name);

export default defineRule({
  meta: {
    id: 'instant-row-version-limit',
    severity: 'warning',
    summary:
      'INSTANT ADD/DROP COLUMN on MySQL 8.0.29+ near or past the 64 row versions per table (255 from 9.1), after which MySQL refuses instant column changes (error 4092) until the table is rebuilt; and on MySQL 8.0.29–8.0.31, whose instant ADD/DROP COLUMN has data-corrupting bugs.',
    kinds: ['AlterTable'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== 'alter_table' || ctx.isNewTable(ast.table)) return;
    const p = predictStatement(stmt, ctx)!;
    const server = serverText(ctx.server);
    const table = name(ast.table);
    const issues: Issue[] = [];
    const rv = p.rowVersions;
    if (rv && rv.after >= rv.limit - Math.ceil(rv.limit / 8)) {
      const over = rv.after > rv.limit;
      issues.push({
        message: over
          ? `\`${table}\` has used all ${rv.limit} instant row versions on ${server}: this ADD/DROP COLUMN cannot be INSTANT (with ALGORITHM=INSTANT it fails with error 4092) and rebuilds the whole table instead.`
          : `This INSTANT ADD/DROP COLUMN is row version ${rv.after} of ${rv.limit} for \`${table}\` on ${server}: once all ${rv.limit} are used, every later column change on the table fails with error 4092 (ALGORITHM=INSTANT) or rebuilds the table.`,
        help: 'Rebuild the table in a quiet window to reset the count (`ALTER TABLE … FORCE`, INPLACE with LOCK=NONE, or with gh-ost/pt-online-schema-change), and fold several column changes into one ALTER: each ALTER uses one row version.',
        severity: over ? 'error' : undefined,
        table,
        data: { rowVersions: rv },
      });
    }
    const buggy = p.warnings.find((w) => w.includes('known bugs in INSTANT'));
    if (buggy)
      issues.push({
        message: buggy,
        help: 'Upgrade to MySQL 8.0.32 or later before adding or dropping columns instantly, or add ALGORITHM=INPLACE to this ALTER.',
        table,
        data: { server },
      });
    return issues;
  },
});
