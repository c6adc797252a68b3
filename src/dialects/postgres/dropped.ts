/**
 * What a DROP of a view, function, type or trigger removes, and whether the same file
 * created that object earlier (nothing running can use it yet) or creates it again later
 * (a drop-and-recreate). Shared by the `ban-drop-view`, `ban-drop-function`,
 * `ban-drop-type` and `ban-drop-trigger` rules. The catalog does not replay these
 * objects, so this is a scan of the file's own statements.
 */
import { DEFAULT_SCHEMA, qualifiedKey } from './catalog.js';
import type { Issue, PgRuleContext } from './rule.js';
import type { PgStatement } from './statement.js';
import { names, sameTransaction } from './util.js';

export type DroppedKind = 'view' | 'function' | 'type' | 'trigger';

export interface ObjectRef {
  kind: DroppedKind;
  /** `schema.name` (`public` when unqualified); a trigger: `schema.table.trigger` */
  key: string;
  /** the name as written, for messages */
  display: string;
  /** functions: the argument count when the DROP lists arguments */
  arity?: number;
  /** triggers: the table */
  table?: { schemaname?: string; relname: string };
  /** what the drop says about itself: `materialized view`, `procedure`, `domain`, … */
  noun: string;
}

const NOUNS: Record<string, [DroppedKind, string]> = {
  OBJECT_VIEW: ['view', 'view'],
  OBJECT_MATVIEW: ['view', 'materialized view'],
  OBJECT_FUNCTION: ['function', 'function'],
  OBJECT_PROCEDURE: ['function', 'procedure'],
  OBJECT_ROUTINE: ['function', 'routine'],
  OBJECT_TYPE: ['type', 'type'],
  OBJECT_DOMAIN: ['type', 'domain'],
  OBJECT_TRIGGER: ['trigger', 'trigger'],
};

/** The objects a `DropStmt` removes, when it drops one of the kinds above. */
export function droppedObjects(ast: any): ObjectRef[] {
  const kind = NOUNS[ast?.removeType as string];
  if (!kind) return [];
  const [k, noun] = kind;
  const out: ObjectRef[] = [];
  for (const obj of ast.objects ?? []) {
    if (k === 'function') {
      const owa = obj.ObjectWithArgs;
      const parts = names(owa?.objname);
      if (!parts.length) continue;
      const ref: ObjectRef = { kind: k, key: qualifiedKey(parts), display: parts.join('.'), noun };
      if (!owa.args_unspecified) ref.arity = (owa.objargs ?? []).length;
      out.push(ref);
    } else if (k === 'type') {
      const parts = names(obj.TypeName?.names);
      if (parts.length) out.push({ kind: k, key: qualifiedKey(parts), display: parts.join('.'), noun });
    } else {
      const parts = names(obj.List?.items);
      if (!parts.length) continue;
      if (k === 'trigger') {
        if (parts.length < 2) continue;
        const trig = parts[parts.length - 1]!;
        const tableParts = parts.slice(0, -1);
        const table =
          tableParts.length > 1
            ? { schemaname: tableParts[tableParts.length - 2], relname: tableParts[tableParts.length - 1]! }
            : { relname: tableParts[0]! };
        out.push({ kind: k, key: `${qualifiedKey(tableParts)}.${trig}`, display: trig, table, noun });
      } else out.push({ kind: k, key: qualifiedKey(parts), display: parts.join('.'), noun });
    }
  }
  return out;
}

interface Created {
  kind: DroppedKind;
  key: string;
  arity?: number;
  /** CREATE OR REPLACE: the object may have existed before */
  replace: boolean;
}

const relParts = (rv: any): string[] => [rv?.schemaname, rv?.relname].filter((x): x is string => !!x);

/** The view, function, type or trigger a statement creates, if any. */
function created(stmt: PgStatement): Created | undefined {
  const a = stmt.ast;
  switch (stmt.kind) {
    case 'ViewStmt':
      return { kind: 'view', key: qualifiedKey(relParts(a.view)), replace: !!a.replace };
    case 'CreateTableAsStmt':
      return a.objtype === 'OBJECT_MATVIEW'
        ? { kind: 'view', key: qualifiedKey(relParts(a.into?.rel)), replace: false }
        : undefined;
    case 'CreateFunctionStmt': {
      const args = (a.parameters ?? []).filter((p: any) => {
        const mode = p.FunctionParameter?.mode;
        return mode !== 'FUNC_PARAM_OUT' && mode !== 'FUNC_PARAM_TABLE';
      });
      return { kind: 'function', key: qualifiedKey(names(a.funcname)), arity: args.length, replace: !!a.replace };
    }
    case 'CompositeTypeStmt':
      return { kind: 'type', key: qualifiedKey(relParts(a.typevar)), replace: false };
    case 'CreateEnumStmt':
      return { kind: 'type', key: qualifiedKey(names(a.typeName)), replace: false };
    case 'CreateRangeStmt':
      return { kind: 'type', key: qualifiedKey(names(a.typeName)), replace: false };
    case 'CreateDomainStmt':
      return { kind: 'type', key: qualifiedKey(names(a.domainname)), replace: false };
    case 'DefineStmt':
      return a.kind === 'OBJECT_TYPE'
        ? { kind: 'type', key: qualifiedKey(names(a.defnames)), replace: false }
        : undefined;
    case 'CreateTrigStmt':
      return { kind: 'trigger', key: `${qualifiedKey(relParts(a.relation))}.${a.trigname}`, replace: !!a.replace };
    default:
      return undefined;
  }
}

function matches(c: Created, o: ObjectRef): boolean {
  if (c.kind !== o.kind || c.key !== o.key) return false;
  return o.arity === undefined || c.arity === undefined || c.arity === o.arity;
}

/** True when an earlier statement of the file created the object (not `OR REPLACE`): nothing running uses it yet. */
export function createdEarlier(statements: readonly PgStatement[], index: number, o: ObjectRef): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const s = statements[i]!;
    if (s.kind === 'DropStmt' && droppedObjects(s.ast).some((d) => d.kind === o.kind && d.key === o.key)) return false;
    const c = created(s);
    if (c && matches(c, o)) return !c.replace;
  }
  return false;
}

/**
 * The statement that creates the object again after the drop, in the same transaction
 * (so no other session ever sees it missing), or undefined.
 */
export function recreatedInSameTransaction(
  statements: readonly PgStatement[],
  index: number,
  o: ObjectRef,
  inTransaction: boolean,
): PgStatement | undefined {
  for (let i = index + 1; i < statements.length; i++) {
    const c = created(statements[i]!);
    if (c && matches(c, o)) return sameTransaction(statements, index, i, inTransaction) ? statements[i] : undefined;
  }
  return undefined;
}

/** How one drop rule words its finding. */
export interface DropWording {
  /** why dropping this object breaks the running code */
  harm(o: ObjectRef, cascade: boolean): string;
  /** what to do instead */
  help(o: ObjectRef): string;
}

/**
 * The findings of a drop rule for one `DropStmt`: every object of `kind` the file did not
 * create itself; a drop followed by a re-create in the same transaction is a warning that
 * asks to check the new definition, since no session sees the object missing.
 */
export function dropIssues(stmt: PgStatement, ctx: PgRuleContext, kind: DroppedKind, w: DropWording): Issue[] {
  const cascade = stmt.ast.behavior === 'DROP_CASCADE';
  const issues: Issue[] = [];
  for (const o of droppedObjects(stmt.ast)) {
    if (o.kind !== kind) continue;
    if (createdEarlier(ctx.statements, stmt.index, o)) continue;
    if (o.table && ctx.isReleaseTable(o.table)) continue;
    const again = recreatedInSameTransaction(ctx.statements, stmt.index, o, ctx.tx.inTransaction);
    const data = { object: o.key, kind: o.noun, cascade };
    if (again && !cascade) {
      issues.push({
        severity: 'warning',
        message: `The ${o.noun} \`${o.display}\` is dropped and created again in the same transaction (line ${again.span.line}), so no session sees it missing; but app instances still running the old code break if the new definition drops or changes anything they use.`,
        help: `Keep every column, argument and behaviour the running code relies on in the new definition${kind === 'view' ? ' (CREATE OR REPLACE VIEW can only add columns at the end, which proves it)' : ''}; remove the old parts in a later release.`,
        data,
      });
      continue;
    }
    issues.push({
      message: w.harm(o, cascade),
      help: w.help(o),
      data,
      ...(o.table ? { table: `${o.table.schemaname ?? DEFAULT_SCHEMA}.${o.table.relname}` } : {}),
    });
  }
  return issues;
}
