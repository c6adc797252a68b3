/**
 * CREATE TABLE and ALTER TABLE (MySQL 8.4 reference manual 15.1.9 "ALTER TABLE Statement" and
 * 15.1.20 "CREATE TABLE Statement"; MariaDB KB "ALTER TABLE", which adds ALTER ONLINE, WAIT n /
 * NOWAIT, IF [NOT] EXISTS on most clauses). Every clause node-sql-parser 5.4 rejects (NOTES.md)
 * is read here: ALTER COLUMN SET/DROP DEFAULT, CONVERT TO CHARACTER SET, RENAME INDEX, ALTER INDEX
 * … INVISIBLE, FORCE, PARTITION BY, ALTER ONLINE, WAIT n, ADD CONSTRAINT/UNIQUE/PRIMARY KEY/CHECK,
 * ADD COLUMN IF NOT EXISTS.
 */
import type { Algorithm, AlterOp, AlterTableAst, ColumnPosition, CreateTableAst, LockClause } from './ast.js';
import { checkDef, columnDef, foreignKeyDef, indexDef } from './grammar-defs.js';
import type { Reader } from './reader.js';

const ALGORITHMS = new Set(['DEFAULT', 'INSTANT', 'INPLACE', 'COPY', 'NOCOPY']);
const LOCKS = new Set(['DEFAULT', 'NONE', 'SHARED', 'EXCLUSIVE']);

/** table options that take a value; `DEFAULT CHARSET` is `CHARSET`, `CHARACTER SET` is `CHARSET` */
const TABLE_OPTIONS = new Set([
  'ENGINE', 'TYPE', 'AUTO_INCREMENT', 'AVG_ROW_LENGTH', 'CHARSET', 'CHECKSUM', 'COLLATE', 'COMMENT',
  'COMPRESSION', 'CONNECTION', 'DATA', 'INDEX', 'DELAY_KEY_WRITE', 'ENCRYPTION', 'ENCRYPTED',
  'ENCRYPTION_KEY_ID', 'INSERT_METHOD', 'KEY_BLOCK_SIZE', 'MAX_ROWS', 'MIN_ROWS', 'PACK_KEYS',
  'PASSWORD', 'ROW_FORMAT', 'STATS_AUTO_RECALC', 'STATS_PERSISTENT', 'STATS_SAMPLE_PAGES',
  'TABLESPACE', 'UNION', 'PAGE_COMPRESSED', 'PAGE_COMPRESSION_LEVEL', 'TRANSACTIONAL',
  'SEQUENCE', 'IETF_QUOTES', 'ENGINE_ATTRIBUTE', 'SECONDARY_ENGINE', 'SECONDARY_ENGINE_ATTRIBUTE',
  'AUTOEXTEND_SIZE', 'START', 'STORAGE',
]);

/** Reads one table option when one is next (`[DEFAULT] CHARSET = x`, `ENGINE=InnoDB`, `COMMENT 'x'`); returns it upper-cased. */
export function tableOption(r: Reader): { name: string; value: string } | undefined {
  const save = r.pos;
  r.accept('DEFAULT');
  let name = r.kw();
  if (name === 'CHARACTER' && r.kw(1) === 'SET') {
    r.pos += 2;
    name = 'CHARSET';
  } else if (name === 'DATA' || (name === 'INDEX' && r.kw(1) === 'DIRECTORY')) {
    if (r.kw(1) !== 'DIRECTORY') return void (r.pos = save);
    r.pos += 2;
    name = `${name} DIRECTORY`;
  } else if (name === 'START' && r.kw(1) === 'TRANSACTION') {
    r.pos += 2;
    return { name: 'START TRANSACTION', value: '' };
  } else if (name === 'TABLESPACE' || name === 'STORAGE') {
    r.pos++;
    const value = r.optionValue();
    if (name === 'TABLESPACE' && r.accept('STORAGE')) r.next();
    return { name, value };
  } else if (name === 'UNION') {
    r.pos++;
    r.acceptOp('=');
    r.identList();
    return { name, value: '' };
  } else if (TABLE_OPTIONS.has(name) && name !== 'INDEX' && name !== 'DATA') r.pos++;
  else return void (r.pos = save);
  if (name === 'TYPE') name = 'ENGINE';
  return { name, value: r.optionValue() };
}

/** `ALGORITHM [=] x` / `LOCK [=] x` when next; writes into `into` */
function onlineClause(r: Reader, into: { algorithm?: Algorithm; lock?: LockClause }): boolean {
  const k = r.kw();
  if (k !== 'ALGORITHM' && k !== 'LOCK') return false;
  if (!(r.isOp('=', 1) || r.peek(1)?.type === 'word')) return false;
  r.pos++;
  const v = r.optionValue().toUpperCase();
  if (k === 'ALGORITHM') {
    if (!ALGORITHMS.has(v)) r.fail(`unknown ALGORITHM ${v}`);
    into.algorithm = v as Algorithm;
  } else {
    if (!LOCKS.has(v)) r.fail(`unknown LOCK ${v}`);
    into.lock = v as LockClause;
  }
  return true;
}

/** Reads trailing `ALGORITHM=`/`LOCK=` clauses (CREATE INDEX, DROP INDEX). */
export function onlineClauses(r: Reader, into: { algorithm?: Algorithm; lock?: LockClause }): void {
  while (onlineClause(r, into)) r.acceptOp(',');
}

function position(r: Reader): ColumnPosition | undefined {
  if (r.accept('FIRST')) return { first: true };
  if (r.accept('AFTER')) return { after: r.ident('a column') };
  return undefined;
}

function withPosition<T extends AlterOp & { position?: ColumnPosition }>(r: Reader, op: T): T {
  const p = position(r);
  if (p) op.position = p;
  return op;
}

/** the rest of the clause as written (PARTITION …, ORDER BY …): up to a top-level comma */
function restOfClause(r: Reader): string {
  return r.expression();
}

/** One ALTER TABLE clause (one or more ops: `ADD COLUMN (a INT, b INT)` gives two). */
function alterClause(r: Reader, ast: AlterTableAst): AlterOp[] {
  if (onlineClause(r, ast)) return [];
  const k = r.kw();
  if (k === 'ADD') {
    r.pos++;
    const column = r.accept('COLUMN');
    const ifNotExists = r.accept('IF', 'NOT', 'EXISTS');
    if (column || (!isKeyStart(r) && r.kw() !== 'PARTITION')) {
      if (r.isOp('(')) {
        r.next();
        const ops: AlterOp[] = [];
        do ops.push({ op: 'addColumn', column: columnDef(r, r.ident('a column')), ...(ifNotExists ? { ifNotExists } : {}) });
        while (r.acceptOp(','));
        r.expectOp(')');
        return ops;
      }
      const name = r.ident('a column');
      const op: AlterOp = { op: 'addColumn', column: columnDef(r, name) };
      if (ifNotExists) op.ifNotExists = true;
      return [withPosition(r, op)];
    }
    if (r.kw() === 'PARTITION') return [{ op: 'partition', text: `ADD ${restOfClause(r)}` }];
    let name: string | undefined;
    let ifne = ifNotExists;
    if (r.accept('CONSTRAINT')) {
      ifne = r.accept('IF', 'NOT', 'EXISTS') || ifne;
      const kk = r.kw();
      if (kk !== 'PRIMARY' && kk !== 'UNIQUE' && kk !== 'FOREIGN' && kk !== 'CHECK') name = r.ident('a constraint name');
    }
    if (r.kw() === 'FOREIGN') {
      const { fk, ifNotExists: i2 } = foreignKeyDef(r, name);
      return [{ op: 'addForeignKey', fk, ...(ifne || i2 ? { ifNotExists: true } : {}) }];
    }
    if (r.kw() === 'CHECK') return [{ op: 'addCheck', check: checkDef(r, name) }];
    const { index, ifNotExists: i2 } = indexDef(r, name);
    return [{ op: 'addIndex', index, ...(ifne || i2 ? { ifNotExists: true } : {}) }];
  }
  if (k === 'DROP') {
    r.pos++;
    const k2 = r.kw();
    if (k2 === 'PRIMARY') {
      r.expect('PRIMARY', 'KEY');
      return [{ op: 'dropPrimaryKey' }];
    }
    if (k2 === 'INDEX' || k2 === 'KEY') {
      r.pos++;
      const ifExists = r.accept('IF', 'EXISTS');
      return [{ op: 'dropIndex', name: r.ident('an index'), ...(ifExists ? { ifExists } : {}) }];
    }
    if (k2 === 'FOREIGN') {
      r.expect('FOREIGN', 'KEY');
      const ifExists = r.accept('IF', 'EXISTS');
      return [{ op: 'dropForeignKey', name: r.ident('a foreign key'), ...(ifExists ? { ifExists } : {}) }];
    }
    if (k2 === 'CHECK' || k2 === 'CONSTRAINT') {
      r.pos++;
      const ifExists = r.accept('IF', 'EXISTS');
      return [{ op: 'dropConstraint', name: r.ident('a constraint'), check: k2 === 'CHECK', ...(ifExists ? { ifExists } : {}) }];
    }
    if (k2 === 'PARTITION') return [{ op: 'partition', text: `DROP ${restOfClause(r)}` }];
    if (k2 === 'SYSTEM' && r.kw(1) === 'VERSIONING') return [{ op: 'other', text: `DROP ${restOfClause(r)}` }];
    r.accept('COLUMN');
    const ifExists = r.accept('IF', 'EXISTS');
    const name = r.ident('a column');
    r.accept('RESTRICT') || r.accept('CASCADE');
    return [{ op: 'dropColumn', name, ...(ifExists ? { ifExists } : {}) }];
  }
  if (k === 'MODIFY' || k === 'CHANGE') {
    r.pos++;
    r.accept('COLUMN');
    const ifExists = r.accept('IF', 'EXISTS');
    const from = r.ident('a column');
    const ie = ifExists ? { ifExists } : {};
    if (k === 'MODIFY') return [withPosition(r, { op: 'modifyColumn', column: columnDef(r, from), ...ie })];
    const to = r.ident('a column');
    return [withPosition(r, { op: 'changeColumn', from, column: columnDef(r, to), ...ie })];
  }
  if (k === 'ALTER') {
    r.pos++;
    if (r.accept('INDEX') || r.accept('KEY')) {
      const name = r.ident('an index');
      if (r.accept('VISIBLE') || r.accept('NOT', 'IGNORED')) return [{ op: 'alterIndexVisibility', name, visible: true }];
      if (r.accept('INVISIBLE') || r.accept('IGNORED')) return [{ op: 'alterIndexVisibility', name, visible: false }];
      r.fail('expected VISIBLE, INVISIBLE, IGNORED or NOT IGNORED');
    }
    if (r.kw() === 'CHECK' || (r.kw() === 'CONSTRAINT' && r.peek(2)?.type === 'word' && /ENFORCED|NOT/i.test(r.peek(2)!.v)))
      return [{ op: 'other', text: `ALTER ${restOfClause(r)}` }];
    r.accept('COLUMN');
    r.accept('IF', 'EXISTS');
    const name = r.ident('a column');
    if (r.accept('SET', 'DEFAULT')) return [{ op: 'alterColumnDefault', name, default: r.defaultValue() }];
    if (r.accept('DROP', 'DEFAULT')) return [{ op: 'alterColumnDefault', name }];
    if (r.accept('SET', 'VISIBLE')) return [{ op: 'alterColumnVisibility', name, visible: true }];
    if (r.accept('SET', 'INVISIBLE')) return [{ op: 'alterColumnVisibility', name, visible: false }];
    r.fail('expected SET DEFAULT, DROP DEFAULT, SET VISIBLE or SET INVISIBLE');
  }
  if (k === 'RENAME') {
    r.pos++;
    if (r.accept('COLUMN')) {
      r.accept('IF', 'EXISTS');
      const from = r.ident('a column');
      r.expect('TO');
      return [{ op: 'renameColumn', from, to: r.ident('a column') }];
    }
    if (r.accept('INDEX') || r.accept('KEY')) {
      r.accept('IF', 'EXISTS');
      const from = r.ident('an index');
      r.expect('TO');
      return [{ op: 'renameIndex', from, to: r.ident('an index') }];
    }
    r.accept('TO') || r.accept('AS');
    return [{ op: 'renameTable', to: r.tableName() }];
  }
  if (k === 'CONVERT') {
    r.expect('CONVERT', 'TO');
    if (!r.accept('CHARSET')) r.expect('CHARACTER', 'SET');
    const charset = r.optionValue().toLowerCase();
    const op: AlterOp = { op: 'convertCharset', charset };
    if (r.accept('COLLATE')) op.collation = r.optionValue().toLowerCase();
    return [op];
  }
  if (k === 'FORCE') {
    r.pos++;
    return [{ op: 'force' }];
  }
  if (k === 'PARTITION' || k === 'REMOVE' || k === 'COALESCE' || k === 'REORGANIZE' || k === 'EXCHANGE' || k === 'REBUILD' || k === 'REPAIR' || k === 'OPTIMIZE' || k === 'ANALYZE' || k === 'CHECK' || k === 'TRUNCATE' || k === 'DISCARD' || k === 'IMPORT') {
    if (k === 'DISCARD' || k === 'IMPORT') return [{ op: 'other', text: restOfClause(r) }];
    if (k === 'PARTITION' && r.kw(1) !== 'BY') r.fail('expected PARTITION BY');
    return [{ op: 'partition', text: restOfClause(r) }];
  }
  if (k === 'ORDER' || k === 'ENABLE' || k === 'DISABLE' || k === 'WITH' || k === 'WITHOUT' || k === 'ADD_SYSTEM')
    return [{ op: 'other', text: restOfClause(r) }];
  const opt = tableOption(r);
  if (opt) return [{ op: 'tableOption', ...opt }];
  r.fail('unknown ALTER TABLE clause');
}

function isKeyStart(r: Reader): boolean {
  const k = r.kw();
  return ['INDEX', 'KEY', 'PRIMARY', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'FOREIGN', 'CONSTRAINT', 'CHECK'].includes(k);
}

/** `ALTER [ONLINE|OFFLINE] [IGNORE] TABLE [IF EXISTS] t [WAIT n|NOWAIT] clause, …` (ALTER already read) */
export function alterTable(r: Reader): AlterTableAst {
  const ast: AlterTableAst = { type: 'alter_table', table: { name: '' }, ops: [], body: '' };
  if (r.accept('ONLINE')) ast.online = true;
  else r.accept('OFFLINE');
  if (r.accept('IGNORE')) ast.ignore = true;
  r.expect('TABLE');
  if (r.accept('IF', 'EXISTS')) ast.ifExists = true;
  ast.table = r.tableName();
  if (r.accept('WAIT')) ast.wait = r.int();
  else if (r.accept('NOWAIT')) ast.wait = 0;
  let body = '';
  let comma = false; // the clause about to be read followed a comma
  while (!r.done && !r.isOp(';')) {
    const from = r.offset();
    const ops = alterClause(r, ast);
    const text = r.text.slice(from, r.prevEnd());
    // the body keeps the separators as written: a comma, or a blank before PARTITION BY / table options
    if (ops.length) body += (body ? (comma ? ', ' : ' ') : '') + text;
    ast.ops.push(...ops);
    comma = r.acceptOp(',');
    // clauses are comma-separated; table options and partition clauses may follow without one
    if (!comma && !r.done && !r.isOp(';') && !/^(ALGORITHM|LOCK)$/.test(r.kw()) && !tableOptionNext(r))
      r.fail('expected "," between ALTER TABLE clauses');
  }
  if (comma) r.fail('expected an ALTER TABLE clause after ","');
  r.end();
  ast.body = body;
  return ast;
}

function tableOptionNext(r: Reader): boolean {
  const save = r.pos;
  const opt = tableOption(r);
  r.pos = save;
  return !!opt || r.kw() === 'PARTITION';
}

/** `CREATE [OR REPLACE] [TEMPORARY] TABLE [IF NOT EXISTS] t …` (CREATE … TABLE already read; flags given) */
export function createTable(r: Reader, flags: { orReplace: boolean; temporary: boolean }): CreateTableAst {
  const ast: CreateTableAst = { type: 'create_table', table: { name: '' }, columns: [], indexes: [], foreignKeys: [], checks: [], options: {} };
  if (flags.orReplace) ast.orReplace = true;
  if (flags.temporary) ast.temporary = true;
  if (r.accept('IF', 'NOT', 'EXISTS')) ast.ifNotExists = true;
  ast.table = r.tableName();
  if (r.accept('LIKE')) {
    ast.like = r.tableName();
    return r.end(), ast;
  }
  if (r.isOp('(') && r.kw(1) === 'LIKE') {
    r.next();
    r.expect('LIKE');
    ast.like = r.tableName();
    r.expectOp(')');
    return r.end(), ast;
  }
  if (r.isOp('(') && r.kw(1) !== 'SELECT' && !r.isOp('(', 1)) {
    r.next();
    do tableElement(r, ast);
    while (r.acceptOp(','));
    r.expectOp(')');
  }
  for (;;) {
    const opt = tableOption(r);
    if (!opt) break;
    ast.options[opt.name] = opt.value;
    r.acceptOp(',');
  }
  if (r.kw() === 'PARTITION' && r.kw(1) === 'BY') ast.partition = r.expression(new Set(['AS', 'SELECT', 'IGNORE', 'REPLACE']));
  r.accept('IGNORE') || r.accept('REPLACE');
  if (r.accept('AS') || r.kw() === 'SELECT' || r.kw() === 'WITH' || r.isOp('(') || r.kw() === 'TABLE' || r.kw() === 'VALUES') {
    ast.asSelect = true;
    r.pos = r.tokens.length; // the query itself is not modelled
  }
  r.end();
  return ast;
}

function tableElement(r: Reader, ast: CreateTableAst): void {
  let name: string | undefined;
  if (r.kw() === 'CONSTRAINT') {
    r.pos++;
    const k = r.kw();
    if (k !== 'PRIMARY' && k !== 'UNIQUE' && k !== 'FOREIGN' && k !== 'CHECK') name = r.ident('a constraint name');
  } else if (!isKeyStart(r) && r.kw() !== 'PERIOD') {
    const col = columnDef(r, r.ident('a column'));
    ast.columns.push(col);
    // inline keys are keys of the table too
    if (col.primaryKey) ast.indexes.push({ name: 'PRIMARY', kind: 'primary', columns: [{ name: col.name }] });
    else if (col.unique) ast.indexes.push({ name: col.name, kind: 'unique', columns: [{ name: col.name }] });
    return;
  }
  const k = r.kw();
  if (k === 'FOREIGN') ast.foreignKeys.push(foreignKeyDef(r, name).fk);
  else if (k === 'CHECK') ast.checks.push(checkDef(r, name));
  else if (k === 'PERIOD') r.fail('PERIOD FOR is not modelled');
  else ast.indexes.push(indexDef(r, name).index);
}
