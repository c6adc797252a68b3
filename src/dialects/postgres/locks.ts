/**
 * Which table-level locks a statement takes, statically, the way PostgreSQL
 * takes them. Measured with `pg_locks` inside a transaction on PostgreSQL 15
 * (and PGlite 18 for domains); see docs/rules/require-lock-timeout.md.
 *
 * Only relations that exist before the statement are listed: the relation a
 * CREATE makes is new and nobody else can be waiting on it. Statements the
 * model does not know return no locks (rules then stay silent rather than guess).
 */
import type { PgStatement } from './statement.js';
import type { Catalog, Constraint } from './catalog.js';
import { DEFAULT_SCHEMA, qualifiedKey, relKey, stringList } from './catalog.js';
import { keysBefore, LOCK_MODES, LOCKS, lockStrength, type EarlierKeys, type LockMode } from './util.js';
import { DEFAULT_PG_VERSION } from './version.js';

export interface LockTarget {
  /** `schema.name` of the locked relation; undefined when it is not known statically (tables using a domain the replay has not seen) */
  rel?: string;
  mode: LockMode;
  /** what is locked, for messages, names in backticks: table `users`, index `users_email_idx`, tables using domain `posint` */
  what: string;
}

/** The stronger of two lock modes (the one that conflicts with more). */
export function strongerLock(a: LockMode, b: LockMode): LockMode {
  return lockStrength(a) >= lockStrength(b) ? a : b;
}

/** True when the lock makes ordinary reads (SELECT) or writes (INSERT/UPDATE/DELETE) wait. */
export function blocksTraffic(mode: LockMode): boolean {
  return LOCKS[mode].blocksReads || LOCKS[mode].blocksWrites;
}

/** Human wording of a lock mode as the PostgreSQL docs write it: `ACCESS EXCLUSIVE`. */
export function lockName(mode: LockMode): string {
  return mode
    .replace(/Lock$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
}

/** `an ACCESS EXCLUSIVE lock`, `a SHARE lock`. */
export function aLock(mode: LockMode): string {
  const n = lockName(mode);
  return `${/^[AEIOU]/.test(n) ? 'an' : 'a'} ${n} lock`;
}

/** What a lock blocks, for messages: `every read and write`, `every write`. */
export function lockImpact(mode: LockMode): string {
  if (LOCKS[mode].blocksReads) return 'every read and write';
  if (LOCKS[mode].blocksWrites) return 'every write';
  return 'other schema changes';
}

/** `schema.name` from a qualified name list (`['s', 'x']` or `['x']`). */
function keyOfNames(list: string[]): string | undefined {
  if (!list.length) return undefined;
  return qualifiedKey(list);
}

const short = (key: string): string =>
  '`' + (key.startsWith(`${DEFAULT_SCHEMA}.`) ? key.slice(DEFAULT_SCHEMA.length + 1) : key) + '`';

/** ALTER TABLE sub-command lock levels (tablecmds.c AlterTableGetLockLevel, checked against pg_locks). */
function alterCmdMode(cmd: any, pgVersion: number): LockMode {
  switch (cmd.subtype) {
    case 'AT_SetStatistics':
    case 'AT_SetOptions':
    case 'AT_ResetOptions':
    case 'AT_ClusterOn':
    case 'AT_DropCluster':
    case 'AT_SetRelOptions':
    case 'AT_ResetRelOptions':
    case 'AT_ValidateConstraint':
    case 'AT_DetachPartitionFinalize':
      return 'ShareUpdateExclusiveLock';
    case 'AT_AttachPartition':
      // the parent; the partition being attached gets ACCESS EXCLUSIVE (added separately)
      return pgVersion >= 12 ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock';
    case 'AT_DetachPartition':
      return cmd.def?.PartitionCmd?.concurrent ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock';
    case 'AT_EnableTrig':
    case 'AT_EnableAlwaysTrig':
    case 'AT_EnableReplicaTrig':
    case 'AT_EnableTrigAll':
    case 'AT_EnableTrigUser':
    case 'AT_DisableTrig':
    case 'AT_DisableTrigAll':
    case 'AT_DisableTrigUser':
      return 'ShareRowExclusiveLock';
    case 'AT_AddConstraint':
      return cmd.def?.Constraint?.contype === 'CONSTR_FOREIGN' ? 'ShareRowExclusiveLock' : 'AccessExclusiveLock';
    default:
      return 'AccessExclusiveLock';
  }
}

/** Foreign keys declared by a ColumnDef's constraints or a table constraint. */
function foreignKeys(nodes: any[] | undefined): any[] {
  const out: any[] = [];
  for (const n of nodes ?? []) {
    if (n.Constraint?.contype === 'CONSTR_FOREIGN') out.push(n.Constraint);
    for (const c of n.ColumnDef?.constraints ?? [])
      if (c.Constraint?.contype === 'CONSTR_FOREIGN') out.push(c.Constraint);
  }
  return out;
}

/** Tables with a column of the given type or domain (by `schema.name` key). */
export function tablesUsingType(catalog: Catalog | undefined, typeKey: string): string[] {
  if (!catalog) return [];
  const [schema, name] = typeKey.split('.') as [string, string];
  const out: string[] = [];
  for (const [key, t] of catalog.tables) {
    for (const c of t.columns.values()) {
      if (c.type.name === name && (c.type.schema ?? DEFAULT_SCHEMA) === schema) {
        out.push(key);
        break;
      }
    }
  }
  return out;
}

function indexTable(catalog: Catalog | undefined, indexKey: string): string | undefined {
  return catalog?.indexes.get(indexKey)?.table;
}

export interface LockOptions {
  pgVersion?: number;
  /** the replayed catalog before the statement: resolves indexes to their tables, foreign keys, domain users */
  catalog?: Catalog;
}

/**
 * The table-level locks `kind`/`ast` takes on relations that exist before it,
 * one entry per relation (the strongest mode). Locks on an index are reported on
 * its table when the catalog knows it: the planner needs every index of a table,
 * so an ACCESS EXCLUSIVE lock on one index stalls every query on the table.
 */
export function statementLocks(kind: string, ast: any, opts: LockOptions = {}): LockTarget[] {
  const pgVersion = opts.pgVersion ?? DEFAULT_PG_VERSION;
  const catalog = opts.catalog;
  const out = new Map<string, LockTarget>();
  const add = (rel: string | undefined, mode: LockMode, what: string): void => {
    const k = rel ?? `?${what}`;
    const prev = out.get(k);
    if (prev) prev.mode = strongerLock(prev.mode, mode);
    else out.set(k, rel === undefined ? { mode, what } : { rel, mode, what });
  };
  const table = (rv: any, mode: LockMode, noun = 'table'): void => {
    if (!rv?.relname) return;
    const k = relKey(rv);
    add(k, mode, `${noun} ${short(k)}`);
  };
  /** a lock on an index: reported on its table when known */
  const index = (key: string, mode: LockMode): void => {
    const t = indexTable(catalog, key);
    if (t) add(t, mode, `table ${short(t)} (index ${short(key)})`);
    else add(key, mode, `index ${short(key)}`);
  };
  const referenced = (fks: any[], self: string | undefined): void => {
    for (const fk of fks) {
      if (!fk.pktable) continue;
      const k = relKey(fk.pktable);
      if (k !== self) add(k, 'ShareRowExclusiveLock', `table ${short(k)} (referenced by a foreign key)`);
    }
  };
  const knownConstraint = (relation: string, name: string | undefined): Constraint | undefined =>
    name ? catalog?.table(relation)?.constraints.get(name) : undefined;

  switch (kind) {
    case 'CreateStmt': {
      const self = relKey(ast.relation);
      referenced(foreignKeys(ast.tableElts), self);
      for (const p of ast.inhRelations ?? []) {
        // PARTITION OF locks the parent ACCESS EXCLUSIVE; INHERITS only SHARE UPDATE EXCLUSIVE
        table(p.RangeVar, ast.partbound ? 'AccessExclusiveLock' : 'ShareUpdateExclusiveLock');
      }
      break;
    }
    case 'AlterTableStmt': {
      const objtype = ast.objtype ?? 'OBJECT_TABLE';
      const noun =
        objtype === 'OBJECT_VIEW'
          ? 'view'
          : objtype === 'OBJECT_MATVIEW'
            ? 'materialized view'
            : objtype === 'OBJECT_SEQUENCE'
              ? 'sequence'
              : 'table';
      const self = relKey(ast.relation);
      for (const c of ast.cmds ?? []) {
        const cmd = c.AlterTableCmd;
        if (!cmd) continue;
        const mode = alterCmdMode(cmd, pgVersion);
        if (objtype === 'OBJECT_INDEX') index(self, mode);
        else table(ast.relation, mode, noun);
        if (cmd.subtype === 'AT_AddConstraint') referenced(foreignKeys([cmd.def]), self);
        if (cmd.subtype === 'AT_AddColumn') referenced(foreignKeys(cmd.def?.ColumnDef?.constraints), self);
        if (cmd.subtype === 'AT_AttachPartition') table(cmd.def?.PartitionCmd?.name, 'AccessExclusiveLock');
        if (cmd.subtype === 'AT_DetachPartition') table(cmd.def?.PartitionCmd?.name, mode);
        if (cmd.subtype === 'AT_DropConstraint') {
          // dropping a foreign key also drops its triggers on the referenced table
          const con = knownConstraint(self, cmd.name);
          if (con?.type === 'foreign' && con.references && con.references !== self) {
            add(
              con.references,
              'AccessExclusiveLock',
              `table ${short(con.references)} (referenced by \`${cmd.name}\`)`,
            );
          }
        }
      }
      break;
    }
    case 'IndexStmt':
      table(ast.relation, ast.concurrent ? 'ShareUpdateExclusiveLock' : 'ShareLock');
      break;
    case 'DropStmt': {
      const objs: string[][] = (ast.objects ?? []).map((o: any) =>
        o.List ? stringList(o.List.items) : o.String ? [o.String.sval] : o.TypeName ? stringList(o.TypeName.names) : [],
      );
      for (const n of objs) {
        const key = keyOfNames(n);
        if (!key) continue;
        switch (ast.removeType) {
          case 'OBJECT_TABLE': {
            add(key, 'AccessExclusiveLock', `table ${short(key)}`);
            const t = catalog?.table(key);
            for (const con of t?.constraints.values() ?? []) {
              if (con.type === 'foreign' && con.references && con.references !== key) {
                add(
                  con.references,
                  'AccessExclusiveLock',
                  `table ${short(con.references)} (referenced by ${short(key)})`,
                );
              }
            }
            if (ast.behavior === 'DROP_CASCADE' && catalog) {
              for (const [other, ot] of catalog.tables) {
                if (other === key) continue;
                for (const con of ot.constraints.values()) {
                  if (con.type === 'foreign' && con.references === key)
                    add(other, 'AccessExclusiveLock', `table ${short(other)} (its foreign key is dropped)`);
                }
              }
            }
            break;
          }
          case 'OBJECT_INDEX':
            index(key, ast.concurrent ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock');
            break;
          case 'OBJECT_VIEW':
            add(key, 'AccessExclusiveLock', `view ${short(key)}`);
            break;
          case 'OBJECT_MATVIEW':
            add(key, 'AccessExclusiveLock', `materialized view ${short(key)}`);
            break;
          case 'OBJECT_SEQUENCE':
            add(key, 'AccessExclusiveLock', `sequence ${short(key)}`);
            break;
          case 'OBJECT_FOREIGN_TABLE':
            add(key, 'AccessExclusiveLock', `foreign table ${short(key)}`);
            break;
          case 'OBJECT_TRIGGER':
          case 'OBJECT_POLICY':
          case 'OBJECT_RULE': {
            const rel = keyOfNames(n.slice(0, -1));
            if (rel) add(rel, 'AccessExclusiveLock', `table ${short(rel)}`);
            break;
          }
          case 'OBJECT_TYPE':
          case 'OBJECT_DOMAIN':
            // CASCADE drops every column of that type
            if (ast.behavior === 'DROP_CASCADE')
              for (const t of tablesUsingType(catalog, key)) add(t, 'AccessExclusiveLock', `table ${short(t)}`);
            break;
          default:
            break;
        }
      }
      break;
    }
    case 'RenameStmt': {
      switch (ast.renameType) {
        case 'OBJECT_INDEX':
          index(relKey(ast.relation), pgVersion >= 12 ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock');
          break;
        case 'OBJECT_TABLE':
        case 'OBJECT_COLUMN':
        case 'OBJECT_TABCONSTRAINT':
        case 'OBJECT_TRIGGER':
        case 'OBJECT_POLICY':
        case 'OBJECT_RULE':
          table(
            ast.relation,
            'AccessExclusiveLock',
            ast.relationType === 'OBJECT_VIEW'
              ? 'view'
              : ast.relationType === 'OBJECT_MATVIEW'
                ? 'materialized view'
                : 'table',
          );
          break;
        case 'OBJECT_VIEW':
          table(ast.relation, 'AccessExclusiveLock', 'view');
          break;
        case 'OBJECT_MATVIEW':
          table(ast.relation, 'AccessExclusiveLock', 'materialized view');
          break;
        case 'OBJECT_SEQUENCE':
          table(ast.relation, 'AccessExclusiveLock', 'sequence');
          break;
        case 'OBJECT_FOREIGN_TABLE':
          table(ast.relation, 'AccessExclusiveLock', 'foreign table');
          break;
        default:
          break;
      }
      break;
    }
    case 'AlterObjectSchemaStmt':
      if (ast.relation) table(ast.relation, 'AccessExclusiveLock', ast.objectType === 'OBJECT_VIEW' ? 'view' : 'table');
      break;
    case 'TruncateStmt':
      for (const r of ast.relations ?? []) table(r.RangeVar, 'AccessExclusiveLock');
      break;
    case 'LockStmt':
      for (const r of ast.relations ?? []) table(r.RangeVar, LOCK_MODES[(ast.mode ?? 8) - 1] ?? 'AccessExclusiveLock');
      break;
    case 'RefreshMatViewStmt':
      table(ast.relation, ast.concurrent ? 'ExclusiveLock' : 'AccessExclusiveLock', 'materialized view');
      break;
    case 'ReindexStmt': {
      const concurrent = optionOn(ast.params, 'concurrently');
      const mode: LockMode = concurrent ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock';
      if (ast.kind === 'REINDEX_OBJECT_INDEX' && ast.relation) index(relKey(ast.relation), mode);
      else if (ast.kind === 'REINDEX_OBJECT_TABLE') table(ast.relation, mode);
      break;
    }
    case 'ClusterStmt':
      table(ast.relation, 'AccessExclusiveLock');
      break;
    case 'VacuumStmt': {
      const full = ast.is_vacuumcmd && optionOn(ast.options, 'full');
      for (const r of ast.rels ?? [])
        table(r.VacuumRelation?.relation, full ? 'AccessExclusiveLock' : 'ShareUpdateExclusiveLock');
      break;
    }
    case 'CreateTrigStmt':
      table(ast.relation, 'ShareRowExclusiveLock');
      break;
    case 'CreatePolicyStmt':
    case 'AlterPolicyStmt':
      table(ast.table, 'AccessExclusiveLock');
      break;
    case 'RuleStmt':
      table(ast.relation, 'AccessExclusiveLock');
      break;
    case 'ViewStmt':
      // only OR REPLACE touches an existing view
      if (ast.replace) table(ast.view, 'AccessExclusiveLock', 'view');
      break;
    case 'AlterSeqStmt':
      // conflicts with the ROW EXCLUSIVE lock nextval() takes: inserts that use the sequence wait
      table(ast.sequence, 'ShareRowExclusiveLock', 'sequence');
      break;
    case 'AlterDomainStmt': {
      const validates =
        (ast.subtype === 'C' && ast.def?.Constraint && !ast.def.Constraint.skip_validation) ||
        ast.subtype === 'O' ||
        ast.subtype === 'V';
      if (!validates) break;
      const key = keyOfNames(stringList(ast.typeName));
      if (!key) break;
      const users = tablesUsingType(catalog, key);
      for (const t of users) add(t, 'ShareLock', `table ${short(t)} (column of domain ${short(key)})`);
      if (!users.length) add(undefined, 'ShareLock', `tables using domain ${short(key)}`);
      break;
    }
    case 'CommentStmt':
      // COMMENT ON TABLE/COLUMN takes SHARE UPDATE EXCLUSIVE: harmless to traffic
      break;
    case 'CreateStatsStmt':
      for (const r of ast.relations ?? []) table(r.RangeVar, 'ShareUpdateExclusiveLock');
      break;
    case 'UpdateStmt':
    case 'DeleteStmt':
    case 'InsertStmt':
    case 'MergeStmt':
      table(ast.relation, 'RowExclusiveLock');
      break;
    default:
      break;
  }
  return [...out.values()];
}

/** Whether a boolean option (`FULL`, `CONCURRENTLY`, …) is on, as PostgreSQL's defGetBoolean reads it (no argument is true). */
export function optionOn(options: readonly any[] | undefined, name: string): boolean {
  return (options ?? []).some(
    (o: any) =>
      o.DefElem?.defname === name && !['false', 'off', '0'].includes(String(defElemValue(o.DefElem)).toLowerCase()),
  );
}

function defElemValue(d: any): unknown {
  const a = d?.arg;
  if (a === undefined) return true;
  if (a.String) return a.String.sval;
  if (a.Integer) return a.Integer.ival ?? 0;
  if (a.Boolean) return a.Boolean.boolval ?? false;
  if (a.A_Const) return a.A_Const.sval?.sval ?? a.A_Const.ival?.ival ?? a.A_Const.boolval?.boolval ?? 0;
  return true;
}

/** The SQL command a statement runs, for messages: `ALTER TABLE`, `CREATE INDEX`, `DROP TABLE`. */
export function commandLabel(kind: string, ast: any): string {
  const obj = (t: string | undefined, dflt: string): string =>
    t
      ? t
          .replace(/^OBJECT_/, '')
          .replace(/_/g, ' ')
          .replace('MATVIEW', 'MATERIALIZED VIEW')
      : dflt;
  switch (kind) {
    case 'AlterTableStmt':
      return `ALTER ${obj(ast.objtype, 'TABLE')}`;
    case 'IndexStmt':
      return ast.concurrent ? 'CREATE INDEX CONCURRENTLY' : 'CREATE INDEX';
    case 'CreateStmt':
      return 'CREATE TABLE';
    case 'DropStmt':
      return `DROP ${obj(ast.removeType, 'OBJECT')}`;
    case 'RenameStmt':
      return `ALTER ${obj(ast.renameType === 'OBJECT_COLUMN' || ast.renameType === 'OBJECT_TABCONSTRAINT' ? ast.relationType : ast.renameType, 'TABLE')} … RENAME`;
    case 'AlterObjectSchemaStmt':
      return `ALTER ${obj(ast.objectType, 'TABLE')} … SET SCHEMA`;
    case 'TruncateStmt':
      return 'TRUNCATE';
    case 'LockStmt':
      return 'LOCK TABLE';
    case 'RefreshMatViewStmt':
      return ast.concurrent ? 'REFRESH MATERIALIZED VIEW CONCURRENTLY' : 'REFRESH MATERIALIZED VIEW';
    case 'ReindexStmt':
      return 'REINDEX';
    case 'ClusterStmt':
      return 'CLUSTER';
    case 'VacuumStmt':
      return ast.is_vacuumcmd ? 'VACUUM' : 'ANALYZE';
    case 'CreateTrigStmt':
      return 'CREATE TRIGGER';
    case 'CreatePolicyStmt':
      return 'CREATE POLICY';
    case 'AlterPolicyStmt':
      return 'ALTER POLICY';
    case 'RuleStmt':
      return 'CREATE RULE';
    case 'ViewStmt':
      return ast.replace ? 'CREATE OR REPLACE VIEW' : 'CREATE VIEW';
    case 'AlterSeqStmt':
      return 'ALTER SEQUENCE';
    case 'AlterDomainStmt':
      return 'ALTER DOMAIN';
    case 'UpdateStmt':
      return 'UPDATE';
    case 'DeleteStmt':
      return 'DELETE';
    case 'InsertStmt':
      return 'INSERT';
    case 'MergeStmt':
      return 'MERGE';
    default:
      return kind
        .replace(/Stmt$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toUpperCase();
  }
}

/** The relation (`schema.name`) a statement creates: view, sequence, table. */
function createdRelation(s: PgStatement): string[] | undefined {
  const rv =
    s.kind === 'CreateStmt'
      ? s.ast.relation
      : s.kind === 'ViewStmt'
        ? s.ast.view
        : s.kind === 'CreateSeqStmt'
          ? s.ast.sequence
          : s.kind === 'CreateTableAsStmt'
            ? s.ast.into?.rel
            : undefined;
  return rv?.relname ? [relKey(rv)] : undefined;
}

/** Relations (`schema.name`) created by statements before `before` in the file: views, sequences, tables. */
export function createdBefore(statements: readonly PgStatement[], before: number): EarlierKeys {
  return keysBefore(statements, before, createdRelation);
}

const settingsIn = new WeakMap<readonly PgStatement[], Map<string, number[]>>();

/** The last `SET [LOCAL] <name>` / `RESET <name>` before statement `before`, if any. */
export function lastSetting(statements: readonly PgStatement[], before: number, name: string): PgStatement | undefined {
  // indexes of the statements that set `name` (or RESET ALL), found once per file and name: a
  // question asked about every statement of a long file must not re-read the file each time
  let byName = settingsIn.get(statements);
  if (!byName) settingsIn.set(statements, (byName = new Map()));
  let at = byName.get(name);
  if (!at) {
    at = [];
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i]!;
      if (s.kind === 'VariableSetStmt' && (s.ast.name === name || s.ast.kind === 'VAR_RESET_ALL')) at.push(i);
    }
    byName.set(name, at);
  }
  // the last entry below min(before, length)
  const limit = Math.min(before, statements.length);
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? statements[at[lo - 1]!] : undefined;
}

/** True when a `SET x = 0` (timeout off) statement is an explicit, deliberate opt-out. */
export function setsZero(s: PgStatement | undefined): boolean {
  if (s?.ast.kind !== 'VAR_SET_VALUE') return false;
  const c = s.ast.args?.[0]?.A_Const;
  if (!c) return false;
  if (c.ival) return (c.ival.ival ?? 0) === 0;
  if ('ival' in c) return true;
  if (c.sval) return /^\s*0+\s*(ms|s|min|h|d)?\s*$/i.test(c.sval.sval ?? '');
  return false;
}

const reportedIn = new WeakMap<readonly PgStatement[], Map<string, { catalog: Catalog; index: number }>>();

/**
 * For rules that report once per file: true for the first statement of a file
 * that qualifies, false for later ones. Keyed on the file's statement list and
 * the catalog, so linting the same file again starts afresh.
 */
export function firstInFile(
  ruleId: string,
  ctx: { statements: readonly PgStatement[]; catalog: Catalog },
  stmt: PgStatement,
): boolean {
  let m = reportedIn.get(ctx.statements);
  if (!m) reportedIn.set(ctx.statements, (m = new Map()));
  const prev = m.get(ruleId);
  if (prev && prev.catalog === ctx.catalog && prev.index < stmt.index) return false;
  m.set(ruleId, { catalog: ctx.catalog, index: stmt.index });
  return true;
}

/**
 * Tools that send a file as one multi-statement query string: PostgreSQL runs it in an implicit
 * transaction, which an explicit BEGIN simply turns into a regular one (no warning), and a COMMIT
 * ends; that is the documented way to control transactions with these tools.
 */
export const SCRIPT_TOOLS = new Set(['prisma', 'golang-migrate']);
