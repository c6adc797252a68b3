/**
 * ADD CONSTRAINT on a busy table:
 *   FOREIGN KEY / CHECK   added NOT VALID (no scan under lock), validated in a later phase;
 *   PRIMARY KEY / UNIQUE  a unique index built CONCURRENTLY, then attached with ADD CONSTRAINT … USING INDEX.
 */
import { relKey } from '../catalog.js';
import { names } from '../util.js';
import { colKey, guarded, hasConstraint, nameTaken, note, record, reserve, step } from './context.js';
import { afterBackfill } from './lint-ignore.js';
import { chooseName } from './names.js';
import { notNullPath } from './not-null.js';
import { ident as q, relation, sqlComment } from './quote.js';
import { REASONS } from './reasons.js';
import { findNodes } from './sqltext.js';
import type { AlterCommandRewrite, AlterInput, Group } from './types.js';
import type { Step } from '../../../plan/schedule.js';

/** ` DEFERRABLE INITIALLY DEFERRED` as the constraint had it. */
export function deferrable(con: any): string {
  let s = '';
  if (con.deferrable) s += ' DEFERRABLE';
  if (con.initdeferred) s += ' INITIALLY DEFERRED';
  return s;
}

/** CREATE UNIQUE INDEX CONCURRENTLY for a unique or primary key constraint `con` to be attached to. */
export function uniqueIndexStep(
  rel: any,
  name: string,
  columns: string[],
  con: any,
  keys: string[],
  /** the column, when the migration adds it (the plan builds the index after its backfill) */
  added?: string,
): Step {
  const including = names(con.including);
  let sql = `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${q(name)} ON ${relation(rel)} (${columns.map(q).join(', ')})`;
  if (including.length) sql += ` INCLUDE (${including.map(q).join(', ')})`;
  if (con.nulls_not_distinct) sql += ' NULLS NOT DISTINCT';
  return step(
    'index',
    `${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${q(name)}) before running it again`)}\n${added ? afterBackfill(added, sql) : sql}`,
    keys,
    REASONS.index,
  );
}

/** ADD CONSTRAINT name PRIMARY KEY|UNIQUE USING INDEX name, once. */
export function attachStep(header: string, rel: any, name: string, con: any, keys: string[]): Step {
  const primary = con.contype === 'CONSTR_PRIMARY';
  return step(
    'contract',
    guarded(
      `NOT ${hasConstraint(rel, name)}`,
      `${header} ADD CONSTRAINT ${q(name)} ${primary ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${q(name)}${deferrable(con)}`,
    ),
    keys,
    REASONS.attach,
  );
}

/** The column a CHECK names, when it names exactly one (PostgreSQL's default constraint name uses it). */
function checkName(expr: any): string | undefined {
  const cols = new Set(findNodes(expr, 'ColumnRef').map((r) => names(r.fields).at(-1)));
  return cols.size === 1 ? [...cols][0] : undefined;
}

/** FOREIGN KEY or CHECK: NOT VALID now, VALIDATE in a later phase. */
function addNotValid(inp: AlterInput, cmd: any): Group[] | undefined {
  const { stmt, ctx, rel, key, table, header, cmdText } = inp;
  const con = cmd.def?.Constraint;
  if (!con || (con.contype !== 'CONSTR_FOREIGN' && con.contype !== 'CONSTR_CHECK')) return undefined;
  if (con.skip_validation) return undefined;
  const schema = rel.schemaname ?? 'public';
  const taken = (n: string) => nameTaken(ctx, schema, n, table);
  const fk = con.contype === 'CONSTR_FOREIGN';
  const rule = 'constraint-missing-not-valid';
  if (!ctx.allowed(stmt, rule) || (fk && !ctx.allowed(stmt, 'adding-foreign-key-constraint'))) return undefined;
  const cols = fk
    ? names(con.fk_attrs)
    : [...new Set(findNodes(con.raw_expr, 'ColumnRef').map((r) => names(r.fields).at(-1)!))];
  const name =
    con.conname ??
    reserve(
      ctx,
      schema,
      fk
        ? chooseName(rel.relname, cols.join('_'), 'fkey', taken)
        : chooseName(rel.relname, checkName(con.raw_expr), 'check', taken),
    );
  const text = con.conname ? cmdText : cmdText.replace(/^ADD\s+/i, `ADD CONSTRAINT ${q(name)} `);
  const refCols = names(con.pk_attrs);
  const refKeys =
    fk && con.pktable
      ? refCols.length
        ? refCols.map((c) => colKey(relKey(con.pktable), c))
        : [relKey(con.pktable)]
      : [];
  const keys = [...(cols.length ? cols.map((c) => colKey(key, c)) : [key]), ...refKeys];
  record(ctx, stmt, rule, `${fk ? 'foreign key' : 'CHECK'} ${name} added NOT VALID, validated in a later phase`);
  const addSql = `${header} ${text} NOT VALID`;
  const validateSql = `${header} VALIDATE CONSTRAINT ${q(name)}`;
  return [
    [
      step('expand', guarded(`NOT ${hasConstraint(rel, name)}`, addSql), keys, REASONS.notValid, { local: addSql }),
      step('validate', guarded(hasConstraint(rel, name), validateSql), keys, REASONS.validate, {
        timeout: 'scan',
        local: validateSql,
      }),
    ],
  ];
}

/** PRIMARY KEY or UNIQUE: the index CONCURRENTLY (NOT NULL first for a key), then the constraint on top of it. */
function addUnique(inp: AlterInput, cmd: any): Group[] | undefined {
  const { stmt, ctx, rel, key, table, header } = inp;
  const con = cmd.def?.Constraint;
  if (!con || (con.contype !== 'CONSTR_PRIMARY' && con.contype !== 'CONSTR_UNIQUE')) return undefined;
  if (con.indexname) return undefined;
  const primary = con.contype === 'CONSTR_PRIMARY';
  const rule = primary ? 'adding-serial-primary-key-field' : 'disallowed-unique-constraint';
  if (!ctx.allowed(stmt, rule)) return undefined;
  if (con.options?.length || con.indexspace) {
    note(
      ctx,
      stmt,
      'warning',
      'No automatic plan for a unique or primary key constraint with storage options or a tablespace: build the index CONCURRENTLY by hand, then ADD CONSTRAINT … USING INDEX.',
    );
    return undefined;
  }
  if (table?.partitioned) return undefined;
  const schema = rel.schemaname ?? 'public';
  const taken = (n: string) => nameTaken(ctx, schema, n, table);
  const cols = names(con.keys);
  const name =
    con.conname ??
    reserve(
      ctx,
      schema,
      primary
        ? chooseName(rel.relname, undefined, 'pkey', taken)
        : chooseName(rel.relname, cols.join('_'), 'key', taken),
    );
  const keys = cols.map((c) => colKey(key, c));
  const steps: Step[] = [];
  const validate: Step[] = [];
  const contract: Step[] = [];
  if (primary) {
    for (const c of cols) {
      if (table?.columns.get(c)?.notNull) continue;
      const nn = notNullPath(ctx, stmt, header, rel, table, c);
      steps.push(nn.expand);
      validate.push(nn.validate);
      contract.push(...nn.contract);
    }
  }
  contract.push(attachStep(header, rel, name, con, keys));
  record(ctx, stmt, rule, `unique index ${name} built CONCURRENTLY, then attached with ADD CONSTRAINT … USING INDEX`);
  return [[...steps, ...validate, uniqueIndexStep(rel, name, cols, con, keys), ...contract]];
}

/** ADD CONSTRAINT … FOREIGN KEY / CHECK without NOT VALID. */
export const addNotValidRewrite: AlterCommandRewrite = {
  id: 'add-constraint-not-valid',
  subtype: 'AT_AddConstraint',
  answers: ['constraint-missing-not-valid', 'adding-foreign-key-constraint'],
  rewrite: addNotValid,
};

/** ADD CONSTRAINT … PRIMARY KEY / UNIQUE (not USING INDEX). */
export const addUniqueRewrite: AlterCommandRewrite = {
  id: 'add-unique-constraint',
  subtype: 'AT_AddConstraint',
  answers: ['adding-serial-primary-key-field', 'disallowed-unique-constraint'],
  rewrite: addUnique,
};
