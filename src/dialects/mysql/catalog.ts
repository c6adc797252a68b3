/**
 * The MySQL/MariaDB catalog, replayed statement by statement (best effort: what it does not model
 * it leaves alone; rules treat an unknown table as "existing, size unknown"). Tables, columns with
 * type, charset and collation, nullability and defaults, indexes, foreign keys, checks, engine,
 * row format, triggers. `rowVersions` stays 0 here: the online-DDL prediction counts them.
 *
 * Server behaviour encoded (MySQL 8.4 reference manual 15.1.20 "CREATE TABLE Statement",
 * 15.1.20.3 "CREATE TABLE ... LIKE", 15.1.9 "ALTER TABLE Statement", 15.1.20.5 "FOREIGN KEY
 * Constraints"; MariaDB KB "CREATE TABLE"):
 * - PRIMARY KEY columns are NOT NULL even when not declared so;
 * - an unnamed index is named after its first column (`col`, then `col_2`, …);
 * - a foreign key without a usable index gets one, named after the constraint (or the column), which
 *   the server drops again when another index that can serve the key is created;
 * - CREATE TABLE … LIKE copies columns and indexes, not foreign keys or triggers;
 * - KEY_BLOCK_SIZE without ROW_FORMAT means ROW_FORMAT=COMPRESSED (InnoDB);
 * - CONVERT TO CHARACTER SET changes every character column (a TEXT column whose characters no
 *   longer fit becomes MEDIUMTEXT, …: charset.ts); DEFAULT CHARSET only the table's default.
 */
import type { DialectCatalog } from '../../dialect.js';
import { convertedTextType } from './charset.js';
import { rowVersionsAfter } from './online/row-versions.js';
import type { AlterOp, ColumnDef, ColumnPosition, IndexDef, MyAst, MyColumn, MyIndex, MyStatement, MyTable, TableName } from './ast.js';

/** The relation key rules and the catalog share: `schema.table` lower-cased, or the table name when unqualified. */
export function mysqlRelationKey(rel: { schema?: string; name?: string; schemaname?: string; relname?: string } | string | undefined): string {
  if (rel === undefined) return '';
  if (typeof rel === 'string') return rel.toLowerCase();
  const name = rel.name ?? rel.relname ?? '';
  const schema = rel.schema ?? rel.schemaname;
  return (schema ? `${schema}.${name}` : name).toLowerCase();
}

const CHARACTER_TYPES = new Set(['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'enum', 'set', 'character', 'character varying', 'char varying', 'national char', 'national character', 'national varchar', 'nchar', 'nvarchar', 'nchar varchar', 'nchar varying', 'long', 'long varchar']);

/** true for types that carry a character set */
export function isCharacterType(name: string): boolean {
  return CHARACTER_TYPES.has(name);
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class MyCatalog implements DialectCatalog<MyTable, MyColumn> {
  private readonly byKey = new Map<string, MyTable>();
  /** the database `USE` selected, when the migrations said */
  database: string | undefined;

  /** every table the replay knows */
  tables(): IterableIterator<MyTable> {
    return this.byKey.values();
  }

  table(key: string): MyTable | undefined {
    const k = key.toLowerCase();
    const hit = this.byKey.get(k);
    if (hit) return hit;
    const dot = k.indexOf('.');
    if (dot >= 0) {
      // db.t where db is the current database (or none was chosen): also known as t
      const db = k.slice(0, dot);
      if (this.database === undefined || db === this.database.toLowerCase()) return this.byKey.get(k.slice(dot + 1));
      return undefined;
    }
    return this.database ? this.byKey.get(`${this.database.toLowerCase()}.${k}`) : undefined;
  }

  /** the table a statement names */
  tableOf(name: TableName): MyTable | undefined {
    return this.table(mysqlRelationKey(name));
  }

  column(table: MyTable, column: string): MyColumn | undefined {
    return table.columns.find((c) => same(c.name, column));
  }

  createdIn(table: MyTable): string | undefined {
    return table.createdIn;
  }

  addedIn(column: MyColumn): string | undefined {
    return column.addedIn;
  }

  apply(stmt: MyStatement, origin: string): void {
    this.applyAst(stmt.ast, origin);
  }

  /** applies one statement's AST (the plan and shadow slices replay their own statements too) */
  applyAst(ast: MyAst, origin: string): void {
    switch (ast.type) {
      case 'create_table':
        return this.createTable(ast, origin);
      case 'alter_table': {
        const t = this.tableOf(ast.table);
        if (!t) return;
        // MySQL's instant row versions: the online-DDL prediction counts them (online/row-versions.ts)
        t.rowVersions = rowVersionsAfter(ast, t);
        for (const op of ast.ops) this.alter(t, op, origin);
        return;
      }
      case 'truncate': {
        // TRUNCATE recreates the table: no instant row versions left
        const t = this.tableOf(ast.table);
        if (t) t.rowVersions = 0;
        return;
      }
      case 'create_index': {
        const t = this.tableOf(ast.table);
        if (t && !(ast.ifNotExists && this.index(t, ast.index.name ?? ''))) this.addIndex(t, ast.index);
        return;
      }
      case 'drop_index': {
        const t = this.tableOf(ast.table);
        if (t) this.dropIndex(t, ast.name);
        return;
      }
      case 'drop_table':
        for (const n of ast.tables) this.remove(n);
        return;
      case 'rename_table':
        for (const p of ast.pairs) this.rename(p.from, p.to);
        return;
      case 'routine':
        if (ast.object !== 'trigger') return;
        if (ast.action === 'create' && ast.table) this.tableOf(ast.table)?.triggers.push(ast.name.name);
        if (ast.action === 'drop')
          for (const t of this.byKey.values()) t.triggers = t.triggers.filter((n) => !same(n, ast.name.name));
        return;
      case 'database':
        if (ast.action === 'use') this.database = ast.name;
        else if (ast.action === 'drop')
          for (const [k, t] of this.byKey) if (t.schema && same(t.schema, ast.name)) this.byKey.delete(k);
        return;
      default:
        return;
    }
  }

  private keyOf(name: TableName): string {
    return mysqlRelationKey(name);
  }

  private createTable(ast: Extract<MyAst, { type: 'create_table' }>, origin: string): void {
    const key = this.keyOf(ast.table);
    if (this.table(key) && ast.ifNotExists) return;
    let table: MyTable;
    if (ast.like) {
      const src = this.tableOf(ast.like);
      if (!src) return;
      table = structuredClone({ ...src, foreignKeys: [], triggers: [] });
      table.name = ast.table.name;
      table.schema = ast.table.schema;
      if (table.schema === undefined) delete table.schema;
      for (const c of table.columns) delete c.addedIn;
    } else {
      const o = ast.options;
      table = {
        name: ast.table.name,
        columns: [],
        indexes: [],
        foreignKeys: [],
        checks: [...ast.checks],
        engine: (o.ENGINE ?? 'InnoDB').toUpperCase(),
        rowFormat: (o.ROW_FORMAT ?? (o.KEY_BLOCK_SIZE && o.KEY_BLOCK_SIZE !== '0' ? 'COMPRESSED' : 'DYNAMIC')).toUpperCase(),
        rowVersions: 0,
        triggers: [],
        partitioned: !!ast.partition,
        createdIn: origin,
      };
      if (ast.table.schema) table.schema = ast.table.schema;
      if (o.CHARSET && !/^default$/i.test(o.CHARSET)) table.charset = o.CHARSET.toLowerCase();
      if (o.COLLATE && !/^default$/i.test(o.COLLATE)) table.collation = o.COLLATE.toLowerCase();
      if (table.rowFormat === 'DEFAULT') table.rowFormat = 'DYNAMIC';
      for (const c of ast.columns) {
        table.columns.push(this.columnOf(table, c));
        if (c.check) table.checks.push({ expr: c.check });
        if (c.references) table.foreignKeys.push({ columns: [c.name], ...c.references });
      }
      for (const ix of ast.indexes) this.addIndex(table, ix);
      for (const fk of ast.foreignKeys) this.addForeignKey(table, fk);
    }
    table.createdIn = origin;
    this.byKey.set(key, table);
  }

  private columnOf(table: MyTable, def: ColumnDef, addedIn?: string): MyColumn {
    const col: MyColumn = {
      name: def.name,
      type: def.type,
      nullable: def.nullable !== false && !def.primaryKey,
      autoIncrement: !!def.autoIncrement,
      invisible: !!def.invisible,
    };
    if (def.default) col.default = def.default;
    if (def.generated) col.generated = def.generated;
    if (isCharacterType(def.type.name)) {
      const charset = def.type.charset ?? table.charset;
      const collation = def.type.collation ?? (def.type.charset ? undefined : table.collation);
      if (charset) col.charset = charset;
      if (collation) col.collation = collation;
    }
    if (addedIn) col.addedIn = addedIn;
    return col;
  }

  private index(table: MyTable, name: string): MyIndex | undefined {
    return table.indexes.find((i) => same(i.name, name));
  }

  /** the name MySQL gives an unnamed index: its first column, then `_2`, `_3`, … */
  private indexName(table: MyTable, def: IndexDef): string {
    if (def.kind === 'primary') return 'PRIMARY';
    if (def.name) return def.name;
    const base = def.columns[0]?.expression ? 'functional_index' : (def.columns[0]?.name ?? 'index');
    if (!this.index(table, base)) return base;
    for (let n = 2; ; n++) if (!this.index(table, `${base}_${n}`)) return `${base}_${n}`;
  }

  private addIndex(table: MyTable, def: IndexDef, implicit = false): void {
    const name = this.indexName(table, def);
    if (this.index(table, name)) return;
    // an index the server made for a foreign key goes when a new index can serve that key (measured on MariaDB 10.11)
    const serves = (ix: MyIndex) => ix.columns.every((c, i) => def.columns[i] && !def.columns[i]!.expression && same(def.columns[i]!.name, c.name));
    if (!implicit) table.indexes = table.indexes.filter((ix) => !(ix.implicit && serves(ix)));
    const index: MyIndex = { name, kind: def.kind, columns: def.columns.map((c) => ({ ...c })), invisible: !!def.invisible };
    if (implicit) index.implicit = true;
    table.indexes.push(index);
    if (def.kind === 'primary')
      for (const c of def.columns) {
        const col = this.column(table, c.name);
        if (col) col.nullable = false;
      }
  }

  private dropIndex(table: MyTable, name: string): void {
    table.indexes = table.indexes.filter((i) => !same(i.name, name));
  }

  private addForeignKey(table: MyTable, fk: MyTable['foreignKeys'][number]): void {
    table.foreignKeys.push(fk);
    const first = fk.columns[0];
    if (first && !table.indexes.some((i) => i.columns[0] && same(i.columns[0].name, first)))
      this.addIndex(table, { name: fk.name ?? first, kind: 'index', columns: fk.columns.map((name) => ({ name })) }, true);
  }

  private place(table: MyTable, col: MyColumn, position: ColumnPosition | undefined, at: number): void {
    if (position && 'first' in position) table.columns.unshift(col);
    else if (position && 'after' in position) {
      const i = table.columns.findIndex((c) => same(c.name, position.after));
      table.columns.splice(i < 0 ? table.columns.length : i + 1, 0, col);
    } else table.columns.splice(at < 0 ? table.columns.length : at, 0, col);
  }

  private renameColumnEverywhere(table: MyTable, from: string, to: string): void {
    for (const ix of table.indexes) for (const c of ix.columns) if (!c.expression && same(c.name, from)) c.name = to;
    for (const fk of table.foreignKeys) fk.columns = fk.columns.map((c) => (same(c, from) ? to : c));
  }

  private alter(table: MyTable, op: AlterOp, origin: string): void {
    switch (op.op) {
      case 'addColumn': {
        if (this.column(table, op.column.name)) return;
        this.place(table, this.columnOf(table, op.column, origin), op.position, -1);
        if (op.column.primaryKey) this.addIndex(table, { kind: 'primary', columns: [{ name: op.column.name }] });
        else if (op.column.unique) this.addIndex(table, { name: op.column.name, kind: 'unique', columns: [{ name: op.column.name }] });
        if (op.column.references) this.addForeignKey(table, { columns: [op.column.name], ...op.column.references });
        return;
      }
      case 'dropColumn': {
        table.columns = table.columns.filter((c) => !same(c.name, op.name));
        for (const ix of table.indexes) ix.columns = ix.columns.filter((c) => c.expression || !same(c.name, op.name));
        table.indexes = table.indexes.filter((ix) => ix.columns.length > 0);
        return;
      }
      case 'modifyColumn':
      case 'changeColumn': {
        const from = op.op === 'changeColumn' ? op.from : op.column.name;
        const at = table.columns.findIndex((c) => same(c.name, from));
        if (at < 0) return;
        const old = table.columns[at]!;
        table.columns.splice(at, 1);
        const col = this.columnOf(table, op.column, old.addedIn);
        if (!op.column.type.charset && old.charset && isCharacterType(op.column.type.name)) {
          // MODIFY without CHARACTER SET gives the table's default, not the column's old charset
          col.charset = table.charset ?? old.charset;
        }
        this.place(table, col, op.position, at);
        if (!same(from, op.column.name)) this.renameColumnEverywhere(table, from, op.column.name);
        if (table.indexes.some((i) => i.kind === 'primary' && i.columns.some((c) => same(c.name, col.name)))) col.nullable = false;
        return;
      }
      case 'renameColumn': {
        const col = this.column(table, op.from);
        if (!col) return;
        col.name = op.to;
        this.renameColumnEverywhere(table, op.from, op.to);
        return;
      }
      case 'alterColumnDefault': {
        const col = this.column(table, op.name);
        if (!col) return;
        if (op.default) col.default = op.default;
        else delete col.default;
        return;
      }
      case 'alterColumnVisibility': {
        const col = this.column(table, op.name);
        if (col) col.invisible = !op.visible;
        return;
      }
      case 'addIndex':
        return this.addIndex(table, op.index);
      case 'dropIndex':
        return this.dropIndex(table, op.name);
      case 'dropPrimaryKey':
        return this.dropIndex(table, 'PRIMARY');
      case 'renameIndex': {
        const ix = this.index(table, op.from);
        if (ix) ix.name = op.to;
        return;
      }
      case 'alterIndexVisibility': {
        const ix = this.index(table, op.name);
        if (ix) ix.invisible = !op.visible;
        return;
      }
      case 'addForeignKey':
        if (op.ifNotExists && op.fk.name && table.foreignKeys.some((f) => f.name && same(f.name, op.fk.name!))) return;
        return this.addForeignKey(table, op.fk);
      case 'dropForeignKey':
        table.foreignKeys = table.foreignKeys.filter((f) => !f.name || !same(f.name, op.name));
        return;
      case 'addCheck':
        table.checks.push(op.check);
        return;
      case 'dropConstraint': {
        const named = (n?: string) => !!n && same(n, op.name);
        table.checks = table.checks.filter((c) => !named(c.name));
        if (op.check) return;
        table.foreignKeys = table.foreignKeys.filter((f) => !named(f.name));
        table.indexes = table.indexes.filter((i) => !(i.kind === 'unique' && named(i.name)));
        return;
      }
      case 'renameTable':
        for (const [k, t] of this.byKey) if (t === table) this.byKey.delete(k);
        table.name = op.to.name;
        if (op.to.schema) table.schema = op.to.schema;
        this.byKey.set(this.keyOf(op.to), table);
        return;
      case 'convertCharset':
        table.charset = op.charset;
        if (op.collation) table.collation = op.collation;
        else delete table.collation;
        for (const c of table.columns) {
          if (!isCharacterType(c.type.name)) continue;
          const wider = convertedTextType(c.type.name, c.charset, op.charset);
          if (wider) c.type = { ...c.type, name: wider, text: wider.toUpperCase() };
          c.charset = op.charset;
          if (op.collation) c.collation = op.collation;
          else delete c.collation;
        }
        return;
      case 'tableOption': {
        const v = op.value;
        if (op.name === 'ENGINE') table.engine = v.toUpperCase();
        else if (op.name === 'ROW_FORMAT') table.rowFormat = /^default$/i.test(v) ? 'DYNAMIC' : v.toUpperCase();
        else if (op.name === 'CHARSET') table.charset = v.toLowerCase();
        else if (op.name === 'COLLATE') table.collation = v.toLowerCase();
        return;
      }
      case 'partition':
        if (/^PARTITION\s+BY/i.test(op.text)) table.partitioned = true;
        else if (/^REMOVE\s+PARTITIONING/i.test(op.text)) table.partitioned = false;
        return;
      default:
        return;
    }
  }

  private remove(name: TableName): void {
    const t = this.tableOf(name);
    if (!t) return;
    for (const [k, v] of this.byKey) if (v === t) this.byKey.delete(k);
  }

  private rename(from: TableName, to: TableName): void {
    const t = this.tableOf(from);
    if (!t) return;
    this.remove(from);
    t.name = to.name;
    if (to.schema) t.schema = to.schema;
    this.byKey.set(this.keyOf(to), t);
  }
}
