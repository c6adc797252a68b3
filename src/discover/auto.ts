/**
 * Auto-discovery: where does this repository keep its migrations? Used by
 * `zerodown lint` without paths and by the GitHub Action when `paths` is empty.
 * It looks for the well-known layouts of every supported tool below `cwd`
 * (monorepos included), skipping dependencies, build output and test fixtures.
 */
import path from 'node:path';
import { glob } from 'tinyglobby';
import { detectFramework } from './frameworks.js';
import { list, readText } from './fsutil.js';
import { LIQUIBASE_HEADER } from './tools/liquibase.js';

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

/** Markers of a migration root: a glob and how to get the root directory from a match. */
const MARKERS: { pattern: string; root: (match: string) => string }[] = [
  { pattern: '**/migration_lock.toml', root: (m) => path.dirname(m) }, // Prisma
  { pattern: '**/meta/_journal.json', root: (m) => path.dirname(path.dirname(m)) }, // Drizzle Kit
  { pattern: '**/sqitch.plan', root: (m) => path.dirname(m) }, // Sqitch
  { pattern: '**/supabase/migrations/*.sql', root: (m) => path.dirname(m) }, // Supabase CLI
  { pattern: '**/migrations/*/up.sql', root: (m) => path.dirname(path.dirname(m)) }, // Diesel
  { pattern: '**/migrations/*/migration.sql', root: (m) => path.dirname(path.dirname(m)) }, // Prisma, Drizzle Kit 1.x
  { pattern: '**/V[0-9]*__*.sql', root: (m) => path.dirname(m) }, // Flyway
  { pattern: '**/{migrations,migration,migrate,changelog}/*.sql', root: (m) => path.dirname(m) }, // goose, dbmate, golang-migrate, sqlx, plain, Liquibase
  { pattern: '**/{migrations,migration,migrate,changelog}/*/*.sql', root: (m) => path.dirname(path.dirname(m)) }, // one level of sub-folders
];

/** Finds the migration directories below `cwd`, outermost first, sorted by path. */
export async function autoDiscover(cwd: string): Promise<MigrationRoot[]> {
  const base = path.resolve(cwd);
  const roots = new Set<string>();
  await Promise.all(
    MARKERS.map(async ({ pattern, root }) => {
      const matches = await glob(pattern, { cwd: base, absolute: true, onlyFiles: true, ignore: AUTO_IGNORE, deep: 8, dot: false });
      for (const m of matches) roots.add(path.resolve(root(m)));
    }),
  );
  // Liquibase changelogs outside a conventional folder: a formatted-SQL file next to a master changelog
  const masters = await glob('**/*changelog*.{xml,yaml,yml,json}', { cwd: base, absolute: true, ignore: AUTO_IGNORE, deep: 8 });
  for (const m of masters) {
    const dir = path.dirname(m);
    if (list(dir).some((f) => f.endsWith('.sql') && LIQUIBASE_HEADER.test(readText(path.join(dir, f))?.slice(0, 200) ?? ''))) roots.add(dir);
  }
  // an inner directory of a root belongs to it (Flyway scans recursively, Prisma/Diesel folders are migrations)
  const sorted = [...roots].sort();
  const outer = sorted.filter((r) => !sorted.some((o) => o !== r && r.startsWith(o + path.sep)));
  return outer.map((abs) => {
    const rel = path.relative(base, abs).split(path.sep).join('/') || '.';
    return { path: rel, absPath: abs, framework: detectFramework(abs).name };
  });
}
