/**
 * A static catalog built by replaying migrations statement by statement:
 * tables, columns (type, nullability, default), indexes, constraints, enums.
 * It also remembers which migration created each object, so rules can tell a
 * brand-new (empty) table from a busy existing one.
 *
 * The replay is best-effort: statements it does not model leave the catalog
 * unchanged, and rules treat an unknown table as "existing, size unknown".
 */
import type { PgStatement } from './statement.js';
import { typeRef, type TypeRef } from './typenames.js';

export interface Column {
  name: string;
  type: TypeRef;
  notNull: boolean;
  /** the default expression node, if any */
  default?: any;
  identity?: boolean;
  generated?: boolean;
  /** migration (absPath) that added this column */
  addedIn?: string;
}

export interface Index {
  name: string;
  /** relation key `schema.table` */
  table: string;
  /** column names; expression elements are recorded as `null` */
  columns: (string | null)[];
  unique: boolean;
  primary: boolean;
  createdIn?: string;
}

export type ConstraintType = 'primary' | 'unique' | 'foreign' | 'check' | 'exclusion' | 'notnull';

export interface Constraint {
  name: string;
  type: ConstraintType;
  columns: string[];
  validated: boolean;
  /** referenced table key for foreign keys */
  references?: string;
  /** expression node for CHECK constraints */
  expr?: any;
  /** backing index for primary/unique constraints */
  index?: string;
  createdIn?: string;
}

export interface Table {
  schema: string;
  name: string;
  columns: Map<string, Column>;
  constraints: Map<string, Constraint>;
  partitioned: boolean;
  /** `schema.table` of the parent when this table is a partition */
  partitionOf?: string;
  /** migration (absPath) that created the table */
  createdIn?: string;
  unlogged?: boolean;
}

export interface EnumType {
  name: string;
  values: string[];
  createdIn?: string;
}

export interface RangeVarLike {
  schemaname?: string;
  relname?: string;
}

export const DEFAULT_SCHEMA = 'public';

export type FunctionVolatility = 'immutable' | 'stable' | 'volatile';
const VOLATILITY_RANK: Record<FunctionVolatility, number> = { immutable: 0, stable: 1, volatile: 2 };

export function relKey(rv: RangeVarLike | undefined): string {
  return `${rv?.schemaname ?? DEFAULT_SCHEMA}.${rv?.relname ?? ''}`;
}

function str(n: any): string | undefined {
  return n?.String?.sval;
}

/** `schema.name` from a qualified name list (`['s', 'x']` or `['x']`: the default schema): the catalog's key. */
export function qualifiedKey(names: string[]): string {
  return names.length > 1 ? `${names[names.length - 2]}.${names[names.length - 1]}` : `${DEFAULT_SCHEMA}.${names[0]}`;
}

/** Column name list from a list of `String` nodes. */
export function stringList(list: any[] | undefined): string[] {
  return (list ?? []).map(str).filter((s): s is string => s !== undefined);
}

/** PostgreSQL's `DialectCatalog` (src/dialect.ts; checked structurally where index.ts declares the dialect). */
export class Catalog {
  readonly tables = new Map<string, Table>();
  /** indexes by `schema.indexname` */
  readonly indexes = new Map<string, Index>();
  readonly enums = new Map<string, EnumType>();
  /** domains by `schema.name`, with their base type */
  readonly domains = new Map<
    string,
    { name: string; base: TypeRef; hasCheck: boolean; notNull?: boolean; hasDefault?: boolean }
  >();
  /** volatility of user functions created by earlier statements, by bare function name (overloads: most volatile) */
  readonly functions = new Map<string, FunctionVolatility>();

  table(rv: RangeVarLike | string | undefined): Table | undefined {
    if (rv === undefined) return undefined;
    return this.tables.get(typeof rv === 'string' ? rv : relKey(rv));
  }

  column(table: Table, column: string): Column | undefined {
    return table.columns.get(column);
  }

  createdIn(table: Table): string | undefined {
    return table.createdIn;
  }

  addedIn(column: Column): string | undefined {
    return column.addedIn;
  }

  /** Indexes of a table, by relation key. */
  indexesOf(key: string): Index[] {
    const out: Index[] = [];
    for (const ix of this.indexes.values()) if (ix.table === key) out.push(ix);
    return out;
  }

  /** Applies one statement to the catalog. `origin` is the migration's absPath. */
  apply(stmt: Pick<PgStatement, 'kind' | 'ast'>, origin: string): void {
    const { kind, ast } = stmt;
    try {
      switch (kind) {
        case 'CreateStmt':
          return this.createTable(ast, origin);
        case 'CreateTableAsStmt':
          return this.createTableAs(ast, origin);
        case 'AlterTableStmt':
          return this.alterTable(ast, origin);
        case 'IndexStmt':
          return this.createIndex(ast, origin);
        case 'DropStmt':
          return this.drop(ast);
        case 'RenameStmt':
          return this.rename(ast);
        case 'CreateEnumStmt':
          return this.createEnum(ast, origin);
        case 'AlterEnumStmt':
          return this.alterEnum(ast);
        case 'CreateDomainStmt':
          return this.createDomain(ast);
        case 'CreateFunctionStmt':
          return this.createFunction(ast);
        case 'AlterFunctionStmt':
          return this.alterFunction(ast);
        case 'AlterObjectSchemaStmt':
          return this.setSchema(ast);
        default:
          return;
      }
    } catch {
      // A statement shape the replay does not understand must never break linting.
    }
  }

  private createTable(ast: any, origin: string): void {
    const rel = ast.relation;
    const key = relKey(rel);
    if (this.tables.has(key) && ast.if_not_exists) return;
    const table: Table = {
      schema: rel.schemaname ?? DEFAULT_SCHEMA,
      name: rel.relname,
      columns: new Map(),
      constraints: new Map(),
      partitioned: !!ast.partspec,
      createdIn: origin,
    };
    if (rel.relpersistence === 'u') table.unlogged = true;
    // PARTITION OF / INHERITS: start from the parent's columns
    const parents: any[] = ast.inhRelations ?? [];
    for (const p of parents) {
      const parent = this.table(p.RangeVar);
      if (parent) for (const [n, c] of parent.columns) table.columns.set(n, { ...c, addedIn: origin });
      if (ast.partbound && p.RangeVar) table.partitionOf = relKey(p.RangeVar);
    }
    this.tables.set(key, table);
    for (const elt of ast.tableElts ?? []) {
      if (elt.ColumnDef) this.addColumn(table, elt.ColumnDef, origin);
      else if (elt.Constraint) this.addConstraint(table, elt.Constraint, origin);
      else if (elt.TableLikeClause) {
        const src = this.table(elt.TableLikeClause.relation);
        if (src) for (const [n, c] of src.columns) table.columns.set(n, { ...c, addedIn: origin });
      }
    }
  }

  private createTableAs(ast: any, origin: string): void {
    const rel = ast.into?.rel;
    if (!rel || ast.objtype === 'OBJECT_MATVIEW') return;
    const key = relKey(rel);
    const table: Table = {
      schema: rel.schemaname ?? DEFAULT_SCHEMA,
      name: rel.relname,
      columns: new Map(),
      constraints: new Map(),
      partitioned: false,
      createdIn: origin,
    };
    for (const c of ast.into?.colNames ?? []) {
      const n = str(c);
      if (n)
        table.columns.set(n, {
          name: n,
          type: { name: 'unknown', mods: [], arrayDims: 0 },
          notNull: false,
          addedIn: origin,
        });
    }
    this.tables.set(key, table);
  }

  addColumn(table: Table, def: any, origin: string): Column {
    const col: Column = { name: def.colname, type: typeRef(def.typeName), notNull: false, addedIn: origin };
    if (col.type.serial) {
      col.notNull = true;
      col.default = { FuncCall: { funcname: [{ String: { sval: 'nextval' } }] } };
    }
    table.columns.set(col.name, col);
    for (const c of def.constraints ?? []) {
      const con = c.Constraint;
      if (!con) continue;
      switch (con.contype) {
        case 'CONSTR_NOTNULL':
          col.notNull = true;
          break;
        case 'CONSTR_NULL':
          col.notNull = false;
          break;
        case 'CONSTR_DEFAULT':
          col.default = con.raw_expr;
          break;
        case 'CONSTR_IDENTITY':
          col.identity = true;
          col.notNull = true;
          break;
        case 'CONSTR_GENERATED':
          col.generated = true;
          break;
        default:
          this.addConstraint(table, con, origin, [col.name]);
      }
    }
    return col;
  }

  private constraintName(table: Table, con: any, columns: string[]): string {
    if (con.conname) return con.conname;
    const cols = columns.join('_');
    switch (con.contype) {
      case 'CONSTR_PRIMARY':
        return `${table.name}_pkey`;
      case 'CONSTR_UNIQUE':
        return `${table.name}_${cols}_key`;
      case 'CONSTR_FOREIGN':
        return `${table.name}_${cols}_fkey`;
      case 'CONSTR_CHECK':
        return `${table.name}_${cols || 'check'}_check`;
      case 'CONSTR_EXCLUSION':
        return `${table.name}_${cols}_excl`;
      default:
        return `${table.name}_${cols}_con`;
    }
  }

  addConstraint(table: Table, con: any, origin: string, inlineColumns?: string[]): Constraint | undefined {
    const types: Record<string, ConstraintType> = {
      CONSTR_PRIMARY: 'primary',
      CONSTR_UNIQUE: 'unique',
      CONSTR_FOREIGN: 'foreign',
      CONSTR_CHECK: 'check',
      CONSTR_EXCLUSION: 'exclusion',
    };
    const type = types[con.contype];
    if (!type) return undefined;
    let columns = stringList(con.keys);
    if (type === 'foreign') columns = stringList(con.fk_attrs);
    if (!columns.length && inlineColumns) columns = inlineColumns;
    if (type === 'primary' && con.indexname && !columns.length) {
      const ix = this.indexes.get(`${table.schema}.${con.indexname}`);
      if (ix) columns = ix.columns.filter((c): c is string => !!c);
    }
    if (type === 'unique' && con.indexname && !columns.length) {
      const ix = this.indexes.get(`${table.schema}.${con.indexname}`);
      if (ix) columns = ix.columns.filter((c): c is string => !!c);
    }
    const name = this.constraintName(table, con, columns);
    const constraint: Constraint = {
      name,
      type,
      columns,
      validated: !con.skip_validation,
      createdIn: origin,
    };
    if (type === 'foreign') constraint.references = relKey(con.pktable);
    if (type === 'check') constraint.expr = con.raw_expr;
    table.constraints.set(name, constraint);
    if (type === 'primary') {
      for (const c of columns) {
        const col = table.columns.get(c);
        if (col) col.notNull = true;
      }
    }
    if (type === 'primary' || type === 'unique' || type === 'exclusion') {
      const indexName = con.indexname ?? name;
      const key = `${table.schema}.${indexName}`;
      const existing = this.indexes.get(key);
      if (existing) {
        existing.primary = type === 'primary';
        existing.unique = true;
      } else {
        this.indexes.set(key, {
          name: indexName,
          table: `${table.schema}.${table.name}`,
          columns,
          unique: type !== 'exclusion',
          primary: type === 'primary',
          createdIn: origin,
        });
      }
      constraint.index = indexName;
    }
    return constraint;
  }

  private alterTable(ast: any, origin: string): void {
    if (ast.objtype && ast.objtype !== 'OBJECT_TABLE') return;
    const table = this.table(ast.relation);
    if (!table) return;
    for (const c of ast.cmds ?? []) {
      const cmd = c.AlterTableCmd;
      if (!cmd) continue;
      const col = cmd.name ? table.columns.get(cmd.name) : undefined;
      switch (cmd.subtype) {
        case 'AT_AddColumn': {
          const def = cmd.def?.ColumnDef;
          if (def && !(cmd.missing_ok && table.columns.has(def.colname))) this.addColumn(table, def, origin);
          break;
        }
        case 'AT_DropColumn':
          table.columns.delete(cmd.name);
          for (const [k, ix] of this.indexes) {
            if (ix.table === `${table.schema}.${table.name}` && ix.columns.includes(cmd.name)) this.indexes.delete(k);
          }
          for (const [k, con] of table.constraints) if (con.columns.includes(cmd.name)) table.constraints.delete(k);
          break;
        case 'AT_AlterColumnType':
          if (col && cmd.def?.ColumnDef?.typeName) col.type = typeRef(cmd.def.ColumnDef.typeName);
          break;
        case 'AT_SetNotNull':
          if (col) col.notNull = true;
          break;
        case 'AT_DropNotNull':
          if (col) col.notNull = false;
          break;
        case 'AT_ColumnDefault':
          if (col) {
            if (cmd.def) col.default = cmd.def;
            else delete col.default;
          }
          break;
        case 'AT_AddIdentity':
          if (col) {
            col.identity = true;
            col.notNull = true;
          }
          break;
        case 'AT_DropIdentity':
          if (col) col.identity = false;
          break;
        case 'AT_DropExpression':
          if (col) col.generated = false;
          break;
        case 'AT_AddConstraint':
          if (cmd.def?.Constraint) this.addConstraint(table, cmd.def.Constraint, origin);
          break;
        case 'AT_ValidateConstraint': {
          const con = table.constraints.get(cmd.name);
          if (con) con.validated = true;
          break;
        }
        case 'AT_DropConstraint': {
          const con = table.constraints.get(cmd.name);
          if (con?.index) this.indexes.delete(`${table.schema}.${con.index}`);
          table.constraints.delete(cmd.name);
          break;
        }
        case 'AT_SetLogged':
          table.unlogged = false;
          break;
        case 'AT_SetUnLogged':
          table.unlogged = true;
          break;
        case 'AT_AttachPartition': {
          const part = this.table(cmd.def?.PartitionCmd?.name);
          if (part) part.partitionOf = `${table.schema}.${table.name}`;
          break;
        }
        case 'AT_DetachPartition': {
          const part = this.table(cmd.def?.PartitionCmd?.name);
          if (part) delete part.partitionOf;
          break;
        }
        default:
          break;
      }
    }
  }

  private createIndex(ast: any, origin: string): void {
    const table = this.table(ast.relation);
    const schema = ast.relation?.schemaname ?? DEFAULT_SCHEMA;
    const columns = (ast.indexParams ?? []).map((p: any) => p.IndexElem?.name ?? null);
    const name = ast.idxname ?? `${ast.relation?.relname}_${columns.filter(Boolean).join('_')}_idx`;
    const key = `${schema}.${name}`;
    if (this.indexes.has(key) && ast.if_not_exists) return;
    this.indexes.set(key, {
      name,
      table: table ? `${table.schema}.${table.name}` : relKey(ast.relation),
      columns,
      unique: !!ast.unique,
      primary: !!ast.primary,
      createdIn: origin,
    });
  }

  private drop(ast: any): void {
    // tables and indexes come as List of String; types and domains as TypeName
    const names: string[][] = (ast.objects ?? []).map((o: any) =>
      stringList(o.List?.items ?? o.TypeName?.names ?? (o.String ? [o] : [])),
    );
    for (const n of names) {
      if (!n.length) continue;
      const key = qualifiedKey(n);
      switch (ast.removeType) {
        case 'OBJECT_TABLE':
          this.tables.delete(key);
          for (const [k, ix] of this.indexes) if (ix.table === key) this.indexes.delete(k);
          break;
        case 'OBJECT_INDEX':
          this.indexes.delete(key);
          break;
        case 'OBJECT_TYPE':
          this.enums.delete(key);
          break;
        case 'OBJECT_DOMAIN':
          this.domains.delete(key);
          break;
        default:
          break;
      }
    }
  }

  private rename(ast: any): void {
    switch (ast.renameType) {
      case 'OBJECT_TABLE': {
        const key = relKey(ast.relation);
        const t = this.tables.get(key);
        if (!t) return;
        this.tables.delete(key);
        t.name = ast.newname;
        const newKey = `${t.schema}.${t.name}`;
        this.tables.set(newKey, t);
        for (const ix of this.indexes.values()) if (ix.table === key) ix.table = newKey;
        return;
      }
      case 'OBJECT_COLUMN': {
        const t = this.table(ast.relation);
        const col = t?.columns.get(ast.subname);
        if (!t || !col) return;
        t.columns.delete(ast.subname);
        col.name = ast.newname;
        t.columns.set(col.name, col);
        const key = `${t.schema}.${t.name}`;
        for (const ix of this.indexes.values()) {
          if (ix.table === key) ix.columns = ix.columns.map((c) => (c === ast.subname ? ast.newname : c));
        }
        for (const con of t.constraints.values())
          con.columns = con.columns.map((c) => (c === ast.subname ? ast.newname : c));
        return;
      }
      case 'OBJECT_INDEX': {
        const key = relKey(ast.relation);
        const ix = this.indexes.get(key);
        if (!ix) return;
        this.indexes.delete(key);
        ix.name = ast.newname;
        this.indexes.set(`${key.split('.')[0]}.${ast.newname}`, ix);
        return;
      }
      case 'OBJECT_TABCONSTRAINT': {
        const t = this.table(ast.relation);
        const con = t?.constraints.get(ast.subname);
        if (!t || !con) return;
        t.constraints.delete(ast.subname);
        con.name = ast.newname;
        t.constraints.set(con.name, con);
        return;
      }
      case 'OBJECT_TYPE': {
        // ALTER TYPE … RENAME TO (Prisma's enum swap): the enum and the columns of that type follow the new name
        const parts = stringList(ast.object?.List?.items);
        if (!parts.length) return;
        const key = qualifiedKey(parts);
        const schema = key.slice(0, key.indexOf('.'));
        const oldName = parts[parts.length - 1]!;
        const e = this.enums.get(key);
        if (e) {
          this.enums.delete(key);
          e.name = `${schema}.${ast.newname}`;
          this.enums.set(e.name, e);
        }
        for (const t of this.tables.values()) {
          for (const c of t.columns.values()) {
            if (c.type.name === oldName && (c.type.schema ?? DEFAULT_SCHEMA) === schema)
              c.type = { ...c.type, name: ast.newname };
          }
        }
        return;
      }
      default:
        return;
    }
  }

  private createEnum(ast: any, origin: string): void {
    const key = qualifiedKey(stringList(ast.typeName));
    this.enums.set(key, { name: key, values: stringList(ast.vals), createdIn: origin });
  }

  private alterEnum(ast: any): void {
    const e = this.enums.get(qualifiedKey(stringList(ast.typeName)));
    if (!e || !ast.newVal) return;
    if (ast.oldVal) {
      // RENAME VALUE
      const i = e.values.indexOf(ast.oldVal);
      if (i >= 0 && !ast.newValNeighbor) e.values[i] = ast.newVal;
      if (ast.newValNeighbor === undefined) return;
    }
    if (e.values.includes(ast.newVal)) return;
    const at = ast.newValNeighbor ? e.values.indexOf(ast.newValNeighbor) : -1;
    if (at < 0) e.values.push(ast.newVal);
    else e.values.splice(ast.newValIsAfter ? at + 1 : at, 0, ast.newVal);
  }

  private createDomain(ast: any): void {
    const key = qualifiedKey(stringList(ast.domainname));
    const hasCheck = (ast.constraints ?? []).some((c: any) => c.Constraint?.contype === 'CONSTR_CHECK');
    this.domains.set(key, { name: key, base: typeRef(ast.typeName), hasCheck });
    if ((ast.constraints ?? []).some((c: any) => c.Constraint?.contype === 'CONSTR_NOTNULL'))
      this.domains.get(key)!.notNull = true;
    if ((ast.constraints ?? []).some((c: any) => c.Constraint?.contype === 'CONSTR_DEFAULT'))
      this.domains.get(key)!.hasDefault = true;
  }

  /** CREATE FUNCTION: remembers its declared volatility (VOLATILE when not said, as PostgreSQL does). */
  private createFunction(ast: any): void {
    const names = stringList(ast.funcname);
    const name = names[names.length - 1];
    if (!name) return;
    const opt = (ast.options ?? []).find((o: any) => o.DefElem?.defname === 'volatility');
    const v = (str(opt?.DefElem?.arg) ?? 'volatile') as FunctionVolatility;
    const prev = this.functions.get(name);
    // CREATE OR REPLACE of the same name replaces; another overload keeps the most volatile
    if (prev && !ast.replace && VOLATILITY_RANK[prev] > VOLATILITY_RANK[v]) return;
    this.functions.set(name, v);
  }

  private alterFunction(ast: any): void {
    const names = stringList(ast.func?.objname);
    const name = names[names.length - 1];
    const opt = (ast.actions ?? []).find((o: any) => o.DefElem?.defname === 'volatility');
    const v = str(opt?.DefElem?.arg) as FunctionVolatility | undefined;
    if (name && v) this.functions.set(name, v);
  }

  private setSchema(ast: any): void {
    if (ast.objectType !== 'OBJECT_TABLE') return;
    const key = relKey(ast.relation);
    const t = this.tables.get(key);
    if (!t) return;
    this.tables.delete(key);
    t.schema = ast.newschema;
    this.tables.set(`${t.schema}.${t.name}`, t);
  }
}
