/**
 * The hand-written grammar's entry: reads one statement's tokens into `MyAst`. DDL that rules and
 * the catalog read (CREATE/ALTER/DROP TABLE, CREATE/DROP INDEX, RENAME TABLE) is read strictly;
 * DML and the rest are read for the facts `MyAst` keeps (tables, WHERE text, LIMIT), and
 * `parse.ts` lets node-sql-parser judge their syntax (`looseSyntax`).
 */
import type { IndexDef, TableName, MyAst, SetAst, UpdateAst, DeleteAst, InsertAst, SelectAst, RoutineAst } from './ast.js';
import type { Token } from './lex.js';
import { Reader } from './reader.js';
import { alterTable, createTable, onlineClauses } from './grammar-table.js';
import { indexOptions, keyParts } from './grammar-defs.js';

/** The result: the AST, and whether its syntax was only skimmed (node-sql-parser must agree). */
export interface GrammarResult {
  ast: MyAst;
  /** true: the grammar read only what MyAst keeps; another parser must confirm the syntax */
  looseSyntax: boolean;
}

const ACCOUNT = new Set(['USER', 'ROLE']);
const SERVER_FIRST = new Set(['INSTALL', 'UNINSTALL', 'SHUTDOWN', 'KILL', 'FLUSH', 'RESET', 'PURGE', 'SYSTEM', 'RESTART', 'CLONE', 'BINLOG', 'CACHE']);
const OTHER_FIRST = new Set(['CALL', 'LOCK', 'UNLOCK', 'SHOW', 'DESCRIBE', 'DESC', 'EXPLAIN', 'HANDLER', 'HELP', 'SIGNAL', 'RESIGNAL', 'GET', 'TABLE', 'VALUES', 'WITH', 'BACKUP']);

/** words that continue a statement's leading keywords (`CREATE UNIQUE INDEX`, `LOAD DATA LOCAL INFILE`) */
const LEAD_WORDS = new Set(['TABLE', 'TABLES', 'INDEX', 'KEY', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'ONLINE', 'OFFLINE', 'IGNORE', 'TEMPORARY', 'OR', 'REPLACE', 'DATABASE', 'SCHEMA', 'VIEW', 'PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT', 'USER', 'ROLE', 'TRANSACTION', 'DATA', 'XML', 'LOCAL', 'INFILE', 'INTO', 'FROM', 'SLAVE', 'REPLICA', 'MASTER', 'PLUGIN', 'TABLESPACE', 'SERVER', 'SESSION', 'GLOBAL', 'PERSIST', 'NAMES', 'PASSWORD', 'WORK', 'LOW_PRIORITY', 'CONCURRENT', 'DEFINER', 'SEQUENCE']);

/** The leading keywords of a statement, upper case (`ALTER TABLE`, `CREATE UNIQUE INDEX`, `INSERT INTO`): no names. */
export function leadingKeywords(tokens: Token[]): string {
  const words: string[] = [];
  for (const t of tokens) {
    if (t.type !== 'word' || words.length >= 4) break;
    const w = t.v.toUpperCase();
    if (words.length > 0 && !LEAD_WORDS.has(w)) break;
    words.push(w);
  }
  return words.join(' ') || (tokens[0]?.v ?? '');
}

/** Reads `tokens` (of `text`); throws `GrammarError` when the statement is not one the grammar knows. */
export function readStatement(tokens: Token[], text: string): GrammarResult {
  const r = new Reader(tokens, text);
  const k = r.kw();
  const strict = (ast: MyAst): GrammarResult => ({ ast, looseSyntax: false });
  const loose = (ast: MyAst): GrammarResult => ({ ast, looseSyntax: true });
  switch (k) {
    case 'ALTER': {
      r.pos++;
      const k2 = r.kw();
      if (k2 === 'TABLE' || k2 === 'ONLINE' || k2 === 'OFFLINE' || k2 === 'IGNORE') return strict(alterTable(r));
      if (k2 === 'DATABASE' || k2 === 'SCHEMA') return strict(database(r, 'alter'));
      if (ACCOUNT.has(k2)) return strict({ type: 'account', keyword: `ALTER ${k2}` });
      return strict(routineOrOther(r, 'alter'));
    }
    case 'CREATE':
      r.pos++;
      return create(r);
    case 'DROP':
      r.pos++;
      return drop(r);
    case 'RENAME': {
      r.pos++;
      if (ACCOUNT.has(r.kw())) return strict({ type: 'account', keyword: `RENAME ${r.kw()}` });
      if (!r.accept('TABLE')) r.expect('TABLES');
      const pairs: { from: TableName; to: TableName }[] = [];
      do {
        const from = r.tableName();
        r.expect('TO');
        pairs.push({ from, to: r.tableName() });
      } while (r.acceptOp(','));
      r.end();
      return strict({ type: 'rename_table', pairs });
    }
    case 'TRUNCATE': {
      r.pos++;
      r.accept('TABLE');
      const table = r.tableName();
      r.end();
      return strict({ type: 'truncate', table });
    }
    case 'USE': {
      r.pos++;
      const name = r.ident('a database');
      r.end();
      return strict({ type: 'database', action: 'use', name });
    }
    case 'BEGIN':
    case 'START':
    case 'COMMIT':
    case 'ROLLBACK':
      return transaction(r);
    case 'SET':
      return setStatement(r);
    case 'UPDATE':
      return loose(update(r));
    case 'DELETE':
      return loose(deleteStmt(r));
    case 'INSERT':
    case 'REPLACE':
      return loose(insert(r));
    case 'SELECT':
      return loose(select(r));
    case 'LOAD':
      return strict(loadData(r));
    case 'GRANT':
    case 'REVOKE':
      return strict({ type: 'account', keyword: k });
  }
  if (SERVER_FIRST.has(k) || (k === 'CHANGE' && /^(MASTER|REPLICATION)$/.test(r.kw(1))) || ((k === 'STOP' || k === 'START') && /^(SLAVE|REPLICA|GROUP_REPLICATION)$/.test(r.kw(1))))
    return strict({ type: 'server', keyword: leadingKeywords(tokens) });
  if (r.isOp('\\') && r.isOp('!', 1)) return strict({ type: 'server', keyword: '\\!' });
  const simple = simpleStatement(r, k);
  if (simple) return strict({ type: 'other', keyword: leadingKeywords(tokens) });
  if (TABLE_MAINTENANCE.has(k)) return strict({ type: 'other', keyword: leadingKeywords(tokens), tables: maintenanceTables(r) });
  if (OTHER_FIRST.has(k)) return loose({ type: 'other', keyword: leadingKeywords(tokens) });
  return r.fail('unknown statement');
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
function simpleStatement(r: Reader, k: string): boolean {
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

const TABLE_MAINTENANCE = new Set(['OPTIMIZE', 'ANALYZE', 'CHECK', 'REPAIR', 'CHECKSUM']);

/** `OPTIMIZE|ANALYZE|CHECK|REPAIR|CHECKSUM [NO_WRITE_TO_BINLOG|LOCAL] TABLE t, … [options]` */
function maintenanceTables(r: Reader): TableName[] {
  r.pos++;
  r.accept('NO_WRITE_TO_BINLOG') || r.accept('LOCAL');
  if (!r.accept('TABLE')) r.expect('TABLES');
  const tables: TableName[] = [];
  do tables.push(r.tableName());
  while (r.acceptOp(','));
  // options: QUICK, EXTENDED, FAST, MEDIUM, CHANGED, FOR UPGRADE, USE_FRM, UPDATE|DROP HISTOGRAM ON …, PERSISTENT FOR …
  while (!r.done && !r.isOp(';') && (r.peek()!.type === 'word' || r.isOp(',') || r.isOp('(') || r.isOp(')') || r.peek()!.type === 'number')) r.pos++;
  r.end();
  return tables;
}

function create(r: Reader): GrammarResult {
  const orReplace = r.accept('OR', 'REPLACE');
  const temporary = r.accept('TEMPORARY');
  const k = r.kw();
  if (k === 'TABLE') {
    r.pos++;
    return { ast: createTable(r, { orReplace, temporary }), looseSyntax: false };
  }
  if (k === 'DATABASE' || k === 'SCHEMA') return { ast: database(r, 'create'), looseSyntax: false };
  if (ACCOUNT.has(k)) return { ast: { type: 'account', keyword: `CREATE ${k}` }, looseSyntax: false };
  if (k === 'TABLESPACE' || k === 'SERVER' || k === 'LOGFILE' || k === 'SPATIAL' && r.kw(1) === 'REFERENCE')
    return { ast: { type: 'server', keyword: `CREATE ${k}` }, looseSyntax: false };
  // CREATE [ONLINE|OFFLINE] [UNIQUE|FULLTEXT|SPATIAL] INDEX
  const save = r.pos;
  const online = r.accept('ONLINE');
  if (!online) r.accept('OFFLINE');
  const kind = r.kw();
  if (kind === 'INDEX' || ((kind === 'UNIQUE' || kind === 'FULLTEXT' || kind === 'SPATIAL') && r.kw(1) === 'INDEX')) {
    r.pos += kind === 'INDEX' ? 1 : 2;
    const ifNotExists = r.accept('IF', 'NOT', 'EXISTS');
    const index: IndexDef = { name: r.ident('an index name'), kind: kind === 'INDEX' ? 'index' : (kind.toLowerCase() as IndexDef['kind']), columns: [] };
    indexOptions(r, index);
    r.expect('ON');
    const table = r.tableName();
    index.columns = keyParts(r);
    indexOptions(r, index);
    const ast: MyAst = { type: 'create_index', table, index, ...(ifNotExists ? { ifNotExists } : {}), ...(online ? { online } : {}) };
    onlineClauses(r, ast);
    r.end();
    return { ast, looseSyntax: false };
  }
  r.pos = save;
  return { ast: routineOrOther(r, 'create'), looseSyntax: false };
}

function drop(r: Reader): GrammarResult {
  const temporary = r.accept('TEMPORARY');
  const k = r.kw();
  if (k === 'TABLE' || k === 'TABLES') {
    r.pos++;
    const ifExists = r.accept('IF', 'EXISTS');
    const tables: TableName[] = [];
    do tables.push(r.tableName());
    while (r.acceptOp(','));
    r.accept('RESTRICT') || r.accept('CASCADE');
    r.end();
    return { ast: { type: 'drop_table', tables, ...(ifExists ? { ifExists } : {}), ...(temporary ? { temporary } : {}) }, looseSyntax: false };
  }
  if (k === 'INDEX' || k === 'ONLINE' || k === 'OFFLINE') {
    const online = r.accept('ONLINE');
    if (!online) r.accept('OFFLINE');
    r.expect('INDEX');
    const ifExists = r.accept('IF', 'EXISTS');
    const name = r.ident('an index');
    r.expect('ON');
    const ast: MyAst = { type: 'drop_index', table: r.tableName(), name, ...(ifExists ? { ifExists } : {}), ...(online ? { online } : {}) };
    onlineClauses(r, ast);
    r.end();
    return { ast, looseSyntax: false };
  }
  if (k === 'DATABASE' || k === 'SCHEMA') return { ast: database(r, 'drop'), looseSyntax: false };
  if (ACCOUNT.has(k)) return { ast: { type: 'account', keyword: `DROP ${k}` }, looseSyntax: false };
  if (k === 'TABLESPACE' || k === 'SERVER' || k === 'LOGFILE') return { ast: { type: 'server', keyword: `DROP ${k}` }, looseSyntax: false };
  return { ast: routineOrOther(r, 'drop'), looseSyntax: false };
}

function database(r: Reader, action: 'create' | 'alter' | 'drop'): MyAst {
  r.pos++; // DATABASE | SCHEMA
  r.accept('IF', 'NOT', 'EXISTS') || r.accept('IF', 'EXISTS');
  const name = r.kw() === 'DEFAULT' || r.kw() === 'CHARACTER' || r.kw() === 'CHARSET' || r.kw() === 'COLLATE' ? '' : r.ident('a database');
  r.pos = r.tokens.length; // options are not modelled
  return { type: 'database', action, name };
}

const ROUTINES = new Set(['PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT', 'VIEW']);

/** CREATE/ALTER/DROP of a procedure, function, trigger, event or view (skipping DEFINER=, ALGORITHM=, SQL SECURITY …). */
function routineOrOther(r: Reader, action: RoutineAst['action']): MyAst {
  while (!r.done && !ROUTINES.has(r.kw())) {
    const k = r.kw();
    if (k === 'DEFINER') {
      r.pos++;
      r.acceptOp('=');
      r.next();
      if (r.peek()?.type === 'var' || r.isOp('@')) r.next();
      if (r.isOp('(')) r.parenthesized();
    } else if (k === 'ALGORITHM' || k === 'SQL' || k === 'SECURITY' || k === 'UNDEFINED' || k === 'MERGE' || k === 'TEMPTABLE' || k === 'AGGREGATE' || k === 'INVOKER' || k === 'OR' || k === 'REPLACE' || k === 'NONEDITIONABLE' || k === 'EDITIONABLE' || k === 'DEFINER') r.pos++;
    else if (r.isOp('=')) r.pos++;
    else r.fail(`unknown ${action.toUpperCase()} statement`);
  }
  const object = r.next().v.toLowerCase() as RoutineAst['object'];
  r.accept('IF', 'NOT', 'EXISTS') || r.accept('IF', 'EXISTS');
  const name = r.tableName();
  const ast: RoutineAst = { type: 'routine', action, object, name };
  if (object === 'trigger' && action === 'create') {
    while (!r.done && r.kw() !== 'ON') r.pos++;
    if (r.accept('ON')) ast.table = r.tableName();
  }
  r.pos = r.tokens.length;
  return ast;
}

function transaction(r: Reader): GrammarResult {
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
  if (k === 'BEGIN' && !r.done && !r.isOp(';') && !r.is('WORK')) r.fail('BEGIN … END is a compound statement, allowed only in stored programs');
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

function setStatement(r: Reader): GrammarResult {
  r.pos++;
  const k = r.kw();
  if (k === 'PASSWORD' || k === 'ROLE' || (k === 'DEFAULT' && r.kw(1) === 'ROLE')) return { ast: { type: 'account', keyword: `SET ${k}` }, looseSyntax: false };
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

function update(r: Reader): UpdateAst {
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

function deleteStmt(r: Reader): DeleteAst {
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

function insert(r: Reader): InsertAst {
  const replace = r.next().v.toUpperCase() === 'REPLACE';
  while (r.accept('LOW_PRIORITY') || r.accept('DELAYED') || r.accept('HIGH_PRIORITY') || r.accept('IGNORE'));
  r.accept('INTO');
  const table = r.tableName();
  if (r.isOp('(') && r.kw(1) !== 'SELECT') r.parenthesized();
  const ast: InsertAst = { type: 'insert', table, select: false, rows: 0, ...(replace ? { replace } : {}) };
  if (r.accept('VALUES') || r.accept('VALUE')) {
    while (r.isOp('(') || r.kw() === 'ROW') {
      r.accept('ROW');
      r.parenthesized();
      ast.rows++;
      if (!r.acceptOp(',')) break;
    }
  } else if (r.kw() === 'SET') ast.rows = 1;
  else ast.select = true;
  r.pos = r.tokens.length;
  return ast;
}

function select(r: Reader): SelectAst {
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

function loadData(r: Reader): MyAst {
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
