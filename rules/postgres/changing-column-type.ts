import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { altersExistingTable, displayTable, str } from '../../src/dialects/postgres/util.js';
import { typeRef, typeToSql, type TypeRef } from '../../src/dialects/postgres/typenames.js';
import {
  maxCost,
  mentionsColumn,
  resolveDomain,
  typeChangeCost,
  usingCasts,
  usingText,
  type TypeChangeCost,
} from '../../src/dialects/postgres/column-types.js';

const LOCK = 'AccessExclusiveLock';
const UTC = new Set([
  'utc',
  'etc/utc',
  'gmt',
  'etc/gmt',
  'z',
  'zulu',
  'universal',
  'etc/universal',
  'uct',
  'etc/uct',
  'gmt0',
  'greenwich',
]);

/** `SET [LOCAL] TIME ZONE 'UTC'` / `SET timezone = 'UTC'` before this statement in the file. */
function sessionIsUtc(statements: readonly { kind: string; ast: any; index: number }[], before: number): boolean {
  let utc = false;
  for (const s of statements) {
    if (s.index >= before) break;
    if (s.kind !== 'VariableSetStmt') continue;
    if (s.ast.kind === 'VAR_RESET_ALL') utc = false;
    if (s.ast.name !== 'timezone') continue;
    if (s.ast.kind !== 'VAR_SET_VALUE') {
      utc = false;
      continue;
    }
    const c = s.ast.args?.[0]?.A_Const;
    const v = c?.sval?.sval;
    utc = (typeof v === 'string' && UTC.has(v.toLowerCase())) || (c && 'ival' in c && !c.ival?.ival);
  }
  return utc;
}

/** Lowering or introducing a length/precision limit: a CHECK constraint gives the same guarantee without a rewrite. */
function addsLimit(from: TypeRef, to: TypeRef): boolean {
  if (from.arrayDims || to.arrayDims || !to.mods.length) return false;
  const strings = ['text', 'varchar', 'citext', 'bpchar'];
  if (to.name === 'varchar' && strings.includes(from.name)) return true;
  return false;
}

export default defineRule({
  meta: {
    id: 'changing-column-type',
    severity: 'error',
    summary:
      'ALTER COLUMN … TYPE that rewrites the table, rebuilds its indexes or scans it under an ACCESS EXCLUSIVE lock.',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    // A table created in this file is empty: the rewrite is instant.
    if (!altersExistingTable(ast, ctx)) return;
    const table = ctx.table(ast.relation);
    const tableKey = table
      ? `${table.schema}.${table.name}`
      : `${ast.relation?.schemaname ?? 'public'}.${ast.relation?.relname}`;
    const shown = displayTable(ast.relation);
    const issues: Issue[] = [];
    const cmds: any[] = ast.cmds ?? [];
    cmds.forEach((wrapped, i) => {
      const cmd = wrapped?.AlterTableCmd;
      if (cmd?.subtype !== 'AT_AlterColumnType') return;
      const def = cmd.def?.ColumnDef;
      if (!def?.typeName) return;
      const column: string = cmd.name;
      const target = typeRef(def.typeName);
      const col = ctx.column(ast.relation, column);
      const usingExpr = def.raw_default;
      const using = usingExpr ? usingText(stmt, i) : null;
      const where = `\`${shown}.${column}\``;
      const to = typeToSql(target);
      const base = { column, to, using };

      if (!col || col.type.name === 'unknown') {
        issues.push({
          severity: 'warning',
          message: `Could not check the type change of ${where} to ${to}: its current type is unknown from the migration history. Unless the change is metadata-only (such as widening a varchar), it rewrites \`${shown}\` under an ACCESS EXCLUSIVE lock that blocks every read and write.`,
          help: 'Lint with the migrations that create this column, or try the change on a copy of the table: a rewrite shows as a new pg_class.relfilenode.',
          lock: LOCK,
          table: tableKey,
          data: { ...base, from: null, rewrite: null },
        });
        return;
      }

      const from = typeToSql(col.type);
      const collation: string | undefined = def.collClause
        ? (def.collClause.collname ?? []).map(str).join('.')
        : undefined;

      // The cost of each step: current type → each cast in USING → the target type.
      const casts = usingExpr ? usingCasts(usingExpr, column) : [];
      let cost: TypeChangeCost = 'none';
      let domain: string | undefined;
      if (casts === null) cost = 'rewrite';
      else {
        let prev = resolveDomain(col.type, ctx.catalog).type;
        for (const step of [...casts, target]) {
          const r = resolveDomain(step, ctx.catalog);
          if (r.constrainedDomain) {
            domain = r.constrainedDomain;
            cost = 'rewrite';
            break;
          }
          cost = maxCost(cost, typeChangeCost(prev, r.type, ctx.pgVersion));
          prev = r.type;
        }
      }
      // A collation change keeps the table but rebuilds the column's indexes.
      if (collation !== undefined && collation !== 'default') cost = maxCost(cost, 'index');
      if (cost === 'timezone' && sessionIsUtc(ctx.statements, stmt.index)) cost = 'index';

      const indexes = ctx.catalog
        .indexesOf(tableKey)
        .filter((ix) => ix.columns.includes(column))
        .map((ix) => ix.name);
      const checks = [...(table?.constraints.values() ?? [])]
        .filter(
          (c) => c.type === 'check' && c.validated && (c.columns.includes(column) || mentionsColumn(c.expr, column)),
        )
        .map((c) => c.name);
      const data = { ...base, from, rewrite: cost === 'rewrite', indexes, checks };
      const change = `Changing ${where} from ${from} to ${to}`;
      const waits = `every read and write on \`${shown}\` waits meanwhile`;
      const ixList = indexes.map((n) => `\`${n}\``).join(', ');
      const ixWord = indexes.length === 1 ? 'index' : 'indexes';

      if (cost === 'rewrite') {
        const why =
          casts === null
            ? `${change} with USING ${using ?? 'an expression'} computes a new value for every row, so PostgreSQL rewrites`
            : domain
              ? `${change} checks domain \`${domain}\`'s constraints on every row and rewrites`
              : `${change} rewrites`;
        const limit = addsLimit(col.type, target) && casts !== null;
        issues.push({
          message: `${why} the whole table and all its indexes under an ACCESS EXCLUSIVE lock: ${waits}, for minutes on a large table.`,
          help: limit
            ? `Keep ${from} and add CHECK (char_length(${column}) <= ${target.mods[0]}) NOT VALID, then VALIDATE CONSTRAINT in a later step: neither blocks reads or writes for long.`
            : 'Add a new column of the new type, backfill it in batches and keep it in sync with a trigger, then swap the columns in one short transaction.',
          lock: LOCK,
          table: tableKey,
          data,
        });
        return;
      }
      if (cost === 'timezone') {
        issues.push({
          message: `${change} rewrites the whole table under an ACCESS EXCLUSIVE lock unless the session TimeZone is UTC (PostgreSQL 12+ then only ${indexes.length ? `rebuilds ${ixWord} ${ixList}` : 'updates the catalog'}); ${waits}.`,
          help: "Run SET TIME ZONE 'UTC' earlier in the same migration, after checking the stored values are meant as UTC; otherwise go through a new timestamptz column backfilled in batches.",
          lock: LOCK,
          table: tableKey,
          data: { ...data, rewrite: true },
        });
        return;
      }
      if (cost === 'index' && indexes.length) {
        const what =
          collation !== undefined && collation !== 'default'
            ? `${change} COLLATE "${collation}" changes the collation`
            : `${change}`;
        issues.push({
          message: `${what}: no table rewrite, but PostgreSQL rebuilds ${ixWord} ${ixList} under an ACCESS EXCLUSIVE lock, and ${waits}.`,
          help: 'Drop the index CONCURRENTLY, change the type, then CREATE INDEX CONCURRENTLY again; for a primary key or unique index, go through a new column instead.',
          lock: LOCK,
          table: tableKey,
          data,
        });
        return;
      }
      if (checks.length) {
        const cl = checks.map((n) => `\`${n}\``).join(', ');
        issues.push({
          message: `${change} needs no rewrite, but PostgreSQL re-checks CHECK constraint ${cl} by scanning every row under an ACCESS EXCLUSIVE lock: ${waits}.`,
          help: 'Drop the CHECK constraint first, change the type, then add it back NOT VALID and run VALIDATE CONSTRAINT in a separate step.',
          lock: LOCK,
          table: tableKey,
          data,
        });
      }
    });
    return issues;
  },
});
