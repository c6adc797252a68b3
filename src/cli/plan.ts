/**
 * `zerodown plan [paths...]`: discover → lint (which statements are unsafe) →
 * plan (safe staged phases) → prove each plan on the shadow database → print,
 * and optionally write the phases as migration files (`--out DIR`).
 *
 * Exit codes: 0 every plan is proven (or nothing needs one); 1 a plan failed
 * its proof, needs an edit (TODO), or could not be made; 2 usage, config or I/O
 * error. With --no-verify, plans are printed as unverified and the exit code is 0.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, ruleSettings } from '../config.js';
import { discover } from '../discover/index.js';
import { layoutPhases, type PhaseFile } from '../discover/layout.js';
import { list } from '../discover/fsutil.js';
import { lintMigrations } from '../engine/lint.js';
import type { Migration } from '../model.js';
import { planMigrations, type PlanResult } from '../plan/planner.js';
import type { StagedPlan } from '../plan/types.js';
import { verifyPlan } from '../plan/verify.js';
import { formatPlanJson } from '../report/plan-json.js';
import { formatPlanMarkdown } from '../report/plan-markdown.js';
import { formatPlanSql } from '../report/plan-sql.js';
import { proofState } from '../report/plan-summary.js';
import { formatPlanText } from '../report/plan-text.js';
import { useColor } from './lint.js';
import { UsageError } from './main.js';

export type PlanFormat = 'text' | 'sql' | 'markdown' | 'json';

export interface PlanCliOptions {
  format: PlanFormat;
  out?: string;
  force?: boolean;
  shadowUrl?: string;
  /** `--allow-superuser-shadow` (src/shadow/postgres.ts) */
  allowSuperuserShadow?: boolean;
  /** commander's `--no-verify` */
  verify?: boolean;
  pgVersion?: number;
  config?: string;
  framework?: string;
  history?: boolean;
  assumeInTransaction?: boolean;
  seedRows?: number;
  color?: boolean;
}

export function formatPlans(result: PlanResult, format: PlanFormat, color: boolean): string {
  switch (format) {
    case 'json':
      return formatPlanJson(result);
    case 'sql':
      return formatPlanSql(result.plans);
    case 'markdown':
      return formatPlanMarkdown(result);
    case 'text':
      return formatPlanText(result, { color });
    default:
      throw new UsageError(`unknown format "${format as string}" (use text, sql, markdown or json)`);
  }
}

/** `20261101090000_add_plan_code.sql` → `add_plan_code`; `…/20240101_init/migration.sql` → `init`. */
export function baseNameOf(m: Migration): string {
  let stem = path
    .basename(m.path)
    .replace(/\.sql$/i, '')
    .replace(/\.(up|down)$/i, '');
  if (/^(migration|up|deploy)$/i.test(stem)) stem = path.basename(path.dirname(m.path));
  stem = stem.replace(/^V[\d._]+__/, '').replace(/^[\d_.\-]+(?=[A-Za-z])/, '');
  return `${stem || 'migration'}_safe`;
}

/** Plain numbered files, for a tool the layout module does not know. */
function plainLayout(dir: string, base: string, plans: StagedPlan['phases'], taken: string[]): PhaseFile[] {
  const nums = taken.map((n) => /^(\d+)_/.exec(n)?.[1]).filter((v): v is string => !!v);
  const width = Math.max(4, ...nums.map((n) => n.length));
  let next = nums.reduce((m, n) => (BigInt(n) > m ? BigInt(n) : m), 0n) + 1n;
  return plans.map((p, i) => ({
    path: path.join(dir, `${String(next++).padStart(width, '0')}_${base}_${p.name}.sql`),
    content: `-- zerodown phase ${i + 1}/${plans.length}: ${p.name} (${p.transactional ? 'runs in one transaction' : 'must run outside a transaction'})\n${p.transactional ? `BEGIN;\n${p.sql}\nCOMMIT;\n` : `${p.sql}\n`}`,
  }));
}

/**
 * The files for `--out DIR`, in the layout of each plan's migration tool
 * (`layoutPhases` of src/discover/layout.ts; plain numbered files otherwise).
 */
export function phaseFiles(plans: StagedPlan[], dir: string, now?: Date): PhaseFile[] {
  const files: PhaseFile[] = [];
  const existing = list(dir);
  for (const plan of plans) {
    const taken = [...existing, ...files.map((f) => path.relative(dir, f.path).split(/[\\/]/)[0]!)];
    const phases = plan.phases.map((p) => ({ name: p.name, transactional: p.transactional, sql: p.sql }));
    let out: PhaseFile[];
    try {
      out = layoutPhases(
        plan.migration.framework,
        { dir, baseName: baseNameOf(plan.migration), existing: taken, ...(now ? { now } : {}) },
        phases,
      );
    } catch {
      out = plainLayout(dir, baseNameOf(plan.migration), plan.phases, taken);
    }
    // a later plan's journal/plan update replaces an earlier one's
    for (const f of out) {
      const i = files.findIndex((x) => x.path === f.path && x.replaces && f.replaces);
      if (i >= 0) files.splice(i, 1);
      files.push(f);
    }
  }
  return files;
}

/**
 * Writes the files all-or-nothing: refuses (writing nothing) when a target exists
 * and `force` is off; writes every file to a temporary name first, then renames.
 */
export function writePhaseFiles(files: PhaseFile[], force: boolean): void {
  const clash = files.filter((f) => !f.replaces && existsSync(f.path));
  if (clash.length && !force) {
    throw new UsageError(
      `--out: ${clash.map((f) => f.path).join(', ')} already exist${clash.length === 1 ? 's' : ''}; nothing written (use --force to overwrite)`,
    );
  }
  const temps: { tmp: string; final: string }[] = [];
  try {
    for (const f of files) {
      mkdirSync(path.dirname(f.path), { recursive: true });
      const tmp = `${f.path}.zerodown-${process.pid}.tmp`;
      writeFileSync(tmp, f.content);
      temps.push({ tmp, final: f.path });
    }
  } catch (err) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw new UsageError(`--out: cannot write ${(err as Error).message}; nothing written`);
  }
  for (const t of temps) renameSync(t.tmp, t.final);
}

export async function planCommand(paths: string[], opts: PlanCliOptions): Promise<number> {
  const cwd = process.cwd();
  const { config } = loadConfig(cwd, opts.config);
  const inputs = paths.length ? paths : (config.paths ?? []);
  if (!inputs.length) {
    throw new UsageError(
      'no migrations given: pass files or directories (e.g. `zerodown plan db/migrations/0042_add_column.sql`), or set `paths` in zerodown.config.json',
    );
  }
  const pgVersion = opts.pgVersion ?? config.pgVersion;
  const migrations = await discover(inputs, {
    cwd,
    framework: opts.framework ?? config.framework,
    history: opts.history !== false,
    ...(pgVersion ? { pgVersion } : {}),
  });
  const assumeInTransaction = opts.assumeInTransaction ?? config.assumeInTransaction;
  const lint = await lintMigrations(migrations, { pgVersion, assumeInTransaction, ...ruleSettings(config) });
  const findings = lint.files.flatMap((f) => f.findings);
  const result = await planMigrations(migrations, {
    ...(pgVersion ? { pgVersion } : {}),
    ...(config.plan?.lockTimeout ? { lockTimeout: config.plan.lockTimeout } : {}),
    ...(config.plan?.statementTimeout ? { statementTimeout: config.plan.statementTimeout } : {}),
    ...(config.plan?.batchSize ? { batchSize: config.plan.batchSize } : {}),
    ...(config.plan?.backfill ? { backfill: config.plan.backfill } : {}),
    ...(assumeInTransaction ? { assumeInTransaction } : {}),
    findings,
  });
  if (opts.verify !== false) {
    const shadowUrl = opts.shadowUrl ?? config.dryRun?.shadowUrl;
    const seedRows = opts.seedRows ?? config.dryRun?.seedRows;
    for (const plan of result.plans) {
      const at = migrations.indexOf(plan.migration);
      plan.verified = await verifyPlan(plan, migrations.slice(0, at), {
        ...(shadowUrl ? { shadowUrl } : {}),
        ...(opts.allowSuperuserShadow ? { allowSuperuserShadow: true } : {}),
        ...(seedRows !== undefined ? { seedRows } : {}),
      });
    }
  }
  const color = useColor(opts.color, process.stdout);
  if (opts.out) {
    const dir = path.resolve(cwd, opts.out);
    // a plan whose proof failed is shown, never written; a TODO plan is written (it stops until edited)
    const writable = result.plans.filter((p) => ['proven', 'needs-edit', 'unverified'].includes(proofState(p)));
    const files = phaseFiles(writable, dir);
    writePhaseFiles(files, !!opts.force);
    for (const p of result.plans.filter((x) => !writable.includes(x)))
      process.stderr.write(`zerodown: not written: the plan for ${p.path} failed its proof\n`);
    if (files.length)
      process.stderr.write(
        `zerodown: wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${path.relative(cwd, dir) || '.'}\n`,
      );
  }
  process.stdout.write(formatPlans(result, opts.format, color));
  if (result.failed.length) return 1;
  if (opts.verify === false) return 0;
  return result.plans.every((p) => proofState(p) === 'proven') ? 0 : 1;
}
