/**
 * Engine parity: replaying a project's full history must give the same set of
 * succeeding and failing files on the embedded PGlite as on a real PostgreSQL.
 * Used by scripts/corpus-parity.mjs (all of shared/corpus/postgres) and by the
 * gated test (a few projects).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { discover, naturalCompare } from '../../../discover/index.js';
import type { Migration } from '../../../model.js';
import { extensionsIn } from './extensions.js';
import { openShadow } from './open.js';
import { replayHistory, type ReplayFailure } from '../../../shadow/replay.js';

export interface CorpusProject {
  name: string;
  migrations: Migration[];
}

/**
 * The corpus's projects with their files in the order each project applies
 * them (corpus README): a plain name sort, except ente and flipt whose numbers
 * are not zero-padded (natural sort). supabase/storage keeps one sequence per
 * name prefix, each for a different database: each becomes its own project.
 */
export async function corpusProjects(corpusDir: string, only?: string[]): Promise<CorpusProject[]> {
  const out: CorpusProject[] = [];
  const dirs = readdirSync(corpusDir)
    .filter((d) => statSync(path.join(corpusDir, d)).isDirectory())
    .filter((d) => !only || only.some((o) => d.includes(o)))
    .sort();
  for (const dir of dirs) {
    const abs = path.join(corpusDir, dir);
    const found = await discover([abs], { cwd: corpusDir });
    const natural = /ente-io|flipt-io/.test(dir);
    const sorted = [...found].sort((a, b) => {
      const x = path.basename(a.absPath);
      const y = path.basename(b.absPath);
      return natural ? naturalCompare(x, y) : x < y ? -1 : x > y ? 1 : 0;
    });
    for (const m of sorted) m.review = false;
    if (dir === 'supabase__storage') {
      const groups = new Map<string, Migration[]>();
      for (const m of sorted) {
        const prefix = path.basename(m.absPath).split('__')[0]!;
        groups.set(prefix, [...(groups.get(prefix) ?? []), m]);
      }
      for (const [prefix, ms] of groups) out.push({ name: `${dir}/${prefix}`, migrations: ms });
    } else out.push({ name: dir, migrations: sorted });
  }
  return out;
}

export interface EngineRun {
  engine: string;
  failures: ReplayFailure[];
  limits: string[];
  ms: number;
}

export interface Difference {
  path: string;
  /** the engine where the file failed (the other ran it) */
  failsOn: string;
  failure: ReplayFailure;
  /** the named engine limit that explains it, or undefined when none does */
  explanation?: string;
}

export interface ParityResult {
  project: string;
  files: number;
  runs: EngineRun[];
  /** failing on every engine */
  bothFail: string[];
  differences: Difference[];
}

export async function replayOn(migrations: Migration[], url?: string): Promise<EngineRun> {
  const t0 = performance.now();
  const shadow = await openShadow({ url, extensions: extensionsIn(migrations.map((m) => m.source)) });
  try {
    const r = await replayHistory(shadow, migrations);
    return {
      engine: shadow.engine,
      failures: r.failures,
      limits: r.limits.map((l) => l.message),
      ms: Math.round(performance.now() - t0),
    };
  } finally {
    await shadow.close();
  }
}

/**
 * Named engine limits that explain a file failing on one engine only: an
 * unavailable extension, or a feature of a newer PostgreSQL major version
 * (PGlite is PostgreSQL 18; a server may be older): new syntax (42601), a new
 * built-in function (42883), a newly allowed form (0A000, 22023).
 */
export function explain(f: ReplayFailure, failsOn: string, other: string): string | undefined {
  if (f.limit) return `engine limit: ${f.limit}`;
  if (f.consequenceOf) return `engine limit: follows from ${f.consequenceOf}`;
  const major = (e: string) => Number(/\s(\d+)/.exec(e)?.[1] ?? 0);
  if (major(failsOn) < major(other) && ['42601', '42883', '0A000', '22023'].includes(f.code)) {
    return `version difference: ${failsOn} lacks a feature of ${other} (${f.code} ${f.message})`;
  }
  return undefined;
}

export async function compareEngines(project: CorpusProject, urls: (string | undefined)[]): Promise<ParityResult> {
  const runs: EngineRun[] = [];
  for (const url of urls) runs.push(await replayOn(project.migrations, url));
  const failing = runs.map((r) => new Map(r.failures.map((f) => [f.path, f])));
  const all = new Set(failing.flatMap((m) => [...m.keys()]));
  const bothFail: string[] = [];
  const differences: Difference[] = [];
  // in the order the project applies its files: a file that fails on one engine only
  // leaves that engine's schema behind, and later files that need it fail there too
  const order = new Map(project.migrations.map((m, i) => [m.path, i]));
  const cause: (Difference | undefined)[] = runs.map(() => undefined);
  for (const p of [...all].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
    const on = failing.map((m) => m.get(p));
    if (on.every(Boolean)) {
      bothFail.push(p);
      continue;
    }
    on.forEach((f, i) => {
      if (!f) return;
      const other = runs.find((_, j) => j !== i)!.engine;
      const d: Difference = { path: p, failsOn: runs[i]!.engine, failure: f };
      const why = explain(f, runs[i]!.engine, other);
      if (why) {
        d.explanation = why;
        cause[i] ??= d;
      } else if (cause[i]) {
        d.explanation = `follows from ${cause[i]!.path} (${cause[i]!.explanation})`;
      }
      differences.push(d);
    });
  }
  return { project: project.name, files: project.migrations.length, runs, bothFail, differences };
}
