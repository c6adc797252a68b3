/**
 * ALTER TABLE and CREATE INDEX for MySQL/MariaDB.
 *
 * - Fail fast: a change predicted online is sent with an explicit `ALGORITHM=INSTANT` (alone: with
 *   LOCK it is error 1221 on MySQL) or `ALGORITHM=INPLACE, LOCK=NONE`, after `SET SESSION
 *   lock_wait_timeout`, so a wrong prediction makes the server refuse instead of copying the
 *   table under a write lock (MySQL 8.0/8.4 reference manual, "Online DDL Operations"; MariaDB KB
 *   "InnoDB Online DDL Operations with ALGORITHM=INSTANT / INPLACE / NOCOPY").
 * - Split: ADD COLUMN together with an index (one ALTER runs every clause with one algorithm, so
 *   the instant ADD waits for the index build), or a NOT NULL column whose default cannot be added
 *   instantly (MariaDB 10.11 refuses INSTANT and INPLACE for `ADD COLUMN c … NOT NULL DEFAULT
 *   (uuid())`, measured) becomes: add the column nullable (INSTANT), fill it in batches, build the
 *   index in its own phase (INPLACE, LOCK=NONE), then MODIFY it to NOT NULL with its default
 *   (INPLACE, LOCK=NONE: an online rebuild, measured on MariaDB 10.11).
 * - A change only a table copy can make (COPY, or INPLACE with LOCK=SHARED) becomes a phase whose
 *   SQL is the plain ALTER, with gh-ost and pt-online-schema-change commands to run instead.
 */
import type { Step } from '../../../plan/schedule.js';
import type { AlterOp, AlterTableAst, ColumnDef, CreateIndexAst, IndexDef, MyStatement, MyTable } from '../ast.js';
import { isCharacterType } from '../catalog.js';
import { backfillSql, batchingOf } from './backfill.js';
import { colKey, note, record, step, tableKey, type MyRewriteContext } from './context.js';
import { oscCommands } from './osc.js';
import { isOnline, type Prediction } from './predict.js';
import { duplicatesQuery, nullsQuery, orphansQuery, removedValuesQuery, tooLongQuery } from './preflight.js';
import type { PreflightQuery } from '../../../plan/types.js';
import {
  addIndexSql,
  alterSql,
  columnSql,
  comment,
  ident,
  lockWaitSeconds,
  lockWaitSql,
  plainAlterSql,
  positionSql,
} from './sqltext.js';

/** Rules whose findings a plan from this module answers. */
export const ALTER_ANSWERS = [
  'adding-field-with-default',
  'index-same-step-as-add-column',
  'require-lock-timeout',
  // the plan writes its own ALGORITHM/LOCK: online where the server can, else an online schema change tool
  'ban-explicit-copy-or-lock',
] as const;

/**
 * Rules whose advice for a big table is "run it with gh-ost or pt-online-schema-change": a phase
 * with those commands answers them, when at least one tool can run on the table as it stands.
 */
export const COPY_ANSWERS = [
  'alter-table-not-online',
  'changing-column-type',
  'charset-conversion',
  'adding-fulltext-or-spatial-index',
  'adding-auto-increment-column',
  'adding-stored-generated-column',
] as const;

/**
 * ADD FOREIGN KEY copies the table with foreign_key_checks=1; with it off the server adds the key
 * INPLACE, LOCK=NONE without checking existing rows (MySQL reference manual, "Online DDL
 * Operations", foreign key operations; measured on MariaDB 10.11: error 1846 "Adding foreign keys
 * needs foreign_key_checks=OFF", then accepted with an orphan row in place). The plan does that,
 * with a pre-flight query for the rows the key would not accept.
 */
export const FK_ANSWERS = ['adding-foreign-key-constraint'] as const;

type Group = Step[];

/** The same ALTER with other clauses: what the prediction is asked about for one piece of a split. */
export function piece(ast: AlterTableAst, ops: AlterOp[], body: string): AlterTableAst {
  const { algorithm: _a, lock: _l, online: _o, wait: _w, ...rest } = ast;
  return { ...rest, ops, body };
}

/** Read-only checks before the change: the rows it would fail on or lose. */
export function preflightFor(ast: AlterTableAst, t: MyTable | undefined): PreflightQuery[] {
  const out: PreflightQuery[] = [];
  const col = (name: string) => t?.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  for (const op of ast.ops) {
    if (op.op === 'addIndex' && (op.index.kind === 'unique' || op.index.kind === 'primary')) {
      const q = duplicatesQuery(ast.table, op.index);
      if (q) out.push(q);
      if (op.index.kind === 'primary')
        for (const c of op.index.columns)
          if (!c.expression && col(c.name)?.nullable) out.push(nullsQuery(ast.table, c.name));
    }
    if (op.op === 'modifyColumn' || op.op === 'changeColumn') {
      const from = op.op === 'changeColumn' ? op.from : op.column.name;
      const before = col(from);
      if (!before) continue;
      const after = op.column;
      if (after.nullable === false && before.nullable) out.push(nullsQuery(ast.table, from));
      const chars = ['char', 'varchar', 'tinytext', 'text'];
      const newLen = after.type.args?.[0];
      const oldLen = before.type.args?.[0];
      if (
        chars.includes(after.type.name) &&
        newLen !== undefined &&
        (oldLen === undefined || newLen < oldLen) &&
        chars.includes(before.type.name)
      )
        out.push(tooLongQuery(ast.table, from, newLen));
      if ((after.type.name === 'enum' || after.type.name === 'set') && before.type.values && after.type.values) {
        const kept = new Set(after.type.values);
        if (before.type.values.some((v) => !kept.has(v)))
          out.push(removedValuesQuery(ast.table, from, after.type.values));
      }
    }
    if (op.op === 'addColumn' && op.column.unique) {
      const q = duplicatesQuery(ast.table, { kind: 'unique', columns: [{ name: op.column.name }] });
      if (q) out.push(q);
    }
  }
  return out;
}

/** The step that makes one ALTER (or one piece of a split) as predicted: fail-fast online, or a tool copy. */
export function changeStep(
  ctx: MyRewriteContext,
  kind: Step['kind'],
  ast: AlterTableAst,
  t: MyTable | undefined,
  pred: Prediction,
  keys: string[],
  reason: string,
): Step {
  const preflight = preflightFor(ast, t);
  const extra: Partial<Step> = preflight.length ? { preflight } : {};
  if (isOnline(pred)) {
    const mode = pred.algorithm === 'INSTANT' ? 'INSTANT' : 'INPLACE';
    return step(
      kind,
      `${lockWaitSql(ctx.settings.lockTimeout)}\n${alterSql(ast.table, ast.body, mode)}`,
      keys,
      reason,
      extra,
    );
  }
  const addsUnique = ast.ops.some(
    (o) =>
      (o.op === 'addIndex' && (o.index.kind === 'unique' || o.index.kind === 'primary')) ||
      (o.op === 'addColumn' && !!(o.column.unique || o.column.primaryKey)),
  );
  const commands = oscCommands({
    table: ast.table,
    body: ast.body,
    catalogTable: t,
    referencedBy: ctx.catalog.referencing(ast.table),
    addsUnique,
    addsForeignKey: ast.ops.some((o) => o.op === 'addForeignKey' || (o.op === 'addColumn' && !!o.column.references)),
    chunkSize: ctx.settings.batchSize,
    lockWaitSeconds: lockWaitSeconds(ctx.settings.lockTimeout),
  });
  const sql = [
    comment(
      `${pred.algorithm}${pred.lock !== 'NONE' ? `, LOCK=${pred.lock}` : ''}: this ALTER blocks writes to the table while the server copies it. On a large table run the gh-ost or pt-online-schema-change command of this phase instead; the ALTER below is their end state.`,
    ),
    lockWaitSql(ctx.settings.lockTimeout),
    plainAlterSql(ast.table, ast.body),
  ].join('\n');
  return step(kind, sql, keys, reason, { ...extra, commands });
}

/** A column the split can add nullable and fill afterwards. */
function splittable(c: ColumnDef): boolean {
  return !c.autoIncrement && !c.generated && !c.primaryKey && !c.unique && !c.references && !c.check;
}

/** The split of an ALTER made only of ADD COLUMN and ADD INDEX clauses; undefined when it does not apply. */
function split(
  ctx: MyRewriteContext,
  stmt: MyStatement,
  ast: AlterTableAst,
  t: MyTable | undefined,
): Group[] | undefined {
  const adds = ast.ops.filter((o): o is Extract<AlterOp, { op: 'addColumn' }> => o.op === 'addColumn');
  const indexes = ast.ops.filter((o): o is Extract<AlterOp, { op: 'addIndex' }> => o.op === 'addIndex');
  if (adds.length + indexes.length !== ast.ops.length || !adds.length) return undefined;
  if (!adds.every((a) => splittable(a.column) && !a.ifNotExists) || indexes.some((i) => i.ifNotExists))
    return undefined;
  const server = ctx.server;
  const groups: Group[] = [];
  let splitAny = indexes.length > 0;
  for (const a of adds) {
    const c = a.column;
    const whole = ctx.predict(piece(ast, [a], `ADD COLUMN ${columnSql(c)}${positionSql(a.position)}`), t, server);
    if (!whole) return undefined;
    const key = colKey(ast.table, c.name);
    const filled = c.default && c.default.kind !== 'null';
    if (whole.algorithm === 'INSTANT' || !filled) {
      groups.push([
        changeStep(
          ctx,
          'expand',
          piece(ast, [a], `ADD COLUMN ${columnSql(c)}${positionSql(a.position)}`),
          t,
          whole,
          [key],
          'add the column (instant where the server can)',
        ),
      ]);
      continue;
    }
    // add it empty, fill it in batches, then give it its NOT NULL and default
    const bare: ColumnDef = { ...c, nullable: true };
    delete bare.default;
    const addBody = `ADD COLUMN ${columnSql(bare)}${positionSql(a.position)}`;
    const addAst = piece(ast, [{ ...a, column: bare }], addBody);
    const addPred = ctx.predict(addAst, t, server);
    if (!addPred) return undefined;
    const modify: ColumnDef = c;
    const modBody = `MODIFY COLUMN ${columnSql(modify)}`;
    const modAst = piece(ast, [{ op: 'modifyColumn', column: modify }], modBody);
    // the column is new: the table as it will be then
    const tAfter: MyTable | undefined = t && {
      ...t,
      columns: [
        ...t.columns,
        {
          name: c.name,
          type: c.type,
          nullable: true,
          autoIncrement: false,
          invisible: false,
          // as the catalog replays it: the column's charset, else the table's (character types only)
          ...(isCharacterType(c.type.name) && (c.type.charset ?? t.charset)
            ? { charset: c.type.charset ?? t.charset }
            : {}),
          ...(isCharacterType(c.type.name) && (c.type.collation ?? t.collation)
            ? { collation: c.type.collation ?? t.collation }
            : {}),
        },
      ],
    };
    const modPred = ctx.predict(modAst, tAfter, server);
    if (!modPred) return undefined;
    splitAny = true;
    const g: Group = [
      changeStep(
        ctx,
        'expand',
        addAst,
        t,
        addPred,
        [key],
        'add the column nullable and without its default: instant, no table copy',
      ),
    ];
    g.push(
      step(
        'backfill',
        backfillSql({
          table: ast.table,
          catalogTable: t,
          set: [{ column: c.name, expr: c.default!.text }],
          guard: `${ident(c.name)} IS NULL`,
          batchSize: ctx.settings.batchSize,
          lockTimeout: ctx.settings.lockTimeout,
        }),
        [key],
        `fill existing rows in batches of ${ctx.settings.batchSize}, each committed on its own (no long row locks, no replica lag spike; safe to run again)`,
      ),
    );
    const contract = changeStep(
      ctx,
      'contract',
      modAst,
      tAfter,
      modPred,
      [key],
      'give the column its NOT NULL and default once every row has a value',
    );
    // only nullability and the default change: the index build need not wait for it (schedule.ts)
    contract.weak = true;
    g.push(contract);
    groups.push(g);
    note(
      ctx,
      stmt,
      'info',
      `${c.name}: rows the application inserts between the add and the last phase get NULL; deploy code that writes ${c.name} first, or run the backfill phase again right before the last phase (batches ${batchingOf(t) === 'key-range' ? 'by primary-key ranges' : 'by UPDATE … LIMIT, the table has no usable one-column primary key'}).`,
    );
  }
  if (!splitAny) return undefined;
  for (const ix of indexes) groups.push([indexStep(ctx, ast, t, ix.index)].filter((s): s is Step => !!s));
  return groups.some((g) => !g.length) ? undefined : groups;
}

/** One index in its own phase; undefined when the prediction cannot tell. */
function indexStep(ctx: MyRewriteContext, ast: AlterTableAst, t: MyTable | undefined, ix: IndexDef): Step | undefined {
  const body = addIndexSql(ix);
  const sub = piece(ast, [{ op: 'addIndex', index: ix }], body);
  const pred = ctx.predict(sub, t, ctx.server);
  if (!pred) return undefined;
  const keys = ix.columns.filter((c) => !c.expression).map((c) => colKey(ast.table, c.name));
  return changeStep(
    ctx,
    'index',
    sub,
    t,
    pred,
    keys.length ? keys : [tableKey(ast.table)],
    'build the index in its own phase, after the data it indexes exists',
  );
}

const ANSWERS = new Set<string>(ALTER_ANSWERS);
const FK_ALL = new Set<string>([...ALTER_ANSWERS, ...FK_ANSWERS, 'alter-table-not-online']);

/** An ALTER that only adds foreign keys: online with foreign_key_checks off, after the orphan pre-flight. */
function foreignKeys(
  ctx: MyRewriteContext,
  stmt: MyStatement,
  ast: AlterTableAst,
  t: MyTable | undefined,
): Step[][] | undefined {
  const fks = ast.ops.filter((o): o is Extract<AlterOp, { op: 'addForeignKey' }> => o.op === 'addForeignKey');
  if (!fks.length || fks.length !== ast.ops.length) return undefined;
  const rules = covered(ctx, stmt, FK_ALL);
  if (!rules) return undefined;
  const whole = piece(ast, ast.ops, ast.body);
  const pred = ctx.predict(whole, t, ctx.server, { foreignKeyChecks: false });
  const preflight = fks.map((f) => orphansQuery(ast.table, f.fk));
  if (!pred || !isOnline(pred) || preflight.some((q) => !q)) return undefined;
  const sql = [
    lockWaitSql(ctx.settings.lockTimeout),
    // session only: if the ALTER fails, end the session before running anything else in it
    'SET SESSION foreign_key_checks = 0;',
    alterSql(ast.table, ast.body, pred.algorithm === 'INSTANT' ? 'INSTANT' : 'INPLACE'),
    'SET SESSION foreign_key_checks = 1;',
  ].join('\n');
  record(
    ctx,
    stmt,
    rules,
    'the foreign key added INPLACE, LOCK=NONE with foreign_key_checks off, after a pre-flight query for rows it would not accept',
  );
  note(
    ctx,
    stmt,
    'warning',
    `With foreign_key_checks=0 the server does not check existing rows against the new foreign key: run the pre-flight query on production first; it must return 0, or the key holds rows that break it.`,
  );
  return [
    [
      step(
        'expand',
        sql,
        [tableKey(ast.table), ...fks.map((f) => tableKey(f.fk.refTable))],
        'add the foreign key without a table copy: foreign_key_checks off for this session only (existing rows are checked by the pre-flight query instead)',
        {
          preflight: preflight as PreflightQuery[],
        },
      ),
    ],
  ];
}
const WITH_TOOLS = new Set<string>([...ALTER_ANSWERS, ...COPY_ANSWERS]);

/** Some tool can run on the table as it stands (no precondition known to fail). */
const toolUsable = (s: Step) => !!s.commands?.some((c) => c.preconditions.every((p) => p.met !== false));

/**
 * Findings that advise on the migration around the statement, not on how the statement runs
 * (merge-alter-table: "merge this ALTER with the previous one"): they do not stop a rewrite, and
 * they stay "not handled" in the plan, since no rewrite merges statements.
 */
export const ADVISORY: ReadonlySet<string> = new Set(['merge-alter-table']);

/** The flagged rules, when `answers` covers every one that is not advisory and none is ignored; else undefined. */
function covered(ctx: MyRewriteContext, stmt: MyStatement, answers: ReadonlySet<string>): Set<string> | undefined {
  const rules = new Set([...ctx.flaggedBy(stmt)].filter((r) => !ADVISORY.has(r)));
  for (const r of rules) if (!answers.has(r) || !ctx.allowed(stmt, r)) return undefined;
  return rules;
}

/** ALTER TABLE: split, fail fast, or a tool copy. Undefined: kept as written (a note says why). */
export function rewriteAlter(ctx: MyRewriteContext, stmt: MyStatement, ast: AlterTableAst): Step[][] | undefined {
  if (!covered(ctx, stmt, WITH_TOOLS) && !covered(ctx, stmt, FK_ALL)) return undefined;
  if (!ast.body.trim()) {
    note(
      ctx,
      stmt,
      'warning',
      'No automatic plan for this ALTER: zerodown could not tell its clauses apart; it is kept as written.',
    );
    return undefined;
  }
  if (ast.ignore || ast.ifExists) {
    // reissuing the clauses under a plain ALTER TABLE would drop IGNORE / IF EXISTS and change what the statement does
    note(
      ctx,
      stmt,
      'warning',
      `No automatic plan for this ALTER: zerodown does not reissue ALTER ${ast.ignore ? 'IGNORE ' : ''}TABLE${ast.ifExists ? ' IF EXISTS' : ''} in parts; it is kept as written.`,
    );
    return undefined;
  }
  if (ast.ops.some((o) => o.op === 'partition' || o.op === 'other')) {
    // partition clauses must come last and ORDER BY / tablespace clauses take no online clause: not reissued
    note(
      ctx,
      stmt,
      'warning',
      'No automatic plan for this ALTER: it has partition or other clauses zerodown does not reissue with ALGORITHM/LOCK; it is kept as written.',
    );
    return undefined;
  }
  const t = ctx.catalog.table(ast.table);
  const fk = foreignKeys(ctx, stmt, ast, t);
  if (fk) return fk;
  const parts = split(ctx, stmt, ast, t);
  // every piece online: the copy findings are answered too; a piece only a tool can make: when the tool can run
  const steps = parts?.flat() ?? [];
  const splitRules =
    parts && covered(ctx, stmt, steps.every((x) => !x.commands || toolUsable(x)) ? WITH_TOOLS : ANSWERS);
  if (parts && splitRules) {
    record(
      ctx,
      stmt,
      splitRules,
      'add the column instantly, fill it in batches, build each index in its own phase, then set NOT NULL',
    );
    return parts;
  }
  // what the server can do, whatever ALGORITHM/LOCK the migration asked for (the plan writes its own)
  const pred = ctx.predict(piece(ast, ast.ops, ast.body), t, ctx.server);
  if (!pred) {
    note(
      ctx,
      stmt,
      'warning',
      'No automatic plan for this ALTER: zerodown cannot predict how the server runs it; it is kept as written.',
    );
    return undefined;
  }
  const online = isOnline(pred);
  const s = changeStep(
    ctx,
    'expand',
    ast,
    t,
    pred,
    [tableKey(ast.table)],
    online
      ? `run online (${pred.algorithm}${pred.algorithm === 'INSTANT' ? '' : ', LOCK=NONE'}); the server refuses rather than copies if it cannot`
      : `only a table copy can make this change (${pred.algorithm}${pred.lock !== 'NONE' ? `, LOCK=${pred.lock}` : ''}): use an online schema change tool`,
  );
  const rules = covered(ctx, stmt, online || !toolUsable(s) ? ANSWERS : WITH_TOOLS);
  if (!rules) {
    if (!online && !toolUsable(s))
      note(
        ctx,
        stmt,
        'warning',
        `No automatic plan for this ALTER: only a table copy can make it, and neither gh-ost nor pt-online-schema-change can run on ${ast.table.name} as it stands (${s.commands?.flatMap((c) => c.preconditions.filter((p) => p.met === false).map((p) => p.text)).join('; ')}).`,
      );
    return undefined;
  }
  // nothing flagged: nothing to answer, but the statement is still sent fail-fast when the file gets a plan
  record(
    ctx,
    stmt,
    rules,
    online
      ? `explicit ALGORITHM=${pred.algorithm} after SET SESSION lock_wait_timeout`
      : 'gh-ost / pt-online-schema-change commands in place of the copying ALTER',
  );
  return [[s]];
}

/** CREATE INDEX: the same index added by ALTER TABLE with fail-fast clauses, in its own phase. */
export function rewriteCreateIndex(
  ctx: MyRewriteContext,
  stmt: MyStatement,
  ast: CreateIndexAst,
): Step[][] | undefined {
  const all = covered(ctx, stmt, WITH_TOOLS);
  if (!all) return undefined;
  const alter: AlterTableAst = { type: 'alter_table', table: ast.table, ops: [], body: '' };
  const s = indexStep(ctx, alter, ctx.catalog.table(ast.table), ast.index);
  if (!s) return undefined;
  const rules = covered(ctx, stmt, s.commands ? (toolUsable(s) ? WITH_TOOLS : new Set()) : ANSWERS);
  if (!rules) return undefined;
  record(
    ctx,
    stmt,
    rules,
    s.commands
      ? 'gh-ost / pt-online-schema-change commands in place of the copying index build'
      : 'the index built in its own phase with ALGORITHM=INPLACE, LOCK=NONE',
  );
  return [[s]];
}
