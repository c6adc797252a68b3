import { defineRule, type Issue } from '../../src/dialects/postgres/rule.js';
import { displayTable, names } from '../../src/dialects/postgres/util.js';

const SQL_VALUE_FUNCTIONS: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'current_date',
  SVFOP_CURRENT_TIME: 'current_time',
  SVFOP_CURRENT_TIME_N: 'current_time',
  SVFOP_CURRENT_TIMESTAMP: 'current_timestamp',
  SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
  SVFOP_LOCALTIME: 'localtime',
  SVFOP_LOCALTIME_N: 'localtime',
  SVFOP_LOCALTIMESTAMP: 'localtimestamp',
  SVFOP_LOCALTIMESTAMP_N: 'localtimestamp',
  SVFOP_CURRENT_ROLE: 'current_role',
  SVFOP_CURRENT_USER: 'current_user',
  SVFOP_USER: 'user',
  SVFOP_SESSION_USER: 'session_user',
  SVFOP_CURRENT_CATALOG: 'current_catalog',
  SVFOP_CURRENT_SCHEMA: 'current_schema',
};

/**
 * The column name PostgreSQL gives an unnamed select-list expression
 * (FigureColnameInternal in parse_target.c), with its strength: 2 = a real name,
 * 1 = a weak one (`case`, a cast's type), 0 = `?column?`. Undefined when the
 * expression's name cannot be told statically (then it is never reported).
 */
function figureColname(node: any): [string, number] | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const [k, v] = Object.entries(node)[0] as [string, any];
  switch (k) {
    case 'ColumnRef': {
      const last = v.fields?.[v.fields.length - 1];
      return last?.String ? [last.String.sval, 2] : undefined; // `*` expands to unknown names
    }
    case 'A_Indirection': {
      const last = v.indirection?.[v.indirection.length - 1];
      if (last?.String) return [last.String.sval, 2];
      if (last?.A_Star) return undefined;
      return figureColname(v.arg);
    }
    case 'FuncCall':
      return [names(v.funcname).at(-1) ?? '?column?', 2];
    case 'A_Expr':
      return v.kind === 'AEXPR_NULLIF' ? ['nullif', 2] : ['?column?', 0];
    case 'TypeCast': {
      const inner = figureColname(v.arg);
      if (inner && inner[1] > 1) return inner;
      if (!inner && !v.arg?.A_Const) return undefined;
      const t = names(v.typeName?.names).at(-1);
      return t ? [t, 1] : inner;
    }
    case 'CollateClause':
      return figureColname(v.arg);
    case 'GroupingFunc':
      return ['grouping', 2];
    case 'SubLink':
      if (v.subLinkType === 'EXISTS_SUBLINK') return ['exists', 2];
      if (v.subLinkType === 'ARRAY_SUBLINK') return ['array', 2];
      if (v.subLinkType === 'EXPR_SUBLINK' || v.subLinkType === 'MULTIEXPR_SUBLINK') return undefined;
      return ['?column?', 0];
    case 'CaseExpr':
      return ['case', 1];
    case 'A_ArrayExpr':
      return ['array', 2];
    case 'RowExpr':
      return ['row', 2];
    case 'CoalesceExpr':
      return ['coalesce', 2];
    case 'MinMaxExpr':
      return [v.op === 'IS_LEAST' ? 'least' : 'greatest', 2];
    case 'SQLValueFunction':
      return SQL_VALUE_FUNCTIONS[v.op] ? [SQL_VALUE_FUNCTIONS[v.op]!, 2] : undefined;
    case 'A_Const':
    case 'ParamRef':
    case 'BoolExpr':
    case 'NullTest':
    case 'BooleanTest':
      return ['?column?', 0];
    default:
      return undefined;
  }
}

/** Output column names of a SELECT (the left-most branch of a set operation), undefined entries where unknown. */
function selectNames(sel: any): (string | undefined)[] {
  if (!sel) return [];
  if (sel.op && sel.op !== 'SETOP_NONE') return selectNames(sel.larg);
  if (sel.valuesLists?.length)
    return (sel.valuesLists[0].List?.items ?? []).map((_: any, i: number) => `column${i + 1}`);
  return (sel.targetList ?? []).map((t: any) => {
    const rt = t.ResTarget;
    if (!rt) return undefined;
    if (rt.name) return rt.name;
    return figureColname(rt.val)?.[0];
  });
}

interface Assignment {
  name: string;
  /** a field or element assignment (`a.x = …`, `a[1] = …`): several of those to one column are allowed */
  partial: boolean;
}

/** Duplicate names among assignments: all partial assignments to one column are fine (`a.x = 1, a.y = 2`). */
function duplicateAssignments(list: Assignment[]): string[] {
  const by = new Map<string, Assignment[]>();
  for (const a of list) by.set(a.name, [...(by.get(a.name) ?? []), a]);
  return [...by].filter(([, xs]) => xs.length > 1 && !xs.every((x) => x.partial)).map(([n]) => n);
}

function duplicateNames(list: (string | undefined)[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const n of list) {
    if (n === undefined) continue;
    if (seen.has(n)) dup.add(n);
    seen.add(n);
  }
  return [...dup];
}

const assignments = (targets: any[] | undefined): Assignment[] =>
  (targets ?? [])
    .map((t: any) => t.ResTarget)
    .filter((rt: any) => rt?.name)
    .map((rt: any) => ({ name: rt.name, partial: !!rt.indirection?.length }));

const list = (xs: string[]) => xs.map((x) => `\`${x}\``).join(', ');

export default defineRule({
  meta: {
    id: 'ban-duplicate-column-assignments',
    severity: 'error',
    summary:
      'The same column assigned or defined twice in one statement: PostgreSQL rejects the statement and the migration fails.',
  },
  check(stmt) {
    const ast = stmt.ast;
    const issues: Issue[] = [];
    const assign = (dups: string[], where: string, table: any) => {
      if (!dups.length) return;
      issues.push({
        message: `${where} assigns ${list(dups)} more than once${table ? ` on \`${displayTable(table)}\`` : ''}: PostgreSQL rejects it with "multiple assignments to same column", so the migration fails here.`,
        help: 'Keep one assignment per column (combine the expressions if both were meant).',
        data: { columns: dups },
      });
    };
    const define = (dups: string[], what: string) => {
      if (!dups.length) return;
      issues.push({
        message: `${what} names column ${list(dups)} more than once: PostgreSQL rejects it with "column … specified more than once", so the migration fails here.`,
        help: 'Give every output column a distinct name (add AS aliases, or a column list).',
        data: { columns: dups },
      });
    };
    switch (stmt.kind) {
      case 'UpdateStmt':
        assign(duplicateAssignments(assignments(ast.targetList)), 'UPDATE … SET', ast.relation);
        break;
      case 'InsertStmt':
        assign(duplicateAssignments(assignments(ast.cols)), 'The INSERT column list', ast.relation);
        assign(
          duplicateAssignments(assignments(ast.onConflictClause?.targetList)),
          'ON CONFLICT DO UPDATE SET',
          ast.relation,
        );
        break;
      case 'MergeStmt':
        for (const w of ast.mergeWhenClauses ?? []) {
          const c = w.MergeWhenClause;
          if (c?.commandType === 'CMD_UPDATE')
            assign(duplicateAssignments(assignments(c.targetList)), 'MERGE … UPDATE SET', ast.relation);
          if (c?.commandType === 'CMD_INSERT')
            assign(duplicateAssignments(assignments(c.targetList)), 'MERGE … INSERT', ast.relation);
        }
        break;
      case 'CreateStmt':
      case 'CreateForeignTableStmt': {
        // CREATE FOREIGN TABLE wraps a CreateStmt (`base`)
        const base = stmt.kind === 'CreateStmt' ? ast : ast.base;
        const cols = (base?.tableElts ?? []).map((e: any) => e.ColumnDef?.colname).filter(Boolean);
        const what = stmt.kind === 'CreateStmt' ? 'CREATE TABLE' : 'CREATE FOREIGN TABLE';
        define(duplicateNames(cols), `${what} \`${displayTable(base?.relation)}\``);
        break;
      }
      case 'ViewStmt':
      case 'CreateTableAsStmt': {
        const aliases: string[] = ((stmt.kind === 'ViewStmt' ? ast.aliases : ast.into?.colNames) ?? []).map(
          (a: any) => a.String?.sval,
        );
        const selected = selectNames(ast.query?.SelectStmt);
        const out = selected.map((n, i) => aliases[i] ?? n);
        for (let i = selected.length; i < aliases.length; i++) out.push(aliases[i]);
        const rel = stmt.kind === 'ViewStmt' ? ast.view : ast.into?.rel;
        const what =
          stmt.kind === 'ViewStmt'
            ? 'CREATE VIEW'
            : ast.objtype === 'OBJECT_MATVIEW'
              ? 'CREATE MATERIALIZED VIEW'
              : 'CREATE TABLE … AS';
        define(duplicateNames(out), `${what} \`${displayTable(rel)}\``);
        break;
      }
      case 'SelectStmt':
        if (ast.intoClause)
          define(duplicateNames(selectNames(ast)), `SELECT … INTO \`${displayTable(ast.intoClause.rel)}\``);
        break;
      default:
        break;
    }
    return issues;
  },
});
