/**
 * Supabase CLI (`supabase db push`, `supabase migration up`, `db reset`):
 * `supabase/migrations/<timestamp>_<name>.sql`, applied in file-name order.
 * Files not matching `<timestamp>_<name>.sql` are skipped by the CLI
 * ("file name must match pattern"), so they are skipped here too.
 *
 * Transactions: the CLI splits a migration into statements and sends them as one
 * pipelined batch that PostgreSQL runs as one transaction (pkg/migration/file.go
 * `ExecBatch`); before v2.109 a CONCURRENTLY statement therefore failed with
 * "cannot be executed within a pipeline" (supabase/cli#2898). Since v2.109
 * (supabase/cli#5671, design of #5156) statements that cannot run in a
 * transaction block — CREATE [UNIQUE] INDEX CONCURRENTLY, REINDEX … CONCURRENTLY,
 * VACUUM, ALTER SYSTEM, CLUSTER, and after v2.111 DROP INDEX CONCURRENTLY
 * (supabase/cli#6276) — are pulled out of the batch and run on their own; the
 * statements around them still run batched. The CLI version comes from the
 * `supabase` npm package when the project pins it; otherwise the current
 * behaviour is assumed.
 */
import path from 'node:path';
import { existsSync, globFiles, npmPackageVersion, readText, versionAtLeast } from '../fsutil.js';
import { codepointCompare } from '../order.js';
import { simplify, splitSql } from '../sqlsplit.js';
import type { FileInfo, Framework, RawSegment } from '../types.js';

const INCOMPATIBLE = [
  /^CREATE (UNIQUE )?INDEX CONCURRENTLY(\s|$)/,
  /^REINDEX(\s|\().*\sCONCURRENTLY(\s|$)/,
  /^VACUUM(\s|\(|$)/,
  /^ALTER SYSTEM(\s|$)/,
  /^CLUSTER(\s|$)/,
];
const DROP_CONCURRENTLY = /^DROP INDEX CONCURRENTLY(\s|$)/;

export const isSupabaseMigrations = (dir: string) =>
  path.basename(dir) === 'migrations' &&
  (path.basename(path.dirname(dir)) === 'supabase' ||
    /project_id\s*=/.test(readText(path.join(path.dirname(dir), 'config.toml')) ?? ''));

export const supabase: Framework = {
  name: 'supabase',
  pattern: 'supabase/migrations/<timestamp>_<name>.sql',
  detect(dir) {
    return isSupabaseMigrations(dir);
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, '*.sql');
  },
  prepare(root) {
    const version = npmPackageVersion(root, 'supabase');
    return {
      version,
      splits: version === undefined || versionAtLeast(version, [2, 109, 0]),
      dropIndex: version === undefined || versionAtLeast(version, [2, 112, 0]),
    };
  },
  order(files) {
    return [...files].sort((a, b) => codepointCompare(path.basename(a), path.basename(b)));
  },
  describe(abs, source, { info }): FileInfo {
    const m = /^(\d+)_(.*)\.sql$/.exec(path.basename(abs));
    if (!m) return { skip: 'the Supabase CLI skips files not named <timestamp>_<name>.sql' };
    const version = m[1]!;
    const cli = info.version ? `Supabase CLI ${info.version}` : 'The Supabase CLI';
    const batched = {
      version,
      transaction: 'wrapped' as const,
      note: `${cli} sends the statements of a migration as one batch, which PostgreSQL runs as one transaction`,
    };
    if (!info.splits) return batched;
    const stmts = splitSql(source);
    const alone = stmts.map((r) => {
      const s = simplify(source, r);
      return INCOMPATIBLE.some((re) => re.test(s)) || (info.dropIndex && DROP_CONCURRENTLY.test(s));
    });
    if (!alone.some(Boolean)) return batched;
    const segments: RawSegment[] = [];
    stmts.forEach((r, i) => {
      const tx = alone[i] ? 'none' : 'wrapped';
      const last = segments[segments.length - 1];
      if (last && !alone[i] && last.tx === 'wrapped') last.end = r.end;
      else segments.push({ start: r.start, end: r.end, tx });
    });
    return {
      version,
      segments,
      note: `${cli} runs CONCURRENTLY, VACUUM and similar statements on their own and batches the others in one transaction`,
    };
  },
};

export const hasSupabaseConfig = (dir: string) => existsSync(path.join(dir, 'supabase', 'config.toml'));
