import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { typeRef, typeToSql } from '../../src/dialects/postgres/typenames.js';
import {
  addColumnRewrite,
  alterCmds,
  altersExistingTable,
  COLUMN_EXPR_STOPS,
  columnConstraints,
  displayTable,
  exprSql,
  quoteIdent,
  quoteRel,
  shortSql,
} from '../../src/dialects/postgres/util.js';

// after `GENERATED ALWAYS AS (expr)` comes STORED or VIRTUAL, or the column's other clauses
const GENERATED_STOPS = new Set([...COLUMN_EXPR_STOPS, 'STORED', 'VIRTUAL']);

export default defineRule({
  meta: {
    id: 'adding-field-with-default',
    severity: 'error',
    summary:
      'ADD COLUMN whose default (volatile, identity, serial, stored generated, or any default before PostgreSQL 11) rewrites the whole table under an ACCESS EXCLUSIVE lock.',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    // A table created in this migration is empty: rewriting it costs nothing.
    if (!altersExistingTable(ast, ctx)) return;
    const table = displayTable(ast.relation);
    const issues: Issue[] = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype !== 'AT_AddColumn') continue;
      const def = cmd.def?.ColumnDef;
      if (!def?.colname) continue;
      // ADD COLUMN IF NOT EXISTS on a column that is already there does nothing
      if (cmd.missing_ok && ctx.column(ast.relation, def.colname)) continue;
      const rewrite = addColumnRewrite(def, {
        pgVersion: ctx.pgVersion,
        functions: ctx.catalog.functions,
        domains: ctx.catalog.domains,
      });
      if (!rewrite) continue;

      const cons = columnConstraints(def);
      const col = `\`${def.colname}\``;
      const type = typeToSql(typeRef(def.typeName));
      const defaultCon = cons.find((c) => c.contype === 'CONSTR_DEFAULT');
      const genCon = cons.find((c) => c.contype === 'CONSTR_GENERATED');
      const defaultSql = defaultCon ? exprSql(stmt, defaultCon.location, { skip: ['DEFAULT'] }) : undefined;
      const notNull =
        !!def.is_not_null ||
        cons.some(
          (c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_IDENTITY',
        ) ||
        rewrite.reason === 'serial';
      const waits = `every read and write on \`${table}\` waits until all existing rows are copied`;
      const setDefault = defaultSql
        ? `ALTER TABLE ${quoteRel(ast.relation)} ALTER COLUMN ${quoteIdent(def.colname)} SET DEFAULT ${defaultSql}`
        : undefined;
      let message: string;
      let help: string;
      switch (rewrite.reason) {
        case 'volatile-default': {
          const unknown = rewrite.unknown;
          const what = defaultSql ? shortSql(defaultSql) : 'this default';
          const why = unknown.length
            ? `${unknown.join(', ')} is not a function zerodown knows to be IMMUTABLE or STABLE (PostgreSQL makes functions VOLATILE unless declared otherwise)`
            : `${what} is volatile`;
          message = `Adding column ${col} to \`${table}\` with DEFAULT ${what} rewrites the whole table under an ACCESS EXCLUSIVE lock: ${why}, so PostgreSQL computes it for every existing row, and ${waits}.`;
          help = `Add the column without a default, then \`${setDefault}\` (applies to new rows only), and backfill existing rows in batches.`;
          break;
        }
        case 'pre-11-default':
          message = `Adding column ${col} to \`${table}\` with DEFAULT ${defaultSql ? shortSql(defaultSql) : '…'} rewrites the whole table under an ACCESS EXCLUSIVE lock on PostgreSQL ${ctx.pgVersion} (only PostgreSQL 11+ stores constant defaults without a rewrite), and ${waits}.`;
          help = `Add the column without a default, run \`${setDefault}\` as a separate statement (new rows only), and backfill existing rows in batches.`;
          break;
        case 'identity':
        case 'serial':
          message = `Adding ${rewrite.reason === 'serial' ? `${type} column` : 'identity column'} ${col} to \`${table}\` rewrites the whole table under an ACCESS EXCLUSIVE lock to number every existing row from a sequence, and ${waits}.`;
          help = `Add a nullable ${rewrite.reason === 'serial' ? type.replace('smallserial', 'smallint').replace('bigserial', 'bigint').replace('serial', 'integer') : type} column, create a sequence and SET DEFAULT nextval(…) on it (new rows only), backfill existing rows in batches, then enforce NOT NULL.`;
          break;
        case 'generated': {
          const expr = genCon
            ? exprSql(stmt, genCon.location, { skip: ['GENERATED', 'ALWAYS', 'AS'], stops: GENERATED_STOPS })
            : undefined;
          message = `Adding stored generated column ${col} to \`${table}\` rewrites the whole table under an ACCESS EXCLUSIVE lock to compute ${expr ? shortSql(expr) : 'its expression'} for every existing row, and ${waits}.`;
          help =
            ctx.pgVersion >= 18
              ? 'Make it a VIRTUAL generated column (PostgreSQL 18, no rewrite), or add a plain nullable column kept up to date by a trigger and backfill old rows in batches.'
              : 'Add a plain nullable column kept up to date by a trigger (or the application), and backfill existing rows in batches.';
          break;
        }
        case 'domain-constraint':
          message = `Adding column ${col} of domain \`${rewrite.domain}\` to \`${table}\` rewrites the whole table under an ACCESS EXCLUSIVE lock, because PostgreSQL checks the domain's constraints against every existing row, and ${waits}.`;
          help =
            "Add the column with the domain's base type, backfill in batches, and enforce the rule with a CHECK constraint added NOT VALID and validated separately.";
          break;
      }
      issues.push({
        message,
        help,
        lock: 'AccessExclusiveLock',
        table: relKey(ast.relation),
        data: {
          column: def.colname,
          type,
          default: defaultSql ?? null,
          notNull,
          reason: rewrite.reason,
          rewrite: true,
        },
      });
    }
    if (issues.length < 2) return issues;
    // one statement, one rewrite: one finding that names every column forcing it
    const [first, ...rest] = issues as [Issue, ...Issue[]];
    const others = rest.map((i) => `\`${i.data!.column}\``).join(', ');
    return {
      ...first,
      message: `${first.message} The same statement also adds ${others}, which force${rest.length === 1 ? 's' : ''} the same rewrite.`,
      data: { ...first.data, columns: issues.map((i) => i.data) },
    };
  },
});
