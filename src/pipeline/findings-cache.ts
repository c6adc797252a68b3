/**
 * Findings reused from an earlier run, like ESLint's `--cache` and ruff's: `zerodown lint` run again with
 * nothing changed reads each file's result back instead of parsing and linting it. A file's findings depend on
 *
 *   - this build of zerodown and the run's settings: one cache file per (build, dialect, target version,
 *     rule levels and options, transaction assumption, parse settings from the environment), so a changed
 *     rule, option, severity or version is a different file, never a stale answer;
 *   - the file itself (text, path, tool, transaction mode, segments, whether it is under review);
 *   - every file before it: the catalog the rules read is replayed from them, and which of them are under
 *     review decides what counts as this release. Rules read only the file's own statements ahead of the
 *     one they check (never a later file), and the catalog holds only what earlier files did.
 *
 * So each file's key is a running hash over the files in apply order up to and including it: changing one
 * file misses it and every file after it, and nothing before it.
 *
 * What is kept per file is what a report needs: the findings, the file's statement count, the statements the
 * findings point at (kind, text, span; no syntax tree), and the count of statements not analysed. A run whose
 * files all hit never loads the parser. A cache file that cannot be read is a miss (and is written again);
 * nothing here can fail a run. `lint --dry-run`, `plan` and the Action never read it: they need the parsed
 * files and the replay, and their findings are confirmed or answered by what comes after.
 *
 * Where: the history cache's directory with `findings` for `catalog` (./history-cache.ts): a folder per build and
 * settings (`<hash>.findings`), its entries spread over 32 files by their key's first character. A run reads and
 * writes again only the files that hold its files under review: the pre-commit hook (one staged file) reads a
 * thirty-second of what a whole-repository lint saved, instead of all of it on every commit. The newest 8 folders
 * are kept, each with at most 20,000 file entries (625 per file: this run's, then earlier runs' newest).
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Dialect } from '../dialect.js';
import type { LintOptions } from '../engine/lint.js';
import type { FileResult, Finding, Migration, Statement } from '../model.js';
import { pruneOldest, tempName } from '../cache-files.js';
import { reportHeader } from './saved-report.js';
import { codeIdentity } from '../build.js';

export { fileKeys } from './history-cache.js';

/** bumped when what is stored changes shape */
const FORMAT = 2;
const KEEP_FILES = 8;
const SHARDS = 32;
const KEEP_ENTRIES = 20_000;
const KEEP_PER_SHARD = Math.ceil(KEEP_ENTRIES / SHARDS);
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The file of a folder (`findingsFile`) that holds `key`'s entry: by the key's first character (base64, uniform). */
export function shardOf(key: string): number {
  return Math.max(0, BASE64.indexOf(key[0] ?? 'A')) % SHARDS;
}
const shardFile = (scope: string, shard: number) => path.join(scope, `${String(shard).padStart(2, '0')}.json`);

/**
 * A statement as a report reads it: no syntax tree, its ignored rules as a list, and its text only when it
 * is not the file's text at its span (the file is at hand: it was read to make the key).
 */
type StoredStatement = Pick<Statement, 'index' | 'kind' | 'span' | 'ignoreAll'> & { ignored: string[]; text?: string };

/** One file's result, as stored. */
export interface FindingsEntry {
  /** the file's statement count */
  n: number;
  /** the statements the findings point at */
  s: StoredStatement[];
  /** the findings, without `path` (the file's, always) */
  f: Omit<Finding, 'path'>[];
  /** `FileResult.unanalysed` */
  u?: number;
}

/** The cache folder of a run: this build, the dialect and the settings the findings depend on. */
export function findingsFile(dir: string, dialect: Dialect, options: LintOptions, build = codeIdentity()): string {
  const settings = JSON.stringify([
    dialect.id,
    options.pgVersion ?? dialect.defaultVersion,
    !!options.assumeInTransaction,
    sorted(options.rules ?? {}),
    sorted(options.ruleOptions ?? {}),
    // pieced parsing gives the same findings, but a cache must not be the thing that hides it if not
    process.env.ZERODOWN_PARSE_PIECE_CHARS ?? '',
  ]);
  const scope = createHash('sha256').update(`zerodown-findings ${FORMAT}\0${build}\0${settings}`).digest('hex');
  return path.join(dir, `${scope}.findings`);
}

/** `value` with object keys in sorted order at every depth, so that `{a,b}` and `{b,a}` are one setting. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = sorted((value as Record<string, unknown>)[k]);
  return out;
}

/**
 * The entries saved in the files of folder `scope` that hold `keys` (every file without `keys`), or an empty map
 * (no file, unreadable, another format: each file on its own). Each file is JSON with every character past ASCII
 * escaped, read as Latin-1: Node decodes 7 MB of UTF-8 (the corpus's findings hold `…` and `→`) in 75-150 ms and
 * Latin-1 in under 1 ms, and JSON.parse turns `\u2026` back.
 */
export function loadFindings(scope: string, keys?: Iterable<string>): Map<string, FindingsEntry> {
  const entries = new Map<string, FindingsEntry>();
  const shards = keys ? new Set([...keys].map(shardOf)) : Array.from({ length: SHARDS }, (_, i) => i);
  for (const shard of shards) {
    try {
      const data = JSON.parse(readFileSync(shardFile(scope, shard), 'latin1')) as {
        format?: unknown;
        entries?: unknown;
      };
      if (data?.format !== FORMAT || !Array.isArray(data.entries)) continue;
      for (const x of data.entries as unknown[]) {
        // a damaged entry is skipped (a miss), never served
        if (!Array.isArray(x) || typeof x[0] !== 'string') continue;
        const e = x[1] as FindingsEntry | undefined;
        if (typeof e?.n === 'number' && Array.isArray(e.s) && Array.isArray(e.f)) entries.set(x[0], e);
      }
    } catch {
      // no file, or a truncated or corrupt one: a miss
    }
  }
  return entries;
}

/**
 * Saves this run's entries as the run makes them (`add`, in the files' order) into the files of folder `scope` that
 * hold `fresh` (every file under review's key, each of which this run stores), each after as many of its earlier
 * entries as fit (the newest last, so the oldest go first), those of no file of this run. `earlier` holds at least
 * those files' entries (`loadFindings(scope, fresh)`). Each file is written to a temporary name and renamed into
 * place by `finish`; a run's entries are never all held at once. Never throws.
 */
export function findingsWriter(
  scope: string,
  earlier: ReadonlyMap<string, FindingsEntry>,
  fresh: ReadonlySet<string>,
): { add(key: string, entry: FindingsEntry): void; finish(): void; abort(): void } {
  const files = new Map<number, ReturnType<typeof shardWriter>>();
  // each file's room for earlier entries: what this run's own leave of its 625
  const room = new Map<number, number>();
  for (const key of fresh) {
    const shard = shardOf(key);
    if (!files.has(shard)) files.set(shard, shardWriter(shardFile(scope, shard)));
    room.set(shard, (room.get(shard) ?? KEEP_PER_SHARD) - 1);
  }
  const old = new Map<number, [string, FindingsEntry][]>();
  for (const [k, e] of earlier) {
    const shard = shardOf(k);
    if (files.has(shard) && !fresh.has(k)) (old.get(shard) ?? old.set(shard, []).get(shard)!).push([k, e]);
  }
  for (const [shard, kept] of old) {
    const out = files.get(shard)!;
    const n = Math.max(0, room.get(shard)!);
    for (const [k, e] of kept.slice(kept.length - n)) out.entry(k, e);
  }
  const abort = () => {
    for (const out of files.values()) out.abort();
  };
  return {
    add: (key, e) => files.get(shardOf(key))?.entry(key, e),
    abort,
    finish() {
      let done = false;
      for (const out of files.values()) done = out.finish() || done;
      if (done) {
        prune(path.dirname(scope), '.findings');
        // the single file each run's findings were kept in before they were spread (format 1): never read now
        prune(path.dirname(scope), '.json', 0);
      }
    },
  };
}

/** One file of a findings folder, written in parts (`findingsWriter`). */
function shardWriter(file: string) {
  const out = partialFile(file);
  let pending = '';
  let first = true;
  const flush = () => {
    out.write(Buffer.from(pending, 'latin1')); // every character past ASCII is escaped
    pending = '';
  };
  const put = (text: string) => {
    if (!out.ok) return;
    pending += text;
    if (pending.length >= 1 << 16) flush();
  };
  put(`{"format":${FORMAT},"entries":[`);
  return {
    entry(key: string, e: FindingsEntry) {
      put(`${first ? '' : ','}${ascii(JSON.stringify([key, e]))}`);
      first = false;
    },
    abort: out.abort,
    finish(): boolean {
      if (!out.ok) return false;
      pending += ']}';
      flush();
      return out.commit();
    },
  };
}

/** Keeps the newest cache files (or folders) of a kind; never throws (another run may be pruning the same folder). */
function prune(dir: string, ext: string, keep = KEEP_FILES): void {
  try {
    pruneOldest(dir, ext, keep);
  } catch {
    // another run removed a file first
  }
}

/**
 * A file written in parts (`write`, at the end or at a position) to a temporary name beside `target`, and renamed
 * into place by `commit`: a reader never sees half of it, and it is never held whole. Never throws: a part that
 * cannot be written drops the file (`ok` turns false, `commit` returns false).
 */
function partialFile(target: string): {
  readonly ok: boolean;
  write(bytes: Buffer, at?: number): void;
  commit(): boolean;
  abort(): void;
} {
  const tmp = tempName(target);
  let fd: number | undefined;
  const abort = () => {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
      // nothing to clean
    }
    fd = undefined;
  };
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    fd = openSync(tmp, 'w');
  } catch {
    abort();
  }
  return {
    get ok() {
      return fd !== undefined;
    },
    write(bytes, at) {
      if (fd === undefined) return;
      try {
        for (let done = 0; done < bytes.length;)
          done += writeSync(fd, bytes, done, bytes.length - done, at === undefined ? null : at + done);
      } catch {
        abort();
      }
    },
    commit() {
      if (fd === undefined) return false;
      try {
        closeSync(fd);
        fd = undefined;
        renameSync(tmp, target);
        return true;
      } catch {
        abort();
        return false;
      }
    },
    abort,
  };
}

/** JSON with every character past ASCII escaped (read back as Latin-1, see `loadFindings`). */
function ascii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * What to store of a file's result (its statements already reduced to those the findings point at), or
 * undefined when a finding names another file (never seen: then the file is linted each time).
 */
export function toEntry(r: FileResult): FindingsEntry | undefined {
  const source = r.migration.source;
  const s: StoredStatement[] = [];
  for (const st of r.statements) {
    // sparse: only the statements some finding points at are there
    if (!st) continue;
    const { index, kind, span, ignoreAll } = st;
    const text = source.slice(span.offset, span.endOffset) === st.text ? undefined : st.text;
    s.push({ index, kind, span, ignoreAll, ignored: [...st.ignored], ...(text === undefined ? {} : { text }) });
  }
  const f: Omit<Finding, 'path'>[] = [];
  for (const { path: where, ...rest } of r.findings) {
    if (where !== r.migration.path) return undefined;
    f.push(rest);
  }
  const n = r.statements.length;
  return r.unanalysed === undefined ? { n, s, f } : { n, s, f, u: r.unanalysed };
}

/** The file's result from its entry: the statements at their indexes (no syntax tree), the rest holes. */
export function fromEntry(m: Migration, e: FindingsEntry): FileResult {
  const statements: Statement[] = new Array(e.n);
  for (const st of e.s) {
    statements[st.index] = {
      index: st.index,
      kind: st.kind,
      ast: undefined,
      text: st.text ?? m.source.slice(st.span.offset, st.span.endOffset),
      span: st.span,
      ignored: new Set(st.ignored),
      ignoreAll: st.ignoreAll,
    };
  }
  // `path` first, where the engine puts it, so that every report writes the finding's fields in one order
  const findings: Finding[] = e.f.map(({ rule, severity, message, help, ...rest }) => ({
    rule,
    severity,
    message,
    help,
    path: m.path,
    ...rest,
  }));
  return e.u === undefined
    ? { migration: m, statements, findings }
    : { migration: m, statements, findings, unanalysed: e.u };
}

/**
 * The key of a whole report: the run's cache file (build, dialect, settings), every file (the last running
 * key covers them all, in order, with which are under review) and what shapes the report (`parts`: format,
 * colour, indentation, the dialect line, fail-on, the directory paths are relative to).
 */
export function reportKey(file: string, keys: readonly string[], parts: readonly unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([path.basename(file), keys.length, keys.at(-1) ?? '', ...parts]))
    .digest('hex');
}

/** Saves a run's report and exit code under `key` (`reportWriter`, in one part); the newest 8 are kept. Never throws. */
export function saveReport(dir: string, key: string, code: number, report: string): void {
  const out = reportWriter(dir, key);
  out.write(report);
  out.finish(code);
}

/**
 * Saves a report under `key` as it is written, a part at a time (a streamed report, src/report/stream.ts), so
 * that it is never held whole: the parts go to a temporary file after a header whose length is written last
 * (zero-padded, so it takes the same room), then the file is renamed into place, and `loadReport` reads it. Never
 * throws: a part that cannot be written drops the entry.
 */
export function reportWriter(
  dir: string,
  key: string,
): { write(part: string): void; finish(code: number): void; abort(): void } {
  const out = partialFile(path.join(dir, `${key}.out`));
  let length = 0;
  out.write(reportHeader(0, 0));
  return {
    write(part) {
      if (!out.ok || !part) return;
      const bytes = Buffer.from(part, 'utf8');
      out.write(bytes);
      length += bytes.length;
    },
    abort: out.abort,
    finish(code) {
      if (!out.ok) return;
      out.write(reportHeader(code, length), 0);
      if (out.commit()) prune(dir, '.out');
    },
  };
}
