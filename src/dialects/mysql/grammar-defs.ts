/**
 * The definitions CREATE TABLE and ALTER TABLE share: column definitions, data types, index and
 * key definitions, foreign keys, checks (MySQL 8.4 reference manual 15.1.20 "CREATE TABLE
 * Statement"; MariaDB KB "CREATE TABLE"). Strict: an attribute the grammar does not know throws.
 */
import type { CheckDef, ColumnDef, ColumnType, ForeignKeyDef, IndexColumn, IndexDef } from './ast.js';
import type { Reader } from './reader.js';

/** words that end a column definition inside ALTER TABLE (its position) */
const POSITION_STOPS = new Set(['FIRST', 'AFTER']);

/** type names written as two words */
const TWO_WORD_TYPES: Record<string, string[]> = {
  DOUBLE: ['PRECISION'],
  CHARACTER: ['VARYING'],
  CHAR: ['VARYING'],
  NATIONAL: ['CHAR', 'CHARACTER', 'VARCHAR'],
  NCHAR: ['VARCHAR', 'VARYING'],
  LONG: ['VARCHAR', 'VARBINARY'],
};

/** A data type: `VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`, `ENUM('a','b')`, `DECIMAL(10,2) UNSIGNED`. */
export function dataType(r: Reader): ColumnType {
  const from = r.offset();
  const first = r.next();
  if (first.type !== 'word') {
    r.pos--;
    r.fail('expected a data type');
  }
  let name = first.v.toLowerCase();
  const second = TWO_WORD_TYPES[first.v.toUpperCase()];
  if (second?.includes(r.kw())) name += ` ${r.next().v.toLowerCase()}`;
  const type: ColumnType = { name, text: '' };
  if (r.isOp('(')) {
    r.next();
    if (name === 'enum' || name === 'set') {
      const values: string[] = [];
      do {
        const t = r.next();
        if (t.type !== 'string') {
          r.pos--;
          r.fail('expected an ENUM/SET value');
        }
        values.push(t.v);
      } while (r.acceptOp(','));
      type.values = values;
    } else {
      const args: number[] = [];
      do args.push(r.int());
      while (r.acceptOp(','));
      type.args = args;
    }
    r.expectOp(')');
  }
  for (;;) {
    const k = r.kw();
    if (k === 'UNSIGNED' || k === 'ZEROFILL') {
      r.pos++;
      if (k === 'UNSIGNED') type.unsigned = true;
      else type.zerofill = true;
    } else if (k === 'SIGNED') r.pos++;
    else if (k === 'BINARY' || k === 'ASCII' || k === 'UNICODE' || k === 'BYTE') r.pos++;
    else if (k === 'CHARACTER' && r.kw(1) === 'SET') {
      r.pos += 2;
      type.charset = r.optionValue().toLowerCase();
    } else if (k === 'CHARSET') {
      r.pos++;
      type.charset = r.optionValue().toLowerCase();
    } else if (k === 'COLLATE') {
      r.pos++;
      type.collation = r.optionValue().toLowerCase();
    } else break;
  }
  type.text = r.text.slice(from, r.prevEnd());
  return type;
}

/** A column definition after its name; stops before `,` `)` the end, or FIRST/AFTER. */
export function columnDef(r: Reader, name: string): ColumnDef {
  const col: ColumnDef = { name, type: dataType(r) };
  for (;;) {
    const k = r.kw();
    if (r.done || r.isOp(',') || r.isOp(')') || r.isOp(';') || POSITION_STOPS.has(k) || (k === 'PARTITION' && r.kw(1) === 'BY')) break;
    if (k === 'NOT' && r.kw(1) === 'NULL') {
      r.pos += 2;
      col.nullable = false;
    } else if (k === 'NULL') {
      r.pos++;
      col.nullable = true;
    } else if (k === 'DEFAULT') {
      r.pos++;
      col.default = r.defaultValue();
    } else if (k === 'AUTO_INCREMENT') {
      r.pos++;
      col.autoIncrement = true;
    } else if (k === 'PRIMARY' || (k === 'KEY' && !col.unique)) {
      r.accept('PRIMARY');
      r.expect('KEY');
      col.primaryKey = true;
    } else if (k === 'UNIQUE') {
      r.pos++;
      r.accept('KEY') || r.accept('INDEX');
      col.unique = true;
    } else if (k === 'COMMENT') {
      r.pos++;
      col.comment = r.optionValue();
    } else if (k === 'COLLATE') {
      r.pos++;
      col.type.collation = r.optionValue().toLowerCase();
    } else if ((k === 'CHARACTER' && r.kw(1) === 'SET') || k === 'CHARSET') {
      r.pos += k === 'CHARSET' ? 1 : 2;
      col.type.charset = r.optionValue().toLowerCase();
    } else if (k === 'ON' && r.kw(1) === 'UPDATE') {
      r.pos += 2;
      col.onUpdate = r.defaultValue().text;
    } else if (k === 'GENERATED' || k === 'AS') {
      if (r.accept('GENERATED')) r.expect('ALWAYS');
      r.expect('AS');
      const expr = r.parenthesized();
      const kind = r.kw();
      const stored = kind === 'STORED' || kind === 'PERSISTENT';
      if (stored || kind === 'VIRTUAL') r.pos++;
      col.generated = { expr, stored };
    } else if (k === 'VIRTUAL' || k === 'STORED' || k === 'PERSISTENT') {
      r.pos++;
      if (col.generated) col.generated.stored = k !== 'VIRTUAL';
    } else if (k === 'REFERENCES') {
      col.references = references(r);
    } else if (k === 'CONSTRAINT' || k === 'CHECK') {
      if (r.accept('CONSTRAINT') && r.kw() !== 'CHECK') r.ident();
      r.expect('CHECK');
      col.check = r.parenthesized();
      if (r.accept('NOT')) r.expect('ENFORCED');
      else r.accept('ENFORCED');
    } else if (k === 'INVISIBLE') {
      r.pos++;
      col.invisible = true;
    } else if (k === 'VISIBLE') r.pos++;
    else if (k === 'COLUMN_FORMAT' || k === 'STORAGE' || k === 'SRID' || k === 'ENGINE_ATTRIBUTE' || k === 'SECONDARY_ENGINE_ATTRIBUTE') {
      r.pos++;
      r.optionValue();
    } else if (k === 'SERIAL' && r.is('SERIAL', 'DEFAULT', 'VALUE')) {
      r.pos += 3;
      col.nullable = false;
      col.autoIncrement = true;
      col.unique = true;
    } else if (k === 'WITH' && r.kw(1) === 'SYSTEM') {
      r.pos += 3; // MariaDB WITH SYSTEM VERSIONING
    } else if (k === 'WITHOUT' && r.kw(1) === 'SYSTEM') r.pos += 3;
    else r.fail('unknown column attribute');
  }
  return col;
}

/** `REFERENCES t (cols) [MATCH …] [ON DELETE x] [ON UPDATE x]` */
export function references(r: Reader): Omit<ForeignKeyDef, 'columns' | 'name'> {
  r.expect('REFERENCES');
  const refTable = r.tableName();
  const refColumns = r.isOp('(') ? r.identList() : [];
  const out: Omit<ForeignKeyDef, 'columns' | 'name'> = { refTable, refColumns };
  for (;;) {
    if (r.accept('MATCH')) r.next();
    else if (r.is('ON', 'DELETE') || r.is('ON', 'UPDATE')) {
      const which = r.kw(1);
      r.pos += 2;
      const action = refAction(r);
      if (which === 'DELETE') out.onDelete = action;
      else out.onUpdate = action;
    } else break;
  }
  return out;
}

function refAction(r: Reader): string {
  for (const a of [['RESTRICT'], ['CASCADE'], ['SET', 'NULL'], ['SET', 'DEFAULT'], ['NO', 'ACTION']])
    if (r.accept(...a)) return a.join(' ');
  r.fail('expected RESTRICT, CASCADE, SET NULL, SET DEFAULT or NO ACTION');
}

/** `(a, b(10) DESC, (lower(c)))` */
export function keyParts(r: Reader): IndexColumn[] {
  r.expectOp('(');
  const out: IndexColumn[] = [];
  do {
    let part: IndexColumn;
    if (r.isOp('(')) part = { name: r.parenthesized(), expression: true };
    else {
      part = { name: r.ident('a column') };
      if (r.isOp('(')) {
        r.next();
        part.length = r.int();
        r.expectOp(')');
      }
    }
    if (r.accept('DESC')) part.desc = true;
    else r.accept('ASC');
    out.push(part);
  } while (r.acceptOp(','));
  r.expectOp(')');
  return out;
}

/** index options after the key parts: USING, KEY_BLOCK_SIZE, COMMENT, VISIBLE/INVISIBLE, IGNORED, WITH PARSER, … */
export function indexOptions(r: Reader, index: IndexDef): void {
  for (;;) {
    const k = r.kw();
    if (k === 'USING' || k === 'TYPE') {
      r.pos++;
      index.using = r.ident().toUpperCase();
    } else if (k === 'KEY_BLOCK_SIZE' || k === 'COMMENT' || k === 'ENGINE_ATTRIBUTE' || k === 'SECONDARY_ENGINE_ATTRIBUTE' || k === 'CLUSTERING') {
      r.pos++;
      r.optionValue();
    } else if (k === 'WITH' && r.kw(1) === 'PARSER') {
      r.pos += 2;
      r.ident();
    } else if (k === 'INVISIBLE' || k === 'IGNORED') {
      r.pos++;
      index.invisible = true;
    } else if (k === 'VISIBLE') r.pos++;
    else if (k === 'NOT' && r.kw(1) === 'IGNORED') r.pos += 2;
    else break;
  }
}

/**
 * A key definition starting at PRIMARY/UNIQUE/INDEX/KEY/FULLTEXT/SPATIAL (after an optional
 * CONSTRAINT [name], given as `constraintName`). `IF NOT EXISTS` (MariaDB) is reported.
 */
export function indexDef(r: Reader, constraintName?: string): { index: IndexDef; ifNotExists: boolean } {
  let kind: IndexDef['kind'];
  const k = r.kw();
  if (k === 'PRIMARY') {
    r.pos++;
    r.expect('KEY');
    kind = 'primary';
  } else if (k === 'UNIQUE') {
    r.pos++;
    r.accept('INDEX') || r.accept('KEY');
    kind = 'unique';
  } else if (k === 'FULLTEXT' || k === 'SPATIAL') {
    r.pos++;
    r.accept('INDEX') || r.accept('KEY');
    kind = k === 'FULLTEXT' ? 'fulltext' : 'spatial';
  } else if (k === 'INDEX' || k === 'KEY') {
    r.pos++;
    kind = 'index';
  } else r.fail('expected a key definition');
  const ifNotExists = r.accept('IF', 'NOT', 'EXISTS');
  const index: IndexDef = { kind, columns: [] };
  if (constraintName !== undefined) index.name = constraintName;
  if (!r.isOp('(') && r.kw() !== 'USING' && r.kw() !== 'TYPE') index.name = r.ident('an index name');
  indexOptions(r, index);
  index.columns = keyParts(r);
  indexOptions(r, index);
  if (kind === 'primary') index.name = 'PRIMARY';
  return { index, ifNotExists };
}

/** `FOREIGN KEY [IF NOT EXISTS] [name] (cols) REFERENCES …` */
export function foreignKeyDef(r: Reader, constraintName?: string): { fk: ForeignKeyDef; ifNotExists: boolean } {
  r.expect('FOREIGN', 'KEY');
  const ifNotExists = r.accept('IF', 'NOT', 'EXISTS');
  let name = constraintName;
  if (!r.isOp('(')) name = r.ident('a foreign key name');
  const columns = r.identList();
  const fk: ForeignKeyDef = { columns, ...references(r) };
  if (name !== undefined) fk.name = name;
  return { fk, ifNotExists };
}

/** `CHECK (expr) [[NOT] ENFORCED]` */
export function checkDef(r: Reader, name?: string): CheckDef {
  r.expect('CHECK');
  const check: CheckDef = { expr: r.parenthesized() };
  if (name !== undefined) check.name = name;
  if (r.accept('NOT', 'ENFORCED')) check.enforced = false;
  else r.accept('ENFORCED');
  return check;
}

/** `CONSTRAINT [name]` before a key, foreign key or check: the name, or undefined */
export function constraintName(r: Reader): string | undefined {
  r.expect('CONSTRAINT');
  const k = r.kw();
  if (k === 'PRIMARY' || k === 'UNIQUE' || k === 'FOREIGN' || k === 'CHECK') return undefined;
  if (r.is('IF', 'NOT', 'EXISTS')) return undefined;
  return r.ident('a constraint name');
}
