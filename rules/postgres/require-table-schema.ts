import { defineRule } from '../../src/dialects/postgres/rule.js';
import { quoteIdent } from '../../src/dialects/postgres/util.js';

/** `CREATE TABLE`, `CREATE TABLE … AS`, `ALTER TABLE`, `DROP TABLE`: the table names written without a schema. */
function unqualified(kind: string, ast: any): string[] {
  switch (kind) {
    case 'CreateStmt':
      // a temporary table lives in the session's own schema: naming one is an error
      return ast.relation?.relpersistence === 't' || ast.relation?.schemaname ? [] : [ast.relation.relname];
    case 'CreateTableAsStmt': {
      const rel = ast.into?.rel;
      if (ast.objtype !== 'OBJECT_TABLE' || !rel || rel.relpersistence === 't' || rel.schemaname) return [];
      return [rel.relname];
    }
    case 'AlterTableStmt':
      return ast.objtype !== 'OBJECT_TABLE' || ast.relation?.schemaname ? [] : [ast.relation.relname];
    case 'DropStmt':
      if (ast.removeType !== 'OBJECT_TABLE') return [];
      return (ast.objects ?? [])
        .map((o: any) => (o.List?.items ?? []).map((i: any) => i.String?.sval))
        .filter((parts: string[]) => parts.length === 1)
        .map((parts: string[]) => parts[0]!);
    default:
      return [];
  }
}

export default defineRule({
  meta: {
    id: 'require-table-schema',
    severity: 'warning',
    summary:
      'A table name without its schema resolves through search_path, which can differ between the migration runner and the application. Opt-in.',
    kinds: ['CreateStmt', 'CreateTableAsStmt', 'AlterTableStmt', 'DropStmt'],
    optIn: true,
  },
  check(stmt) {
    const names = unqualified(stmt.kind, stmt.ast);
    if (!names.length) return;
    const list = names.map((n) => `\`${n}\``).join(', ');
    return {
      message: `${names.length > 1 ? `Tables ${list} are` : `Table ${list} is`} not schema-qualified: PostgreSQL finds ${names.length > 1 ? 'them' : 'it'} through \`search_path\`, so the same migration can create, change or drop a table in another schema when the runner's role or connection sets a different path.`,
      help: `Write ${names.map((n) => `\`public.${quoteIdent(n)}\``).join(', ')} (or the schema you mean).`,
      data: { tables: names },
    };
  },
});
