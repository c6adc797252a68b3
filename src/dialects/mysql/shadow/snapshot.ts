/**
 * Schema and data snapshots of a MySQL/MariaDB shadow, for the plan proof (src/plan/verify.ts):
 * the original and the plan run on separate shadows from the same start and must end with the
 * same `key → definition` lines (read from information_schema) and the same rows.
 */
import type { DataSnapshot, ProbeTarget, SchemaSnapshot } from '../../../shadow/probes.js';
import { quoteMyIdent } from './util.js';

/** Tables, columns (in order), indexes, foreign keys, checks, triggers and views of the throwaway database. */
export async function snapshotSchema(sh: ProbeTarget): Promise<SchemaSnapshot> {
  const out: SchemaSnapshot = new Map();
  const rels = await sh.query<{ t: string; type: string; engine: string | null; rf: string | null; coll: string | null }>(
    `SELECT TABLE_NAME AS t, TABLE_TYPE AS type, ENGINE AS engine, ROW_FORMAT AS rf, TABLE_COLLATION AS coll
       FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'zd\\_probe\\_%'`,
  );
  for (const r of rels)
    out.set(
      `relation ${r.t}`,
      r.type === 'BASE TABLE' ? `table ENGINE=${r.engine} ROW_FORMAT=${r.rf} COLLATE=${r.coll}` : r.type.toLowerCase(),
    );
  const cols = await sh.query<Record<string, string | null>>(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLUMN_TYPE AS ct, IS_NULLABLE AS n, COLUMN_DEFAULT AS d, EXTRA AS x,
            CHARACTER_SET_NAME AS cs, COLLATION_NAME AS co, GENERATION_EXPRESSION AS g
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'zd\\_probe\\_%'
      ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  );
  const order = new Map<string, string[]>();
  for (const c of cols) {
    const def = [
      c.ct,
      c.cs ? `CHARACTER SET ${c.cs} COLLATE ${c.co}` : '',
      c.n === 'NO' ? 'NOT NULL' : 'NULL',
      c.d !== null ? `DEFAULT ${c.d}` : '',
      c.x ? c.x.toUpperCase() : '',
      c.g ? `AS (${c.g})` : '',
    ]
      .filter(Boolean)
      .join(' ');
    out.set(`column ${c.t}.${c.c}`, def);
    order.set(c.t!, [...(order.get(c.t!) ?? []), c.c!]);
  }
  for (const [t, names] of order) out.set(`column order ${t}`, names.join(', '));
  const idx = await sh.query<{ t: string; i: string; nu: number | string; c: string | null; sub: number | null; type: string; expr?: string | null }>(
    `SELECT TABLE_NAME AS t, INDEX_NAME AS i, NON_UNIQUE AS nu, COLUMN_NAME AS c, SUB_PART AS sub, INDEX_TYPE AS type
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'zd\\_probe\\_%'
      ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
  );
  const indexes = new Map<string, string>();
  for (const r of idx) {
    const key = `index ${r.t}.${r.i}`;
    const part = `${r.c ?? '(expression)'}${r.sub ? `(${r.sub})` : ''}`;
    const prev = indexes.get(key);
    indexes.set(key, prev ? prev.replace(/\)$/, `, ${part})`) : `${Number(r.nu) ? '' : 'UNIQUE '}${r.type} (${part})`);
  }
  for (const [k, v] of indexes) out.set(k, v);
  const fks = await sh.query<{ t: string; n: string; c: string; rt: string; rc: string; u: string; d: string }>(
    `SELECT k.TABLE_NAME AS t, k.CONSTRAINT_NAME AS n, k.COLUMN_NAME AS c, k.REFERENCED_TABLE_NAME AS rt,
            k.REFERENCED_COLUMN_NAME AS rc, r.UPDATE_RULE AS u, r.DELETE_RULE AS d
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
  );
  const fk = new Map<string, { c: string[]; rt: string; rc: string[]; u: string; d: string }>();
  for (const r of fks) {
    const key = `constraint ${r.t}.${r.n}`;
    const e = fk.get(key) ?? { c: [], rt: r.rt, rc: [], u: r.u, d: r.d };
    e.c.push(r.c);
    e.rc.push(r.rc);
    fk.set(key, e);
  }
  for (const [k, e] of fk)
    out.set(k, `FOREIGN KEY (${e.c.join(', ')}) REFERENCES ${e.rt} (${e.rc.join(', ')}) ON UPDATE ${e.u} ON DELETE ${e.d}`);
  try {
    const checks = await sh.query<{ t: string; n: string; c: string }>(
      `SELECT tc.TABLE_NAME AS t, cc.CONSTRAINT_NAME AS n, cc.CHECK_CLAUSE AS c
         FROM information_schema.CHECK_CONSTRAINTS cc
         JOIN information_schema.TABLE_CONSTRAINTS tc
           ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND tc.CONSTRAINT_TYPE = 'CHECK'
        WHERE cc.CONSTRAINT_SCHEMA = DATABASE()`,
    );
    for (const c of checks) out.set(`constraint ${c.t}.${c.n}`, `CHECK (${c.c})`);
  } catch {
    // MySQL before 8.0.16 has no CHECK_CONSTRAINTS: checks were not enforced there either
  }
  const trg = await sh.query<{ n: string; t: string; timing: string; ev: string; body: string }>(
    `SELECT TRIGGER_NAME AS n, EVENT_OBJECT_TABLE AS t, ACTION_TIMING AS timing, EVENT_MANIPULATION AS ev, ACTION_STATEMENT AS body
       FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()`,
  );
  for (const r of trg) out.set(`trigger ${r.t}.${r.n}`, `${r.timing} ${r.ev}: ${r.body.replace(/\s+/g, ' ').trim()}`);
  const views = await sh.query<{ n: string; def: string }>(
    `SELECT TABLE_NAME AS n, VIEW_DEFINITION AS def FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()`,
  );
  for (const v of views) out.set(`relation ${v.n}`, `view: ${v.def.replace(/\s+/g, ' ').trim()}`);
  return out;
}

/** Rows of every base table, keyed by primary key (or by the whole row when there is none). */
export async function snapshotData(sh: ProbeTarget): Promise<DataSnapshot> {
  const out: DataSnapshot = new Map();
  const tables = await sh.query<{ t: string }>(
    `SELECT TABLE_NAME AS t FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME NOT LIKE 'zd\\_probe\\_%' ORDER BY 1`,
  );
  for (const { t } of tables) {
    const pk = (
      await sh.query<{ c: string }>(
        `SELECT COLUMN_NAME AS c FROM information_schema.STATISTICS
          WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX`,
        [t],
      )
    ).map((r) => r.c);
    const rows = await sh.query<Record<string, unknown>>(`SELECT * FROM ${quoteMyIdent(t)}`);
    const m = new Map<string, Record<string, unknown>>();
    for (const r of rows) {
      const key = JSON.stringify(pk.length ? pk.map((c) => r[c]) : r, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
      m.set(key, r);
    }
    out.set(t, m);
  }
  return out;
}
