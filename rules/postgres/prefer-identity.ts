import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { displayTable, quoteIdent } from '../../src/dialects/postgres/util.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { columnSites } from '../../src/dialects/postgres/column-types.js';

const IDENTITY: Record<string, string> = { int2: 'smallint', int4: 'integer', int8: 'bigint' };
const SERIAL: Record<string, string> = { int2: 'smallserial', int4: 'serial', int8: 'bigserial' };

export default defineRule({
  meta: {
    id: 'prefer-identity',
    severity: 'warning',
    summary: 'serial/bigserial/smallserial columns: use GENERATED … AS IDENTITY instead.',
    kinds: ['CreateStmt', 'AlterTableStmt'],
  },
  check(stmt) {
    const issues: Issue[] = [];
    for (const site of columnSites(stmt)) {
      if (!site.type.serial || site.via === 'alter') continue;
      const serial = SERIAL[site.type.name] ?? 'serial';
      // integer identity keeps the 32-bit limit; prefer-bigint-over-int says so separately
      const base = site.type.name === 'int4' ? 'bigint' : (IDENTITY[site.type.name] ?? 'bigint');
      issues.push({
        message: `\`${displayTable(site.rel)}.${site.column}\` is ${serial}: its sequence is a separate object with its own owner and grants, so GRANTs, ownership changes and copies of the table (CREATE TABLE … LIKE) need extra steps, and nothing stops manual ids from colliding with it later.`,
        help: `Use ${quoteIdent(site.column)} ${base} GENERATED ALWAYS AS IDENTITY (or BY DEFAULT if you insert explicit ids): the sequence then belongs to the column.`,
        table: relKey(site.rel),
        data: { column: site.column, type: serial, replacement: `${base} GENERATED ALWAYS AS IDENTITY` },
      });
    }
    return issues;
  },
});
