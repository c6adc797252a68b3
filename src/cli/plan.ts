/**
 * `zerodown plan [paths...]`: discover → lint (which statements are unsafe) →
 * plan (safe staged phases) → prove each plan on the shadow database → print,
 * and optionally write the phases as migration files (`--out DIR`).
 *
 * Exit codes: 0 every plan is proven (or nothing needs one); 1 a plan failed
 * its proof, needs an edit (TODO), or could not be made, or a finding that no
 * plan handles reaches --fail-on (the same policy as lint); 2 usage, config or
 * I/O error. With --no-verify, plans are printed as unverified and only
 * --fail-on decides.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { loadConfig, type FailOn } from '../config.js';
import { detectDialect, discover } from '../discover/index.js';
import { layoutPhases, type PhaseFile } from '../discover/layout.js';
import { list } from '../discover/fsutil.js';
import type { Migration } from '../model.js';
import type { StagedPlan } from '../plan/types.js';
import { formatPlans, type PlanFormat } from '../report/plan-format.js';
import { proofState } from '../report/plan-summary.js';
import { timeoutMsOf } from '../shadow/driver.js';
import { defaultCacheDir } from '../shadow/cache.js';
import { shadowOptions, useColor, warnIgnored } from './lint.js';
import { UsageError } from '../errors.js';
import { withShadowCleanup } from '../pipeline/signals.js';
import {
  discoveryOptions,
  lintOptionsOf,
  lintStage,
  loadParserBaseline,
  planSettingsOf,
  planStage,
  prepareEmbeddedShadow,
  proveStage,
  resolveSettings,
} from '../pipeline/index.js';
import { visible } from '../report/visible.js';
import { batchSizeUnderLimit, estimatePlans } from '../estimate/plan.js';
import { formatDuration } from '../estimate/model.js';
import { runStats, type StatsOptions } from './stats.js';

export interface PlanCliOptions extends StatsOptions {
  format: PlanFormat;
  out?: string;
  force?: boolean;
  /** exit 1 when a finding no plan handles reaches this level (as in lint; default error) */
  failOn?: FailOn;
  shadowUrl?: string;
  /** `--allow-superuser-shadow` (src/shadow/postgres.ts) */
  allowSuperuserShadow?: boolean;
  /** commander's `--no-verify` */
  verify?: boolean;
  pgVersion?: number;
  config?: string;
  framework?: string;
  /** `--dialect`: the SQL dialect of the migrations */
  dialect?: string;
  /** `--mysql-version`: the MySQL/MariaDB target version, as written */
  mysqlVersion?: string;
  history?: boolean;
  assumeInTransaction?: boolean;
  seedRows?: number;
  color?: boolean;
  /** `--shadow-timeout` seconds */
  shadowTimeout?: number;
  /** commander's `--no-cache`: the proof neither boots from nor saves a shadow state */
  cache?: boolean;
}

/** `20261101090000_add_plan_code.sql` → `add_plan_code`; `…/20240101_init/migration.sql` → `init`. */
export function baseNameOf(m: Migration): string {
  let stem = path
    .basename(m.path)
    .replace(/\.sql$/i, '')
    .replace(/\.(up|down)$/i, '');
  if (/^(migration|up|deploy)$/i.test(stem)) stem = path.basename(path.dirname(m.path));
  stem = stem.replace(/^V[\d._]+__/, '').replace(/^[\d_.-]+(?=[A-Za-z])/, '');
  return `${stem || 'migration'}_safe`;
}

/** A file-name-safe form of a name from the repository (no separators, no `..`). */
const slug = (s: string) =>
  s
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase() || 'migration';

/** Plain numbered files, for a tool the layout module does not know. */
function plainLayout(dir: string, rawBase: string, plans: StagedPlan['phases'], taken: string[]): PhaseFile[] {
  const base = slug(rawBase);
  const nums = taken.map((n) => /^(\d+)_/.exec(n)?.[1]).filter((v): v is string => !!v);
  const width = Math.max(4, ...nums.map((n) => n.length));
  let next = nums.reduce((m, n) => (BigInt(n) > m ? BigInt(n) : m), 0n) + 1n;
  return plans.map((p, i) => ({
    path: path.join(dir, `${String(next++).padStart(width, '0')}_${base}_${p.name}.sql`),
    content: `-- zerodown phase ${i + 1}/${plans.length}: ${p.name} (${p.transactional ? 'runs in one transaction' : 'must run outside a transaction'})\n${p.transactional ? `BEGIN;\n${p.sql}\nCOMMIT;\n` : `${p.sql}\n`}`,
  }));
}

const PHASE_HEADER = /^-- zerodown phase \d+\/\d+: /m;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Files an earlier `plan --out` wrote into `dir` for the migration whose phases are
 * named `base`: in every layout, a file or folder named `[version_]<base>[_<phase>[_n]]`
 * (Liquibase with dashes), in a group where at least one file carries zerodown's phase header.
 */
export function earlierPhaseFiles(dir: string, base: string): string[] {
  if (!existsSync(dir)) return [];
  const token = slug(base);
  const names = [token, token.replace(/_/g, '-')].map(escapeRe).join('|');
  const re = new RegExp(
    `^(?:\\d[\\d_.-]*[_-]|V[\\d._]+__)?(?:${names})(?:[_-](?:expand|backfill|validate|index|contract)(?:[_-]\\d+)?)?(?=\\.|$)`,
  );
  const groups = new Map<string, { files: string[]; ours: boolean }>();
  let entries: string[];
  try {
    entries = (readdirSync(dir, { recursive: true }) as string[]).map((e) => e.split(path.sep).join('/'));
  } catch {
    return [];
  }
  for (const rel of entries) {
    if (/(^|\/)(node_modules|\.git)(\/|$)/.test(rel)) continue;
    const segs = rel.split('/');
    const at = segs.findIndex((s) => re.test(s));
    if (at < 0) continue;
    const abs = path.join(dir, rel);
    let text = '';
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      continue; // a folder
    }
    // the group: the matching folder, or the file's stem (x.sql, x.sql.conf, x.up.sql and x.down.sql together)
    const key = at < segs.length - 1 ? segs.slice(0, at + 1).join('/') : segs[at]!.replace(/\..*$/, '');
    const g = groups.get(key) ?? { files: [], ours: false };
    g.files.push(abs);
    if (PHASE_HEADER.test(text)) g.ours = true;
    groups.set(key, g);
  }
  return [...groups.values()].filter((g) => g.ours).flatMap((g) => g.files);
}

/** The contents of an index file (Drizzle journal, sqitch.plan, Liquibase master) without the entries of `stale` files. */
function withoutStale(file: string, stale: string[]): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const stems = stale.map((f) => path.basename(f).replace(/\..*$/, ''));
  if (file.endsWith('_journal.json')) {
    try {
      const j = JSON.parse(text) as { entries?: { tag: string; idx: number }[] };
      j.entries = (j.entries ?? []).filter((e) => !stems.includes(e.tag)).map((e, idx) => ({ ...e, idx }));
      return `${JSON.stringify(j, null, 2)}\n`;
    } catch {
      return text;
    }
  }
  const names = stale.map((f) => path.basename(f));
  return text
    .split('\n')
    .filter((l) => !stems.some((s) => l.startsWith(`${s} `)) && !names.some((n) => l.includes(n)))
    .join('\n');
}

/**
 * The files for `--out DIR`, in the layout of each plan's migration tool
 * (`layoutPhases` of src/discover/layout.ts; plain numbered files otherwise).
 * `stale`: files an earlier run wrote for the same migrations (see earlierPhaseFiles);
 * the new layout is computed as if they were gone, so --force replaces them instead
 * of adding a second copy after them.
 */
export function phaseFiles(plans: StagedPlan[], dir: string, now?: Date, stale: string[] = []): PhaseFile[] {
  const files: PhaseFile[] = [];
  // entries that are stale themselves, or folders holding nothing else
  const gone = (n: string) => {
    const abs = path.join(dir, n);
    if (stale.includes(abs)) return true;
    const inside = stale.filter((f) => f.startsWith(`${abs}${path.sep}`));
    if (!inside.length) return false;
    try {
      return (
        (readdirSync(abs, { recursive: true, withFileTypes: true }) as { isFile(): boolean }[]).filter((d) =>
          d.isFile(),
        ).length === inside.length
      );
    } catch {
      return false;
    }
  };
  const existing = list(dir).filter((n) => !gone(n));
  for (const plan of plans) {
    const taken = [...existing, ...files.map((f) => path.relative(dir, f.path).split(/[\\/]/)[0]!)];
    const phases = plan.phases.map((p) => ({ name: p.name, transactional: p.transactional, sql: p.sql }));
    let out: PhaseFile[];
    try {
      out = layoutPhases(
        plan.migration.framework,
        {
          dir,
          baseName: baseNameOf(plan.migration),
          existing: taken,
          ...(now ? { now } : {}),
          ...(stale.length ? { read: (f: string) => withoutStale(f, stale) } : {}),
        },
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
 * Writes the files all-or-nothing: refuses (writing nothing) when a target exists, or
 * an earlier run's phases for the same migration (`stale`) are there, and `force` is
 * off; writes every file to a temporary name first, then removes the stale files and
 * renames. With `dir`, refuses any path outside it.
 */
export function writePhaseFiles(files: PhaseFile[], force: boolean, stale: string[] = [], dir?: string): void {
  if (dir) {
    const root = path.resolve(dir);
    const outside = files.filter((f) => {
      const rel = path.relative(root, path.resolve(f.path));
      return rel === '' || rel.startsWith('..') || path.isAbsolute(rel);
    });
    if (outside.length)
      throw new UsageError(`--out: refusing to write outside ${dir}: ${outside.map((f) => f.path).join(', ')}`);
  }
  const targets = new Set(files.map((f) => path.resolve(f.path)));
  const clash = [
    ...files.filter((f) => !f.replaces && existsSync(f.path)).map((f) => f.path),
    ...stale.filter((f) => !targets.has(path.resolve(f))),
  ];
  if (clash.length && !force) {
    throw new UsageError(
      `--out: ${clash.map((f) => path.relative(process.cwd(), f) || f).join(', ')} already exist${clash.length === 1 ? 's' : ''}; nothing written (use --force to overwrite)`,
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
  for (const f of stale) {
    if (targets.has(path.resolve(f))) continue;
    rmSync(f, { force: true });
    // an emptied per-migration folder (Prisma, Diesel, Drizzle 1.x) goes too
    const folder = path.dirname(f);
    if (dir && path.resolve(folder) !== path.resolve(dir)) {
      try {
        rmdirSync(folder);
      } catch {
        /* not empty */
      }
    }
  }
  for (const t of temps) renameSync(t.tmp, t.final);
}

export async function planCommand(paths: string[], opts: PlanCliOptions): Promise<number> {
  if (opts.verify === false)
    warnIgnored(
      shadowOptions(opts),
      'with --no-verify: the plans are not run on a shadow database (drop --no-verify to prove them there)',
    );
  const cwd = process.cwd();
  const { config } = await loadConfig(cwd, opts.config);
  const inputs = paths.length ? paths : (config.paths ?? []);
  if (!inputs.length) {
    throw new UsageError(
      'no migrations given: pass files or directories (e.g. `zerodown plan db/migrations/0042_add_column.sql`), or set `paths` in zerodown.config.json',
    );
  }
  // no --dialect and no config `dialect`: the migrations' own evidence (Prisma provider, names, SQL), else postgres
  const detected =
    opts.dialect || config.dialect ? undefined : await detectDialect(paths.length ? paths : (config.paths ?? []), cwd);
  const settings = resolveSettings({ ...opts, ...(detected ? { detected } : {}) }, config);
  // the parser compiles while the stats and the migrations are read
  loadParserBaseline(settings.dialect).catch(() => {});
  const stats = await runStats(opts, cwd);
  if (stats) {
    // each backfill batch holds its row locks under maxLockSeconds: a configured size that would not is lowered
    const sized = batchSizeUnderLimit(settings.plan.batchSize, settings.estimates, settings.dialect.id);
    if (sized.lowered !== undefined) {
      settings.plan = { ...settings.plan, batchSize: sized.batchSize };
      process.stderr.write(
        `zerodown: backfill batches of ${sized.lowered} rows would hold their row locks ${formatDuration((sized.lowered * sized.usPerRow) / 1e6)} (estimate), longer than estimates.maxLockSeconds (${settings.estimates.maxLockSeconds} s): planned in batches of ${sized.batchSize}\n`,
      );
    }
  }
  const migrations = await discover(inputs, discoveryOptions(opts, config, settings, cwd));
  const shadowUrl = opts.shadowUrl ?? config.dryRun?.shadowUrl;
  // the proof's embedded engine compiles while the lint runs
  if (opts.verify !== false) await prepareEmbeddedShadow(settings, shadowUrl, migrations);
  // parsed once: the planner and the proof get the lint stage's files
  // one walk: the planner reads the catalog the lint engine replays, and answers its findings
  const lint = await lintStage(migrations, {
    ...lintOptionsOf(settings),
    keepParsed: true,
    plan: planSettingsOf(settings),
  });
  const result = await planStage(migrations, lint, settings);
  // --stats: each backfill's batches and time at the production size
  if (stats) estimatePlans(result, lint.result, stats.stats, settings.estimates, settings.plan.batchSize);
  if (opts.verify !== false) {
    const seedRows = opts.seedRows ?? config.dryRun?.seedRows;
    const shadowTimeoutMs = timeoutMsOf(opts.shadowTimeout ?? config.dryRun?.shadowTimeout);
    // the replayed and seeded start of an earlier proof on the same history (embedded engine only)
    const cacheDir = opts.cache !== false ? defaultCacheDir(cwd) : undefined;
    // Ctrl-C / SIGTERM during a proof: the running statement is stopped, its shadows closed, exit 130
    await withShadowCleanup(async () => {
      for (const plan of result.plans) {
        plan.verified = await proveStage(
          plan,
          migrations,
          settings,
          {
            ...(shadowUrl ? { shadowUrl } : {}),
            ...(opts.allowSuperuserShadow ? { allowSuperuserShadow: true } : {}),
            ...(seedRows !== undefined ? { seedRows } : {}),
            ...(cacheDir ? { cacheDir } : {}),
            shadowTimeoutMs,
          },
          lint.parsed,
        );
      }
    });
  }
  const color = useColor(opts.color, process.stdout);
  if (opts.out) {
    const dir = path.resolve(cwd, opts.out);
    // a plan whose proof failed is shown, never written; a TODO plan is written (it stops until edited)
    const writable = result.plans.filter((p) => ['proven', 'needs-edit', 'unverified'].includes(proofState(p)));
    const stale = writable.flatMap((p) => earlierPhaseFiles(dir, baseNameOf(p.migration)));
    const files = phaseFiles(writable, dir, undefined, stale);
    writePhaseFiles(files, !!opts.force, stale, dir);
    for (const p of result.plans.filter((x) => !writable.includes(x)))
      process.stderr.write(`zerodown: not written: the plan for ${visible(p.path)} failed its proof\n`);
    if (files.length) {
      const shown = visible(path.relative(cwd, dir) || '.');
      process.stderr.write(
        `zerodown: wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${shown}${stale.length ? ` (replacing ${stale.length} from an earlier run)` : ''}\n`,
      );
      for (const p of writable)
        process.stderr.write(
          `zerodown: the phases replace ${visible(p.path)}: delete it (or move it out of the migrations), or the unsafe original runs too\n`,
        );
    }
  }
  process.stdout.write(formatPlans(result, opts.format, color));
  const failOn = settings.failOn;
  const reaches = result.unhandled.filter(
    (u) => failOn !== 'never' && (u.severity === 'error' || (failOn === 'warning' && u.severity === 'warning')),
  );
  if (result.failed.length || reaches.length) return 1;
  if (opts.verify === false) return 0;
  return result.plans.every((p) => proofState(p) === 'proven') ? 0 : 1;
}
