/**
 * Backward compatibility with the application version still running during the deploy:
 * the hazards no other rule reports. Dropping or renaming a table or column the previous
 * release uses is reported once, by ban-drop-table, ban-drop-column, renaming-table and
 * renaming-column (squawk's ids), which share this rule's notion of "this release": the
 * tables and columns created by the files under review (`ctx.isReleaseTable/Column`).
 */
import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { relKey } from '../../src/dialects/postgres/catalog.js';
import { typeRef, typeToSql, type TypeRef } from '../../src/dialects/postgres/typenames.js';
import { alterCmds, columnConstraints, displayTable, names } from '../../src/dialects/postgres/util.js';

const INTS: Record<string, number> = { int2: 1, int4: 2, int8: 3 };
const STRINGS = new Set(['text', 'varchar', 'bpchar', 'citext']);
const LIMITED = new Set(['varchar', 'bpchar', 'varbit', 'bit']);

/** Why `to` cannot hold every value of `from` (old code's writes then fail), or undefined when it can or it is unknown. */
function narrowing(from: TypeRef, to: TypeRef): string | undefined {
  if (from.arrayDims !== to.arrayDims || from.schema || to.schema) return undefined;
  const f = from.name;
  const t = to.name;
  const lim = (x: TypeRef) => x.mods[0];
  if (LIMITED.has(t) && lim(to) !== undefined && (f === t || (STRINGS.has(f) && STRINGS.has(t)))) {
    const before = LIMITED.has(f) ? lim(from) : undefined;
    if (before === undefined || before > lim(to)!) return `values longer than ${lim(to)} characters are rejected`;
    return undefined;
  }
  if (INTS[f] !== undefined && INTS[t] !== undefined)
    return INTS[t]! < INTS[f]! ? `numbers beyond the range of ${typeToSql(to)} are rejected` : undefined;
  if ((f === 'numeric' || f === 'float4' || f === 'float8') && INTS[t] !== undefined)
    return `fractions are rounded and numbers beyond the range of ${typeToSql(to)} are rejected`;
  if (f === 'float8' && t === 'float4') return 'values lose precision and large ones are rejected';
  if (t === 'numeric' && to.mods.length) {
    const digits = (x: TypeRef) => x.mods[0]! - (x.mods[1] ?? 0);
    if (INTS[f] !== undefined || f.startsWith('float') || (f === 'numeric' && !from.mods.length))
      return `numbers with more than ${digits(to)} digits before the decimal point are rejected`;
    if (f === 'numeric' && digits(to) < digits(from))
      return `numbers with more than ${digits(to)} digits before the decimal point are rejected`;
    return undefined;
  }
  if (STRINGS.has(f) && !STRINGS.has(t)) return `text that does not read as ${typeToSql(to)} is rejected`;
  return undefined;
}

export default defineRule({
  meta: {
    id: 'breaks-running-code',
    severity: 'error',
    summary:
      'A change the application version still running during the deploy cannot cope with: a required column it does not write, a narrowed type.',
    kinds: ['AlterTableStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.objtype && ast.objtype !== 'OBJECT_TABLE') return;
    const rel = ast.relation;
    // a table of this release: the running code does not use it at all
    if (ctx.isReleaseTable(rel)) return;
    const table = displayTable(rel);
    const cmds = alterCmds(ast);
    const issues: Issue[] = [];
    type Hazard = 'required' | 'narrowing';
    /** the change the hazard comes from (the planner asks: only a new column's plan has a deploy gate for it) */
    type Change = 'add-column' | 'not-null' | 'drop-default' | 'type';
    const push = (
      column: string,
      message: string,
      help: string,
      severity?: 'warning',
      hazard: Hazard = 'required',
      change: Change = 'not-null',
    ) =>
      issues.push({
        message,
        help,
        table: relKey(rel),
        data: { column, hazard, change },
        ...(severity ? { severity } : {}),
      });
    // a default set by this same statement covers the columns it names
    const defaulted = new Set(cmds.filter((c) => c.subtype === 'AT_ColumnDefault' && c.def).map((c) => c.name));
    for (const cmd of cmds) {
      if (cmd.subtype === 'AT_AddColumn') {
        const def = cmd.def?.ColumnDef;
        if (!def?.colname || (cmd.missing_ok && ctx.column(rel, def.colname))) continue;
        if (!requiredWithoutDefault(def, ctx.catalog.domains)) continue;
        push(
          def.colname,
          `New column \`${table}.${def.colname}\` is NOT NULL with no DEFAULT: app instances still running the old code do not know the column, so every INSERT they make into \`${table}\` fails until the new code is deployed everywhere.`,
          `Expand/contract: add it with a DEFAULT (or nullable), ship code that writes it, and only then drop the default or SET NOT NULL in a later release.`,
          undefined,
          'required',
          'add-column',
        );
      } else if (cmd.subtype === 'AT_SetNotNull' || notNullCheck(cmd)) {
        // SET NOT NULL, or CHECK (col IS NOT NULL) (NOT VALID too: it still rejects new rows)
        const column: string = cmd.subtype === 'AT_SetNotNull' ? cmd.name : notNullCheck(cmd)!;
        const what = cmd.subtype === 'AT_SetNotNull' ? 'SET NOT NULL' : `CHECK (${column} IS NOT NULL)`;
        const col = ctx.column(rel, column);
        if (!col || col.notNull || col.default !== undefined || col.identity || col.generated || defaulted.has(column))
          continue;
        if (ctx.isReleaseColumn(rel, column))
          push(
            column,
            `${what} on \`${table}.${column}\`, a column added in this release with no DEFAULT: app instances still running the old code never write it, so every INSERT they make into \`${table}\` fails until the new code is deployed everywhere.`,
            `Expand/contract: keep the column nullable (or give it a DEFAULT) in this release, and add ${what} in a later one, once every running instance writes it.`,
          );
        else
          push(
            column,
            `${what} on \`${table}.${column}\`, which has no DEFAULT: if the release running now leaves it out of an INSERT (or writes NULL) anywhere, those writes fail from the moment this commits.`,
            `Check that the code running now writes \`${column}\` on every INSERT (or add a DEFAULT first); otherwise ship that code in one release and add ${what} in the next.`,
            'warning',
          );
      } else if (cmd.subtype === 'AT_ColumnDefault' && !cmd.def) {
        // dropping the default of a NOT NULL column this release added: the old code never writes it
        const column: string = cmd.name;
        const col = ctx.column(rel, column);
        if (!col?.notNull || col.default === undefined || !ctx.isReleaseColumn(rel, column)) continue;
        push(
          column,
          `Dropping the default of \`${table}.${column}\`, a NOT NULL column added in this release: app instances still running the old code never write it, so every INSERT they make into \`${table}\` fails until the new code is deployed everywhere.`,
          `Expand/contract: keep the default in this release, and drop it in a later one, once every running instance writes the column.`,
          undefined,
          'required',
          'drop-default',
        );
      } else if (cmd.subtype === 'AT_AlterColumnType') {
        const column: string = cmd.name;
        const col = ctx.column(rel, column);
        const def = cmd.def?.ColumnDef;
        if (!col || !def?.typeName || ctx.isReleaseColumn(rel, column)) continue;
        const to = typeRef(def.typeName);
        const why = narrowing(col.type, to);
        if (!why) continue;
        push(
          column,
          `Changing \`${table}.${column}\` from ${typeToSql(col.type)} to ${typeToSql(to)} narrows it: ${why}, and app instances still running the old code keep writing the values they always wrote, so those writes fail (or the migration fails on rows that already hold them).`,
          `Expand/contract: add a new ${typeToSql(to)} column, write both and backfill, move the code to the new column, then drop the old one in a later release; or keep the wider type and enforce the limit with a CHECK … NOT VALID once the code respects it.`,
          undefined,
          'narrowing',
          'type',
        );
      }
    }
    return issues;
  },
});

/** ADD COLUMN … NOT NULL with nothing to fill it: no default (its own or its domain's), identity, serial or generation. */
function requiredWithoutDefault(
  def: any,
  domains: ReadonlyMap<string, { notNull?: boolean; hasDefault?: boolean }>,
): boolean {
  const cons = columnConstraints(def);
  const typeNames = names(def.typeName?.names);
  const last = typeNames[typeNames.length - 1] ?? '';
  const domain = domains.get(typeNames.length > 1 ? `${typeNames[typeNames.length - 2]}.${last}` : `public.${last}`);
  const notNull =
    !!def.is_not_null ||
    !!domain?.notNull ||
    cons.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
  if (!notNull) return false;
  const filled = cons.some(
    (c) => c.contype === 'CONSTR_DEFAULT' || c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED',
  );
  return !filled && !typeRef(def.typeName).serial && !domain?.hasDefault;
}

/** The column of `ADD [CONSTRAINT …] CHECK (col IS NOT NULL)`, or undefined. */
function notNullCheck(cmd: any): string | undefined {
  if (cmd.subtype !== 'AT_AddConstraint') return undefined;
  const con = cmd.def?.Constraint;
  const test = con?.contype === 'CONSTR_CHECK' ? con.raw_expr?.NullTest : undefined;
  if (test?.nulltesttype !== 'IS_NOT_NULL') return undefined;
  const fields = names(test.arg?.ColumnRef?.fields);
  return fields.length === 1 ? fields[0] : undefined;
}
