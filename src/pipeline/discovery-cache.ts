/**
 * A discovery reused when only the files under review changed: the pre-commit hook (`lint --only-migrations
 * <staged files>`) and `zerodown lint <new migration>` run again and again on one migration being written, and
 * before it can lint that file a run finds the migration folders (a walk of the repository), detects the dialect,
 * lists every folder and reads and hashes every earlier migration, to learn what it knew on the last commit.
 *
 * A run that discovered saves, under a key of its invocation (as a stamp's, ./rerun.ts `stampKey`: this build,
 * Node's version, the working directory, the arguments, the environment):
 *
 *   - what discovery depended on, as ./rerun.ts records it (every file read, folder listed, path asked about), less
 *     the text of the files under review; a folder holding one of them by its listing (names and types), which a
 *     save through a temporary file and a rename leaves as it was;
 *   - the dialect it detected, and every migration as discovered without its text: the files before the first file
 *     under review with their cache keys (./history-cache.ts `fileKeys`), the files under review with the root
 *     their tool found them under.
 *
 * The next run with the same key checks every entry (one `stat` each, the most recently changed first), reads the
 * files under review and has their tools describe them again (a goose annotation, a Diesel `metadata.toml`), and
 * goes on from the saved keys: the history's schema then comes from ./history-cache.ts without a file of it read.
 * Any change, any doubt (a damaged entry, a file its tool now skips or numbers differently) is a miss: the run
 * discovers again, with the same result. The earlier files' texts are read only if something needs them (the
 * history's schema no longer cached), and must then be as they were (else the run stops: run it again).
 *
 * What discovery decided from a file under review's text (which tool's file it is: a goose annotation, SQLx's
 * `-- no-transaction`; the dialect's evidence) is asked of its new text again (src/discover/markers.ts): another
 * answer is a miss. Not saved when discovery read such a file whole for anything else (./rerun.ts
 * `FsRecord.inspected`), nor for a run that cannot be
 * stamped (a glob, git), nor when no file precedes the first under review (nothing to reuse), nor while a file it
 * read was changed within 2 s of the run (stamped by its text, which each reuse would hash again: the next run saves
 * it). A run whose staged files hold no migration is saved as such: the next commit of the same files says nothing
 * sooner. The 16 entries last used are kept.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { codeIdentity } from '../build.js';
import { pruneOldest, touchUsed, writeFileAtomic } from '../cache-files.js';
import type { DetectedDialect } from '../discover/dialect.js';
import { markerOf } from '../discover/markers.js';
import { describeAgain, DiscoveryError, readSource } from '../discover/index.js';
import type { Migration } from '../model.js';
import { fileKeys } from './history-cache.js';
import { adoptEntries, asListing, checkEntries, type FsRecord, holds, newestFirst, stampKey } from './rerun.js';

/** bumped when what is stored changes shape */
const FORMAT = 1;
const KEEP = 16;

/** A migration as saved: the model's fields but its text, in the model's order (its key hashes them in that order). */
interface SavedMigration {
  m: Omit<Migration, 'source'>;
  /** the text's length (UTF-16 code units), for the run's memory settings */
  n: number;
  /** a file before the first under review: its key */
  key?: string;
  /** a file under review: the root its tool found it under */
  root?: string;
  /** a file under review: what discovery asked of its text, with the answers (src/discover/markers.ts) */
  markers?: Record<string, boolean | string>;
}

interface Entry {
  format: number;
  seen: [string, string][];
  /** the detected dialect; null when nothing was detected or detection did not run */
  detected: DetectedDialect | null;
  /** null: none of the files is a migration (nothing to lint) */
  migrations: SavedMigration[] | null;
}

/** The key of this run's entry (see the file comment). */
export function discoveryKey(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string {
  return stampKey(argv, cwd, env, false, codeIdentity(), `zerodown-discovery ${FORMAT}`);
}

const entryFile = (dir: string, key: string) => path.join(dir, `${key}.discovery`);

/**
 * Saves what a run discovered (`migrations`; null when none of its files is a migration) with what it depended on
 * so far (`record`), when it may be reused (see the file comment). Never throws.
 */
export function saveDiscovery(
  dir: string,
  key: string,
  record: FsRecord,
  detected: DetectedDialect | undefined,
  found: { migrations: readonly Migration[]; roots: ReadonlyMap<string, string>; keys?: readonly string[] } | null,
): void {
  if (record.unsound) return;
  try {
    let migrations: SavedMigration[] | null = null;
    const seen = new Map(record.seen);
    if (found) {
      const first = found.migrations.findIndex((m) => m.review);
      if (first <= 0) return;
      const keys = found.keys ?? fileKeys(found.migrations.slice(0, first));
      migrations = [];
      for (const [i, m] of found.migrations.entries()) {
        const { source, ...rest } = m;
        const saved: SavedMigration = { m: rest, n: source.length };
        if (m.review) {
          const root = found.roots.get(m.absPath);
          const markers = record.inspected.get(m.absPath);
          if (!root || markers === null) return;
          saved.root = root;
          if (markers) saved.markers = markers;
          // its text is read again; its folder is checked by its listing
          seen.delete(`s${m.absPath}`);
          const folder = `d${path.dirname(m.absPath)}`;
          const sig = seen.get(folder);
          const listing = sig && asListing(folder.slice(1), sig);
          if (sig && !listing) return;
          if (listing) seen.set(folder, listing);
        } else if (i < first) saved.key = keys[i]!;
        migrations.push(saved);
      }
    }
    // a file changed within 2 s of the run is stamped by its text (./rerun.ts), which every reuse would read and hash
    // again: the next run, with the file settled, saves its signature instead
    for (const [k, sig] of seen) if (k[0] === 's' && sig.startsWith('#')) return;
    const entry: Entry = { format: FORMAT, seen: newestFirst(seen), detected: detected ?? null, migrations };
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(entryFile(dir, key), JSON.stringify(entry));
    pruneOldest(dir, '.discovery', KEEP);
  } catch {
    // a read-only or full disk: the next run discovers again
  }
}

/** What a saved discovery gives back (`reuseDiscovery`): the dialect detected, and the migrations. */
export interface Reused {
  detected: DetectedDialect | undefined;
  /** none of the files is a migration */
  nothing: boolean;
  /**
   * The migrations, the files under review read and described again, with every file's key and the length of all
   * their texts; undefined when a file under review is no longer what it was to its tool (discover again).
   */
  revive(pgVersion: number): Promise<{ migrations: Migration[]; keys: string[]; chars: number } | undefined>;
}

let outcome: 'reused' | 'missed' | undefined;
/** Whether this process's last `reuseDiscovery` ended in a discovery reused (its `revive` gave the migrations). */
export function lastReuse(): 'reused' | 'missed' | undefined {
  return outcome;
}

/**
 * The discovery saved under `key` in `dir`, when everything it depended on holds; its entries then join the run's
 * record (./rerun.ts), as if this run had asked them. Undefined on any doubt.
 */
export function reuseDiscovery(dir: string, key: string): Reused | undefined {
  outcome = 'missed';
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(entryFile(dir, key), 'utf8')) as Entry;
    if (entry?.format !== FORMAT || !Array.isArray(entry.seen) || checkEntries(entry.seen) !== 'hold') return undefined;
  } catch {
    return undefined;
  }
  adoptEntries(entry.seen);
  // kept among the entries last used (see `saveDiscovery`'s pruning)
  touchUsed(entryFile(dir, key));
  const signatures = new Map(entry.seen);
  if (entry.migrations === null) outcome = 'reused';
  return {
    detected: entry.detected ?? undefined,
    nothing: entry.migrations === null,
    async revive(pgVersion) {
      const saved = entry.migrations ?? [];
      const migrations: Migration[] = [];
      const keys: string[] = [];
      let chars = 0;
      let first = -1;
      for (const s of saved) {
        const { path: shown, absPath, ...rest } = s.m;
        if (s.root !== undefined) {
          // what discovery decided from its text (which tool, which dialect) must still be so
          if (s.markers && !sameAnswers(s.m.absPath, s.markers)) return undefined;
          const again = await describeAgain(s.m, s.root, pgVersion);
          // its tool now skips it or numbers it otherwise (its place may change): discover again
          if (!again || again.version !== s.m.version) return undefined;
          if (first < 0) first = migrations.length;
          chars += again.source.length;
          migrations.push(again);
          continue;
        }
        const m = { path: shown, absPath, source: '', ...rest } as Migration;
        lazySource(m, signatures.get(`s${absPath}`));
        chars += s.n;
        migrations.push(m);
        if (first < 0) keys.push(s.key!);
      }
      if (first <= 0) return undefined;
      keys.push(...fileKeys(migrations.slice(first), keys.at(-1)));
      outcome = 'reused';
      return { migrations, keys, chars };
    },
  };
}

/** Whether the file's text gives the answers saved for it (read as discovery's markers read it: UTF-8). */
function sameAnswers(abs: string, saved: Record<string, boolean | string>): boolean {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    return false;
  }
  return Object.entries(saved).every(([name, answer]) => markerOf(name, text) === answer);
}

/**
 * A reused file's text, read when something asks for it (the history's schema no longer cached): as discovery
 * read it, and still what the saved signature says, else the run stops rather than lint a file under another's key.
 */
function lazySource(m: Migration, sig: string | undefined): void {
  const settle = (value: string) =>
    Object.defineProperty(m, 'source', { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(m, 'source', {
    enumerable: true,
    configurable: true,
    get() {
      const { text } = readSource(m.absPath);
      if (sig === undefined || !holds(`s${m.absPath}`, sig))
        throw new DiscoveryError(`${m.path} changed while zerodown was running: run it again`);
      settle(text);
      return text;
    },
    set(value: string) {
      settle(value);
    },
  });
}
