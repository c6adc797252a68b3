/**
 * Auto-discovery: where does this repository keep its migrations? Used by
 * `zerodown lint` without paths and by the GitHub Action when `paths` is empty.
 * It looks for the well-known layouts of every supported tool below `cwd`
 * (monorepos included), skipping dependencies, build output and test fixtures.
 */
import path from 'node:path';
import { detectFramework } from './frameworks.js';
import { type FileWalk, globUnstamped, list, marker, walkFiles } from './fsutil.js';

export interface MigrationRoot {
  /** path relative to cwd with `/` separators ('.' for cwd itself) */
  path: string;
  absPath: string;
  /** the tool detected for this directory */
  framework: string;
}

export const AUTO_IGNORE = [
  '**/node_modules/**',
  '**/.git/**',
  '**/vendor/**',
  '**/dist/**',
  '**/build/**',
  '**/target/**',
  '**/.next/**',
  '**/coverage/**',
  '**/testdata/**',
  '**/fixtures/**',
  '**/__fixtures__/**',
];

/** the files that mark a migration root (see `rootOf`), as glob patterns */
export const AUTO_PATTERNS = [
  '**/migration_lock.toml',
  '**/meta/_journal.json',
  '**/sqitch.plan',
  '**/*.sql',
  '**/*changelog*.{xml,yaml,yml,json}',
];

export function autoGlobOptions(base: string) {
  return { cwd: base, absolute: true, onlyFiles: true, ignore: AUTO_IGNORE, deep: 8 };
}

const AUTO_IGNORE_DIRS: ReadonlySet<string> = new Set(AUTO_IGNORE.map((g) => g.slice(3, -3)));
/** `*changelog*.{xml,yaml,yml,json}` (case matters, as in the glob) */
const CHANGELOG = /changelog.*\.(xml|yaml|yml|json)$/;

/** AUTO_PATTERNS with autoGlobOptions, as a walk (`walkFiles`) */
export function autoWalk(base: string): FileWalk {
  return {
    maxDepth: 8,
    skipDirs: AUTO_IGNORE_DIRS,
    want: (name, dir) =>
      name === 'migration_lock.toml' ||
      name === 'sqitch.plan' ||
      name.endsWith('.sql') ||
      (name === '_journal.json' && dir !== base && path.basename(dir) === 'meta') ||
      CHANGELOG.test(name),
  };
}

const FOLDERS = new Set(['migrations', 'migration', 'migrate', 'changelog']);

/**
 * The migration root a matched file marks, or undefined. One glob pass feeds
 * these rules (several passes cost a tenth of a second on a large repository).
 */
function rootOf(file: string): string | undefined {
  const name = path.basename(file);
  const dir = path.dirname(file);
  const parent = path.basename(dir);
  const grand = path.dirname(dir);
  if (name === 'migration_lock.toml') return dir; // Prisma
  if (name === '_journal.json') return parent === 'meta' ? grand : undefined; // Drizzle Kit
  if (name === 'sqitch.plan') return dir; // Sqitch
  if (!name.endsWith('.sql')) return undefined;
  if (parent === 'migrations' && path.basename(grand) === 'supabase') return dir; // Supabase CLI
  if ((name === 'up.sql' || name === 'migration.sql') && path.basename(grand) === 'migrations') return grand; // Diesel, Prisma, Drizzle Kit 1.x
  if (/^V\d[^_]*__.+\.sql$/.test(name)) return dir; // Flyway
  if (FOLDERS.has(parent)) return dir; // goose, dbmate, golang-migrate, sqlx, plain, Liquibase
  if (FOLDERS.has(path.basename(grand))) return grand; // one level of sub-folders
  return undefined;
}

/** Finds the migration directories below `cwd`, outermost first, sorted by path. */
export async function autoDiscover(cwd: string): Promise<MigrationRoot[]> {
  const base = path.resolve(cwd);
  const roots = new Set<string>();
  // one walk through the discovery memo (the folders it lists are not listed again by what follows); the glob
  // finds the same files (test/discover/walk.test.ts), and answers where the walk meets a symbolic link
  const matches = walkFiles(base, autoWalk(base)) ?? (await globUnstamped(AUTO_PATTERNS, autoGlobOptions(base)));
  for (const m of matches) {
    if (/changelog.*\.(xml|ya?ml|json)$/i.test(path.basename(m))) {
      // Liquibase outside a conventional folder: a formatted-SQL file next to a master changelog
      const dir = path.dirname(m);
      if (list(dir).some((f) => f.endsWith('.sql') && marker(path.join(dir, f), 'liquibase-header'))) roots.add(dir);
      continue;
    }
    const root = rootOf(m);
    if (root && (root === base || root.startsWith(base + path.sep))) roots.add(path.resolve(root));
  }
  // an inner directory of a root belongs to it (Flyway scans recursively, Prisma/Diesel folders are migrations)
  const sorted = [...roots].sort();
  const outer = sorted.filter((r) => !sorted.some((o) => o !== r && r.startsWith(o + path.sep)));
  return outer.map((abs) => {
    const rel = path.relative(base, abs).split(path.sep).join('/') || '.';
    return { path: rel, absPath: abs, framework: detectFramework(abs).name };
  });
}
