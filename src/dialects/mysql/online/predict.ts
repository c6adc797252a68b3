/**
 * Predicts the ALGORITHM and LOCK the server uses for an ALTER TABLE, CREATE INDEX or DROP INDEX,
 * from the statement, the replayed catalog and the target server, by looking up the online table
 * (table.ts). The server picks ONE algorithm for the whole ALTER: the weakest any clause allows
 * (INSTANT only when every clause is INSTANT; COPY when one clause needs it), and the strongest lock
 * any clause needs (MySQL 8.0 Reference Manual 15.12.1, "Online DDL Operations", and 13.1.9 ALTER
 * TABLE "ALGORITHM" / "LOCK"; MariaDB KB "ALTER TABLE", "ALGORITHM" and "LOCK").
 */
import type { AlterTableAst, CreateIndexAst, DropIndexAst, MyTable, OnlineClauses, ServerVersion } from '../ast.js';
import { classifyAlter, type Classified } from './classify.js';
import { atLeast, compareVersion, named, versionText } from './facts.js';
import {
  COLUMN_SHAPE_OPS,
  MYSQL_INSTANT_BUGGY,
  ONLINE_TABLE,
  ROW_VERSION_LIMITS,
  rowFor,
  TABLE_CONDITIONS,
  type OnlineLock,
  type OnlineRow,
  type OpKind,
  type TableConditionRow,
} from './table.js';

export type PredictedAlgorithm = 'INSTANT' | 'INPLACE' | 'COPY';

/** The prediction for one clause. */
export interface OpPrediction {
  /** the clause's index in `AlterTableAst.ops` (0 for CREATE/DROP INDEX) */
  index: number;
  /** the strongest of the clause's kinds */
  kind: OpKind;
  /** the best the server can do for this clause alone */
  algorithm: PredictedAlgorithm;
  lock: OnlineLock;
  rebuilds: boolean;
  /** what and why, e.g. "widening a VARCHAR across the 255-byte length-prefix boundary: `b` VARCHAR(50) → VARCHAR(64) is 200 → 256 bytes in utf8mb4" */
  why: string;
  manual: string;
  basis: OnlineRow['basis'];
}

/** What the server will do with the whole statement. */
export interface OnlinePrediction {
  algorithm: PredictedAlgorithm;
  lock: OnlineLock;
  rebuilds: boolean;
  ops: OpPrediction[];
  /** things to know even when the prediction is good (8.0.29–8.0.31 bugs, row versions nearly used up, strict mode) */
  warnings: string[];
  /** facts zerodown lacked; the prediction then assumed the common case (InnoDB, DYNAMIC, no FULLTEXT) or the worst */
  unknown: string[];
  /** the statement's own ALGORITHM / LOCK clauses, and the server's refusal when it cannot honour them */
  explicit?: { requested: string; refused?: string };
  /** MySQL 8.0.29+: instant row versions before and after the statement, and the table's limit */
  rowVersions?: { before: number; after: number; limit: number };
}

const LOCK_RANK: Record<OnlineLock, number> = { NONE: 0, SHARED: 1, EXCLUSIVE: 2 };
const ALGO_RANK: Record<PredictedAlgorithm, number> = { INSTANT: 0, INPLACE: 1, COPY: 2 };
const maxLock = (a: OnlineLock, b: OnlineLock): OnlineLock => (LOCK_RANK[a] >= LOCK_RANK[b] ? a : b);

/** The table conditions (FULLTEXT, COMPRESSED, not InnoDB) that hold for this table. */
function conditionsOf(table: MyTable | undefined, server: ServerVersion): TableConditionRow[] {
  if (!table) return [];
  const holds = {
    fulltext: table.indexes.some((i) => i.kind === 'fulltext'),
    compressed: table.rowFormat.toUpperCase() === 'COMPRESSED',
    notInnodb: table.engine.toUpperCase() !== 'INNODB',
  };
  return TABLE_CONDITIONS.filter((c) => c.flavor === server.flavor && holds[c.condition]);
}

interface Capability {
  instant: boolean;
  inplace?: { lock: OnlineLock; rebuilds: boolean };
  notes: string[];
}

/** What the server can do for one kind of operation on this table. */
function capability(kind: OpKind, row: OnlineRow, conds: TableConditionRow[], server: ServerVersion): Capability {
  const notes: string[] = [];
  let instant = !!row.instantSince && atLeast(server, row.instantSince);
  let inplace = row.inplace ? { ...row.inplace } : undefined;
  for (const c of conds) {
    if (c.copyAll && !c.copyAll.except.includes(kind)) {
      if (instant || inplace) notes.push(c.why);
      instant = false;
      inplace = undefined;
    }
    if (c.noInstantColumns && instant && COLUMN_SHAPE_OPS.has(kind)) {
      instant = false;
      notes.push(`no INSTANT: ${c.why}`);
    }
    if (c.rebuildLock && inplace?.rebuilds && LOCK_RANK[c.rebuildLock] > LOCK_RANK[inplace.lock]) {
      inplace.lock = c.rebuildLock;
      notes.push(`a rebuild needs LOCK=${c.rebuildLock}: ${c.why}`);
    }
  }
  // an operation that is INSTANT but not INPLACE does not exist in the tables; INPLACE stands in for it
  if (instant && !inplace) inplace = { lock: 'NONE', rebuilds: false };
  return { instant, inplace, notes };
}

const bestOf = (c: Capability): PredictedAlgorithm => (c.instant ? 'INSTANT' : c.inplace ? 'INPLACE' : 'COPY');

/** One clause: its kinds, each looked up, the worst kept. */
function predictClause(cl: Classified, conds: TableConditionRow[], server: ServerVersion) {
  let worst: { kind: OpKind; row: OnlineRow; cap: Capability } | undefined;
  const caps: Capability[] = [];
  for (const kind of cl.kinds) {
    const row = rowFor(kind, server.flavor);
    const cap = capability(kind, row, conds, server);
    caps.push(cap);
    if (!worst || ALGO_RANK[bestOf(cap)] > ALGO_RANK[bestOf(worst.cap)]) worst = { kind, row, cap };
  }
  return { worst, caps };
}

function why(row: OnlineRow, cl: Classified, cap: Capability, server: ServerVersion): string {
  const parts = [...cl.why, ...cap.notes];
  if (!cap.instant && row.instantSince && !atLeast(server, row.instantSince))
    parts.push(`INSTANT only from ${named(server.flavor, row.instantSince)}`);
  return `${row.what}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

/** The instant row-version limit of a MySQL server, or undefined (MariaDB, MySQL before 8.0.29). */
export function rowVersionLimit(server: ServerVersion): number | undefined {
  if (server.flavor !== 'mysql') return undefined;
  return ROW_VERSION_LIMITS.find((l) => atLeast(server, l.since))?.limit;
}

/** Predicts an ALTER TABLE. `table`: the catalog's table, undefined when the replayed history does not have it. */
export function predictAlter(
  ast: AlterTableAst,
  table: MyTable | undefined,
  server: ServerVersion,
  opts: { foreignKeyChecks?: boolean } = {},
): OnlinePrediction {
  const classified = classifyAlter(ast, table, opts.foreignKeyChecks ?? true);
  const conds = conditionsOf(table, server);
  const unknown: string[] = [];
  const warnings: string[] = [];
  const ops: OpPrediction[] = [];
  const all: Capability[] = [];
  for (const cl of classified) {
    if (cl.unknown) unknown.push(cl.unknown);
    const { worst, caps } = predictClause(cl, conds, server);
    all.push(...caps);
    if (!worst) continue;
    const best = bestOf(worst.cap);
    ops.push({
      index: cl.index,
      kind: worst.kind,
      algorithm: best,
      lock: best === 'COPY' ? 'SHARED' : best === 'INSTANT' ? 'NONE' : worst.cap.inplace!.lock,
      rebuilds: best === 'COPY' || (best === 'INPLACE' && worst.cap.inplace!.rebuilds),
      why: why(worst.row, cl, worst.cap, server),
      manual: worst.row.manual,
      basis: worst.row.basis,
    });
  }
  const result = combine(all, ops, warnings, unknown);
  if (!table && result.algorithm !== 'COPY')
    unknown.push(
      `\`${ast.table.name}\` is not in the replayed history: assumed InnoDB, not COMPRESSED, no FULLTEXT index`,
    );
  rowVersions(result, classified, table, server);
  if (classified.some((c) => c.kinds.includes('makeNotNull')))
    warnings.push(
      'NULL → NOT NULL runs in place only in strict SQL mode, and fails if any row holds NULL: backfill first.',
    );
  if (classified.some((c) => c.kinds.includes('addPrimaryKey')) && server.flavor === 'mysql')
    warnings.push(
      'MySQL refuses ADD PRIMARY KEY in place when a key column must first become NOT NULL outside strict mode.',
    );
  explicit(ast, result, server);
  return result;
}

/** The server's one algorithm and lock for the statement. */
function combine(all: Capability[], ops: OpPrediction[], warnings: string[], unknown: string[]): OnlinePrediction {
  const base = { ops, warnings, unknown };
  if (!all.length) return { algorithm: 'INSTANT', lock: 'NONE', rebuilds: false, ...base };
  if (all.some((c) => !c.instant && !c.inplace)) return { algorithm: 'COPY', lock: 'SHARED', rebuilds: true, ...base };
  if (all.every((c) => c.instant)) return { algorithm: 'INSTANT', lock: 'NONE', rebuilds: false, ...base };
  // INPLACE for the whole statement: the INSTANT-capable clauses run in place too (an added column then rebuilds)
  return {
    algorithm: 'INPLACE',
    lock: all.reduce<OnlineLock>((l, c) => maxLock(l, c.inplace!.lock), 'NONE'),
    rebuilds: all.some((c) => c.inplace!.rebuilds),
    ...base,
  };
}

/**
 * MySQL 8.0.29+: every INSTANT ADD/DROP COLUMN statement makes a new row version; at the limit the
 * column can no longer be added or dropped instantly (error 4092, ER_INNODB_MAX_ROW_VERSION), and
 * the statement needs INPLACE (a rebuild, which resets the count) — MySQL 8.0 Reference Manual 15.12.1
 * "Column Operations", "Adding a column" / "Dropping a column".
 */
function rowVersions(p: OnlinePrediction, classified: Classified[], table: MyTable | undefined, server: ServerVersion) {
  const limit = rowVersionLimit(server);
  if (
    server.flavor === 'mysql' &&
    compareVersion(server, MYSQL_INSTANT_BUGGY.from) >= 0 &&
    compareVersion(server, MYSQL_INSTANT_BUGGY.to) <= 0
  ) {
    if (p.algorithm === 'INSTANT' && classified.some((c) => c.column && c.kinds.some((k) => COLUMN_SHAPE_OPS.has(k))))
      p.warnings.push(
        `${versionText(server)} has known bugs in INSTANT ADD/DROP COLUMN (crash recovery and backups of such tables can corrupt data; fixed in 8.0.32): upgrade first, or run it with ALGORITHM=INPLACE.`,
      );
  }
  if (!limit || p.algorithm !== 'INSTANT') return;
  const versioned = classified.some(
    (c) => c.column && !c.column.virtual && c.kinds.some((k) => COLUMN_SHAPE_OPS.has(k)),
  );
  if (!versioned) return;
  const before = table?.rowVersions ?? 0;
  const after = before + 1;
  p.rowVersions = { before, after, limit };
  if (!table) p.unknown.push('how many instant row versions the table has used (not in the replayed history)');
  if (after > limit) {
    p.algorithm = 'INPLACE';
    p.rebuilds = true;
    p.warnings.push(
      `The table has used all ${limit} instant row versions: this ADD/DROP COLUMN cannot be INSTANT (error 4092 with ALGORITHM=INSTANT) and rebuilds the table in place.`,
    );
  } else if (after >= limit - Math.ceil(limit / 8)) {
    p.warnings.push(
      `This INSTANT ADD/DROP COLUMN is row version ${after} of ${limit}: after ${limit}, MySQL refuses instant column changes on the table (error 4092) until it is rebuilt (ALTER TABLE … FORCE).`,
    );
  }
}

/** Applies the statement's ALGORITHM= / LOCK= clauses: what the server then does, or why it refuses. */
function explicit(clauses: OnlineClauses, p: OnlinePrediction, server: ServerVersion) {
  const algo = clauses.algorithm && clauses.algorithm !== 'DEFAULT' ? clauses.algorithm : undefined;
  const lock = clauses.lock && clauses.lock !== 'DEFAULT' ? clauses.lock : clauses.online ? 'NONE' : undefined;
  if (!algo && !lock) return;
  const requested = [algo && `ALGORITHM=${algo}`, lock && (clauses.online && !clauses.lock ? 'ONLINE' : `LOCK=${lock}`)]
    .filter(Boolean)
    .join(', ');
  const refuse = (reason: string) => {
    p.explicit = {
      requested,
      refused: `${reason} The server refuses the ALTER (ER_ALTER_OPERATION_NOT_SUPPORTED, error 1846).`,
    };
  };
  p.explicit = { requested };
  const inplace = (rebuildsToo: boolean) => {
    // MySQL runs what it was told: ALGORITHM=INPLACE does an instant-capable ADD COLUMN by rebuilding
    p.algorithm = 'INPLACE';
    p.lock = p.ops.reduce<OnlineLock>((l, o) => maxLock(l, o.lock), 'NONE');
    p.rebuilds = rebuildsToo;
  };
  if (algo === 'INSTANT' && p.algorithm !== 'INSTANT')
    return refuse(`ALGORITHM=INSTANT is not possible: ${firstBlocker(p, 'INSTANT')}.`);
  if (algo === 'INSTANT' && lock && server.flavor === 'mysql')
    return void (p.explicit.refused =
      'MySQL allows only LOCK=DEFAULT with ALGORITHM=INSTANT (error 1221): drop the LOCK clause.');
  if ((algo === 'INPLACE' || algo === 'NOCOPY') && p.algorithm === 'COPY')
    return refuse(`ALGORITHM=${algo} is not possible: ${firstBlocker(p, 'INPLACE')}.`);
  if (algo === 'NOCOPY' && p.rebuilds)
    return refuse('ALGORITHM=NOCOPY is not possible: the change rebuilds the table.');
  if (algo === 'COPY') {
    p.algorithm = 'COPY';
    p.rebuilds = true;
    p.lock = 'SHARED';
  } else if (algo === 'INPLACE' && p.algorithm === 'INSTANT' && server.flavor === 'mysql') {
    inplace(p.ops.some((o) => o.rebuilds || rowFor(o.kind, 'mysql').inplace?.rebuilds));
  } else if (lock && !algo && p.algorithm === 'INSTANT' && server.flavor === 'mysql') {
    // MySQL: INSTANT allows only LOCK=DEFAULT, so a LOCK clause makes the server choose INPLACE
    inplace(p.ops.some((o) => rowFor(o.kind, 'mysql').inplace?.rebuilds));
  }
  if (lock === 'NONE' && LOCK_RANK[p.lock] > 0)
    return refuse(`LOCK=NONE is not possible: ${firstBlocker(p, p.algorithm === 'COPY' ? 'INPLACE' : 'LOCK=NONE')}.`);
  if (lock && LOCK_RANK[lock] > LOCK_RANK[p.lock]) p.lock = lock;
}

/** The first clause that keeps the statement from `what`. */
function firstBlocker(p: OnlinePrediction, what: 'INSTANT' | 'INPLACE' | 'LOCK=NONE'): string {
  const op = p.ops.find((o) =>
    what === 'INSTANT' ? o.algorithm !== 'INSTANT' : what === 'INPLACE' ? o.algorithm === 'COPY' : o.lock !== 'NONE',
  );
  if (!op) return 'the server cannot';
  if (what === 'INSTANT')
    return `${op.why} cannot be INSTANT (best: ${op.algorithm === 'COPY' ? 'ALGORITHM=COPY' : `ALGORITHM=INPLACE, LOCK=${op.lock}`})`;
  return `${op.why} needs ${what === 'INPLACE' ? 'ALGORITHM=COPY' : `LOCK=${op.lock}`}`;
}

/** CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX: the same as ALTER TABLE … ADD INDEX. */
export function predictCreateIndex(
  ast: CreateIndexAst,
  table: MyTable | undefined,
  server: ServerVersion,
): OnlinePrediction {
  const alter: AlterTableAst = {
    ...clausesOf(ast),
    type: 'alter_table',
    table: ast.table,
    ops: [{ op: 'addIndex', index: ast.index, ifNotExists: ast.ifNotExists }],
    body: '',
  };
  return predictAlter(alter, table, server);
}

/** DROP INDEX … ON t: the same as ALTER TABLE … DROP INDEX. */
export function predictDropIndex(
  ast: DropIndexAst,
  table: MyTable | undefined,
  server: ServerVersion,
): OnlinePrediction {
  const alter: AlterTableAst = {
    ...clausesOf(ast),
    type: 'alter_table',
    table: ast.table,
    ops: [{ op: 'dropIndex', name: ast.name, ifExists: ast.ifExists }],
    body: '',
  };
  return predictAlter(alter, table, server);
}

const clausesOf = (c: OnlineClauses): OnlineClauses => ({
  algorithm: c.algorithm,
  lock: c.lock,
  online: c.online,
  wait: c.wait,
});

/** Every (op, flavor) pair has a row (for tests and the docs). */
export const ONLINE_ROWS = ONLINE_TABLE;
