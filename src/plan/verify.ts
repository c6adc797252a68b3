/**
 * The proof of a plan on the shadow database.
 *
 * From the same start (history replayed, the same deterministic rows seeded),
 * run the original migration twice and the plan once, each on a fresh shadow:
 * - schema: the plan's final catalog must equal the original's (tables, columns
 *   with type, nullability and default, indexes via pg_get_indexdef,
 *   constraints with definition and validity, triggers, functions, views,
 *   sequences, enums), except differences the plan makes on purpose;
 * - data: compared table by table, by primary key, leaving out the columns
 *   whose values differ between the two runs of the original (volatile
 *   functions such as random() or now());
 * - locks: inside each transactional phase, no table that has rows may be
 *   rewritten (relfilenode changes) or scanned (pg_stat_xact_user_tables)
 *   while the phase holds a lock that blocks writes on it.
 *
 * Runs on embedded PGlite by default, or a real server (`shadowUrl`), through
 * the shadow driver interface (src/shadow/driver.ts).
 */
import type { Migration } from '../model.js';
import { loadParser, parseMigration, parseSql } from '../dialects/postgres/parse.js';
import { LOCKS, quoteIdent, quoteLiteral } from '../dialects/postgres/util.js';
import type { Shadow } from '../shadow/driver.js';
import { extensionsIn } from '../dialects/postgres/shadow/extensions.js';
import { openShadow as openEngine } from '../dialects/postgres/shadow/open.js';
import { PgliteShadow } from '../dialects/postgres/shadow/pglite.js';
import { replayHistory } from '../shadow/replay.js';
import { refusedOnShadow } from '../dialects/postgres/shadow/statements.js';
import { mustRunAlone, shorten } from '../dialects/postgres/plan/context.js';
import type { LockSpan, StagedPlan, Verification } from './types.js';

export interface VerifyOptions {
  /** a PostgreSQL URL; default: embedded PGlite */
  shadowUrl?: string;
  /** with `shadowUrl`: run as the URL's role when no unprivileged run role can be made, even if it is powerful */
  allowSuperuserShadow?: boolean;
  /** rows seeded in every table that exists before the migration (default 200) */
  seedRows?: number;
  /** wall-clock bound per statement on the shadow, ms (default 30 s); past it the proof stops */
  shadowTimeoutMs?: number;
}

export const DEFAULT_SEED_ROWS = 200;

const userSchemas = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;

async function openShadow(opts: VerifyOptions, sources: string[]): Promise<Shadow> {
  const bound = opts.shadowTimeoutMs !== undefined ? { timeoutMs: opts.shadowTimeoutMs } : {};
  return openEngine(
    opts.shadowUrl
      ? { url: opts.shadowUrl, allowSuperuser: !!opts.allowSuperuserShadow, ...bound }
      : { extensions: extensionsIn(sources), ...bound },
  );
}

/**
 * A statement overran the time bound on this shadow (the original, the plan, the history or the
 * seed): the engine was stopped, so the proof cannot go on. Throws, naming what overran.
 */
function checkStopped(sh: Shadow, what: string): void {
  if (!sh.stopped) return;
  const sql = sh.stopped.sql.replace(/\s+/g, ' ').trim();
  throw new Error(
    `${what} did not finish within ${sh.stopped.seconds} s on the shadow (${sql.length > 80 ? `${sql.slice(0, 79)}…` : sql}): stopped; raise --shadow-timeout if it is legitimately slow`,
  );
}

function errorText(err: unknown): string {
  const e = err as { message?: string; detail?: string };
  return `${e?.message ?? String(err)}${e?.detail ? ` (${e.detail})` : ''}`.replace(/\s+/g, ' ').trim();
}

// ───────────────────────────── replay and seed ─────────────────────────────

/** Applies the history the way each file's tool would (the shadow engine's replay); returns the failures, one line each. */
export async function replay(sh: Shadow, migrations: Migration[]): Promise<string[]> {
  const r = await replayHistory(sh, migrations);
  return r.failures.map((f) => `${f.path}:${f.line}: ${f.message}${f.limit ? ` (${f.limit})` : ''}`);
}

interface SeedColumn {
  name: string;
  type: string;
  typtype: string;
  category: string;
  notnull: boolean;
  identity: string;
  generated: string;
  default: string | null;
  volatileDefault: boolean;
}

/** A deterministic value for row `g` of a column of this type, or undefined when zerodown has none. */
function valueFor(c: SeedColumn): string | undefined {
  const t = c.type;
  const cast = (e: string) => `(${e})::${t}`;
  if (c.typtype === 'e') return `(enum_range(NULL::${t}))[1 + (g - 1) % cardinality(enum_range(NULL::${t}))]`;
  if (c.category === 'A') return `'{}'::${t}`;
  if (c.category === 'N') return /^(numeric|decimal)\((\d+),\s*(\d+)\)/.test(t) ? cast(`g % 10`) : cast('g');
  if (c.category === 'S') return cast(`'v' || g`);
  if (c.category === 'B') return 'g % 2 = 0';
  if (c.category === 'D') {
    if (t.startsWith('interval')) return cast(`g * interval '1 second'`);
    return cast(`timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute'`);
  }
  if (t === 'uuid') return 'md5(g::text)::uuid';
  if (t === 'json' || t === 'jsonb') return cast(`json_build_object('n', g)::text`);
  if (t === 'bytea') return `decode(md5(g::text), 'hex')`;
  if (t === 'inet' || t === 'cidr') return cast(`'10.0.0.0'::inet + g`);
  if (c.category === 'U' && t === 'tsvector') return cast(`'v' || g`);
  return undefined;
}

/**
 * Seeds `rows` rows in every user table, deterministically (row g gets values derived
 * from g), parents before children so that foreign keys point at existing rows.
 * Returns tables it could not fill.
 *
 * Not the shadow engine's `seed`: the proof runs the original twice and the plan
 * once on three separate shadows, so every start must hold exactly the same rows,
 * and it must hold no NULLs in nullable columns (the original's SET NOT NULL would
 * fail on them, where the dry run wants exactly that failure to show).
 */
export async function seed(sh: Shadow, rows: number): Promise<string[]> {
  const problems: string[] = [];
  if (rows <= 0) return problems;
  const tables = await sh.query<{ oid: string; schema: string; name: string }>(
    `SELECT c.oid::int8::text AS oid, n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userSchemas} ORDER BY n.nspname, c.relname`,
  );
  const fks = await sh.query<{ child: string; parent: string; cols: string[]; refcols: string[] }>(
    `SELECT conrelid::int8::text AS child, confrelid::int8::text AS parent,
            ARRAY(SELECT attname::text FROM unnest(conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = k.n ORDER BY i) AS cols,
            ARRAY(SELECT attname::text FROM unnest(confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = confrelid AND a.attnum = k.n ORDER BY i) AS refcols
       FROM pg_constraint WHERE contype = 'f'`,
  );
  // parents first; a cycle is broken where it is met
  const order: typeof tables = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const visit = (oid: string) => {
    if (state.get(oid)) return;
    state.set(oid, 'visiting');
    for (const fk of fks) if (fk.child === oid && fk.parent !== oid && byOid.has(fk.parent)) visit(fk.parent);
    state.set(oid, 'done');
    order.push(byOid.get(oid)!);
  };
  for (const t of tables) visit(t.oid);
  const seeded = new Set<string>();
  for (const t of order) {
    const rel = `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;
    const cols = await sh.query<SeedColumn>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, bt.typtype, bt.typcategory AS category,
              a.attnotnull AS notnull, a.attidentity AS identity, a.attgenerated AS generated,
              pg_get_expr(d.adbin, d.adrelid) AS default,
              COALESCE(pg_get_expr(d.adbin, d.adrelid) ~* '(nextval|random|uuid|now|clock_timestamp|current_timestamp|statement_timestamp|timeofday|localtimestamp|current_date)', false) AS "volatileDefault"
         FROM pg_attribute a
         JOIN pg_type ty ON ty.oid = a.atttypid
         JOIN pg_type bt ON bt.oid = CASE WHEN ty.typtype = 'd' THEN ty.typbasetype ELSE ty.oid END
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1::int8::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [t.oid],
    );
    const names: string[] = [];
    const values: string[] = [];
    const ctes: string[] = [];
    let impossible = '';
    for (const c of cols) {
      if (c.generated) continue;
      const fk = fks.find((f) => f.child === t.oid && f.cols.length === 1 && f.cols[0] === c.name);
      if (fk) {
        const parent = byOid.get(fk.parent);
        if (parent && seeded.has(fk.parent)) {
          const alias = `p${ctes.length}`;
          ctes.push(
            `${alias} AS (SELECT array_agg(${quoteIdent(fk.refcols[0]!)} ORDER BY ${quoteIdent(fk.refcols[0]!)}) AS a FROM ${quoteIdent(parent.schema)}.${quoteIdent(parent.name)})`,
          );
          names.push(quoteIdent(c.name));
          values.push(`(SELECT a[1 + (g - 1) % cardinality(a)] FROM ${alias})`);
          continue;
        }
        if (!c.notnull) continue;
        impossible = `${c.name} references a table without rows`;
        break;
      }
      if (c.default !== null && !c.volatileDefault && !c.identity) continue;
      const v = valueFor(c);
      if (v === undefined) {
        if (c.notnull && c.default === null && !c.identity) {
          impossible = `no sample value for type ${c.type}`;
          break;
        }
        continue;
      }
      names.push(quoteIdent(c.name));
      values.push(v);
    }
    if (impossible) {
      problems.push(`${t.schema}.${t.name}: ${impossible}`);
      continue;
    }
    const overriding = cols.some((c) => c.identity === 'a' && names.includes(quoteIdent(c.name)))
      ? ' OVERRIDING SYSTEM VALUE'
      : '';
    const sql =
      (ctes.length ? `WITH ${ctes.join(', ')} ` : '') +
      `INSERT INTO ${rel} (${names.join(', ')})${overriding} SELECT ${values.join(', ')} FROM generate_series(1, ${rows}) AS g ON CONFLICT DO NOTHING`;
    try {
      // rows the history inserted keep their keys: a seeded row that collides with one is skipped
      await sh.exec(names.length ? sql : `INSERT INTO ${rel} SELECT FROM generate_series(1, ${rows})`);
      seeded.add(t.oid);
      // sequences behind serial / identity columns continue after the seeded values
      for (const c of cols) {
        if (!names.includes(quoteIdent(c.name))) continue;
        await sh
          .exec(
            `SELECT setval(s, (SELECT max(${quoteIdent(c.name)}) FROM ${rel})) FROM pg_get_serial_sequence(${quoteLiteral(rel)}, ${quoteLiteral(c.name)}) AS s WHERE s IS NOT NULL`,
          )
          .catch(() => {});
      }
    } catch (err) {
      problems.push(`${t.schema}.${t.name}: ${errorText(err)}`);
    }
  }
  return problems;
}

// ───────────────────────────── snapshots ─────────────────────────────

export type SchemaSnapshot = Map<string, string>;

/** The catalog as `key → definition` lines, e.g. `column public.t.c` → `text NOT NULL DEFAULT …`. */
export async function snapshotSchema(sh: Shadow): Promise<SchemaSnapshot> {
  const out: SchemaSnapshot = new Map();
  const rels = await sh.query<{ key: string; kind: string; def: string | null }>(
    `SELECT n.nspname || '.' || c.relname AS key, c.relkind AS kind,
            CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS def
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${userSchemas}`,
  );
  const kinds: Record<string, string> = {
    r: 'table',
    p: 'partitioned table',
    v: 'view',
    m: 'materialized view',
    S: 'sequence',
    f: 'foreign table',
  };
  for (const r of rels)
    out.set(`relation ${r.key}`, `${kinds[r.kind] ?? r.kind}${r.def ? `: ${r.def.replace(/\s+/g, ' ').trim()}` : ''}`);
  const cols = await sh.query<{ rel: string; name: string; def: string; num: number }>(
    `SELECT n.nspname || '.' || c.relname AS rel, a.attname AS name, a.attnum AS num,
            format_type(a.atttypid, a.atttypmod)
            || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
            || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
            || CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END
            || CASE WHEN a.attgenerated <> '' THEN ' GENERATED' ELSE '' END
            || CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation THEN ' COLLATE ' || (SELECT collname FROM pg_collation WHERE oid = a.attcollation) ELSE '' END AS def
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type ty ON ty.oid = a.atttypid
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped AND ${userSchemas}
      ORDER BY 1, a.attnum`,
  );
  const order = new Map<string, string[]>();
  for (const c of cols) {
    out.set(`column ${c.rel}.${c.name}`, c.def);
    order.set(c.rel, [...(order.get(c.rel) ?? []), c.name]);
  }
  for (const [rel, names] of order) out.set(`column order ${rel}`, names.join(', '));
  const idx = await sh.query<{ key: string; def: string }>(
    `SELECT n.nspname || '.' || c.relname AS key, pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN '' ELSE ' (INVALID)' END AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${userSchemas}`,
  );
  for (const i of idx) out.set(`index ${i.key}`, i.def);
  const cons = await sh.query<{ key: string; def: string }>(
    `SELECT n.nspname || '.' || c.relname || '.' || k.conname AS key,
            pg_get_constraintdef(k.oid) || CASE WHEN k.convalidated THEN '' ELSE ' (NOT VALIDATED)' END AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${userSchemas}`,
  );
  for (const k of cons) out.set(`constraint ${k.key}`, k.def);
  const trg = await sh.query<{ key: string; def: string }>(
    `SELECT n.nspname || '.' || c.relname || '.' || t.tgname AS key, pg_get_triggerdef(t.oid) AS def
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND ${userSchemas}`,
  );
  for (const t of trg) out.set(`trigger ${t.key}`, t.def);
  const fns = await sh.query<{ key: string; def: string }>(
    `SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS key, md5(p.prosrc) AS def
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
      WHERE d.objid IS NULL AND ${userSchemas}`,
  );
  for (const f of fns) out.set(`function ${f.key}`, f.def);
  const types = await sh.query<{ key: string; def: string }>(
    `SELECT n.nspname || '.' || t.typname AS key, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS def
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE ${userSchemas} GROUP BY 1`,
  );
  for (const t of types) out.set(`enum ${t.key}`, t.def);
  return out;
}

/** Rows of every user table, keyed by primary key (or by the whole row when there is none). */
export type DataSnapshot = Map<string, Map<string, Record<string, unknown>>>;

export async function snapshotData(sh: Shadow): Promise<DataSnapshot> {
  const out: DataSnapshot = new Map();
  const tables = await sh.query<{ schema: string; name: string; pk: string[] | null }>(
    `SELECT n.nspname AS schema, c.relname AS name,
            (SELECT ARRAY(SELECT a.attname::text FROM unnest(i.indkey) k(n) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.n)
               FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userSchemas}`,
  );
  for (const t of tables) {
    const rows = await sh.query<{ r: Record<string, unknown> }>(
      `SELECT to_jsonb(x) AS r FROM ${quoteIdent(t.schema)}.${quoteIdent(t.name)} AS x`,
    );
    const m = new Map<string, Record<string, unknown>>();
    const seen = new Map<string, number>();
    for (const { r } of rows) {
      const row = typeof r === 'string' ? JSON.parse(r) : r;
      let key = t.pk?.length ? JSON.stringify(t.pk.map((c) => row[c])) : JSON.stringify(row);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n > 1) key += `#${n}`;
      m.set(key, row);
    }
    out.set(`${t.schema}.${t.name}`, m);
  }
  return out;
}

/** Columns (`schema.table.column`) whose values differ between two runs of the same migration. */
function volatileColumns(a: DataSnapshot, b: DataSnapshot): Set<string> {
  const out = new Set<string>();
  for (const [table, rowsA] of a) {
    const rowsB = b.get(table);
    if (!rowsB) continue;
    for (const [key, ra] of rowsA) {
      const rb = rowsB.get(key);
      if (!rb) continue;
      for (const col of Object.keys(ra))
        if (JSON.stringify(ra[col]) !== JSON.stringify(rb[col])) out.add(`${table}.${col}`);
    }
    // rows that exist in one run only (a volatile key): compare nothing of them
    if (rowsA.size !== rowsB.size || [...rowsA.keys()].some((k) => !rowsB.has(k))) out.add(`${table}.*`);
  }
  return out;
}

function compareData(orig: DataSnapshot, plan: DataSnapshot, skip: Set<string>): string[] {
  const diffs: string[] = [];
  for (const [table, rowsO] of orig) {
    const rowsP = plan.get(table);
    if (!rowsP || skip.has(`${table}.*`)) continue;
    if (rowsO.size !== rowsP.size) {
      diffs.push(`data ${table}: ${rowsO.size} rows after the original, ${rowsP.size} after the plan`);
      continue;
    }
    let shown = 0;
    let count = 0;
    for (const [key, ro] of rowsO) {
      const rp = rowsP.get(key);
      if (!rp) {
        count++;
        if (shown++ < 3) diffs.push(`data ${table}: row ${key} missing after the plan`);
        continue;
      }
      for (const col of Object.keys(ro)) {
        if (skip.has(`${table}.${col}`) || !(col in rp)) continue;
        if (JSON.stringify(ro[col]) !== JSON.stringify(rp[col])) {
          count++;
          if (shown++ < 3)
            diffs.push(
              `data ${table}.${col} for key ${key}: original ${JSON.stringify(ro[col])}, plan ${JSON.stringify(rp[col])}`,
            );
        }
      }
    }
    if (count > 3) diffs.push(`data ${table}: ${count - 3} more differences`);
  }
  return diffs;
}

// ───────────────────────────── traced execution ─────────────────────────────

interface TableStat {
  name: string;
  filenode: string;
  seq: number;
}

const BLOCKING = new Set(
  Object.entries(LOCKS)
    .filter(([, v]) => v.blocksWrites)
    .map(([k]) => k),
);

/** Runs statements while watching locks, rewrites and scans of the tables that have rows. */
class Tracer {
  violations: string[] = [];
  spans: LockSpan[] = [];
  private inTx = false;
  private aelSince = new Map<string, number>();
  /** time spent running the migration's own statements (not the tracing queries), in ms */
  private clock = 0;
  private phase = 0;

  constructor(
    private readonly sh: Shadow,
    /** oid → `schema.table` of the tables that had rows at the start */
    private readonly busy: Map<string, string>,
  ) {}

  /** false when table scans cannot be observed (statistics collection off and not ours to turn on) */
  scansVisible = true;

  static async start(sh: Shadow): Promise<Tracer> {
    // scans are counted in pg_stat_xact_user_tables only with track_counts on (a fast shadow may turn it off)
    await sh.exec('SET track_counts = on').catch(() => {});
    const [tc] = await sh.query<{ track_counts: string }>('SHOW track_counts').catch(() => [{ track_counts: 'off' }]);
    const rows = await sh.query<{ oid: string; name: string }>(
      `SELECT c.oid::int8::text AS oid, n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND ${userSchemas}`,
    );
    const busy = new Map<string, string>();
    for (const r of rows) {
      const [{ has }] = (await sh.query<{ has: boolean }>(
        `SELECT EXISTS (SELECT FROM ${r.name.split('.').map(quoteIdent).join('.')}) AS has`,
      )) as [{ has: boolean }];
      if (has) busy.set(r.oid, r.name);
    }
    const tracer = new Tracer(sh, busy);
    tracer.scansVisible = tc?.track_counts === 'on';
    return tracer;
  }

  private async stats(): Promise<Map<string, TableStat>> {
    const rows = await this.sh.query<{ oid: string; filenode: string; seq: string | number | null }>(
      `SELECT c.oid::int8::text AS oid, c.relfilenode::int8::text AS filenode, s.seq_scan AS seq
         FROM pg_class c LEFT JOIN pg_stat_xact_user_tables s ON s.relid = c.oid WHERE c.oid = ANY ($1::int8[]::oid[])`,
      [[...this.busy.keys()]],
    );
    return new Map(
      rows.map((r) => [r.oid, { name: this.busy.get(r.oid)!, filenode: r.filenode, seq: Number(r.seq ?? 0) }]),
    );
  }

  private async locks(): Promise<Map<string, string[]>> {
    const rows = await this.sh.query<{ oid: string; mode: string }>(
      `SELECT relation::int8::text AS oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation = ANY ($1::int8[]::oid[])`,
      [[...this.busy.keys()]],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.oid, [...(out.get(r.oid) ?? []), r.mode]);
    return out;
  }

  setPhase(n: number): void {
    this.phase = n;
  }

  async begin(): Promise<void> {
    await this.sh.exec('BEGIN');
    this.inTx = true;
  }

  private async timed(sql: string): Promise<number> {
    const t0 = performance.now();
    try {
      await this.sh.exec(sql);
    } finally {
      this.clock += performance.now() - t0;
    }
    return t0;
  }

  async commit(rollback = false): Promise<void> {
    await this.timed(rollback ? 'ROLLBACK' : 'COMMIT');
    const end = this.clock;
    for (const [oid, since] of this.aelSince) {
      this.spans.push({
        phase: this.phase,
        table: this.busy.get(oid)!,
        mode: 'AccessExclusiveLock',
        ms: Math.max(0, Math.round((end - since) * 10) / 10),
      });
    }
    this.aelSince.clear();
    this.inTx = false;
  }

  get inTransaction(): boolean {
    return this.inTx;
  }

  /** Runs one statement; inside a transaction it is traced. Throws the statement's error. */
  async run(sql: string, label: string): Promise<void> {
    if (!this.inTx) {
      const before = await this.stats();
      await this.sh.exec(sql);
      const after = await this.stats();
      for (const [oid, b] of before) {
        if (after.get(oid)?.filenode !== b.filenode)
          this.violations.push(`${label} rewrote ${b.name} outside a transaction`);
      }
      return;
    }
    const before = await this.stats();
    const t0 = this.clock;
    await this.timed(sql);
    const after = await this.stats();
    const locks = await this.locks();
    for (const [oid, b] of before) {
      const a = after.get(oid);
      if (!a) continue;
      const modes = locks.get(oid) ?? [];
      if (modes.includes('AccessExclusiveLock') && !this.aelSince.has(oid)) this.aelSince.set(oid, t0);
      const blocking = modes.filter((m) => BLOCKING.has(m));
      if (!blocking.length) continue;
      const strongest = blocking.includes('AccessExclusiveLock')
        ? 'AccessExclusiveLock'
        : blocking[blocking.length - 1]!;
      const what = a.filenode !== b.filenode ? 'rewrote' : a.seq > b.seq ? 'scanned' : '';
      if (what)
        this.violations.push(
          `${label} ${what} ${b.name} while holding ${strongest} on it (${LOCKS[strongest as keyof typeof LOCKS]?.blocksReads ? 'reads and writes wait' : 'writes wait'})`,
        );
    }
  }
}

function statementsOf(sql: string): { text: string; kind: string; ast: any }[] {
  return parseSql(sql).map((s) => ({ text: s.text, kind: s.kind, ast: s.ast }));
}

const mayCommitInside = (kind: string) => kind === 'DoStmt' || kind === 'CallStmt';

/** Runs the original migration the way its tool would: explicit BEGIN/COMMIT as written, else one statement at a time (or one transaction when the tool wraps the file). */
async function runOriginal(sh: Shadow, m: Migration, tracer: Tracer, notRun: Set<string>): Promise<string | null> {
  const parsed = parseMigration(m);
  if (parsed.error) return `cannot parse: ${parsed.error.message}`;
  const wrapped = m.transaction === 'wrapped';
  tracer.setPhase(0);
  try {
    if (wrapped) await tracer.begin();
    for (const s of parsed.statements) {
      const label = `line ${s.span.line} (${shorten(s.text, 60)})`;
      // reaches outside the throwaway database: never run (the plan's run skips it too)
      const refused = refusedOnShadow(s, sh.kind);
      if (refused) {
        notRun.add(`${m.path}:${s.span.line}: ${refused}`);
        continue;
      }
      if (s.kind === 'TransactionStmt') {
        const k = s.ast.kind as string;
        if (k === 'TRANS_STMT_BEGIN' || k === 'TRANS_STMT_START') {
          if (!tracer.inTransaction) await tracer.begin();
        } else if (k === 'TRANS_STMT_COMMIT') {
          if (tracer.inTransaction) await tracer.commit();
        } else if (k === 'TRANS_STMT_ROLLBACK') {
          if (tracer.inTransaction) await tracer.commit(true);
        } else await sh.exec(s.text);
        continue;
      }
      const alone = mustRunAlone(s) || mayCommitInside(s.kind);
      if (!tracer.inTransaction && !alone) {
        await tracer.begin();
        await tracer.run(s.text, label);
        await tracer.commit();
      } else await tracer.run(s.text, label);
    }
    if (tracer.inTransaction) await tracer.commit();
    return null;
  } catch (err) {
    if (tracer.inTransaction) await tracer.commit(true).catch(() => {});
    return errorText(err);
  }
}

/** Runs the plan phase by phase; returns the failing phase, if any. */
async function runPlan(
  sh: Shadow,
  plan: StagedPlan,
  tracer: Tracer,
  notRun: Set<string>,
): Promise<{ phase: number; message: string } | undefined> {
  for (let i = 0; i < plan.phases.length; i++) {
    const p = plan.phases[i]!;
    tracer.setPhase(i + 1);
    try {
      const stmts = statementsOf(p.sql);
      // statements that reach outside the throwaway database are never run (nor in the original's runs)
      const runnable = stmts.filter((s) => {
        const refused = refusedOnShadow(s, sh.kind);
        if (refused) notRun.add(`phase ${i + 1} (${p.name}): ${refused}`);
        return !refused;
      });
      if (p.transactional) {
        await tracer.begin();
        for (const s of runnable) await tracer.run(s.text, `phase ${i + 1} (${p.name}): ${shorten(s.text, 60)}`);
        await tracer.commit();
      } else if (runnable.length === stmts.length) {
        await tracer.run(p.sql, `phase ${i + 1} (${p.name})`);
      } else {
        for (const s of runnable) await tracer.run(s.text, `phase ${i + 1} (${p.name}): ${shorten(s.text, 60)}`);
      }
    } catch (err) {
      if (tracer.inTransaction) await tracer.commit(true).catch(() => {});
      return { phase: i + 1, message: errorText(err) };
    }
  }
  return undefined;
}

function engineName(sh: Shadow): string {
  const [kind, version] = sh.engine.split(' ');
  const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  return `${name} ${version ?? sh.serverVersion}`;
}

function diffSchemas(orig: SchemaSnapshot, plan: SchemaSnapshot): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const [k, v] of orig) {
    const p = plan.get(k);
    if (p === undefined) out.push({ key: k, text: `${k}: missing after the plan (original: ${v})` });
    else if (p !== v) out.push({ key: k, text: `${k}: original ${v}; plan ${p}` });
  }
  for (const [k, v] of plan) if (!orig.has(k)) out.push({ key: k, text: `${k}: only after the plan (${v})` });
  return out;
}

/**
 * Proves a plan: `history` are the migrations before the planned one (applied as
 * written), then the original and the plan run on fresh shadows from the same start.
 */
export async function verifyPlan(
  plan: StagedPlan,
  history: Migration[],
  opts: VerifyOptions = {},
): Promise<Verification> {
  await loadParser();
  const rows = opts.seedRows ?? DEFAULT_SEED_ROWS;
  const sources = [...history.map((m) => m.source), plan.migration.source];
  const v: Verification = {
    engine: '',
    schemaEqual: false,
    dataEqual: null,
    locksSafe: false,
    longestAccessExclusiveMs: 0,
    differences: [],
    nondeterministic: [],
    expected: [],
    originalViolations: [],
    originalLongestAccessExclusiveMs: 0,
    caveats: [],
    seedRows: rows,
    originalError: null,
    locks: [],
  };
  const notRun = new Set<string>();
  // on PGlite, the replayed and seeded start is saved once and booted from for the next runs
  const states = new Map<boolean, { tar: Buffer; failures: string[]; seedProblems: string[] }>();
  const start = async (withRows: boolean): Promise<{ sh: Shadow; failures: string[]; seedProblems: string[] }> => {
    const saved = states.get(withRows);
    if (saved) {
      const sh = await PgliteShadow.open({
        extensions: extensionsIn(sources),
        dataDir: saved.tar,
        ...(opts.shadowTimeoutMs !== undefined ? { timeoutMs: opts.shadowTimeoutMs } : {}),
      });
      if (sh.boot === 'cache') return { sh, failures: saved.failures, seedProblems: saved.seedProblems };
      await sh.close();
    }
    const sh = await openShadow(opts, sources);
    try {
      const failures = await replay(sh, history);
      checkStopped(sh, 'the history');
      const seedProblems = withRows
        ? await seed(sh, rows).catch((err) => (checkStopped(sh, 'seeding'), Promise.reject(err)))
        : [];
      checkStopped(sh, 'seeding');
      if (sh instanceof PgliteShadow) states.set(withRows, { tar: await sh.dumpDataDir(), failures, seedProblems });
      return { sh, failures, seedProblems };
    } catch (err) {
      await sh.close();
      throw err;
    }
  };
  const runOrig = async (withRows: boolean) => {
    const { sh, failures, seedProblems } = await start(withRows);
    try {
      const tracer = await Tracer.start(sh);
      const error = await runOriginal(sh, plan.migration, tracer, notRun).catch((err) => {
        checkStopped(sh, 'the original migration');
        throw err;
      });
      checkStopped(sh, 'the original migration');
      return {
        error,
        failures,
        seedProblems,
        tracer,
        engine: engineName(sh),
        schema: error ? undefined : await snapshotSchema(sh),
        data: error ? undefined : await snapshotData(sh),
      };
    } finally {
      await sh.close();
    }
  };
  try {
    const a = await runOrig(true);
    v.engine = a.engine;
    if (a.failures.length)
      v.differences.push(`history: ${a.failures.length} statement(s) failed on the shadow, e.g. ${a.failures[0]}`);
    v.originalError = a.error;
    v.originalViolations = a.tracer.violations;
    v.originalLongestAccessExclusiveMs = Math.max(0, ...a.tracer.spans.map((s) => s.ms));
    let origSchema = a.schema;
    let origData = a.data;
    let skip = new Set<string>();
    if (a.error) {
      // the original cannot run on a table with rows (e.g. NOT NULL without a default): compare the schema it gives on empty tables
      const empty = await runOrig(false);
      origSchema = empty.schema;
      origData = undefined;
      if (empty.error)
        throw new Error(`the original migration fails on the shadow even with empty tables: ${empty.error}`);
    } else {
      const b = await runOrig(true);
      if (b.error) throw new Error(`the original migration failed on its second run: ${b.error}`);
      skip = volatileColumns(a.data!, b.data!);
      v.nondeterministic = [...skip].sort();
    }

    const runPlanOn = async (withRows: boolean) => {
      const { sh, seedProblems } = await start(withRows);
      try {
        const tracer = await Tracer.start(sh);
        const err = await runPlan(sh, plan, tracer, notRun).catch((e) => {
          checkStopped(sh, 'the staged plan');
          throw e;
        });
        checkStopped(sh, 'the staged plan');
        return { err, tracer, seedProblems, schema: await snapshotSchema(sh), data: await snapshotData(sh) };
      } finally {
        await sh.close();
      }
    };
    let run = await runPlanOn(true);
    if (a.error && run.err && !plan.phases[run.err.phase - 1]?.todo) {
      // the seeded rows do not fit this migration at all (the original fails on them too): compare on empty tables
      const empty = await runPlanOn(false);
      if (!empty.err) {
        run = empty;
        v.emptyTables = true;
      }
    }
    if (run.err) v.planError = run.err;
    for (const n of notRun)
      v.caveats.push(`not run on the shadow, because it reaches outside the throwaway database: ${n}`);
    v.locks = run.tracer.spans;
    v.longestAccessExclusiveMs = Math.max(0, ...run.tracer.spans.map((s) => s.ms));
    v.locksSafe = !run.tracer.violations.length;
    if (!run.tracer.scansVisible)
      v.caveats.push(
        'table scans were not observable (track_counts is off and the shadow role may not turn it on): only rewrites were checked',
      );
    v.differences.push(...run.tracer.violations.map((x) => `locks: ${x}`));
    const planSchema = run.schema;
    const planData = run.data;
    const seedProblems = v.emptyTables ? [] : run.seedProblems;
    if (seedProblems.length) v.differences.push(`seed: could not fill ${seedProblems.join('; ')}`);
    if (v.planError) {
      v.differences.unshift(`phase ${v.planError.phase} failed: ${v.planError.message}`);
      v.locksSafe = false;
      return v;
    }
    const schemaDiffs = diffSchemas(origSchema!, planSchema);
    const unexpected = schemaDiffs.filter((d) => !plan.expectedDifferences.some((e) => e.keys.includes(d.key)));
    for (const e of plan.expectedDifferences)
      if (schemaDiffs.some((d) => e.keys.includes(d.key))) v.expected.push(e.why);
    v.schemaEqual = unexpected.length === 0;
    v.differences.push(...unexpected.map((d) => `schema ${d.text}`));
    if (origData) {
      const dataDiffs = compareData(origData, planData, skip);
      v.dataEqual = dataDiffs.length === 0;
      v.differences.push(...dataDiffs);
    }
    return v;
  } catch (err) {
    v.error = errorText(err);
    return v;
  }
}

/** True when the plan is proven: the proof ran, the same schema, the same data where comparable, safe locks. */
export function isProven(v: Verification | undefined): boolean {
  return !!v && !v.error && !v.planError && v.schemaEqual && v.dataEqual !== false && v.locksSafe;
}
