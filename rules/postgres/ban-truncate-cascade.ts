import { defineRule } from '../../src/dialects/postgres/rule.js';
import { displayTable } from '../../src/dialects/postgres/util.js';
import { relKey, type Catalog } from '../../src/dialects/postgres/catalog.js';

/** Tables reached through foreign keys pointing at `start`, transitively (what CASCADE empties too). */
function cascaded(catalog: Catalog, start: string[]): string[] {
  const seen = new Set(start);
  const out: string[] = [];
  for (let i = 0; i < start.length + out.length; i++) {
    const target = i < start.length ? start[i]! : out[i - start.length]!;
    for (const [key, t] of catalog.tables) {
      if (seen.has(key)) continue;
      if ([...t.constraints.values()].some((c) => c.type === 'foreign' && c.references === target)) {
        seen.add(key);
        out.push(key);
      }
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'ban-truncate-cascade',
    severity: 'error',
    summary: 'TRUNCATE … CASCADE also empties every table that references the truncated ones.',
    kinds: ['TruncateStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.behavior !== 'DROP_CASCADE') return;
    const rels: any[] = (ast.relations ?? []).map((r: any) => r.RangeVar).filter(Boolean);
    const keys = rels.map((r) => relKey(r));
    const also = cascaded(ctx.catalog, keys);
    // Only tables this migration created (and so still empty) are touched: nothing is lost.
    if ([...keys, ...also].every((k) => ctx.isNewTable(k))) return;
    const named = rels.map((r) => `\`${displayTable(r)}\``).join(', ');
    const extra = also.length ? ` (here: ${also.map((k) => `\`${displayTable(k)}\``).join(', ')})` : '';
    return {
      message: `TRUNCATE ${named} CASCADE also empties every table with a foreign key to ${rels.length > 1 ? 'them' : 'it'}, recursively${extra}: rows you did not name are deleted, under an ACCESS EXCLUSIVE lock on each table.`,
      help: 'Remove CASCADE and list exactly the tables to empty; TRUNCATE then fails instead of deleting more than you meant.',
      lock: 'AccessExclusiveLock',
      table: keys[0],
      data: { tables: keys, cascadesTo: also },
    };
  },
});
