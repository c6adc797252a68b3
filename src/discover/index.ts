/**
 * Discovery: turns paths (files, directories, globs) into an ordered list of
 * migrations, each marked as under review or as history (feeds the schema
 * replay only).
 *
 * - A directory: every migration in it is under review, in the order the
 *   migration tool would apply them.
 * - A file: it is under review; the migrations that sort before it in the
 *   same migration directory are replayed first as history.
 * - A glob: every matched file is under review.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Migration } from '../model.js';
import { detectFramework, frameworks, type Framework } from './frameworks.js';
import { naturalCompare } from './order.js';

export { naturalCompare };

export interface DiscoverOptions {
  cwd?: string;
  /** force a framework by name instead of detecting it */
  framework?: string;
  /** replay earlier migrations of the same directory as history when files are given (default true) */
  history?: boolean;
  /** only these absolute paths are under review; everything else found is history (changed-only mode) */
  reviewOnly?: Set<string>;
}

export class DiscoveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiscoveryError';
  }
}

function display(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

function readSource(abs: string): string {
  try {
    return readFileSync(abs, 'utf8');
  } catch (err) {
    throw new DiscoveryError(`cannot read ${abs}: ${(err as Error).message}`);
  }
}

function toMigrations(fw: Framework, root: string, files: string[], cwd: string, review: (abs: string) => boolean): Migration[] {
  const ordered = fw.order(root, files);
  const out: Migration[] = [];
  for (const abs of ordered) {
    const source = readSource(abs);
    const info = fw.describe(abs, source, root);
    if (info.skip) continue;
    const m: Migration = {
      path: display(abs, cwd),
      absPath: abs,
      source,
      dialect: 'postgres',
      framework: fw.name,
      transaction: info.transaction,
      review: review(abs),
    };
    if (info.segments) m.segments = info.segments;
    if (info.version) m.version = info.version;
    out.push(m);
  }
  return out;
}

/** Finds and orders migrations. Throws `DiscoveryError` for a path that does not exist or matches nothing. */
export async function discover(inputs: string[], options: DiscoverOptions = {}): Promise<Migration[]> {
  const cwd = options.cwd ?? process.cwd();
  const forced = options.framework ? frameworks.find((f) => f.name === options.framework) : undefined;
  if (options.framework && !forced) {
    throw new DiscoveryError(
      `unknown framework "${options.framework}"; known: ${frameworks.map((f) => f.name).join(', ')}`,
    );
  }
  const result: Migration[] = [];
  const seen = new Set<string>();
  const push = (ms: Migration[]) => {
    for (const m of ms) {
      const prev = seen.has(m.absPath) ? result.find((r) => r.absPath === m.absPath) : undefined;
      if (prev) {
        if (m.review) prev.review = true;
        continue;
      }
      seen.add(m.absPath);
      result.push(m);
    }
  };
  const reviewOnly = options.reviewOnly;
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    if (isDynamicPattern(input) && !existsSync(abs)) {
      const matches = (await glob(input, { cwd, absolute: true, onlyFiles: true })).sort(naturalCompare);
      if (!matches.length) throw new DiscoveryError(`no files match ${input}`);
      const sqlFiles = matches.filter((f) => f.endsWith('.sql'));
      if (!sqlFiles.length) throw new DiscoveryError(`${input} matches no .sql files`);
      // group by directory so that each group is ordered by its own framework
      const byDir = new Map<string, string[]>();
      for (const f of sqlFiles) {
        const d = path.dirname(f);
        byDir.set(d, [...(byDir.get(d) ?? []), f]);
      }
      for (const [dir, files] of byDir) {
        const fw = forced ?? detectFramework(dir, files);
        push(toMigrations(fw, fw.root(dir), files, cwd, (f) => !reviewOnly || reviewOnly.has(f)));
      }
      continue;
    }
    if (!existsSync(abs)) throw new DiscoveryError(`${input}: no such file or directory`);
    if (statSync(abs).isDirectory()) {
      const fw = forced ?? detectFramework(abs);
      const files = await fw.find(abs);
      if (!files.length) throw new DiscoveryError(`${input}: no migration files found (looked for ${fw.pattern})`);
      push(toMigrations(fw, abs, files, cwd, (f) => !reviewOnly || reviewOnly.has(f)));
    } else {
      const fw = forced ?? detectFramework(path.dirname(abs), [abs]);
      const root = fw.root(path.dirname(abs));
      if (options.history === false) {
        push(toMigrations(fw, root, [abs], cwd, () => true));
        continue;
      }
      const siblings = await fw.find(root);
      const all = siblings.includes(abs) ? siblings : [...siblings, abs];
      const ordered = fw.order(root, all);
      const upTo = ordered.slice(0, ordered.indexOf(abs) + 1);
      push(toMigrations(fw, root, upTo, cwd, (f) => f === abs));
    }
  }
  // review files keep their relative order; history first overall where a file was given twice
  return result;
}
