/**
 * DML and data statements for the hand-written grammar: UPDATE, DELETE, INSERT/REPLACE, SELECT,
 * LOAD DATA (MySQL 8.4 reference manual 15.2 "Data Manipulation Statements"). They are read for
 * the facts `MyAst` keeps; except the constant-rows INSERT, node-sql-parser judges their syntax.
 */
import type { DeleteAst, InsertAst, MyAst, SelectAst, TableName, UpdateAst } from './ast.js';
import type { Reader } from './reader.js';

/** table references up to a keyword in `stops`: names and JOINed names, aliases skipped */
function tableRefs(r: Reader, stops: Set<string>): TableName[] {
  const out: TableName[] = [];
  while (!r.done && !stops.has(r.kw()) && !r.isOp(';')) {
    const t = r.peek()!;
    if (t.type === 'op' && t.v === '(') {
      r.parenthesized();
      continue;
    }
    if ((t.type === 'word' || t.type === 'qident') && (out.length === 0 || r.isOp(',', -1) || /^(JOIN)$/i.test(r.tokens[r.pos - 1]?.v ?? ''))) {
      out.push(r.tableName());
      continue;
    }
    r.pos++;
  }
  return out;
}

function whereLimit(r: Reader, ast: { where?: string; limit?: number; orderBy?: string }): void {
  if (r.accept('WHERE')) ast.where = r.expression(new Set(['ORDER', 'LIMIT']));
  if (r.accept('ORDER', 'BY')) ast.orderBy = r.expression(new Set(['LIMIT']));
  if (r.accept('LIMIT') && r.peek()?.type === 'number') ast.limit = r.int();
  r.pos = r.tokens.length;
}

export function update(r: Reader): UpdateAst {
  r.pos++;
  r.accept('LOW_PRIORITY');
  r.accept('IGNORE');
  const tables = tableRefs(r, new Set(['SET']));
  r.expect('SET');
  const ast: UpdateAst = { type: 'update', tables, set: [] };
  do {
    let column = r.ident('a column');
    while (r.acceptOp('.')) column = r.ident('a column');
    r.expectOp('=');
    ast.set.push({ column, expr: r.expression(new Set(['WHERE', 'ORDER', 'LIMIT'])) });
  } while (r.acceptOp(','));
  whereLimit(r, ast);
  return ast;
}

export function deleteStmt(r: Reader): DeleteAst {
  r.pos++;
  while (r.accept('LOW_PRIORITY') || r.accept('QUICK') || r.accept('IGNORE'));
  const before = r.kw() === 'FROM' ? [] : tableRefs(r, new Set(['FROM']));
  r.expect('FROM');
  const from = tableRefs(r, new Set(['WHERE', 'ORDER', 'LIMIT', 'USING', 'RETURNING']));
  if (r.accept('USING')) tableRefs(r, new Set(['WHERE']));
  const ast: DeleteAst = { type: 'delete', tables: before.length ? before : from };
  whereLimit(r, ast);
  return ast;
}

/**
 * INSERT/REPLACE. The common dump form, `INSERT INTO t [(cols)] VALUES (constants), …`, is read
 * strictly here (node-sql-parser needs ~3 s per MB of it); anything else is only skimmed and
 * node-sql-parser judges it (`strict` false).
 */
export function insert(r: Reader): { ast: InsertAst; strict: boolean } {
  const replace = r.next().v.toUpperCase() === 'REPLACE';
  while (r.accept('LOW_PRIORITY') || r.accept('DELAYED') || r.accept('HIGH_PRIORITY') || r.accept('IGNORE'));
  r.accept('INTO');
  const table = r.tableName();
  let strict = true;
  if (r.isOp('(') && r.kw(1) !== 'SELECT') {
    const save = r.pos;
    try {
      r.identList();
    } catch {
      r.pos = save;
      r.parenthesized();
      strict = false;
    }
  }
  const ast: InsertAst = { type: 'insert', table, select: false, rows: 0, ...(replace ? { replace } : {}) };
  if (r.accept('VALUES') || r.accept('VALUE')) {
    let more = true; // a row must follow VALUES and every comma
    while (r.isOp('(') || r.kw() === 'ROW') {
      r.accept('ROW');
      if (strict) strict = constantRow(r);
      else r.parenthesized();
      ast.rows++;
      more = r.acceptOp(',');
      if (!more) break;
    }
    strict &&= !more && (r.done || (r.isOp(';') && r.pos === r.tokens.length - 1));
  } else {
    strict = false;
    if (r.kw() === 'SET') ast.rows = 1;
    else ast.select = true;
  }
  r.pos = r.tokens.length;
  return { ast, strict };
}

/** `(v, v, …)` of constants (literals, NULL, DEFAULT, TRUE/FALSE, CURRENT_TIMESTAMP, f(constants)); false (row skipped) when it holds anything else */
function constantRow(r: Reader): boolean {
  const start = r.pos;
  r.expectOp('(');
  let ok = true;
  for (;;) {
    if (!constantValue(r)) {
      ok = false;
      break;
    }
    if (r.acceptOp(')')) return true;
    if (!r.acceptOp(',')) {
      ok = false;
      break;
    }
  }
  r.pos = start;
  r.parenthesized();
  return ok;
}

const CONSTANT_WORDS = new Set(['NULL', 'DEFAULT', 'TRUE', 'FALSE', 'CURRENT_TIMESTAMP', 'NOW', 'UUID']);

function constantValue(r: Reader): boolean {
  const t = r.peek();
  if (!t) return false;
  if (t.type === 'op' && (t.v === '-' || t.v === '+') && r.peek(1)?.type === 'number') {
    r.pos += 2;
    return true;
  }
  if (t.type === 'number') return r.pos++ >= 0;
  if (t.type === 'string') {
    while (r.peek()?.type === 'string') r.pos++;
    return true;
  }
  if (t.type === 'word' && /^_[a-z0-9]+$/i.test(t.v) && r.peek(1)?.type === 'string') {
    r.pos += 2;
    return true;
  }
  if (t.type === 'word') {
    r.pos++;
    if (r.acceptOp('(')) {
      // f(constants): UNHEX('…'), CONVERT('…' USING utf8mb4) is not one
      if (r.acceptOp(')')) return true;
      do if (!constantValue(r)) return false;
      while (r.acceptOp(','));
      return r.acceptOp(')');
    }
    return CONSTANT_WORDS.has(t.v.toUpperCase());
  }
  return false;
}

export function select(r: Reader): SelectAst {
  const ast: SelectAst = { type: 'select', tables: [] };
  for (let depth = 0; !r.done; ) {
    const t = r.next();
    if (t.type === 'op' && t.v === '(') depth++;
    else if (t.type === 'op' && t.v === ')') depth--;
    else if (depth === 0 && t.type === 'word') {
      const k = t.v.toUpperCase();
      if (k === 'FROM' || k === 'JOIN') ast.tables.push(...tableRefs(r, new Set(['WHERE', 'GROUP', 'ORDER', 'LIMIT', 'HAVING', 'INTO', 'UNION', 'WINDOW', 'FOR', 'LOCK', 'JOIN', 'LEFT', 'RIGHT', 'INNER', 'CROSS', 'STRAIGHT_JOIN', 'NATURAL', 'ON', 'USING'])));
      else if (k === 'INTO' && (r.kw() === 'OUTFILE' || r.kw() === 'DUMPFILE')) {
        r.pos++;
        const f = r.peek();
        if (f?.type === 'string') ast.intoFile = f.v;
      }
    }
  }
  return ast;
}

export function loadData(r: Reader): MyAst {
  r.pos++;
  if (!r.accept('DATA')) r.expect('XML');
  r.accept('LOW_PRIORITY') || r.accept('CONCURRENT');
  const local = r.accept('LOCAL');
  r.expect('INFILE');
  const f = r.next();
  const ast: MyAst = { type: 'load_data', local, file: f.v };
  while (!r.done && !r.is('TABLE')) r.pos++;
  if (r.accept('TABLE')) ast.table = r.tableName();
  r.pos = r.tokens.length;
  return ast;
}
