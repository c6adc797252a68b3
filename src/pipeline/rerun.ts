/**
 * `zerodown lint` run again with nothing changed, answered before the rest of zerodown loads: the saved report
 * (./saved-report.ts `openReport`) printed as it was, without discovering, reading or hashing a migration.
 *
 * A run that saves a report also saves a stamp of everything its report depended on, under a key of the
 * invocation (this build, Node's version, the working directory, the arguments as given, the environment, whether
 * stdout is a terminal):
 *
 *   - every file it read (migrations, the config file, package.json, …), by its file-system signature: size,
 *     modification and change times in nanoseconds, inode;
 *   - every folder it listed, by the same signature: adding, removing or renaming an entry changes the folder's
 *     times;
 *   - every path it asked about (does `up.sql` exist, is this a folder), by the answer.
 *
 * The next run with the same key checks those (one `stat` each: 2,874 migrations in some 10 ms), the most recently
 * changed first (so an edit is found after one), and prints the report when every one matches. Like git's index, a
 * signature can only be trusted for a file that was last changed clearly before it was read: a file or folder
 * changed within 2 s of the run's start ("racily clean": a later write in the same timestamp tick would keep the
 * signature) is stamped by the content the run read, which the next run hashes again. What cannot be stamped is
 * never served: a glob the run expanded, git (`--since`), a run that holds a secret (it is redacted from output as
 * it is written), `--output`, `--stats`, `--dry-run`, `--no-cache`. Anything else that differs, or any doubt (a damaged stamp, a pruned report), is a miss: the run
 * does all its work, which gives the same report.
 *
 * What the run wrote on stderr (warnings about ignored options) is stamped and written again, without the progress
 * line. This module loads nothing but Node's own modules and the caches' locations, so that a hit costs Node's
 * start-up and little more.
 */
import { type BigIntStats, type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { lintCacheDir, pruneOldest, writeFileAtomic } from '../cache-files.js';
import { codeIdentity } from '../build.js';
import { fastHash } from '../hash.js';
import { openReport, type SavedReport } from './saved-report.js';

/** bumped when what is stored changes shape */
const FORMAT = 1;
const KEEP = 16;
/** how close to the run's start a change must be for a signature not to be trusted (coarse file-system clocks) */
const RACY_MS = 2000n;
/** environment variables that differ between otherwise identical runs and that zerodown never reads */
const NOISE = new Set(['_', 'OLDPWD']);

/** What a run depended on, as it records it (see the file comment). */
export interface FsRecord {
  /** `<type><path>` → signature; type `k` an answer about a path, `s` a file read, `d` a folder listed */
  readonly seen: Map<string, string>;
  /** why it cannot be stamped, when it cannot */
  unsound?: string;
  /** what the run wrote on stderr, besides its progress line */
  stderr: string;
  /** the run's start less 2 s, in nanoseconds since the epoch: a change from then on is racy */
  readonly racyFrom: bigint;
  /**
   * the files whose text discovery looked into to decide something, as opposed to reading a migration's source:
   * by the named questions asked of it and their answers (src/discover/markers.ts: a tool's marker, the dialect's
   * evidence), or null when read whole for anything else. ./discovery-cache.ts asks a file under review the same
   * questions again, and reuses no discovery that read one whole.
   */
  readonly inspected: Map<string, Record<string, boolean | string> | null>;
}

let active: FsRecord | undefined;
let invocation: readonly string[] | undefined;

/** The arguments of this run as given (src/cli/main.ts sets them; undefined outside the command line). */
export function setInvocation(argv: readonly string[] | undefined): void {
  invocation = argv;
}

export function currentInvocation(): readonly string[] | undefined {
  return invocation;
}

/** Records what the file system tells this run until `stopRecording` (the lint command only). */
export function startRecording(): FsRecord {
  active = {
    seen: new Map(),
    stderr: '',
    racyFrom: (BigInt(Date.now()) - RACY_MS) * 1_000_000n,
    inspected: new Map(),
  };
  return active;
}

/** The record of the run in progress, if it is recorded. */
export function currentRecord(): FsRecord | undefined {
  return active;
}

export function stopRecording(): void {
  active = undefined;
}

/** Something this run depends on that no stamp can check (a glob, git): the run is not stamped. */
export function unrecordable(why: string): void {
  if (active) active.unsound ??= why;
}

function note(r: FsRecord, key: string, sig: string): void {
  const was = r.seen.get(key);
  // asked twice with two answers: the file changed during the run
  if (was !== undefined && was !== sig) r.unsound ??= `${key.slice(1)} changed during the run`;
  else r.seen.set(key, sig);
}

export type PathKind = 'dir' | 'file' | 'other' | 'none';
const kindOf = (st: { isDirectory(): boolean; isFile(): boolean } | undefined): PathKind =>
  !st ? 'none' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
/** What `p` is, symbolic links followed (as `fs.existsSync` and `fs.statSync`); `none` when it cannot be stat'ed. */
const kindAt = (p: string): PathKind => {
  try {
    return kindOf(statSync(p, { throwIfNoEntry: false }));
  } catch {
    return 'none';
  }
};
let crypto: typeof import('node:crypto') | undefined;
/**
 * SHA-256 of what a racy entry read (content a pull request may have chosen). `node:crypto` is loaded only when one
 * is checked: most stamps have none, and loading it is a third of a hit's time after Node's start.
 */
const sha = (data: string | Buffer) =>
  (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'))
    .createHash('sha256')
    .update(data)
    .digest('base64');
/** A stat's signature: kind, size, modification and change times (ns), inode. */
const signature = (st: BigIntStats | undefined) =>
  st ? `${kindOf(st)}:${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}` : 'none';
const statOf = (p: string) => {
  try {
    return statSync(p, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
};
const racy = (r: FsRecord, st: BigIntStats | undefined) =>
  !!st && (st.mtimeNs >= r.racyFrom || st.ctimeNs >= r.racyFrom);
/** A listing as the run saw it: each name with its type. */
const listingHash = (entries: readonly Dirent[] | null) =>
  entries
    ? sha(
        entries
          .map((e) => `${e.name}/${e.isDirectory() ? 'd' : e.isFile() ? 'f' : e.isSymbolicLink() ? 'l' : 'o'}`)
          .sort()
          .join('\0'),
      )
    : '-';
const textHash = (t: string | Buffer | null | undefined) => (t == null ? '-' : sha(t));

/** The entries of `dir` with their types, or null when it cannot be listed. */
export function readDirEntries(dir: string): Dirent[] | null {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
}

/** Asks the file system what `p` is (exists, is a folder or a file), recording the answer. */
export function probeKind(p: string): PathKind {
  const kind = kindAt(p);
  if (active) note(active, `k${p}`, kind);
  return kind;
}

/** Reads `p` with `read` (text or bytes, null when unreadable), recording the file's signature taken before. */
export function recordRead<T extends string | Buffer | null>(p: string, read: () => T): T {
  const r = active;
  if (!r) return read();
  const st = statOf(p);
  const value = read();
  // a file changed just before the run: its content as read (text as UTF-8 bytes, bytes as they are)
  note(r, `s${p}`, racy(r, st) ? `#${typeof value === 'string' ? 't' : 'b'}${textHash(value)}` : signature(st));
  return value;
}

/** Discovery looked into `p`'s text: for `marker`'s answer, else for anything (see `FsRecord.inspected`). */
export function noteInspected(p: string, marker?: readonly [name: string, answer: boolean | string]): void {
  const r = active;
  if (!r) return;
  const was = r.inspected.get(p);
  if (!marker) r.inspected.set(p, null);
  else if (was !== null) r.inspected.set(p, { ...was, [marker[0]]: marker[1] });
}

/** Lists `dir` with `list`, recording the folder's signature taken before. */
export function recordList(dir: string, list: () => Dirent[] | null): Dirent[] | null {
  const r = active;
  if (!r) return list();
  const st = statOf(dir);
  const entries = list();
  note(r, `d${dir}`, racy(r, st) ? `#${listingHash(entries)}` : signature(st));
  return entries;
}

/** Whether `sig`, recorded under `key`, is still what the file system says. */
export function holds(key: string, sig: string): boolean {
  const p = key.slice(1);
  if (key[0] === 'k') return kindAt(p) === sig;
  if (!sig.startsWith('#')) return signature(statOf(p)) === sig;
  // unreadable now, as it may have been then
  if (key[0] === 'd') return `#${listingHash(readDirEntries(p))}` === sig;
  let value: string | Buffer | null = null;
  try {
    value = sig[1] === 't' ? readFileSync(p, 'utf8') : readFileSync(p);
  } catch {
    // unreadable, as it may have been then
  }
  return `#${sig[1]}${textHash(value)}` === sig;
}

/**
 * Whether every entry of a stamp still holds (`hold`), one does not (`changed`), or the stamp is damaged (`bad`),
 * checked in the stamp's order. A path that did not exist in a folder whose own entry is in the stamp is not asked
 * again: the folder's entry holds only if its listing is unchanged (adding a name changes its times), and the run
 * fails on that entry otherwise. That is half the `stat`s of a Diesel or Prisma history (each folder's absent
 * `metadata.toml` and `migration.sql`).
 */
export function checkEntries(entries: unknown[]): 'hold' | 'changed' | 'bad' {
  const folders = new Set<string>();
  for (const e of entries) {
    if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1] !== 'string') return 'bad';
    if (e[0][0] === 'd') folders.add(e[0].slice(1));
  }
  for (const [key, sig] of entries as [string, string][]) {
    if (sig === 'none' && key[0] !== 'd' && folders.has(path.dirname(key.slice(1)))) continue;
    if (!holds(key, sig)) return 'changed';
  }
  return 'hold';
}

/**
 * A folder's entry in a record as its listing (names and types) rather than its signature, when the signature taken
 * now is still the one recorded (so the listing is the one the run saw); undefined otherwise. A folder whose file is
 * saved through a temporary file and a rename (as many editors do) changes its signature, not its listing.
 */
export function asListing(dir: string, recorded: string): string | undefined {
  if (recorded.startsWith('#')) return recorded;
  return signature(statOf(dir)) === recorded ? `#${listingHash(readDirEntries(dir))}` : undefined;
}

/** Adds entries (checked to hold) to the record of the run in progress, as if it had asked them itself. */
export function adoptEntries(entries: readonly (readonly [string, string])[]): void {
  const r = active;
  if (r) for (const [key, sig] of entries) note(r, key, sig);
}

/** The key of an invocation (see the file comment); `kind` tells apart the caches keyed on one. */
export function stampKey(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  stdoutTTY: boolean,
  build = codeIdentity(),
  kind = 'zerodown-stamp',
): string {
  const vars = Object.keys(env)
    .filter((k) => !NOISE.has(k))
    .sort()
    .map((k) => [k, env[k]]);
  // a fast hash (no `node:crypto`): the key holds the whole environment, which no pull request chooses or can read,
  // so no one can craft an invocation whose key collides with another run's; content is hashed with SHA-256 (`sha`)
  return fastHash(JSON.stringify([`${kind} ${FORMAT}`, build, process.version, cwd, argv, vars, stdoutTTY]));
}

interface Stamp {
  format: number;
  /** the report's key in the findings cache */
  report: string;
  stderr: string;
  seen: [string, string][];
}

/** a signature's change time (ns), to order a stamp's entries: a racy one (`#`, changed just before) is newest */
const changedAt = (sig: string): bigint => {
  if (sig.startsWith('#')) return 1n << 80n;
  const ctime = sig.split(':')[3];
  return ctime && /^\d+$/.test(ctime) ? BigInt(ctime) : 0n;
};

/**
 * A stamp's entries, the most recently changed first: what was changed last is what is most likely to change next
 * (the migration being written), so a run after an edit finds out after one `stat` instead of thousands.
 */
export function newestFirst(seen: Iterable<[string, string]>): [string, string][] {
  return [...seen]
    .map((e) => ({ e, t: changedAt(e[1]) }))
    .sort((a, b) => (a.t === b.t ? 0 : a.t > b.t ? -1 : 1))
    .map(({ e }) => e);
}

/**
 * Stamps a run that saved (or printed a saved) report under `report` in `dir`, unless something it depended on
 * cannot be stamped. Never throws: a stamp that cannot be written is a slower next run.
 */
export function saveStamp(dir: string, key: string, record: FsRecord, report: string): void {
  if (record.unsound || !record.seen.size) return;
  try {
    const stamp: Stamp = { format: FORMAT, report, stderr: record.stderr, seen: newestFirst(record.seen) };
    writeFileAtomic(path.join(dir, `${key}.stamp`), JSON.stringify(stamp));
    pruneOldest(dir, '.stamp', KEEP);
  } catch {
    // a read-only or full disk
  }
}

/** set by `replaySaved`: a stamp of this invocation was found, and something it depended on has changed since */
let stale = false;

/**
 * Whether this process's `replaySaved` found that something changed since the same run last saved its report: the
 * run will most likely lint a file (src/cli/lint.ts starts the parser early then). False when no stamp was found.
 */
export function stampWentStale(): boolean {
  return stale;
}

/**
 * The report (its file open, for ./saved-report.ts `writeReport` or `readReport`), exit code and stderr of the run
 * `argv` in `cwd`, when a stamp says nothing it depended on changed; undefined on any doubt.
 */
export function replaySaved(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  stdoutTTY: boolean,
): { code: number; report: SavedReport; stderr: string } | undefined {
  stale = false;
  if (argv[0] !== 'lint') return undefined;
  try {
    const dir = lintCacheDir(cwd, 'findings', env);
    if (!dir) return undefined;
    const file = path.join(dir, `${stampKey(argv, cwd, env, stdoutTTY)}.stamp`);
    const stamp = JSON.parse(readFileSync(file, 'utf8')) as Partial<Stamp> | null;
    if (stamp?.format !== FORMAT || typeof stamp.report !== 'string' || !Array.isArray(stamp.seen)) return undefined;
    const verdict = checkEntries(stamp.seen);
    if (verdict !== 'hold') {
      stale = verdict === 'changed';
      return undefined;
    }
    const report = openReport(dir, stamp.report);
    const stderr = typeof stamp.stderr === 'string' ? stamp.stderr : '';
    return report && { code: report.code, report, stderr };
  } catch {
    // no stamp, a damaged one, or a file system that says no (a working directory removed): the run does its work
    return undefined;
  }
}
