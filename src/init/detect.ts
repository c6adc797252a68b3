/**
 * What `zerodown init` learns about a repository before writing anything: the migration folders and their tool
 * (auto-discovery, src/discover/auto.ts), the SQL dialect (src/discover/dialect.ts), the production server's
 * version when the repository names it, and where CI runs (GitHub or GitLab).
 *
 * The version comes only from files that name the server: Supabase's `supabase/config.toml` (`[db]
 * major_version`), and a container image in a Compose file or a CI file (`image: postgres:16`,
 * `mysql:8.0.36`, `mariadb:10.11`, `postgis/postgis:16-3.4`). Nothing found: the config says so and leaves
 * the setting commented out, rather than guessing.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { autoDiscover, detectDialect, type MigrationRoot } from '../discover/index.js';
import { isDir, isFile, readText } from '../discover/fsutil.js';
import { git } from '../discover/git.js';
import { dialectFor, parsePgVersion } from '../dialects/index.js';

export type DialectId = 'postgres' | 'mysql' | 'mariadb';
export type CiHost = 'github' | 'gitlab';

export interface InitFacts {
  dir: string;
  /** migration folders found, relative to `dir` */
  roots: MigrationRoot[];
  /** the one tool every folder uses, when they agree */
  framework?: string;
  dialect: DialectId;
  /** why this dialect (`Prisma provider "postgresql"`, `default: nothing points to MySQL`) */
  dialectReason: string;
  /** the production server's version as written for the config (`16`, `8.0.36`, `10.11`), and where it was read */
  version?: { text: string; source: string };
  ci: CiHost;
  ciReason: string;
}

/** Files that may name the database server's image, relative to the repository root. */
const IMAGE_FILES = [
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.yml',
  'compose.yaml',
  '.gitlab-ci.yml',
  '.github/workflows',
];

/** `image: postgres:16`, `- name: mysql:8.0`, GitLab's bare `- postgres:16` under `services:` */
const IMAGE =
  /^\s*(?:-\s+(?:(?:image|name):\s*)?|(?:image|name):\s*)["']?(?:[\w.-]+(?::\d+)?\/)*(postgres|postgis|mysql|mariadb):([\w.-]+)/gm;

/** `postgres:16.2-alpine` → `16.2`; `postgis/postgis:16-3.4` → `16`; `latest` → undefined. */
function tagVersion(tag: string): string | undefined {
  return /^\d+(?:\.\d+){0,2}/.exec(tag)?.[0];
}

/** The image versions named in the repository's Compose and CI files, first found first. */
function imageVersions(dir: string): { server: 'postgres' | 'mysql' | 'mariadb'; version: string; source: string }[] {
  const files: string[] = [];
  for (const f of IMAGE_FILES) {
    const abs = path.join(dir, f);
    if (isFile(abs)) files.push(f);
    else if (isDir(abs)) {
      try {
        for (const n of readdirSync(abs).sort()) if (/\.ya?ml$/.test(n)) files.push(`${f}/${n}`);
      } catch {}
    }
  }
  const out: { server: 'postgres' | 'mysql' | 'mariadb'; version: string; source: string }[] = [];
  for (const f of files) {
    const text = readText(path.join(dir, f)) ?? '';
    for (const m of text.matchAll(IMAGE)) {
      const version = tagVersion(m[2]!);
      if (!version) continue;
      const server = m[1] === 'postgis' ? 'postgres' : (m[1] as 'postgres' | 'mysql' | 'mariadb');
      out.push({ server, version, source: `${f}: ${m[1]}:${m[2]}` });
    }
  }
  return out;
}

/** Supabase's local database major (`[db]` … `major_version = 15`), which the CLI keeps equal to the project's. */
function supabaseMajor(dir: string): string | undefined {
  const toml = readText(path.join(dir, 'supabase', 'config.toml'));
  const db = toml && /^\[db\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1];
  return db ? /^\s*major_version\s*=\s*(\d+)/m.exec(db)?.[1] : undefined;
}

/** The target version for `dialect`, as the config takes it, when the repository names it. */
function versionOf(dir: string, dialect: DialectId): InitFacts['version'] {
  if (dialect === 'postgres') {
    const major = supabaseMajor(dir);
    if (major && parsePgVersion(major) !== undefined)
      return { text: major, source: 'supabase/config.toml: [db] major_version' };
  }
  const d = dialectFor(dialect);
  for (const img of imageVersions(dir)) {
    if (img.server !== dialect) continue;
    const ok = d.parseVersion ? d.parseVersion(img.version) !== undefined : parsePgVersion(img.version) !== undefined;
    if (!ok) continue;
    // PostgreSQL: the major is what matters (`16.2` → `16`); MySQL and MariaDB: as written
    const text = d.parseVersion ? img.version : String(parsePgVersion(img.version));
    return { text, source: img.source };
  }
  return undefined;
}

/** The URLs of the repository's git remotes, `origin` first (none when git or the repository is missing). */
function remoteUrls(dir: string): string[] {
  let out: string;
  try {
    out = git(dir, ['config', '--get-regexp', '^remote\\..*\\.url$']);
  } catch {
    return []; // no git, not a repository, or no remote
  }
  const lines = out.split('\n').filter(Boolean);
  lines.sort((a, b) => Number(b.startsWith('remote.origin.')) - Number(a.startsWith('remote.origin.')));
  return lines.map((l) => l.slice(l.indexOf(' ') + 1).trim());
}

/** The top level of the git repository holding `dir`, or undefined outside one. */
export function gitTopLevel(dir: string): string | undefined {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Where CI runs: the first remote's host, else a `.gitlab-ci.yml`, else GitHub (`.github/` or the default). */
export function detectCi(dir: string): { ci: CiHost; reason: string } {
  const host = (url: string) => /^(?:[\w+]+:\/\/)?(?:[^@/]+@)?([^/:]+)/.exec(url)?.[1]?.toLowerCase() ?? '';
  for (const url of remoteUrls(dir)) {
    const h = host(url);
    if (h === 'github.com' || h.endsWith('.github.com') || h.startsWith('github.'))
      return { ci: 'github', reason: `git remote on ${h}` };
    if (h === 'gitlab.com' || h.startsWith('gitlab.') || h.includes('.gitlab.'))
      return { ci: 'gitlab', reason: `git remote on ${h}` };
  }
  if (isFile(path.join(dir, '.gitlab-ci.yml'))) return { ci: 'gitlab', reason: '.gitlab-ci.yml' };
  if (isDir(path.join(dir, '.github'))) return { ci: 'github', reason: '.github/' };
  return { ci: 'github', reason: 'default: nothing points to GitLab' };
}

/** Everything init needs to know about `dir`, read with the same discovery the other commands use. */
export async function detectProject(dir: string, opts: { ci?: CiHost } = {}): Promise<InitFacts> {
  const roots = await autoDiscover(dir);
  const tools = [...new Set(roots.map((r) => r.framework))];
  // no folder found: nothing to read the dialect from (and detectDialect would search the same tree again)
  const detected = roots.length
    ? await detectDialect(
        roots.map((r) => r.path),
        dir,
      )
    : undefined;
  let dialect: DialectId = detected?.dialect ?? 'postgres';
  let dialectReason = detected ? `detected: ${detected.reason}` : 'default: nothing in the migrations points to MySQL';
  // Prisma and the SQL say "mysql" for MariaDB too: a MariaDB image in the repository settles it
  if (dialect === 'mysql') {
    const maria = imageVersions(dir).find((i) => i.server === 'mariadb');
    if (maria && !imageVersions(dir).some((i) => i.server === 'mysql')) {
      dialect = 'mariadb';
      dialectReason = `detected: ${detected!.reason}, and the MariaDB image in ${maria.source}`;
    }
  }
  const version = versionOf(dir, dialect);
  const ci = opts.ci ? { ci: opts.ci, reason: '--ci' } : detectCi(dir);
  return {
    dir,
    roots,
    ...(tools.length === 1 ? { framework: tools[0]! } : {}),
    dialect,
    dialectReason,
    ...(version ? { version } : {}),
    ci: ci.ci,
    ciReason: ci.reason,
  };
}
