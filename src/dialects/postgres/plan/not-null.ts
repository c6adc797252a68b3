/**
 * NOT NULL on a column of a busy table without a scan under ACCESS EXCLUSIVE:
 * CHECK (col IS NOT NULL) NOT VALID, VALIDATE, SET NOT NULL (no scan on
 * PostgreSQL 12+ thanks to the valid CHECK), DROP CHECK. Used by the SET NOT NULL
 * rewrite here, and by the add-column and primary-key rewrites.
 */
import type { PgStatement } from '../statement.js';
import { relKey, type Table } from '../catalog.js';
import { names } from '../util.js';
import { colKey, guarded, hasConstraint, nameTaken, note, record, reserve, step } from './context.js';
import { chooseName, makeObjectName } from './names.js';
import { withIgnore } from './lint-ignore.js';
import { ident as q } from './quote.js';
import { REASONS } from './reasons.js';
import type { AlterCommandRewrite, AlterInput, Group, NotNullParts, RewriteContext } from './types.js';
import type { Step } from '../../../plan/schedule.js';

/**
 * Why a NOT NULL step of a plan carries no compatibility finding: it is the NOT NULL the migration
 * itself asks for (or one on the plan's own helper column, which its sync trigger fills on every
 * write). Whether the release running now writes the column is the original statement's question:
 * its breaks-running-code finding stays on the original, and the plan lists it as not handled
 * unless the plan has a deploy gate for it (src/dialects/postgres/plan/session.ts).
 */
const COMPAT_WHY =
  "the NOT NULL the migration asks for, after the plan filled the column; whether the running release writes it is the original statement's finding, kept open there";

/**
 * The NOT NULL path for one column. Below 12 the validated CHECK stays, and the
 * plan says why (an expected difference and a note).
 */
export function notNullPath(
  ctx: RewriteContext,
  stmt: PgStatement,
  header: string,
  rel: any,
  table: Table | undefined,
  column: string,
): NotNullParts {
  const key = relKey(rel);
  const schema = rel.schemaname ?? 'public';
  // not `<table>_<column>_not_null`: PostgreSQL 18 gives that name to the NOT NULL constraint itself
  const name = reserve(
    ctx,
    schema,
    chooseName(rel.relname, column, 'not_null_check', (n) => nameTaken(ctx, schema, n, table)),
  );
  const keys = [colKey(key, column)];
  const expand = step(
    'expand',
    withIgnore(
      'breaks-running-code',
      COMPAT_WHY,
      guarded(
        `NOT ${hasConstraint(rel, name)}`,
        `${header} ADD CONSTRAINT ${q(name)} CHECK (${q(column)} IS NOT NULL) NOT VALID`,
      ),
    ),
    keys,
    REASONS.checkNotValid,
  );
  // after the contract the CHECK is gone: validating it again is a no-op, not an error
  const validate = step(
    'validate',
    guarded(hasConstraint(rel, name), `${header} VALIDATE CONSTRAINT ${q(name)}`),
    keys,
    REASONS.validate,
    { timeout: 'scan' },
  );
  const contract: Step[] = [];
  if (ctx.pgVersion >= 12) {
    contract.push(
      step(
        'contract',
        withIgnore(
          'breaks-running-code',
          COMPAT_WHY,
          withIgnore(
            'adding-not-nullable-field',
            `the validated CHECK ${q(name)} proves ${q(column)} holds no NULL, so PostgreSQL 12+ sets NOT NULL without a scan`,
            `${header} ALTER COLUMN ${q(column)} SET NOT NULL`,
          ),
        ),
        keys,
        REASONS.setNotNull,
        { weak: true },
      ),
    );
    contract.push(
      step('contract', `${header} DROP CONSTRAINT IF EXISTS ${q(name)}`, keys, REASONS.setNotNull, { weak: true }),
    );
  } else {
    keepCheckBelow12(ctx, stmt, rel, column, name);
  }
  return { name, expand, validate, contract };
}

/** Below PostgreSQL 12 the validated CHECK stands in for NOT NULL: an expected difference, and a note. */
function keepCheckBelow12(ctx: RewriteContext, stmt: PgStatement, rel: any, column: string, name: string): void {
  const schema = rel.schemaname ?? 'public';
  const what = `${rel.relname}.${column}`;
  const at = `${schema}.${rel.relname}`;
  ctx.expected.push({
    keys: [
      `column ${at}.${column}`,
      `constraint ${at}.${name}`,
      `constraint ${at}.${makeObjectName(rel.relname, column, 'not_null')}`,
    ],
    why: `${what} stays nullable; the validated CHECK constraint ${name} enforces NOT NULL instead (below PostgreSQL 12 SET NOT NULL scans the table)`,
  });
  note(
    ctx,
    stmt,
    'info',
    `Below PostgreSQL 12, SET NOT NULL always scans the whole table under ACCESS EXCLUSIVE, so the plan keeps the validated CHECK (${name}) on ${what} instead of a NOT NULL column. Run SET NOT NULL after upgrading to 12+ (it will then be instant).`,
  );
}

/** A validated CHECK (col IS NOT NULL) already makes SET NOT NULL instant on 12+. */
function provenNotNull(ctx: RewriteContext, table: Table | undefined, column: string): boolean {
  if (ctx.pgVersion < 12 || !table) return false;
  for (const c of table.constraints.values()) {
    if (c.type !== 'check' || !c.validated) continue;
    const nt = c.expr?.NullTest;
    if (nt?.nulltesttype === 'IS_NOT_NULL' && names(nt.arg?.ColumnRef?.fields).at(-1) === column) return true;
  }
  return false;
}

function setNotNull(inp: AlterInput, cmd: any): Group[] | undefined {
  const { stmt, ctx, rel, table, header } = inp;
  const column: string = cmd.name;
  const col = table?.columns.get(column);
  if (col?.notNull) return undefined;
  if (provenNotNull(ctx, table, column)) return undefined;
  if (!ctx.allowed(stmt, 'adding-not-nullable-field')) return undefined;
  const nn = notNullPath(ctx, stmt, header, rel, table, column);
  record(
    ctx,
    stmt,
    'adding-not-nullable-field',
    `NOT NULL on ${column} via CHECK … NOT VALID, VALIDATE, then SET NOT NULL without a scan`,
  );
  return [[nn.expand, nn.validate, ...nn.contract]];
}

/** ALTER COLUMN … SET NOT NULL on an existing table. */
export const setNotNullRewrite: AlterCommandRewrite = {
  id: 'set-not-null',
  subtype: 'AT_SetNotNull',
  answers: ['adding-not-nullable-field'],
  rewrite: setNotNull,
};
