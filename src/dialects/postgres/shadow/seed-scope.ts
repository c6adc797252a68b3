/**
 * Seeding only what the migrations under review work on: the relations their statements name, and
 * around them what makes those statements behave as in production (seed-scope closure in
 * `scopeTables`). Seeding all of lemmy's 59 tables costs about a second of a two-second dry run;
 * a migration that touches three tables needs their rows, their parents' rows (foreign keys point
 * at real rows), and, when a statement acts through the foreign keys that reference them, their
 * children's rows.
 *
 * When the statements do something whose reach cannot be read from them (a DO block, CALL, a
 * statement kind not listed below, a domain or type change that reaches every column using it,
 * a user function called), the scope is undefined: every table is seeded, as before.
 */
import type { ProbeTarget, SeedScope, SeedScopeRelation } from '../../../shadow/probes.js';
import type { PgStatement } from '../statement.js';
import { USER_SCHEMAS } from './inspect.js';
import { ql, qi, type Tbl } from './seed-schema.js';

/**
 * Statement kinds whose reach is the relations they name (RangeVar nodes anywhere in the tree,
 * subqueries included) plus, for some, what references them. Anything else: every table.
 */
const NAMED_REACH = new Set([
  'AlterTableStmt',
  'IndexStmt',
  'CreateStmt',
  'CreateTableAsStmt',
  'ViewStmt',
  'InsertStmt',
  'UpdateStmt',
  'DeleteStmt',
  'MergeStmt',
  'SelectStmt',
  'TruncateStmt',
  'DropStmt',
  'RenameStmt',
  'CommentStmt',
  'GrantStmt',
  'GrantRoleStmt',
  'CreateRoleStmt',
  'AlterRoleStmt',
  'TransactionStmt',
  'VariableSetStmt',
  'VariableShowStmt',
  'CreateSeqStmt',
  'AlterSeqStmt',
  'CreateEnumStmt',
  'AlterEnumStmt',
  'CompositeTypeStmt',
  'CreateExtensionStmt',
  'CreatePolicyStmt',
  'AlterPolicyStmt',
  'CreateFunctionStmt',
  'CreateSchemaStmt',
  'CreateDomainStmt',
  'DefineStmt',
  'AlterFunctionStmt',
  'ClusterStmt',
  'ReindexStmt',
  'VacuumStmt',
  'LockStmt',
  'RefreshMatViewStmt',
  'CreateStatsStmt',
  'AlterOwnerStmt',
  'AlterObjectSchemaStmt',
  'AlterDefaultPrivilegesStmt',
]);

/** ALTER TABLE subcommands that act on the rows of the tables referencing this one (their foreign keys are checked again). */
const REACHES_CHILDREN = new Set(['AT_AlterColumnType']);

/** DROP of these names a relation (the names are lists of String nodes, not RangeVars). */
const DROP_RELATION = new Set([
  'OBJECT_TABLE',
  'OBJECT_INDEX',
  'OBJECT_VIEW',
  'OBJECT_MATVIEW',
  'OBJECT_SEQUENCE',
  'OBJECT_FOREIGN_TABLE',
]);

const sval = (n: any): string | undefined => n?.String?.sval;

/** Every relation (RangeVar) and every called function name anywhere in the tree. */
function collect(
  node: unknown,
  rels: Map<string, SeedScopeRelation>,
  funcs: Set<string>,
  children: boolean | string[],
) {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (Array.isArray(n)) {
      for (const x of n) stack.push(x);
      continue;
    }
    const o = n as Record<string, any>;
    // a RangeVar, wrapped (`{ RangeVar: {…} }` where any node may stand) or inline (a field typed RangeVar)
    if (typeof o.relname === 'string')
      add(rels, rangeVarParts(o as { schemaname?: string; relname: string }), children);
    if (o.FuncCall?.funcname) {
      const parts = (o.FuncCall.funcname as unknown[]).map(sval).filter((x): x is string => !!x);
      if (parts.length) funcs.add(parts.join('.'));
    }
    for (const v of Object.values(o)) if (v && typeof v === 'object') stack.push(v);
  }
}

function rangeVarParts(rv: { schemaname?: string; relname: string }): string[] {
  return rv.schemaname ? [rv.schemaname, rv.relname] : [rv.relname];
}

/** Children: `true` (all of them), `false`, or only when these columns are referenced. */
function add(rels: Map<string, SeedScopeRelation>, parts: string[], children: boolean | string[]) {
  const key = JSON.stringify(parts);
  const had = rels.get(key);
  if (!had) {
    rels.set(key, { parts, children });
    return;
  }
  if (had.children === true || children === false) return;
  if (children === true || had.children === false) {
    had.children = children;
    return;
  }
  had.children = [...new Set([...had.children, ...children])];
}

/**
 * The relations the statements work on, with whether each reaches its referencing tables; or
 * undefined when that cannot be told from the statements (seed every table).
 */
export function seedScope(statements: PgStatement[]): SeedScope | undefined {
  const rels = new Map<string, SeedScopeRelation>();
  const functions = new Set<string>();
  /** functions the statements themselves create: not in the catalog when seeding, so not checked there */
  const created = new Set<string>();
  for (const s of statements) {
    if (!NAMED_REACH.has(s.kind)) return undefined;
    const ast = s.ast;
    if (!ast) return undefined;
    // The statement's own relation first: whether it reaches the tables that reference it.
    let own: string[] | undefined;
    let children: boolean | string[] = false;
    switch (s.kind) {
      case 'UpdateStmt':
        own = ast.relation?.relname ? rangeVarParts(ast.relation) : undefined;
        // an updated referenced key cascades to (or is checked against) the children's rows
        children = (ast.targetList ?? []).map((t: any) => t?.ResTarget?.name).filter((x: unknown) => !!x);
        break;
      case 'DeleteStmt':
      case 'MergeStmt':
        own = ast.relation?.relname ? rangeVarParts(ast.relation) : undefined;
        children = true;
        break;
      case 'AlterTableStmt': {
        own = ast.relation?.relname ? rangeVarParts(ast.relation) : undefined;
        const cmds = (ast.cmds ?? []).map((c: any) => c?.AlterTableCmd?.subtype);
        children = cmds.some((c: string) => REACHES_CHILDREN.has(c));
        break;
      }
      case 'TruncateStmt':
      case 'LockStmt':
        for (const r of ast.relations ?? []) if (r?.RangeVar?.relname) add(rels, rangeVarParts(r.RangeVar), true);
        break;
      case 'DropStmt':
        if (!DROP_RELATION.has(ast.removeType)) break;
        for (const obj of ast.objects ?? []) {
          const parts = (obj?.List?.items ?? []).map(sval).filter((x: unknown): x is string => !!x);
          if (parts.length) add(rels, parts, true);
        }
        break;
      case 'RenameStmt':
      case 'AlterObjectSchemaStmt':
      case 'AlterOwnerStmt':
      case 'CommentStmt':
      case 'GrantStmt':
        // names in String lists (ALTER INDEX … RENAME, COMMENT ON COLUMN): metadata only, no rows read
        break;
    }
    if (s.kind === 'CreateFunctionStmt') {
      const name = (ast.funcname ?? []).map(sval).at(-1);
      if (name) created.add(name);
    }
    if (own) add(rels, own, children);
    collect(ast, rels, functions, false);
  }
  // a function the migration defines and then calls may read or write any table
  for (const f of functions) if (created.has(f.split('.').at(-1)!)) return undefined;
  return { relations: [...rels.values()], functions: [...functions] };
}

/**
 * The tables to seed for `scope`, by oid, or undefined for every table (a called function is a
 * user's). The named relations resolve on the replayed schema (a view to the tables it reads, an
 * index or an owned sequence to its table, a partition to its root); then, to a fixed point: the
 * tables named in the trigger functions of those tables (triggers fire during the run), the
 * children a statement reaches (and theirs: a delete or a new key cascades), and every table's
 * parents.
 */
export async function scopeTables(
  shadow: ProbeTarget,
  tables: Map<number, Tbl>,
  scope: SeedScope,
): Promise<Set<number> | undefined> {
  const fnames = [...new Set(scope.functions.map((f) => f.split('.').at(-1)!))];
  if (fnames.length) {
    const [user] = await shadow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.proname IN (${fnames.map(ql).join(', ')}) AND ${USER_SCHEMAS}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
    );
    if (Number(user?.n) > 0) return undefined;
  }
  const picked = new Set<number>();
  /** parent oid → columns the statements reach the children through (`true`: all) */
  const reach = new Map<number, true | Set<string>>();
  if (scope.relations.length) {
    const names = scope.relations.map((r) => ql(r.parts.map(qi).join('.')));
    const rows = await shadow.query<{
      i: number;
      oid: number;
      idx: number | null;
      owner: number | null;
      root: number | null;
    }>(
      `WITH RECURSIVE named AS (
         SELECT u.i, to_regclass(u.n)::oid AS oid FROM unnest(ARRAY[${names.join(', ')}]::text[]) WITH ORDINALITY AS u(n, i)
       ), rels(i, oid) AS (
         SELECT i, oid FROM named WHERE oid IS NOT NULL
         UNION
         SELECT rels.i, d.refobjid FROM rels JOIN pg_rewrite r ON r.ev_class = rels.oid
           JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
            AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> rels.oid
       )
       SELECT rels.i::int AS i, c.oid::int8 AS oid,
              (SELECT x.indrelid::int8 FROM pg_index x WHERE x.indexrelid = c.oid) AS idx,
              (SELECT d.refobjid::int8 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1) AS owner,
              ${shadow.serverVersion >= 12 ? 'CASE WHEN c.relispartition THEN pg_partition_root(c.oid)::int8 END' : 'NULL::int8'} AS root
         FROM rels JOIN pg_class c ON c.oid = rels.oid`,
    );
    for (const r of rows) {
      const oid = [r.oid, r.idx, r.owner, r.root].map(Number).find((x) => tables.has(x));
      if (oid === undefined) continue;
      picked.add(oid);
      const children = scope.relations[Number(r.i) - 1]?.children;
      if (!children || (Array.isArray(children) && !children.length)) continue;
      const had = reach.get(oid);
      if (children === true || had === true) reach.set(oid, true);
      else reach.set(oid, new Set([...(had ?? []), ...children]));
    }
  }
  if (!picked.size) return picked;
  const triggers = await shadow.query<{ rel: number; src: string }>(
    `SELECT t.tgrelid::int8 AS rel, p.prosrc AS src FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal AND t.tgenabled <> 'D'`,
  );
  const named = (src: string, t: Tbl) => new RegExp(`(^|[^\\w$])"?${escapeRegExp(t.name)}"?($|[^\\w$])`, 'i').test(src);
  const todo = [...picked];
  const pick = (oid: number) => {
    if (picked.has(oid) || !tables.has(oid)) return;
    picked.add(oid);
    todo.push(oid);
  };
  while (todo.length) {
    const oid = todo.pop()!;
    const t = tables.get(oid)!;
    for (const fk of t.fks) pick(fk.parent);
    for (const trg of triggers) {
      if (Number(trg.rel) !== oid) continue;
      for (const other of tables.values()) if (named(trg.src, other)) pick(other.oid);
    }
    const r = reach.get(oid);
    if (!r) continue;
    for (const child of tables.values()) {
      for (const fk of child.fks) {
        if (fk.parent !== oid) continue;
        const cols = fk.parentCols.map((n) => t.cols.find((c) => c.num === n)?.name);
        if (r !== true && !cols.some((c) => c !== undefined && r.has(c))) continue;
        // a deleted or re-keyed row cascades on: the child's own children are reached too
        if (!reach.has(child.oid)) reach.set(child.oid, true);
        pick(child.oid);
      }
    }
  }
  return picked;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
