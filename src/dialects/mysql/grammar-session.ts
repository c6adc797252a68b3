/**
 * Session, transaction and control statements for the hand-written grammar: SET (MySQL 8.4
 * reference manual 15.7.6.1 "SET Syntax for Variable Assignment"), BEGIN/START TRANSACTION/COMMIT/
 * ROLLBACK [TO SAVEPOINT] (15.3.1, 15.3.4), SET TRANSACTION, SAVEPOINT, DO, PREPARE/EXECUTE, XA,
 * and OPTIMIZE/ANALYZE/CHECK/REPAIR/CHECKSUM TABLE. All read whole (strict).
 */
import type { MyAst, SetAst, TableName } from './ast.js';
import type { Reader } from './reader.js';

/** The result: the AST, and whether its syntax was only skimmed (node-sql-parser must agree). */
export interface GrammarResult {
  ast: MyAst;
  /** true: the grammar read only what MyAst keeps; another parser must confirm the syntax */
  looseSyntax: boolean;
}

/** only words, strings, numbers, variables and commas until the end */
function plainUntilEnd(r: Reader): void {
  while (!r.done && !r.isOp(';')) {
    const t = r.peek()!;
    if (t.type === 'op' && t.v !== ',' && t.v !== '=') r.fail('unexpected text');
    r.pos++;
  }
  r.end();
}

/** SAVEPOINT, RELEASE SAVEPOINT, DO, PREPARE/EXECUTE/DEALLOCATE PREPARE, XA: read whole, or false */
export function simpleStatement(r: Reader, k: string): boolean {
  if (k === 'SAVEPOINT' || (k === 'RELEASE' && r.kw(1) === 'SAVEPOINT')) {
    r.pos += k === 'SAVEPOINT' ? 1 : 2;
    r.ident('a savepoint');
    r.end();
    return true;
  }
  if (k === 'DO') {
    r.pos++;
    do r.expression();
    while (r.acceptOp(','));
    r.end();
    return true;
  }
  if (k === 'PREPARE') {
    r.pos++;
    r.ident('a statement name');
    r.expect('FROM');
    const t = r.next();
    if (t.type !== 'string' && t.type !== 'var') r.fail('expected a string or a @variable');
    r.end();
    return true;
  }
  if (k === 'EXECUTE' || k === 'DEALLOCATE' || k === 'XA') {
    r.pos++;
    if (k === 'DEALLOCATE') r.expect('PREPARE');
    plainUntilEnd(r);
    return true;
  }
  return false;
}

export const TABLE_MAINTENANCE = new Set(['OPTIMIZE', 'ANALYZE', 'CHECK', 'REPAIR', 'CHECKSUM']);

/** `OPTIMIZE|ANALYZE|CHECK|REPAIR|CHECKSUM [NO_WRITE_TO_BINLOG|LOCAL] TABLE t, … [options]` */
export function maintenanceTables(r: Reader): TableName[] {
  r.pos++;
  r.accept('NO_WRITE_TO_BINLOG') || r.accept('LOCAL');
  if (!r.accept('TABLE')) r.expect('TABLES');
  const tables: TableName[] = [];
  do tables.push(r.tableName());
  while (r.acceptOp(','));
  // options: QUICK, EXTENDED, FAST, MEDIUM, CHANGED, FOR UPGRADE, USE_FRM, UPDATE|DROP HISTOGRAM ON …, PERSISTENT FOR …
  while (
    !r.done &&
    !r.isOp(';') &&
    (r.peek()!.type === 'word' || r.isOp(',') || r.isOp('(') || r.isOp(')') || r.peek()!.type === 'number')
  )
    r.pos++;
  r.end();
  return tables;
}

export function transaction(r: Reader): GrammarResult {
  const k = r.next().v.toUpperCase();
  if (k === 'START') r.expect('TRANSACTION');
  if (k === 'ROLLBACK' && (r.is('TO') || r.is('WORK', 'TO'))) {
    r.accept('WORK');
    r.expect('TO');
    r.accept('SAVEPOINT');
    r.ident('a savepoint');
    r.end();
    return { ast: { type: 'other', keyword: 'ROLLBACK TO' }, looseSyntax: false };
  }
  if (k === 'BEGIN' && !r.done && !r.isOp(';') && !r.is('WORK'))
    r.fail('BEGIN … END is a compound statement, allowed only in stored programs');
  r.accept('WORK');
  let chain = false;
  if (r.accept('AND', 'CHAIN')) chain = true;
  else r.accept('AND', 'NO', 'CHAIN');
  r.accept('NO', 'RELEASE') || r.accept('RELEASE');
  if (k === 'START') r.pos = r.tokens.length; // READ ONLY, WITH CONSISTENT SNAPSHOT …
  r.end();
  const action = k === 'BEGIN' || k === 'START' ? 'begin' : k === 'COMMIT' ? 'commit' : 'rollback';
  return { ast: { type: 'transaction', action, ...(chain ? { chain } : {}) }, looseSyntax: false };
}

export function setStatement(r: Reader): GrammarResult {
  r.pos++;
  const k = r.kw();
  if (k === 'PASSWORD' || k === 'ROLE' || (k === 'DEFAULT' && r.kw(1) === 'ROLE'))
    return { ast: { type: 'account', keyword: `SET ${k}` }, looseSyntax: false };
  if (k === 'TRANSACTION' || ((k === 'SESSION' || k === 'GLOBAL') && r.kw(1) === 'TRANSACTION')) {
    plainUntilEnd(r);
    return { ast: { type: 'other', keyword: 'SET TRANSACTION' }, looseSyntax: false };
  }
  const ast: SetAst = { type: 'set', vars: [] };
  do {
    let scope: SetAst['vars'][number]['scope'] = 'session';
    const w = r.kw();
    if (w === 'NAMES' || w === 'CHARSET' || (w === 'CHARACTER' && r.kw(1) === 'SET')) {
      r.pos += w === 'CHARACTER' ? 2 : 1;
      const value = r.expression(new Set(['COLLATE']));
      if (r.accept('COLLATE')) r.next();
      ast.vars.push({ scope: 'names', name: w === 'NAMES' ? 'names' : 'charset', value });
      continue;
    }
    if (w === 'SESSION' || w === 'LOCAL' || w === 'GLOBAL' || w === 'PERSIST' || w === 'PERSIST_ONLY') {
      r.pos++;
      scope = w === 'LOCAL' ? 'session' : (w.toLowerCase() as typeof scope);
    }
    const t = r.next();
    let name: string;
    if (t.type === 'var') {
      const m = /^@@(?:(global|session|local|persist|persist_only)\.)?(.+)$/i.exec(t.v);
      if (m) {
        if (m[1]) scope = m[1].toLowerCase() === 'local' ? 'session' : (m[1].toLowerCase() as typeof scope);
        name = m[2]!.replace(/^`|`$/g, '');
      } else {
        scope = 'user';
        name = t.v.slice(1);
      }
    } else if (t.type === 'word' || t.type === 'qident') {
      name = t.v;
      if (r.acceptOp('.')) name += `.${r.ident()}`;
    } else {
      r.pos--;
      r.fail('expected a variable');
    }
    if (!r.acceptOp('=')) r.expectOp(':=');
    ast.vars.push({ scope, name: name.toLowerCase(), value: r.expression() });
  } while (r.acceptOp(','));
  r.end();
  return { ast, looseSyntax: false };
}
