/**
 * The SQL of the int → bigint primary key plan (bigint-key.ts): each widened column's
 * expand, backfill, NOT NULL check and index steps, and the swap's DO block. Every
 * step is guarded by the catalog, so that running a phase again changes nothing.
 */
import { backfillSql } from './backfill.js';
import { withIgnore } from './lint-ignore.js';
import { colKey, guarded, hasColumn, hasConstraint, regclassOf, step } from './context.js';
import { dollarQuote, ident as q, literal, relation as quoteRel, sqlComment } from './quote.js';
import type { RewriteContext } from './types.js';
import type { Step } from '../../../plan/schedule.js';

/** One integer column replaced by a bigint one: the primary key, or a foreign key column referencing it. */
export interface Widened {
  rel: { schemaname?: string; relname: string };
  schema: string;
  /** `schema.table` */
  key: string;
  column: string;
  notNull: boolean;
  /** the replacement column while both exist */
  newName: string;
  /** the old column's name between the swap and the final drop */
  oldName: string;
  /** trigger and its function */
  fn: string;
  /** CHECK (newName IS NOT NULL) NOT VALID, when the column is NOT NULL */
  check?: string;
  /** single-column primary key of the table, to batch the backfill by */
  pk: string;
  /** indexes rebuilt CONCURRENTLY on the new column: CREATE statement, temporary and original names */
  indexes: { create: string; tmp: string; name: string; oldName: string }[];
}

/** SQL condition: the column is still the integer one (before the swap). */
export function narrow(w: Widened, column = w.column): string {
  return `EXISTS (SELECT FROM pg_attribute WHERE attrelid = ${regclassOf(w.rel)} AND attname = ${literal(column)} AND atttypid IN ('int2'::regtype, 'int4'::regtype) AND attnum > 0 AND NOT attisdropped)`;
}

/** SQL condition: both the integer column and its replacement are there. */
function both(w: Widened): string {
  return `${narrow(w)} AND ${hasColumn(w.rel, w.newName)}`;
}

export function keysOf(w: Widened): string[] {
  return [colKey(w.key, w.column), colKey(w.key, w.newName), colKey(w.key, w.oldName)];
}

/** expand: the bigint column, the trigger that copies every write into it, and the NOT NULL check. */
export function expandSteps(ctx: RewriteContext, w: Widened): Step[] {
  const rel = quoteRel(w.rel);
  const fnRef = `${q(w.schema)}.${q(w.fn)}`;
  const keys = keysOf(w);
  const execute = ctx.pgVersion >= 11 ? 'FUNCTION' : 'PROCEDURE';
  const why = `a trigger copies ${w.column} into ${w.newName} on every write while the app still uses ${w.column}`;
  const steps = [
    step(
      'expand',
      // not guarded: run again after the swap, it re-adds an empty helper column so that the index
      // phase (CREATE INDEX CONCURRENTLY cannot be guarded) still finds its column; the last phase drops it
      `ALTER TABLE ${rel} ADD COLUMN IF NOT EXISTS ${q(w.newName)} bigint`,
      keys,
      `add ${w.newName} bigint next to ${w.column} (nullable, no default: no table rewrite)`,
    ),
    step(
      'expand',
      guarded(
        narrow(w),
        `CREATE OR REPLACE FUNCTION ${fnRef}() RETURNS trigger LANGUAGE plpgsql AS ${dollarQuote(`\nBEGIN\n  NEW.${q(w.newName)} := NEW.${q(w.column)};\n  RETURN NEW;\nEND\n`, 'zd')}`,
      ),
      keys,
      why,
    ),
    step(
      'expand',
      guarded(
        `${both(w)} AND NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = ${regclassOf(w.rel)} AND tgname = ${literal(w.fn)})`,
        `CREATE TRIGGER ${q(w.fn)} BEFORE INSERT OR UPDATE ON ${rel} FOR EACH ROW EXECUTE ${execute} ${fnRef}()`,
      ),
      keys,
      why,
    ),
  ];
  if (w.check)
    steps.push(
      step(
        'expand',
        withIgnore(
          'breaks-running-code',
          "the plan's own new column, which its sync trigger fills on every write of the running release",
          guarded(
            `${both(w)} AND NOT ${hasConstraint(w.rel, w.check)}`,
            `ALTER TABLE ${rel} ADD CONSTRAINT ${q(w.check)} CHECK (${q(w.newName)} IS NOT NULL) NOT VALID`,
          ),
        ),
        keys,
        'CHECK (… IS NOT NULL) NOT VALID guards new rows without a scan; validated later, it lets SET NOT NULL skip its scan',
      ),
    );
  return steps;
}

export function backfillStep(ctx: RewriteContext, w: Widened, line: number): Step {
  return step(
    'backfill',
    backfillSql({
      table: quoteRel(w.rel),
      tableName: q(w.rel.relname),
      pk: w.pk,
      set: `${q(w.newName)} = ${q(w.column)}`,
      pending: `${q(w.newName)} IS NULL AND ${q(w.column)} IS NOT NULL`,
      batchSize: ctx.batchSize,
      lockTimeout: ctx.lockTimeout,
      progressKey: `${ctx.path}:${line}:${w.rel.relname}.${w.column}`,
      onlyIf: both(w),
    }),
    [...keysOf(w), colKey(w.key, w.pk)],
    `copy ${w.rel.relname}.${w.column} into ${w.newName} in batches of ${ctx.batchSize}, each committed on its own (safe to run again)`,
  );
}

export function validateCheckStep(w: Widened): Step | undefined {
  if (!w.check) return undefined;
  return step(
    'validate',
    guarded(hasConstraint(w.rel, w.check), `ALTER TABLE ${quoteRel(w.rel)} VALIDATE CONSTRAINT ${q(w.check)}`),
    keysOf(w),
    'validate constraints while reads and writes go on (SHARE UPDATE EXCLUSIVE)',
    { timeout: 'scan' },
  );
}

export function indexSteps(w: Widened): Step[] {
  return w.indexes.map((ix) =>
    step(
      'index',
      `${sqlComment(`if this fails, drop the INVALID index it leaves (DROP INDEX CONCURRENTLY ${q(ix.tmp)}) before running it again`)}\n${ix.create}`,
      keysOf(w),
      `build ${ix.tmp} on ${w.newName} CONCURRENTLY (reads and writes go on)`,
    ),
  );
}

/** A DO block that stops the swap when a row was not copied (a full read; no lock that blocks writes). */
export function copiedGuard(ctx: RewriteContext, all: Widened[], keys: string[], reason: string): Step {
  const checks = all.flatMap((w) => [
    `  IF ${both(w)} THEN`,
    `    IF EXISTS (SELECT FROM ${quoteRel(w.rel)} WHERE ${q(w.newName)} IS DISTINCT FROM ${q(w.column)}) THEN`,
    `      RAISE EXCEPTION '%', ${literal(`zerodown: ${w.rel.relname}.${w.newName} does not hold ${w.rel.relname}.${w.column} on every row (did the backfill phase finish?), so nothing is swapped: run the backfill phase again, then this phase`)};`,
    '    END IF;',
    '  END IF;',
  ]);
  return step(
    'contract',
    [
      sqlComment('the check below reads every row before the swap: no time limit, no lock that blocks writes'),
      'SET statement_timeout = 0;',
      `DO ${dollarQuote(['', 'BEGIN', ...checks, 'END', ''].join('\n'), 'zd')};`,
      `SET statement_timeout = ${literal(ctx.statementTimeout)}`,
    ].join('\n'),
    keys,
    reason,
  );
}

/** The column swap of one widened column, inside the swap's DO block (plpgsql statements). */
function swapColumn(ctx: RewriteContext, w: Widened): string[] {
  const rel = quoteRel(w.rel);
  const out = [
    `    DROP TRIGGER IF EXISTS ${q(w.fn)} ON ${rel};`,
    ...(w.notNull ? [`    ALTER TABLE ${rel} ALTER COLUMN ${q(w.column)} DROP NOT NULL;`] : []),
    `    ALTER TABLE ${rel} RENAME COLUMN ${q(w.column)} TO ${q(w.oldName)};`,
    `    ALTER TABLE ${rel} RENAME COLUMN ${q(w.newName)} TO ${q(w.column)};`,
  ];
  for (const ix of w.indexes) {
    if (ix.name === ix.tmp) continue;
    out.push(
      `    ALTER INDEX ${q(w.schema)}.${q(ix.name)} RENAME TO ${q(ix.oldName)};`,
      `    ALTER INDEX ${q(w.schema)}.${q(ix.tmp)} RENAME TO ${q(ix.name)};`,
    );
  }
  if (w.check && ctx.pgVersion >= 12)
    // the validated CHECK proves there is no NULL: SET NOT NULL skips its scan (PostgreSQL 12+)
    out.push(
      `    ALTER TABLE ${rel} ALTER COLUMN ${q(w.column)} SET NOT NULL;`,
      `    ALTER TABLE ${rel} DROP CONSTRAINT IF EXISTS ${q(w.check)};`,
    );
  return out;
}

export interface SwapSpec {
  key: Widened;
  children: Widened[];
  /** the primary key constraint's name, and the unique index that becomes it */
  pkName: string;
  uniqueIndex: string;
}

/**
 * The swap, one DO block in one short transaction: drop the foreign keys that use the
 * primary key (their definitions kept), move the primary key to the bigint column
 * (ADD CONSTRAINT … PRIMARY KEY USING INDEX), move the identity or the sequence, swap
 * each referencing column, then re-add the foreign keys NOT VALID.
 */
export function swapSql(ctx: RewriteContext, s: SwapSpec): string {
  const w = s.key;
  const rel = quoteRel(w.rel);
  const regclass = regclassOf(w.rel);
  const pkIndex = `(SELECT conindid FROM pg_constraint WHERE conrelid = ${regclass} AND contype = 'p')`;
  const body = [
    '',
    'DECLARE',
    '  zd_fk record;',
    '  zd_fks text[] := ARRAY[]::text[];',
    '  zd_seq text;',
    '  zd_identity "char";',
    '  zd_next bigint;',
    "  zd_options text := '';",
    'BEGIN',
    // run again after the swap, the column is bigint: nothing to do
    `  IF ${both(w)} THEN`,
    '    -- the referenced table first, then the referencing ones: the order an app writes them in (parent, then child)',
    `    LOCK TABLE ${rel} IN ACCESS EXCLUSIVE MODE;`,
    `    FOR zd_fk IN SELECT DISTINCT conrelid::regclass::text AS rel FROM pg_constraint WHERE contype = 'f' AND confrelid = ${regclass} AND conrelid <> ${regclass} ORDER BY 1 LOOP`,
    `      EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', zd_fk.rel);`,
    '    END LOOP;',
    '    -- the foreign keys that use the primary key, as defined now; re-added NOT VALID below',
    `    FOR zd_fk IN SELECT conrelid::regclass::text AS rel, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' AND confrelid = ${regclass} AND conindid = ${pkIndex} ORDER BY 1, 2 LOOP`,
    '      zd_fks := zd_fks || ARRAY[zd_fk.rel, zd_fk.conname, zd_fk.def];',
    `      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', zd_fk.rel, zd_fk.conname);`,
    '    END LOOP;',
    `    zd_seq := pg_get_serial_sequence(${literal(rel)}, ${literal(w.column)});`,
    `    SELECT attidentity INTO zd_identity FROM pg_attribute WHERE attrelid = ${regclass} AND attname = ${literal(w.column)};`,
    `    ALTER TABLE ${rel} DROP CONSTRAINT ${q(s.pkName)};`,
    "    IF zd_identity IN ('a', 'd') THEN",
    '      -- an identity sequence belongs to its column: a new one continues where the old one stopped',
    "      -- the old sequence's increment, cache and cycle carry over; its bounds were integer ones, the new are bigint's",
    "      SELECT format(' INCREMENT BY %s CACHE %s %s', seqincrement, seqcache, CASE WHEN seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END), seqincrement INTO zd_options, zd_next FROM pg_sequence WHERE seqrelid = zd_seq::regclass;",
    `      EXECUTE format('SELECT CASE WHEN is_called THEN last_value + %s ELSE last_value END FROM %s', zd_next, zd_seq) INTO zd_next;`,
    `      ALTER TABLE ${rel} ALTER COLUMN ${q(w.column)} DROP IDENTITY;`,
    '    ELSIF zd_seq IS NOT NULL THEN',
    '      -- serial: the sequence moves to the new column and to bigint',
    `      ALTER TABLE ${rel} ALTER COLUMN ${q(w.column)} DROP DEFAULT;`,
    `      EXECUTE format('ALTER SEQUENCE %s OWNED BY %s.%I', zd_seq, ${literal(rel)}, ${literal(w.newName)});`,
    `      EXECUTE format('ALTER SEQUENCE %s AS bigint', zd_seq);`,
    '    END IF;',
    ...swapColumn(ctx, w).filter((l) => !l.includes('SET NOT NULL') && !l.includes('DROP CONSTRAINT IF EXISTS')),
    '    -- the validated CHECK proves there is no NULL: the primary key takes the unique index without a scan',
    `    ALTER TABLE ${rel} ALTER COLUMN ${q(w.column)} SET NOT NULL;`,
    `    ALTER TABLE ${rel} ADD CONSTRAINT ${q(s.pkName)} PRIMARY KEY USING INDEX ${q(s.uniqueIndex)};`,
    ...(w.check ? [`    ALTER TABLE ${rel} DROP CONSTRAINT IF EXISTS ${q(w.check)};`] : []),
    "    IF zd_identity IN ('a', 'd') THEN",
    `      EXECUTE format('ALTER TABLE %s ALTER COLUMN %I ADD GENERATED %s AS IDENTITY (SEQUENCE NAME %s START WITH %s%s)', ${literal(rel)}, ${literal(w.column)}, CASE zd_identity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END, zd_seq, zd_next, zd_options);`,
    '    ELSIF zd_seq IS NOT NULL THEN',
    `      EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT nextval(%L::regclass)', ${literal(rel)}, ${literal(w.column)}, zd_seq);`,
    '    END IF;',
    ...s.children.flatMap((c) => (c.key === w.key ? [] : swapColumn(ctx, c))),
    '    FOR i IN 1 .. coalesce(array_length(zd_fks, 1), 0) / 3 LOOP',
    `      EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s NOT VALID', zd_fks[3 * i - 2], zd_fks[3 * i - 1], zd_fks[3 * i]);`,
    '    END LOOP;',
    '  END IF;',
    'END',
    '',
  ];
  return `DO ${dollarQuote(body.join('\n'), 'zd')}`;
}

/** validate: every foreign key on the table left NOT VALID by the swap. */
export function validateForeignKeysSql(w: Widened): string {
  const body = [
    '',
    'DECLARE',
    '  zd_fk record;',
    'BEGIN',
    `  FOR zd_fk IN SELECT conrelid::regclass::text AS rel, conname FROM pg_constraint WHERE contype = 'f' AND confrelid = ${regclassOf(w.rel)} AND NOT convalidated ORDER BY 1, 2 LOOP`,
    `    EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', zd_fk.rel, zd_fk.conname);`,
    '  END LOOP;',
    'END',
    '',
  ];
  return `DO ${dollarQuote(body.join('\n'), 'zd')}`;
}

/** contract, after the deploy: the old integer columns and the trigger functions go. */
export function dropOldSteps(all: Widened[], keys: string[], reason: string, deploy: string): Step[] {
  const out: Step[] = [];
  all.forEach((w, i) => {
    out.push(
      step(
        'contract',
        [
          sqlComment(
            `zerodown-ignore ban-drop-column: ${w.oldName} is the old integer ${w.column}, renamed at the swap; since then nothing writes it, and the deploy above ends every reader`,
          ),
          `ALTER TABLE ${quoteRel(w.rel)} DROP COLUMN IF EXISTS ${q(w.oldName)}`,
        ].join('\n'),
        keys,
        reason,
        i === 0 ? { deploy } : {},
      ),
    );
    out.push(
      step(
        'contract',
        guarded(`NOT ${narrow(w)}`, `ALTER TABLE ${quoteRel(w.rel)} DROP COLUMN IF EXISTS ${q(w.newName)}`),
        keys,
        `${reason}; ${w.newName} is there again only when the plan was run a second time after the swap (empty)`,
      ),
    );
    out.push(
      step(
        'contract',
        withIgnore(
          'ban-drop-function',
          "the plan's own sync function, created by its expand phase and unused once the swap is done",
          `DROP FUNCTION IF EXISTS ${q(w.schema)}.${q(w.fn)}()`,
        ),
        keys,
        reason,
      ),
    );
  });
  return out;
}
