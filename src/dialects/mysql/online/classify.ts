/**
 * Maps each clause of an ALTER TABLE onto the operation kinds of the online table (table.ts), with
 * the catalog's view of the table: what the column was before, whether it is indexed, its charset.
 * No server knowledge lives here: only "what kind of change is this".
 */
import type { AlterOp, AlterTableAst, ColumnDef, ColumnType, DefaultValue, MyColumn, MyTable } from '../ast.js';
import { bytesPerChar, CHAR_TYPES, charsetOfCollation, enumSetBytes } from './facts.js';
import type { OpKind } from './table.js';

/** One clause of the ALTER, classified. */
export interface Classified {
  /** the clause's index in `AlterTableAst.ops` */
  index: number;
  /** the clause (`addColumn`, `modifyColumn`, …) */
  clause: AlterOp['op'];
  /** the kinds of change the clause makes (MODIFY can make several: NOT NULL and an ENUM append); empty: nothing */
  kinds: OpKind[];
  /** why, in words: `` `b` VARCHAR(50) → VARCHAR(64) is 200 → 256 bytes in utf8mb4`` */
  why: string[];
  /** what zerodown would need to know to be sure; the kinds then are the conservative guess */
  unknown?: string;
  /** the column added or dropped, for row-version counting */
  column?: { name: string; virtual: boolean };
}

const eq = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const tick = (s: string) => `\`${s}\``;

/** The column of a catalog table, case-insensitively. */
export function findColumn(table: MyTable | undefined, name: string): MyColumn | undefined {
  return table?.columns.find((c) => eq(c.name, name));
}

/** True when some index of the table has the column as a key part. */
export function isIndexed(table: MyTable, column: string): boolean {
  return table.indexes.some((i) => i.columns.some((c) => !c.expression && eq(c.name, column)));
}

const inPrimaryKey = (table: MyTable, column: string) =>
  table.indexes.some((i) => i.kind === 'primary' && i.columns.some((c) => eq(c.name, column)));

/** CURRENT_TIMESTAMP, NOW(), LOCALTIME…: one value for the statement, stored like a constant. */
const TIMESTAMP_DEFAULT = /^\(?\s*(current_timestamp|now|localtime|localtimestamp)\s*(\(\s*\d*\s*\))?\s*\)?$/i;

/** A default InnoDB can store once in the metadata (a literal, NULL, CURRENT_TIMESTAMP), not compute per row. */
export function isConstantDefault(d: DefaultValue | undefined): boolean {
  return d?.kind !== 'expression' || TIMESTAMP_DEFAULT.test(d.text.trim());
}

/** Functions MariaDB 10.11 evaluates once for an instant ADD COLUMN default (measured; others are assumed per row). */
const ONCE_FUNCTIONS = new Set(
  'rand now current_timestamp localtime localtimestamp curdate current_date curtime current_time utc_timestamp utc_date utc_time user current_user session_user system_user connection_id database schema json_array json_object json_quote lower upper lcase ucase md5 sha1 sha sha2 concat concat_ws date_add date_sub adddate subdate coalesce ifnull if nullif length char_length substring substr left right trim ltrim rtrim replace round floor ceil ceiling abs unix_timestamp from_unixtime cast convert'.split(
    ' ',
  ),
);
/** Words that may stand in an expression without being a column. */
const EXPR_WORDS = new Set(
  'interval microsecond second minute hour day week month quarter year and or not xor null true false is in like between case when then else end as char binary signed unsigned integer decimal date datetime time json div mod current_timestamp current_date current_time localtime localtimestamp current_user utc_timestamp'.split(
    ' ',
  ),
);

/**
 * An expression default (`DEFAULT (…)`) that MariaDB can store once for an instant ADD COLUMN: no
 * column reference and only functions it evaluates once. UUID(), UUID_SHORT(), SYS_GUID(),
 * SYSDATE() and column references are computed per row and copy the table (measured on 10.11).
 */
export function isOnceExpression(text: string): boolean {
  const code = text.replace(/'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"/g, "''");
  if (code.includes('`')) return false;
  for (const m of code.matchAll(/([A-Za-z_][A-Za-z0-9_$]*)(\s*\()?/g)) {
    const word = m[1]!.toLowerCase();
    if (m[2] ? !ONCE_FUNCTIONS.has(word) : !EXPR_WORDS.has(word)) return false;
  }
  return true;
}

const INT_RANK: Record<string, number> = { tinyint: 1, smallint: 2, mediumint: 3, int: 4, integer: 4, bigint: 5 };
const TEXT_RANK: Record<string, number> = { tinytext: 1, text: 2, mediumtext: 3, longtext: 4 };
const BLOB_RANK: Record<string, number> = { tinyblob: 1, blob: 2, mediumblob: 3, longblob: 4 };
const ALIAS: Record<string, string> = {
  integer: 'int',
  bool: 'tinyint',
  boolean: 'tinyint',
  dec: 'decimal',
  numeric: 'decimal',
  fixed: 'decimal',
};
const base = (t: ColumnType) => ALIAS[t.name.toLowerCase()] ?? t.name.toLowerCase();

/** The charset a new definition gives the column: its own, its collation's, else the table's; undefined: server default. */
function newCharset(def: ColumnDef, table: MyTable | undefined): string | undefined {
  if (!CHAR_TYPES.has(base(def.type))) return undefined;
  return def.type.charset?.toLowerCase() ?? charsetOfCollation(def.type.collation) ?? table?.charset?.toLowerCase();
}

/** What a type change from `old` to `def` is, with why. */
function typeChange(
  old: MyColumn,
  def: ColumnDef,
  table: MyTable,
  indexed: boolean,
): { kinds: OpKind[]; why: string[]; unknown?: string } {
  const a = old.type;
  const b = def.type;
  const na = base(a);
  const nb = base(b);
  const from = `${a.text} → ${b.text}`;
  const csOld = CHAR_TYPES.has(na) ? old.charset?.toLowerCase() : undefined;
  const csNew = newCharset(def, table);
  if (CHAR_TYPES.has(na) && CHAR_TYPES.has(nb) && csOld !== csNew) {
    if (csOld && csNew) return { kinds: ['changeCharset'], why: [`character set ${csOld} → ${csNew}`] };
    return {
      kinds: ['changeCharset'],
      why: [`the character set may change (${csOld ?? 'server default'} → ${csNew ?? 'server default'})`],
      unknown: "the server's default character set",
    };
  }
  const kinds: OpKind[] = [];
  const why: string[] = [];
  let unknown: string | undefined;
  const collOld = old.collation?.toLowerCase();
  const collNew = b.collation?.toLowerCase();
  if (CHAR_TYPES.has(nb) && collNew && collOld !== collNew) {
    kinds.push(indexed ? 'changeCollationIndexed' : 'changeCollation');
    why.push(`collation ${collOld ?? 'default'} → ${collNew}${indexed ? ' on an indexed column' : ''}`);
  }
  if (na === nb && !!a.unsigned === !!b.unsigned) {
    if (na === 'varchar' || na === 'varbinary') {
      const [la] = a.args ?? [];
      const [lb] = b.args ?? [];
      if (la === undefined || lb === undefined || la === lb) return { kinds, why };
      if (lb < la) return { kinds: [...kinds, 'shrinkType'], why: [...why, `${from} shrinks it`] };
      const bpc = na === 'varbinary' ? 1 : bytesPerChar(csNew);
      const classify = (n: number): OpKind =>
        lb * n <= 255 || la * n > 255 ? 'varcharExtend' : la * n <= 127 ? 'varcharExtendSmall' : 'varcharCrossPrefix';
      if (bpc === undefined) {
        // unknown charset: certain only when every charset gives the same answer
        const lo = classify(1);
        const hi = classify(4);
        const kind = lo === hi ? lo : 'varcharCrossPrefix';
        if (lo !== hi) unknown = "the column's character set (bytes per character decide the 255-byte boundary)";
        return { kinds: [...kinds, kind], why: [...why, `${from}, character set unknown`], unknown };
      }
      const kind = classify(bpc);
      return {
        kinds: [...kinds, kind],
        why: [...why, `${from} is ${la * bpc} → ${lb * bpc} bytes${csNew ? ` in ${csNew}` : ''}`],
      };
    }
    if (na === 'enum' || na === 'set') {
      const va = a.values ?? [];
      const vb = b.values ?? [];
      const prefix = vb.length >= va.length && va.every((x, i) => x === vb[i]);
      if (!prefix) return { kinds: [...kinds, 'enumReorder'], why: [...why, `${from} reorders or removes members`] };
      if (vb.length === va.length) return { kinds, why };
      const grows = enumSetBytes(na, vb.length) !== enumSetBytes(na, va.length);
      return {
        kinds: [...kinds, grows ? 'enumAppendGrows' : 'enumAppend'],
        why: [
          ...why,
          grows
            ? `${na.toUpperCase()} grows from ${va.length} to ${vb.length} members: ${enumSetBytes(na, va.length)} → ${enumSetBytes(na, vb.length)} bytes per value`
            : `appends ${vb.length - va.length} member(s) at the end`,
        ],
      };
    }
    // integer display widths (int(11)) do not change storage
    if (INT_RANK[na] !== undefined) return { kinds, why };
    const same = (a.args ?? []).join(',') === (b.args ?? []).join(',');
    if (same) return { kinds, why };
    const shrinks = (a.args ?? []).some((x, i) => (b.args ?? [])[i] !== undefined && (b.args ?? [])[i]! < x);
    return { kinds: [...kinds, shrinks ? 'shrinkType' : 'changeType'], why: [...why, `${from}`] };
  }
  const ranks = [INT_RANK, TEXT_RANK, BLOB_RANK].find((r) => r[na] !== undefined && r[nb] !== undefined);
  if (ranks && ranks[nb]! < ranks[na]!) return { kinds: [...kinds, 'shrinkType'], why: [...why, `${from} shrinks it`] };
  return { kinds: [...kinds, 'changeType'], why: [...why, `${from} changes the type`] };
}

/** MODIFY / CHANGE COLUMN against the column as the catalog has it. */
function modify(
  op: Extract<AlterOp, { op: 'modifyColumn' | 'changeColumn' }>,
  table: MyTable | undefined,
): Omit<Classified, 'index' | 'clause'> {
  const from = op.op === 'changeColumn' ? op.from : op.column.name;
  const def = op.column;
  const old = findColumn(table, from);
  if (!table || !old)
    return {
      kinds: ['changeType'],
      why: [`${tick(from)} is redefined`],
      unknown: table
        ? `column ${tick(from)} is not in the replayed history`
        : 'the table is not in the replayed history',
    };
  const kinds: OpKind[] = [];
  const why: string[] = [];
  let unknown: string | undefined;
  if (!eq(def.name, old.name)) (kinds.push('renameColumn'), why.push(`renames ${tick(old.name)} to ${tick(def.name)}`));
  const indexed = isIndexed(table, old.name);
  const t = typeChange(old, def, table, indexed);
  (kinds.push(...t.kinds), why.push(...t.why), (unknown = t.unknown));
  const pk = inPrimaryKey(table, old.name);
  const nullable = pk ? false : (def.nullable ?? true);
  if (old.nullable && !nullable) (kinds.push('makeNotNull'), why.push('NULL → NOT NULL'));
  if (!old.nullable && nullable)
    (kinds.push('makeNull'),
      why.push(def.nullable === undefined ? 'NOT NULL → NULL (MODIFY without NOT NULL)' : 'NOT NULL → NULL'));
  if (def.autoIncrement && !old.autoIncrement) (kinds.push('changeType'), why.push('adds AUTO_INCREMENT'));
  if (!!def.generated !== !!old.generated || (def.generated && def.generated.expr !== old.generated?.expr))
    (kinds.push('changeType'), why.push('changes the generated expression'));
  if ((def.default?.text ?? '') !== (old.default?.text ?? ''))
    (kinds.push(def.default ? 'setDefault' : 'dropDefault'),
      why.push(def.default ? `DEFAULT ${def.default.text}` : 'drops the default'));
  if (op.position && moves(table, old.name, op.position)) (kinds.push('reorderColumn'), why.push('moves the column'));
  if (!kinds.length) (kinds.push('columnComment'), why.push('no change to how the column is stored'));
  return { kinds: [...new Set(kinds)], why, unknown };
}

/** FIRST / AFTER x actually moves the column. */
function moves(table: MyTable, column: string, pos: NonNullable<Extract<AlterOp, { op: 'addColumn' }>['position']>) {
  const i = table.columns.findIndex((c) => eq(c.name, column));
  if ('first' in pos) return i !== 0;
  return i < 1 || !eq(table.columns[i - 1]!.name, pos.after);
}

function addColumn(
  op: Extract<AlterOp, { op: 'addColumn' }>,
  table: MyTable | undefined,
): Omit<Classified, 'index' | 'clause'> {
  const c = op.column;
  const column = { name: c.name, virtual: !!c.generated && !c.generated.stored };
  if (op.ifNotExists && findColumn(table, c.name))
    return { kinds: [], why: ['the column already exists (IF NOT EXISTS)'] };
  const kinds: OpKind[] = [];
  const why: string[] = [];
  let unknown: string | undefined;
  if (c.generated?.stored)
    (kinds.push('addColumnStored'), why.push('a STORED generated column is computed for every row'));
  else if (c.generated) (kinds.push('addColumnVirtual'), why.push('a VIRTUAL generated column'));
  else if (c.autoIncrement)
    (kinds.push('addColumnAutoIncrement'), why.push('AUTO_INCREMENT numbers every existing row'));
  else if (!isConstantDefault(c.default) && isOnceExpression(c.default!.text))
    (kinds.push('addColumnConstExprDefault'), why.push(`DEFAULT ${c.default!.text} is an expression`));
  else if (!isConstantDefault(c.default))
    (kinds.push('addColumnExprDefault'), why.push(`DEFAULT ${c.default!.text} is computed for every existing row`));
  else if (!op.position) kinds.push('addColumnEnd');
  else if ('first' in op.position) (kinds.push('addColumnMiddle'), why.push('FIRST'));
  else {
    const last = table?.columns.at(-1)?.name;
    if (table && last && eq(last, op.position.after)) (kinds.push('addColumnEnd'), why.push(`AFTER the last column`));
    else {
      (kinds.push('addColumnMiddle'), why.push(`AFTER ${tick(op.position.after)}`));
      if (!table) unknown = `whether ${tick(op.position.after)} is the last column`;
    }
  }
  if (c.primaryKey) (kinds.push('addPrimaryKey'), why.push('PRIMARY KEY'));
  else if (c.unique) (kinds.push('addIndex'), why.push('UNIQUE'));
  return { kinds, why, unknown, column };
}

function dropColumn(
  op: Extract<AlterOp, { op: 'dropColumn' }>,
  table: MyTable | undefined,
): Omit<Classified, 'index' | 'clause'> {
  const col = findColumn(table, op.name);
  if (!table || !col) {
    if (table && op.ifExists) return { kinds: [], why: ['no such column (IF EXISTS)'] };
    return {
      kinds: ['dropColumn'],
      why: [`drops ${tick(op.name)}`],
      unknown: `whether ${tick(op.name)} is indexed or generated (${table ? 'column' : 'table'} not in the replayed history)`,
      column: { name: op.name, virtual: false },
    };
  }
  const column = { name: col.name, virtual: !!col.generated && !col.generated.stored };
  if (inPrimaryKey(table, col.name))
    return { kinds: ['dropPrimaryKey'], why: [`${tick(col.name)} is in the primary key`], column };
  if (col.generated)
    return {
      kinds: [col.generated.stored ? 'dropColumnStored' : 'dropColumnVirtual'],
      why: [`drops ${tick(col.name)}`],
      column,
    };
  if (isIndexed(table, col.name))
    return { kinds: ['dropColumnIndexed'], why: [`${tick(col.name)} is indexed`], column };
  return { kinds: ['dropColumn'], why: [`drops ${tick(col.name)}`], column };
}

const REBUILD_OPTIONS = new Set(['ROW_FORMAT', 'KEY_BLOCK_SIZE']);
const METADATA_OPTIONS = new Set(['COMMENT', 'STATS_PERSISTENT', 'STATS_AUTO_RECALC', 'STATS_SAMPLE_PAGES']);

function tableOption(
  op: Extract<AlterOp, { op: 'tableOption' }>,
  table: MyTable | undefined,
): Omit<Classified, 'index' | 'clause'> {
  const name = op.name.toUpperCase();
  if (name === 'ENGINE') {
    const to = op.value.toUpperCase();
    const from = table?.engine.toUpperCase();
    if (from ? from === to : to === 'INNODB')
      return { kinds: ['rebuildTable'], why: [`ENGINE=${op.value} on an ${from ?? 'InnoDB'} table rebuilds it`] };
    return { kinds: ['changeEngine'], why: [`ENGINE ${from ?? '?'} → ${op.value}`] };
  }
  if (REBUILD_OPTIONS.has(name)) return { kinds: ['rebuildTable'], why: [`${name}=${op.value}`] };
  if (METADATA_OPTIONS.has(name)) return { kinds: ['tableMetadata'], why: [name] };
  if (name === 'AUTO_INCREMENT') return { kinds: ['autoIncrementValue'], why: [`AUTO_INCREMENT=${op.value}`] };
  if (name === 'CHARSET' || name === 'COLLATE')
    return { kinds: ['tableCharset'], why: [`DEFAULT ${name} ${op.value}`] };
  return {
    kinds: ['changeType'],
    why: [`table option ${name}`],
    unknown: `the online behaviour of table option ${name}`,
  };
}

/**
 * No index of the table (before the ALTER, or added by it) has `columns` as its leading columns,
 * so adding a foreign key on them makes the server build one. An unknown table: assume it must.
 */
function fkNeedsIndex(columns: readonly string[], ast: AlterTableAst, table: MyTable | undefined): boolean {
  const leads = (cols: readonly { name: string; expression?: boolean }[]) =>
    columns.length <= cols.length && columns.every((c, i) => !cols[i]!.expression && eq(cols[i]!.name, c));
  if (table?.indexes.some((ix) => leads(ix.columns))) return false;
  return !ast.ops.some((o) => o.op === 'addIndex' && leads(o.index.columns));
}

/** Classifies every clause of the ALTER. `foreignKeyChecks`: the session's foreign_key_checks (default on). */
export function classifyAlter(ast: AlterTableAst, table: MyTable | undefined, foreignKeyChecks = true): Classified[] {
  const swapsPk =
    ast.ops.some((o) => o.op === 'dropPrimaryKey' || (o.op === 'dropIndex' && eq(o.name, 'PRIMARY'))) &&
    ast.ops.some(
      (o) => (o.op === 'addIndex' && o.index.kind === 'primary') || (o.op === 'addColumn' && o.column.primaryKey),
    );
  const fulltexts = ast.ops.filter((o) => o.op === 'addIndex' && o.index.kind === 'fulltext').length;
  const hasFulltext = table?.indexes.some((i) => i.kind === 'fulltext');
  return ast.ops.map((op, index): Classified => {
    const r = (c: Omit<Classified, 'index' | 'clause'>): Classified => ({ index, clause: op.op, ...c });
    const one = (kind: OpKind, why: string, unknown?: string) => r({ kinds: [kind], why: [why], unknown });
    switch (op.op) {
      case 'addColumn': {
        const c = addColumn(op, table);
        if (swapsPk) c.kinds = c.kinds.map((k) => (k === 'addPrimaryKey' ? 'swapPrimaryKey' : k));
        return r(c);
      }
      case 'dropColumn':
        return r(dropColumn(op, table));
      case 'modifyColumn':
      case 'changeColumn':
        return r(modify(op, table));
      case 'renameColumn':
        return one('renameColumn', `renames ${tick(op.from)} to ${tick(op.to)}`);
      case 'alterColumnDefault':
        return op.default ? one('setDefault', `SET DEFAULT ${op.default.text}`) : one('dropDefault', 'DROP DEFAULT');
      case 'alterColumnVisibility':
        return one('columnVisibility', op.visible ? 'SET VISIBLE' : 'SET INVISIBLE');
      case 'addIndex': {
        const k = op.index.kind;
        if (ast.ignore && (k === 'primary' || k === 'unique'))
          return one('addUniqueIgnore', 'ALTER IGNORE copies the table to drop duplicates');
        if (k === 'primary') return one(swapsPk ? 'swapPrimaryKey' : 'addPrimaryKey', 'ADD PRIMARY KEY');
        if (k === 'spatial') return one('addSpatial', 'ADD SPATIAL INDEX');
        if (k === 'fulltext') {
          if (fulltexts > 1) return one('addFulltextMany', `${fulltexts} FULLTEXT indexes in one ALTER`);
          if (hasFulltext) return one('addFulltext', 'the table already has a FULLTEXT index');
          return one('addFulltextFirst', "the table's first FULLTEXT index adds the hidden FTS_DOC_ID column");
        }
        return one('addIndex', k === 'unique' ? 'ADD UNIQUE' : 'ADD INDEX');
      }
      case 'dropIndex':
        if (eq(op.name, 'PRIMARY')) return one(swapsPk ? 'swapPrimaryKey' : 'dropPrimaryKey', 'DROP PRIMARY KEY');
        if (op.ifExists && table && !table.indexes.some((i) => eq(i.name, op.name)))
          return r({ kinds: [], why: ['no such index (IF EXISTS)'] });
        return one('dropIndex', `DROP INDEX ${tick(op.name)}`);
      case 'dropPrimaryKey':
        return one(swapsPk ? 'swapPrimaryKey' : 'dropPrimaryKey', 'DROP PRIMARY KEY');
      case 'renameIndex':
        return one('renameIndex', `RENAME INDEX ${tick(op.from)}`);
      case 'alterIndexVisibility':
        return one('indexVisibility', op.visible ? 'VISIBLE' : 'INVISIBLE');
      case 'addForeignKey': {
        if (foreignKeyChecks) return one('addForeignKey', 'every existing row is checked');
        // the server builds an index for the key's columns when none leads with them (measured on
        // MariaDB 10.11: "ALGORITHM=INSTANT is not supported. Reason: ADD INDEX"; MySQL manual 15.1.20.5,
        // "FOREIGN KEY Constraints": "an index on the foreign key columns … is created automatically")
        if (fkNeedsIndex(op.fk.columns, ast, table))
          return r({
            kinds: ['addForeignKeyNoChecks', 'addIndex'],
            why: [
              'existing rows are not checked',
              `no index leads with (${op.fk.columns.join(', ')}), so the server builds one`,
            ],
          });
        return one('addForeignKeyNoChecks', 'existing rows are not checked');
      }
      case 'dropForeignKey':
        return one('dropForeignKey', `DROP FOREIGN KEY ${tick(op.name)}`);
      case 'addCheck':
        return one('addCheck', 'every existing row is checked');
      case 'dropConstraint': {
        if (op.check || table?.checks.some((c) => eq(c.name, op.name)))
          return one('dropCheck', `DROP CHECK ${tick(op.name)}`);
        if (table?.foreignKeys.some((f) => eq(f.name, op.name)))
          return one('dropForeignKey', `DROP CONSTRAINT ${tick(op.name)}`);
        if (table?.indexes.some((i) => eq(i.name, op.name)))
          return one('dropIndex', `DROP CONSTRAINT ${tick(op.name)}`);
        return one('dropCheck', `DROP CONSTRAINT ${tick(op.name)}`, `what kind of constraint ${tick(op.name)} is`);
      }
      case 'renameTable':
        return one('renameTable', 'RENAME TO');
      case 'convertCharset':
        return one('convertCharset', `CONVERT TO CHARACTER SET ${op.charset} rewrites every character column`);
      case 'tableOption':
        return r(tableOption(op, table));
      case 'force':
        return one('rebuildTable', 'FORCE rebuilds the table');
      case 'partition':
      case 'other':
        return one('changeType', op.text, `the online behaviour of \`${op.text.slice(0, 40)}\``);
    }
  });
}
