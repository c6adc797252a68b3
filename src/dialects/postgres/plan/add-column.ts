/**
 * ADD COLUMN on a busy table, when it would rewrite the table (a volatile
 * default, or any default below PostgreSQL 11), needs a value for existing rows
 * (NOT NULL without a default), or builds an index (inline UNIQUE / PRIMARY KEY):
 *
 *   expand    the column without the volatile default or NOT NULL; the default for new rows;
 *             CHECK (col IS NOT NULL) NOT VALID; inline CHECK / REFERENCES NOT VALID
 *   backfill  existing rows in batches (a following UPDATE of the column folded in)
 *   validate  the constraints
 *   index     the unique index, CONCURRENTLY
 *   contract  SET NOT NULL without a scan, the constraint USING INDEX, a temporary default dropped
 */
import { withIgnore } from './lint-ignore.js';
import type { PgStatement } from '../statement.js';
import { relKey } from '../catalog.js';
import { columnConstraints, names, volatility } from '../util.js';
import { columnBackfill } from './column-backfill.js';
import { attachStep, uniqueIndexStep } from './constraints.js';
import {
  colKey,
  guarded,
  hasConstraint,
  nameTaken,
  note,
  primaryKey,
  record,
  reserve,
  shorten,
  step,
} from './context.js';
import { foreignKeyIndexStep, foreignKeyRefusal } from './fk-column.js';
import { chooseName } from './names.js';
import { notNullPath } from './not-null.js';
import { ident as q } from './quote.js';
import { REASONS } from './reasons.js';
import { findNodes, StmtSource } from './sqltext.js';
import type { AlterCommandRewrite, AlterInput, Group, NotNullParts, RewriteContext } from './types.js';
import type { Step } from '../../../plan/schedule.js';

/** What the ADD COLUMN asks for, and which rule it falls under. */
interface Shape {
  column: string;
  notNull: boolean;
  defCon: any;
  pkCon: any;
  uniqueCons: any[];
  /** inline REFERENCES: split off as NOT VALID, validated later, its column indexed (fk-column.ts) */
  fkCons: any[];
  /** serial, identity or generated: PostgreSQL fills every row itself */
  special: boolean;
  /** the default rewrites the table (volatile, or any default below 11) */
  rewritesTable: boolean;
  /** NOT NULL (or PRIMARY KEY) without a default: existing rows need a value */
  required: boolean;
  rule: string;
}

/** Element spans of a ColumnDef (constraints, COLLATE), within [defStart, defEnd). */
interface Element {
  node: any;
  kind: string;
  start: number;
  end: number;
}

/** The phases' steps as they are built. */
interface Phases {
  expand: Step[];
  backfill: Step[];
  validate: Step[];
  index: Step[];
  contract: Step[];
}

/** The value existing rows get, and what the plan must wait for before the NOT NULL check goes in. */
interface ExistingRows {
  value?: string;
  /** the backfill raises this until a person chooses the value */
  todo?: string;
  /** the app deploy the NOT VALID checks wait for */
  checkBarrier?: string;
}

function shapeOf(ctx: RewriteContext, def: any): Omit<Shape, 'rule'> & { rule?: string } {
  const cons = columnConstraints(def);
  const notNull = cons.some((c) => c.contype === 'CONSTR_NOTNULL');
  const defCon = cons.find((c) => c.contype === 'CONSTR_DEFAULT');
  const pkCon = cons.find((c) => c.contype === 'CONSTR_PRIMARY');
  const uniqueCons = cons.filter((c) => c.contype === 'CONSTR_UNIQUE');
  const fkCons = cons.filter((c) => c.contype === 'CONSTR_FOREIGN');
  const typeNames = names(def.typeName?.names);
  const serial = /^(small|big)?serial[248]?$/.test(typeNames[typeNames.length - 1] ?? '');
  const special = serial || cons.some((c) => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED');
  const rewritesTable = !!defCon && (volatility(defCon.raw_expr) === 'volatile' || ctx.pgVersion < 11);
  const required = (notNull || !!pkCon) && !defCon;
  const needsIndex = !!pkCon || uniqueCons.length > 0;
  const base = {
    column: def.colname as string,
    notNull,
    defCon,
    pkCon,
    uniqueCons,
    fkCons,
    special,
    rewritesTable,
    required,
  };
  if (!rewritesTable && !required && !needsIndex && !fkCons.length) return base;
  const rule = rewritesTable
    ? 'adding-field-with-default'
    : required
      ? 'adding-required-field'
      : pkCon
        ? 'adding-serial-primary-key-field'
        : needsIndex
          ? 'disallowed-unique-constraint'
          : 'adding-foreign-key-constraint';
  return { ...base, rule };
}

/** Source spans of the elements of a ColumnDef (constraints, COLLATE), within [defStart, defEnd). */
function columnElements(def: any, defEnd: number): Element[] {
  const els: Element[] = [];
  for (const c of def.constraints ?? []) {
    if (c.Constraint && typeof c.Constraint.location === 'number')
      els.push({ node: c.Constraint, kind: c.Constraint.contype, start: c.Constraint.location, end: 0 });
  }
  if (def.collClause && typeof def.collClause.location === 'number')
    els.push({ node: def.collClause, kind: 'COLLATE', start: def.collClause.location, end: 0 });
  els.sort((a, b) => a.start - b.start);
  els.forEach((e, i) => (e.end = els[i + 1]?.start ?? defEnd));
  return els;
}

/** The text from start to end without the `remove` spans, whitespace folded. */
function cut(src: StmtSource, start: number, end: number, remove: { start: number; end: number }[]): string {
  let out = '';
  let at = start;
  for (const r of [...remove].sort((a, b) => a.start - b.start)) {
    out += src.slice(at, r.start);
    at = r.end;
  }
  out += src.slice(at, end);
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * The ADD COLUMN IF NOT EXISTS step without what must wait (NOT NULL, the volatile default,
 * UNIQUE / PRIMARY KEY, inline CHECK when rows need a backfill first, and inline REFERENCES,
 * whose check would scan the table under the ADD COLUMN's lock), and the CHECK / REFERENCES taken out.
 */
function expandColumn(inp: AlterInput, def: any, s: Shape, keys: string[]): { step: Step; split: Element[] } {
  const needsBackfill = s.rewritesTable || s.required;
  const remove: Element[] = [];
  const split: Element[] = [];
  for (const e of columnElements(def, inp.cmdEnd)) {
    if (e.kind === 'CONSTR_NOTNULL' && needsBackfill) remove.push(e);
    else if (e.kind === 'CONSTR_DEFAULT' && s.rewritesTable) remove.push(e);
    else if (e.kind === 'CONSTR_PRIMARY' || e.kind === 'CONSTR_UNIQUE') remove.push(e);
    else if ((e.kind === 'CONSTR_CHECK' && needsBackfill) || e.kind === 'CONSTR_FOREIGN') {
      remove.push(e);
      split.push(e);
    }
  }
  // IF NOT EXISTS: the expand phase can run again
  const columnSql = cut(inp.src, inp.cmdStart, inp.cmdEnd, remove).replace(
    /^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?/i,
    'ADD COLUMN IF NOT EXISTS ',
  );
  return { step: step('expand', `${inp.header} ${columnSql}`, keys, REASONS.addColumn), split };
}

function backfillValueFromConfig(ctx: RewriteContext, rel: any, column: string): string | undefined {
  const schema = rel.schemaname ?? 'public';
  return ctx.backfill[`${rel.relname}.${column}`] ?? ctx.backfill[`${schema}.${rel.relname}.${column}`];
}

/** True when an expression (source text) reads a column, or cannot be read. */
function readsColumns(value: string): boolean {
  try {
    return findNodes(new StmtSource(`SELECT ${value}`).ast, 'ColumnRef').length > 0;
  } catch {
    return true;
  }
}

/**
 * The value existing rows get: the volatile default (set for new rows too), the value
 * from `plan.backfill` in the config (a temporary default while it is a constant), or
 * NULL with a TODO that stops the backfill until a person chooses.
 */
function existingRows(inp: AlterInput, s: Shape, keys: string[], ph: Phases): ExistingRows {
  const { stmt, ctx, rel, src, header } = inp;
  const { column } = s;
  const tableName = `${rel.relname}.${column}`;
  const waitForApp = `the app must set ${tableName} on every INSERT before the NOT NULL check goes in`;
  if (s.rewritesTable) {
    const value = src.expr(s.defCon.raw_expr);
    ph.expand.push(
      step('expand', `${header} ALTER COLUMN ${q(column)} SET DEFAULT ${value}`, keys, 'new rows get the default'),
    );
    return { value };
  }
  if (!s.required) return {};
  const value = backfillValueFromConfig(ctx, rel, column);
  if (value === undefined) {
    note(
      ctx,
      stmt,
      'todo',
      `${tableName} is NOT NULL without a default, so existing rows need a value. zerodown does not guess it: the backfill phase raises an exception until you replace NULL with the value (or set plan.backfill."${tableName}" in zerodown.config.json).`,
    );
    return {
      value: 'NULL',
      todo: `zerodown: choose the value of ${tableName} for existing rows: replace NULL in the UPDATE below (or set plan.backfill."${tableName}" in the config), then delete this RAISE line`,
      checkBarrier: waitForApp,
    };
  }
  let checkBarrier: string | undefined;
  if (!readsColumns(value)) {
    // a temporary default keeps INSERTs that do not name the column working until the contract
    ph.expand.push(
      step(
        'expand',
        `${header} ALTER COLUMN ${q(column)} SET DEFAULT ${value}`,
        keys,
        'a temporary default keeps INSERTs that do not set the column working until the contract phase',
      ),
    );
    ph.contract.push(
      step(
        'contract',
        withIgnore(
          'breaks-running-code',
          'after the deploy gate above: every running instance writes the column',
          withIgnore(
            'ban-drop-default',
            `the plan's own temporary default, dropped after the deploy gate: the original ${q(column)} has none`,
            `${header} ALTER COLUMN ${q(column)} DROP DEFAULT`,
          ),
        ),
        keys,
        'drop the temporary default: the column has no default in the original migration',
        {
          weak: true,
          deploy: `the app must set ${tableName} on every INSERT: from this phase on, an INSERT without it fails (as the original migration intends)`,
        },
      ),
    );
  } else {
    checkBarrier = waitForApp;
  }
  note(
    ctx,
    stmt,
    'info',
    `Existing rows of ${tableName} get ${shorten(value, 60)} (from plan.backfill in the config).`,
  );
  return { value, ...(checkBarrier ? { checkBarrier } : {}) };
}

/** A NOT VALID check waits for the app deploy when existing rows have no value yet. */
function withBarrier(s: Step, checkBarrier: string | undefined): Step {
  if (checkBarrier) {
    s.barrier = true;
    s.deploy = checkBarrier;
  }
  return s;
}

/** Inline CHECK / REFERENCES: NOT VALID now, VALIDATE after the backfill. */
function splitConstraint(inp: AlterInput, column: string, e: Element, keys: string[], rows: ExistingRows, ph: Phases) {
  const { ctx, rel, table, src, header } = inp;
  const schema = rel.schemaname ?? 'public';
  const con = e.node;
  const label = e.kind === 'CONSTR_CHECK' ? 'check' : 'fkey';
  const name =
    con.conname ??
    reserve(
      ctx,
      schema,
      chooseName(rel.relname, column, label, (n) => nameTaken(ctx, schema, n, table)),
    );
  let text = src.slice(e.start, e.end).trim();
  text = text.replace(/^CONSTRAINT\s+("(?:[^"]|"")+"|\S+)\s+/i, '');
  if (e.kind === 'CONSTR_FOREIGN') text = `FOREIGN KEY (${q(column)}) ${text}`;
  const more = con.pktable ? [relKey(con.pktable)] : [];
  const s = step(
    'expand',
    guarded(`NOT ${hasConstraint(rel, name)}`, `${header} ADD CONSTRAINT ${q(name)} ${text} NOT VALID`),
    [...keys, ...more],
    REASONS.notValid,
  );
  ph.expand.push(withBarrier(s, rows.checkBarrier));
  ph.validate.push(
    step(
      'validate',
      guarded(hasConstraint(rel, name), `${header} VALIDATE CONSTRAINT ${q(name)}`),
      [...keys, ...more],
      REASONS.validate,
      { timeout: 'scan' },
    ),
  );
}

/** Inline UNIQUE / PRIMARY KEY: a concurrent unique index, then the constraint on top of it. */
function uniqueConstraints(inp: AlterInput, s: Shape, keys: string[], ph: Phases): void {
  const { ctx, rel, table, header } = inp;
  const schema = rel.schemaname ?? 'public';
  const taken = (n: string) => nameTaken(ctx, schema, n, table);
  for (const con of [...s.uniqueCons, ...(s.pkCon ? [s.pkCon] : [])]) {
    const primary = con.contype === 'CONSTR_PRIMARY';
    const name =
      con.conname ??
      reserve(
        ctx,
        schema,
        primary ? chooseName(rel.relname, undefined, 'pkey', taken) : chooseName(rel.relname, s.column, 'key', taken),
      );
    ph.index.push(uniqueIndexStep(rel, name, [s.column], con, keys, s.column));
    ph.contract.push(attachStep(header, rel, name, con, keys));
  }
}

function summary(s: Shape, nn: NotNullParts | undefined, todo: string | undefined): string {
  const { column } = s;
  return s.rewritesTable
    ? `add ${column} without the volatile default, set the default for new rows, backfill in batches${nn ? ', then NOT NULL via a validated CHECK' : ''}`
    : s.required
      ? `add ${column} nullable, backfill${todo ? ' (value needed: TODO)' : ''}, then NOT NULL via a validated CHECK`
      : s.uniqueCons.length || s.pkCon
        ? `add ${column}, then build its unique index concurrently and attach it`
        : `add ${column} without the foreign key, add it NOT VALID, validate it in a later phase, index ${column} concurrently`;
}

function addColumn(inp: AlterInput, cmd: any): Group[] | undefined {
  const { stmt, ctx, rel, key, table, header } = inp;
  const def = cmd.def?.ColumnDef;
  if (!def) return undefined;
  if (cmd.missing_ok && table?.columns.has(def.colname)) return undefined;
  const shape = shapeOf(ctx, def);
  if (!shape.rule) return undefined;
  const s = shape as Shape;
  const { column } = s;
  if (!ctx.allowed(stmt, s.rule)) return undefined;
  if (s.rule === 'adding-foreign-key-constraint' && !ctx.allowed(stmt, 'index-same-step-as-add-column'))
    return undefined;
  if (s.special) {
    note(
      ctx,
      stmt,
      'warning',
      `No automatic plan for adding ${column} as a serial, identity or generated column to an existing table: PostgreSQL fills every row under ACCESS EXCLUSIVE. Add a plain column, backfill it in batches, then attach the sequence or identity.`,
    );
    return undefined;
  }
  const refused = s.fkCons.length ? foreignKeyRefusal(inp, column) : undefined;
  if (refused) return void note(ctx, stmt, 'warning', refused);
  const keys = [colKey(key, column)];
  const expanded = expandColumn(inp, def, s, keys);
  const ph: Phases = { expand: [expanded.step], backfill: [], validate: [], index: [], contract: [] };
  const rows = existingRows(inp, s, keys, ph);

  let nn: NotNullParts | undefined;
  if ((s.notNull || s.pkCon) && !table?.columns.get(column)?.notNull) {
    nn = notNullPath(ctx, stmt, header, rel, table, column);
    ph.expand.push(withBarrier(nn.expand, rows.checkBarrier));
  }
  for (const e of expanded.split) splitConstraint(inp, column, e, keys, rows, ph);
  if (s.rewritesTable || s.required) {
    ph.backfill.push(
      columnBackfill(ctx, {
        stmt,
        rel,
        pk: primaryKey(table)?.name,
        column,
        value: rows.value!,
        todo: rows.todo,
        keys,
        onFused: (fused?: PgStatement) => {
          if (fused) record(ctx, fused, 'unbatched-backfill', `folded into the batched backfill of ${column}`);
        },
      }),
    );
  }
  if (nn) {
    ph.validate.unshift(nn.validate);
    ph.contract.unshift(...nn.contract);
  }
  uniqueConstraints(inp, s, keys, ph);
  // an inline UNIQUE / PRIMARY KEY on the column already gives the foreign key its index
  for (const fk of s.uniqueCons.length || s.pkCon ? [] : s.fkCons) {
    const ix = foreignKeyIndexStep(inp, column, fk.pktable);
    if (ix) ph.index.push(ix);
  }
  record(ctx, stmt, s.rule, summary(s, nn, rows.todo));
  return [[...ph.expand, ...ph.backfill, ...ph.validate, ...ph.index, ...ph.contract]];
}

/** ADD COLUMN that rewrites the table, needs a value for existing rows, or builds a unique index. */
export const addColumnRewrite: AlterCommandRewrite = {
  id: 'add-column',
  subtype: 'AT_AddColumn',
  answers: [
    'adding-field-with-default',
    'adding-required-field',
    // an inline UNIQUE / PRIMARY KEY builds its index in the same step as the column (the plan's
    // list of rewrites labels it adding-serial-primary-key-field or disallowed-unique-constraint)
    'index-same-step-as-add-column',
    // a following UPDATE of the new column, folded into its backfill
    'unbatched-backfill',
    // inline UNIQUE: the unique index is built concurrently, then attached (reported on its own)
    'disallowed-unique-constraint',
    // inline REFERENCES: the foreign key added NOT VALID, validated later, the column indexed
    // concurrently (fk-column.ts)
    'adding-foreign-key-constraint',
  ],
  rewrite: addColumn,
};
