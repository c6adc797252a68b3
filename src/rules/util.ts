/** Small AST helpers shared by rules. Pure functions, no state. */
import volatilityData from '../../data/pg-volatility.json' with { type: 'json' };
import { DEFAULT_SCHEMA } from '../schema/catalog.js';

const FUNCTIONS = (volatilityData as { functions: Record<string, string> }).functions;

export type Volatility = 'immutable' | 'stable' | 'volatile';

const RANK: Record<Volatility, number> = { immutable: 0, stable: 1, volatile: 2 };
const max = (a: Volatility, b: Volatility): Volatility => (RANK[a] >= RANK[b] ? a : b);

export function str(n: any): string | undefined {
  return n?.String?.sval;
}

export function names(list: any[] | undefined): string[] {
  return (list ?? []).map(str).filter((s): s is string => s !== undefined);
}

/** Volatility of a built-in (or common extension) function from pg_proc; undefined when unknown. */
export function builtinVolatility(name: string): Volatility | undefined {
  const v = FUNCTIONS[name] ?? FUNCTIONS[name.toLowerCase()];
  if (!v) return undefined;
  // overloads that differ: take the most volatile (safe side for rewrite detection)
  if (v.includes('v')) return 'volatile';
  if (v.includes('s')) return 'stable';
  return 'immutable';
}

/**
 * Volatility of an expression, as PostgreSQL would judge it when deciding
 * whether `ADD COLUMN … DEFAULT expr` can skip the table rewrite.
 * `userFunctions` gives the volatility of functions created by earlier migrations;
 * a function known nowhere is assumed volatile, PostgreSQL's own default for CREATE FUNCTION.
 */
export function volatility(expr: any, userFunctions?: Map<string, Volatility>): Volatility {
  let result: Volatility = 'immutable';
  const visit = (node: any): void => {
    if (!node || typeof node !== 'object' || result === 'volatile') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'FuncCall') {
        const fn = names((value as any).funcname);
        const name = fn[fn.length - 1] ?? '';
        const v = userFunctions?.get(name) ?? builtinVolatility(name) ?? 'volatile';
        result = max(result, v);
        visit((value as any).args);
      } else if (key === 'SQLValueFunction') {
        result = max(result, 'stable');
      } else if (key === 'SubLink') {
        result = 'volatile';
      } else if (key === 'NextValueExpr') {
        result = 'volatile';
      } else {
        visit(value);
      }
    }
  };
  visit(expr);
  return result;
}

/** Names of the functions called in an expression, for messages. */
export function calledFunctions(expr: any): string[] {
  const out: string[] = [];
  const visit = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'FuncCall') {
        const fn = names((value as any).funcname);
        out.push(fn[fn.length - 1] ?? '?');
      }
      visit(value);
    }
  };
  visit(expr);
  return out;
}

/** `schema.table` for display: drops the default schema. */
export function displayTable(rel: { schemaname?: string; relname?: string } | string | undefined): string {
  if (rel === undefined) return '?';
  if (typeof rel === 'string') return rel.startsWith(`${DEFAULT_SCHEMA}.`) ? rel.slice(DEFAULT_SCHEMA.length + 1) : rel;
  return rel.schemaname && rel.schemaname !== DEFAULT_SCHEMA ? `${rel.schemaname}.${rel.relname}` : (rel.relname ?? '?');
}

/** The `AlterTableCmd` objects of an AlterTableStmt. */
export function alterCmds(ast: any): any[] {
  return (ast?.cmds ?? []).map((c: any) => c.AlterTableCmd).filter(Boolean);
}

/** Constraints (inner objects) of a ColumnDef. */
export function columnConstraints(def: any): any[] {
  return (def?.constraints ?? []).map((c: any) => c.Constraint).filter(Boolean);
}

const SAFE_IDENT = /^[a-z_][a-z0-9_$]*$/;
const RESERVED = new Set(
  'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral leading limit localtime localtimestamp not null offset on only or order placing primary references returning select session_user some symmetric system_user table then to trailing true union unique user using variadic when where window with authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left like natural notnull outer overlaps right similar tablesample verbose'.split(
    ' ',
  ),
);

/** Quotes an identifier only when PostgreSQL needs it (mixed case, reserved word, special characters). */
export function quoteIdent(name: string): string {
  if (SAFE_IDENT.test(name) && !RESERVED.has(name)) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a possibly schema-qualified relation (`schema.table` key or RangeVar). */
export function quoteRel(rel: { schemaname?: string; relname?: string } | string): string {
  if (typeof rel === 'string') {
    const i = rel.indexOf('.');
    const schema = i >= 0 ? rel.slice(0, i) : undefined;
    const name = i >= 0 ? rel.slice(i + 1) : rel;
    return schema && schema !== DEFAULT_SCHEMA ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name);
  }
  return rel.schemaname ? `${quoteIdent(rel.schemaname)}.${quoteIdent(rel.relname ?? '')}` : quoteIdent(rel.relname ?? '');
}

/** Quotes a string literal. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** PostgreSQL lock modes and what they block, from the documented conflict table. */
export const LOCKS = {
  AccessShareLock: { blocksReads: false, blocksWrites: false },
  RowShareLock: { blocksReads: false, blocksWrites: false },
  RowExclusiveLock: { blocksReads: false, blocksWrites: false },
  ShareUpdateExclusiveLock: { blocksReads: false, blocksWrites: false },
  ShareLock: { blocksReads: false, blocksWrites: true },
  ShareRowExclusiveLock: { blocksReads: false, blocksWrites: true },
  ExclusiveLock: { blocksReads: false, blocksWrites: true },
  AccessExclusiveLock: { blocksReads: true, blocksWrites: true },
} as const;
export type LockMode = keyof typeof LOCKS;
