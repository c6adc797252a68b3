/**
 * Which SQL dialect the migrations are written in, when neither `--dialect` nor the config says.
 * Conservative: PostgreSQL (the default) unless the evidence points one way only.
 *
 * 1. Prisma's `migration_lock.toml` names the provider (`provider = "mysql"`; Prisma uses the
 *    same provider for MariaDB).
 * 2. Names: a `mysql` / `mariadb` folder (`migrations/mysql`), or files named `*.mysql.up.sql`
 *    when no file is named for PostgreSQL in the same place (ory's popx keeps one file per
 *    dialect side by side).
 * 3. The SQL itself: backtick identifiers, `ENGINE=`, `AUTO_INCREMENT` in some file and nothing
 *    PostgreSQL-only (`SERIAL`, `::type`, `$$`, `JSONB`, `CREATE EXTENSION`) in any.
 */
import path from 'node:path';
import { autoDiscover } from './auto.js';
import { findUp, globUnstamped, isDir, isFile, list, marker, readText } from './fsutil.js';

export interface DetectedDialect {
  dialect: 'mysql' | 'mariadb' | 'postgres';
  /** why, for "dialect: MySQL 8.0 (detected: Prisma provider)" */
  reason: string;
}

/** most .sql files whose text is read */
const MAX_FILES = 40;

function sqlFilesUnder(dir: string, out: string[], depth = 0): void {
  if (out.length >= 400 || depth > 3) return;
  // through fsutil: within a discovery memo (\`withFsMemo\`, as \`zerodown lint\` runs detection and discovery) the
  // folders listed here are not listed again, and their entries' types answer "is it a folder" without a stat
  const names = list(dir).sort();
  for (const n of names) {
    if (n === 'node_modules' || n.startsWith('.')) continue;
    const p = path.join(dir, n);
    if (n.endsWith('.sql')) out.push(p);
    else if (depth < 3 && !n.includes('.') && isDir(p)) sqlFilesUnder(p, out, depth + 1);
  }
}

/** the .sql files (and directories) the inputs name; with no inputs, the auto-discovered migration roots */
async function filesOf(inputs: readonly string[], cwd: string): Promise<{ files: string[]; dirs: string[] }> {
  const files: string[] = [];
  const dirs: string[] = [];
  const roots = inputs.length
    ? inputs.map((i) => path.resolve(cwd, i))
    : (await autoDiscover(cwd)).map((r) => r.absPath);
  for (const r of roots) {
    if (isDir(r)) {
      dirs.push(r);
      sqlFilesUnder(r, files);
    } else if (isFile(r)) {
      dirs.push(path.dirname(r));
      files.push(r);
    } else if (/[*?[{]/.test(r)) {
      for (const f of await globUnstamped(path.relative(cwd, r).split(path.sep).join('/'), {
        cwd,
        absolute: true,
        onlyFiles: true,
        deep: 8,
      })) {
        files.push(f);
        dirs.push(path.dirname(f));
      }
    }
  }
  return { files, dirs: [...new Set(dirs)] };
}

/** The Prisma provider of a `migration_lock.toml` at or above `dir` (two levels), lower case. */
function prismaProvider(dir: string): string | undefined {
  const at = findUp(dir, (d) => isFile(path.join(d, 'migration_lock.toml')), 2);
  if (!at) return undefined;
  return /^\s*provider\s*=\s*"([^"]+)"/m.exec(readText(path.join(at, 'migration_lock.toml')) ?? '')?.[1]?.toLowerCase();
}

/** Detects the dialect of the migrations `inputs` name (or of the migrations found under `cwd`); undefined: no evidence. */
export async function detectDialect(inputs: readonly string[], cwd: string): Promise<DetectedDialect | undefined> {
  const { files, dirs } = await filesOf(inputs, cwd);
  for (const d of dirs) {
    const provider = prismaProvider(d);
    if (provider === 'mysql') return { dialect: 'mysql', reason: 'Prisma provider "mysql"' };
    if (provider === 'postgresql' || provider === 'postgres')
      return { dialect: 'postgres', reason: 'Prisma provider "postgresql"' };
  }
  const segments = (p: string) =>
    path
      .relative(cwd, p)
      .split(path.sep)
      .map((s) => s.toLowerCase());
  const named = (re: RegExp) => files.filter((f) => segments(f).some((s) => re.test(s)));
  const mariaNamed = named(/^mariadb$|\.mariadb\./);
  const mysqlNamed = named(/^mysql$|\.mysql\./);
  const pgNamed = named(/^(postgres|postgresql|pg|psql)$|\.(postgres|postgresql|pg|psql)\./);
  if (!pgNamed.length && mariaNamed.length && !mysqlNamed.length)
    return { dialect: 'mariadb', reason: `file names (${path.relative(cwd, mariaNamed[0]!)})` };
  if (!pgNamed.length && mysqlNamed.length)
    return { dialect: 'mysql', reason: `file names (${path.relative(cwd, mysqlNamed[0]!)})` };
  let mysqlHits = 0;
  const seen = new Set<string>();
  for (const f of files.slice(0, MAX_FILES)) {
    // what the first 64 K characters say (src/discover/markers.ts `dialect`); an unreadable file says nothing
    const evidence = marker(f, 'dialect') ?? '';
    if (evidence === 'postgres') return undefined;
    if (evidence) mysqlHits++;
    for (const h of evidence ? evidence.split(' ') : []) seen.add(h);
  }
  if (mysqlHits) return { dialect: 'mysql', reason: `MySQL syntax in the SQL (${[...seen].join(', ')})` };
  return undefined;
}
