/**
 * Seeding: sample rows in every existing table, generated from the column
 * types, so that scans, validations, rewrites and backfills act on real data
 * (and `SET NOT NULL` on a column holding NULLs fails, as in production).
 *
 * - parents before children (foreign keys point at real parent rows);
 * - NOT NULL respected; nullable columns without a default get some NULLs;
 * - unique keys: values derive from the row number; the rare collision with rows
 *   the migrations inserted is retried with ON CONFLICT DO NOTHING (only then:
 *   a speculative insert costs about 15% more per row);
 * - CHECK constraints: when one fails, its nullable columns become NULL and its
 *   NOT NULL columns cycle through the literals it mentions (`status IN (…)`,
 *   `rating BETWEEN 1 AND 5`), then the insert is retried; when that is not enough,
 *   a probe finds which combinations of the CHECK columns pass, and rows cycle
 *   through those (see `CheckFilter`, `Combos`).
 * A table that still cannot be seeded is reported, never fatal.
 *
 * One seeder for the dry run and the plan proof. The proof's policy (`policy: { kind: 'proof' }`)
 * differs in three ways, because the proof runs the original twice and the plan once on separate
 * shadows that must start with exactly the same rows: no NULL in a nullable column unless a CHECK
 * needs one (the original's SET NOT NULL must not fail on seeded NULLs); columns whose default
 * differs from run to run (nextval, random, now, …) get values derived from the row number, their
 * sequences moved past them; and parent keys and CHECK combinations are taken in a fixed order.
 *
 * The modules, one job each: seed-schema.ts reads the tables to fill, seed-scope.ts narrows them to
 * what the migrations under review touch (the dry run), seed-order.ts puts parents
 * first, seed-values.ts chooses values by type, seed-insert.ts builds the INSERT, seed-checks.ts
 * answers CHECK failures, seed-triggers.ts keeps triggers off while writing, seed-policy.ts holds
 * what the proof's policy adds. This module runs them, table by table, and counts the rows.
 */
import { isShadowStop, toSqlError } from '../../../shadow/driver.js';
import type { ProbeTarget, SeedFailure, SeedOptions, SeedPolicy, SeedResult } from '../../../shadow/probes.js';
import { checkFilter, simpleCheckFix } from './seed-checks.js';
import { planInsert, type CheckFilter } from './seed-insert.js';
import { order } from './seed-order.js';
import { continueSequences, isProofPolicy } from './seed-policy.js';
import { loadTables, ql, rel, type Tbl } from './seed-schema.js';
import { scopeTables } from './seed-scope.js';
import { pauseTriggers, resumeTriggers } from './seed-triggers.js';

export type { SeedFailure, SeedOptions, SeedPolicy, SeedResult };

export async function seed(shadow: ProbeTarget, opts: SeedOptions = {}): Promise<SeedResult> {
  const t0 = performance.now();
  const n = opts.rows ?? 1000;
  const proof = isProofPolicy(opts);
  const result: SeedResult = { tables: 0, rows: new Map(), failures: [], durationMs: 0 };
  const tables = await loadTables(shadow);
  const names = opts.tables ? new Set(opts.tables.map((x) => (x.startsWith('public.') ? x.slice(7) : x))) : undefined;
  const scoped = opts.scope ? await scopeTables(shadow, tables, opts.scope) : undefined;
  const only =
    names || scoped
      ? new Set(
          [...tables.values()]
            .filter((t) => (!names || names.has(t.display)) && (!scoped || scoped.has(t.oid)))
            .map((t) => t.display),
        )
      : undefined;
  if (scoped) result.of = tables.size;
  const paused = await pauseTriggers(shadow);
  const filtered = new Set<string>();
  const todo = order(tables).filter((t) => !only || only.has(t.display));
  try {
    for (const t of todo) {
      opts.onProgress?.(result.tables, todo.length, t.display);
      result.tables++;
      if (n <= 0) continue;
      const nulls = new Set<number>();
      const literals = new Map<number, string[]>();
      const tried = new Set<string>();
      let filter: CheckFilter | undefined;
      let onConflict = false;
      for (let attempt = 0; attempt < 8; attempt++) {
        const plan = planInsert(t, tables, n, nulls, literals, filter, onConflict, proof);
        if (!plan) {
          result.failures.push({ table: t.display, code: '0A000', message: 'no generator for a NOT NULL column type' });
          break;
        }
        try {
          await shadow.exec(plan.sql);
          if (filter) filtered.add(t.display);
          if (proof) await continueSequences(shadow, t, plan.cols);
          break;
        } catch (err) {
          if (isShadowStop(err)) throw err; // overran the time bound: the engine is gone
          const e = toSqlError(err);
          if ((e.code === '23505' || e.code === '23P01') && !onConflict) {
            // a generated key collides with a row the migrations inserted: skip those rows
            onConflict = true;
            continue;
          }
          const name = /constraint "([^"]+)"/.exec(e.message)?.[1];
          const check = e.code === '23514' && name ? t.checks.find((c) => c.name === name) : undefined;
          if (check && tried.has(check.name) && !filter && t.checks.length) {
            // the simple fixes were not enough: filter random candidates through every CHECK
            nulls.clear();
            literals.clear();
            filter = await checkFilter(shadow, t, tables, n, proof, literals);
            continue;
          }
          if (check && !tried.has(check.name)) {
            tried.add(check.name);
            simpleCheckFix(t, check, nulls, literals);
            continue;
          }
          result.failures.push({ table: t.display, code: e.code, message: e.message });
          break;
        }
      }
    }
  } finally {
    await resumeTriggers(shadow, paused);
  }
  const list = [...tables.values()].filter((t) => !only || only.has(t.display));
  await countRows(shadow, list, result);
  // a table left empty without an error: say why
  if (n > 0) {
    for (const t of list) {
      if (result.rows.get(t.display) !== 0 || result.failures.some((f) => f.table === t.display)) continue;
      result.failures.push(
        filtered.has(t.display)
          ? { table: t.display, code: '23514', message: 'no generated row satisfies its CHECK constraints' }
          : { table: t.display, code: '02000', message: 'no rows: a NOT NULL foreign key points at an empty table' },
      );
    }
  }
  result.durationMs = Math.round(performance.now() - t0);
  return result;
}

/** Row counts into `result.rows`, in one round trip per 200 tables. */
async function countRows(shadow: ProbeTarget, list: Tbl[], result: SeedResult): Promise<void> {
  for (let i = 0; i < list.length; i += 200) {
    const chunk = list.slice(i, i + 200);
    if (!chunk.length) break;
    const rows = await shadow.query<{ t: string; n: number }>(
      chunk.map((t) => `SELECT ${ql(t.display)} AS t, count(*)::int8 AS n FROM ${rel(t)}`).join(' UNION ALL '),
    );
    for (const r of rows) result.rows.set(r.t, Number(r.n));
  }
}
