/**
 * Seeding a MySQL/MariaDB shadow: sample rows in every base table of the throwaway database,
 * generated from the column types read from information_schema, so that the ALTERs under review
 * copy, rebuild and validate real rows (a MODIFY … NOT NULL over NULLs fails, as in production).
 *
 * - parents before children; a foreign key column takes existing parent key values (in key order);
 * - NOT NULL respected; the `realistic` policy leaves every 7th value of a nullable column NULL,
 *   the `proof` policy none (and every value derives from the row number only, so that separate
 *   shadows seeded from the same start hold the same rows);
 * - unique keys: values derive from the row number; ENUM/SET/BOOLEAN/BIT columns in a unique key
 *   cannot hold many distinct values, so the rows that collide are skipped (`INSERT IGNORE` is
 *   only used then);
 * - AUTO_INCREMENT and generated columns are left to the server.
 * A table that cannot be seeded is reported as a failure, never fatal.
 */
import { isShadowStop, toSqlError } from '../../../shadow/driver.js';
import type { ProbeTarget, SeedOptions, SeedResult } from '../../../shadow/probes.js';
import { quoteMyIdent, quoteMyLiteral } from './util.js';

interface Col {
  table: string;
  name: string;
  type: string;
  columnType: string;
  nullable: boolean;
  maxLen: number | null;
  precision: number | null;
  scale: number | null;
  extra: string;
  hasDefault: boolean;
}

interface Table {
  name: string;
  cols: Col[];
  /** column → referenced table and column */
  fks: Map<string, { table: string; column: string }>;
  /** columns in a unique key (PRIMARY included) */
  unique: Set<string>;
}

/** The base tables, without the probes' copies (`zd_probe_…`) unless `only` names them (the estimate probe's sample). */
async function loadTables(sh: ProbeTarget, only?: Set<string>): Promise<Table[]> {
  const tables = await sh.query<{ name: string }>(
    `SELECT TABLE_NAME AS name FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'
        AND (TABLE_NAME NOT LIKE 'zd\\_probe\\_%'${only?.size ? ' OR TABLE_NAME IN (?)' : ''})
      ORDER BY TABLE_NAME`,
    only?.size ? [[...only]] : [],
  );
  const cols = await sh.query<Record<string, unknown>>(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, DATA_TYPE AS dt, COLUMN_TYPE AS ct, IS_NULLABLE AS n,
            CHARACTER_MAXIMUM_LENGTH AS ml, NUMERIC_PRECISION AS np, NUMERIC_SCALE AS ns, EXTRA AS x,
            COLUMN_DEFAULT AS d
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  );
  const fks = await sh.query<{ t: string; c: string; rt: string; rc: string }>(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, REFERENCED_TABLE_NAME AS rt, REFERENCED_COLUMN_NAME AS rc
       FROM information_schema.KEY_COLUMN_USAGE
      WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL
        AND REFERENCED_TABLE_SCHEMA = DATABASE()`,
  );
  const uniq = await sh.query<{ t: string; c: string }>(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = DATABASE() AND NON_UNIQUE = 0`,
  );
  // MariaDB's JSON is LONGTEXT with CHECK (json_valid(`c`)) (MariaDB KB "JSON Data Type"): such columns get JSON
  const jsonCols = new Set<string>();
  try {
    const checks = await sh.query<{ t: string; c: string }>(
      `SELECT tc.TABLE_NAME AS t, cc.CHECK_CLAUSE AS c
         FROM information_schema.CHECK_CONSTRAINTS cc
         JOIN information_schema.TABLE_CONSTRAINTS tc
           ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND tc.CONSTRAINT_TYPE = 'CHECK'
        WHERE cc.CONSTRAINT_SCHEMA = DATABASE()`,
    );
    for (const ch of checks)
      for (const m of ch.c.matchAll(/json_valid\(`((?:[^`]|``)+)`\)/gi))
        jsonCols.add(`${ch.t}.${m[1]!.replace(/``/g, '`')}`);
  } catch {
    // MySQL before 8.0.16: no CHECK constraints, and JSON is its own type there
  }
  const byName = new Map<string, Table>(
    tables.map((t) => [t.name, { name: t.name, cols: [], fks: new Map(), unique: new Set() }]),
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  for (const r of cols) {
    const t = byName.get(String(r.t));
    if (!t) continue;
    t.cols.push({
      table: t.name,
      name: String(r.c),
      type: jsonCols.has(`${t.name}.${String(r.c)}`) ? 'json' : String(r.dt).toLowerCase(),
      columnType: String(r.ct).toLowerCase(),
      nullable: r.n === 'YES',
      maxLen: num(r.ml),
      precision: num(r.np),
      scale: num(r.ns),
      extra: String(r.x ?? '').toLowerCase(),
      // MariaDB reports "no default" as NULL, a NULL default as the text 'NULL'
      hasDefault: r.d !== null && r.d !== undefined,
    });
  }
  for (const f of fks) byName.get(f.t)?.fks.set(f.c, { table: f.rt, column: f.rc });
  for (const u of uniq) byName.get(u.t)?.unique.add(u.c);
  return [...byName.values()];
}

/** Parents first (Kahn's order); tables in a cycle keep their name order at the end. */
function parentsFirst(tables: Table[]): Table[] {
  const out: Table[] = [];
  const done = new Set<string>();
  let left = [...tables];
  while (left.length) {
    const ready = left.filter((t) =>
      [...t.fks.values()].every(
        (r) => r.table === t.name || done.has(r.table) || !tables.some((x) => x.name === r.table),
      ),
    );
    const take = ready.length ? ready : [left[0]!];
    for (const t of take) {
      out.push(t);
      done.add(t.name);
    }
    left = left.filter((t) => !done.has(t.name));
  }
  return out;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A value for row `i` (1-based) of column `c`, as SQL; undefined to leave the column to the server. */
function valueFor(c: Col, i: number): string | undefined {
  const t = c.type;
  if (['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint'].includes(t)) {
    if (c.columnType === 'tinyint(1)') return String(i % 2);
    const max = t === 'tinyint' ? 127 : t === 'smallint' ? 32767 : t === 'mediumint' ? 8388607 : 2147483647;
    return String(((i - 1) % max) + 1);
  }
  if (t === 'decimal' || t === 'numeric') {
    const whole = Math.max(1, (c.precision ?? 10) - (c.scale ?? 0));
    return String(i % 10 ** Math.min(whole, 9));
  }
  if (t === 'float' || t === 'double' || t === 'real') return `${i}.5`;
  if (t === 'bit') return String(i % 2);
  if (t === 'year') return String(1901 + (i % 254));
  if (t === 'date') return quoteMyLiteral(`2024-${pad2((i % 12) + 1)}-${pad2((i % 28) + 1)}`);
  if (t === 'datetime' || t === 'timestamp')
    return quoteMyLiteral(`2024-${pad2((i % 12) + 1)}-${pad2((i % 28) + 1)} ${pad2(i % 24)}:${pad2(i % 60)}:00`);
  if (t === 'time') return quoteMyLiteral(`${pad2(i % 24)}:${pad2(i % 60)}:00`);
  if (t === 'json') return quoteMyLiteral(`{"n": ${i}}`);
  if (t === 'enum' || t === 'set') {
    const values = [...c.columnType.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
    return values.length ? quoteMyLiteral(values[(i - 1) % values.length]!) : undefined;
  }
  if (['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext'].includes(t)) {
    const s = `${c.name.slice(0, 8)}-${i}`;
    return quoteMyLiteral(c.maxLen !== null && c.maxLen < s.length ? String(i).slice(-c.maxLen) : s);
  }
  if (['binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob'].includes(t)) {
    const s = String(i);
    return quoteMyLiteral(c.maxLen !== null && c.maxLen < s.length ? s.slice(-c.maxLen) : s);
  }
  if (t === 'uuid') return quoteMyLiteral(`00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
  if (t === 'inet4') return quoteMyLiteral(`10.0.${Math.floor(i / 256) % 256}.${i % 256}`);
  return undefined; // geometry, vector, …: the column's default, or the table fails and says so
}

/** Fills every base table (or `opts.tables`) with `opts.rows` rows (default 1000). */
export async function seed(sh: ProbeTarget, opts: SeedOptions = {}): Promise<SeedResult> {
  const t0 = performance.now();
  const n = opts.rows ?? 1000;
  const proof = opts.policy?.kind === 'proof';
  const result: SeedResult = { tables: 0, rows: new Map(), failures: [], durationMs: 0 };
  const only = opts.tables ? new Set(opts.tables) : undefined;
  const todo = parentsFirst(await loadTables(sh, only)).filter((t) => !only || only.has(t.name));
  await sh.exec('SET SESSION foreign_key_checks = 1');
  for (const t of todo) {
    opts.onProgress?.(result.tables, todo.length, t.name);
    result.tables++;
    try {
      if (n > 0) await seedTable(sh, t, n, proof);
    } catch (err) {
      if (isShadowStop(err)) throw err;
      const e = toSqlError(err);
      result.failures.push({ table: t.name, code: e.code, message: e.message });
    }
    const [c] = await sh.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${quoteMyIdent(t.name)}`);
    result.rows.set(t.name, Number(c?.n ?? 0));
  }
  result.durationMs = Math.round(performance.now() - t0);
  return result;
}

async function seedTable(sh: ProbeTarget, t: Table, n: number, proof: boolean): Promise<void> {
  const parents = new Map<string, string[]>();
  for (const [col, ref] of t.fks) {
    const rows = await sh.query<{ v: unknown }>(
      `SELECT ${quoteMyIdent(ref.column)} AS v FROM ${quoteMyIdent(ref.table)} WHERE ${quoteMyIdent(ref.column)} IS NOT NULL ORDER BY 1 LIMIT ${n}`,
    );
    parents.set(
      col,
      rows.map((r) => (typeof r.v === 'number' ? String(r.v) : quoteMyLiteral(String(r.v)))),
    );
  }
  const cols = t.cols.filter((c) => !c.extra.includes('auto_increment') && !c.extra.includes('generated'));
  const filled: Col[] = [];
  for (const c of cols) {
    const parent = parents.get(c.name);
    if (parent && !parent.length && !c.nullable)
      throw new Error(`its parent table ${t.fks.get(c.name)!.table} has no rows`);
    if (parent || valueFor(c, 1) !== undefined) filled.push(c);
    else if (!c.nullable && !c.hasDefault) throw new Error(`no sample value for column ${c.name} (${c.columnType})`);
  }
  if (!filled.length && !cols.length && !t.cols.some((c) => c.extra.includes('auto_increment'))) return;
  // few distinct values in a unique key: colliding rows are skipped rather than failing the table
  const ignore = filled.some((c) => t.unique.has(c.name) && ['enum', 'set', 'bit', 'year'].includes(c.type));
  const head = `INSERT ${ignore ? 'IGNORE ' : ''}INTO ${quoteMyIdent(t.name)} (${filled.map((c) => quoteMyIdent(c.name)).join(', ')}) VALUES `;
  const BATCH = 500;
  for (let from = 1; from <= n; from += BATCH) {
    const rows: string[] = [];
    for (let i = from; i < Math.min(n + 1, from + BATCH); i++) {
      const vals = filled.map((c) => {
        const parent = parents.get(c.name);
        if (parent) return parent.length ? parent[(i - 1) % parent.length]! : 'NULL';
        if (!proof && c.nullable && !t.unique.has(c.name) && i % 7 === 0) return 'NULL';
        return valueFor(c, i)!;
      });
      rows.push(`(${vals.join(', ')})`);
    }
    await sh.exec(
      filled.length
        ? head + rows.join(', ')
        : `INSERT INTO ${quoteMyIdent(t.name)} () VALUES ${rows.map(() => '()').join(', ')}`,
    );
  }
}
