import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  formatText,
  textParts
} from "./chunk-6AJUARC7.js";
import {
  runStats
} from "./chunk-NU6YGQHK.js";
import {
  formatSarif,
  jsonArrayWriter,
  sarifParts,
  sizeLines
} from "./chunk-45VSFYDT.js";
import {
  discoveryOptions,
  fileKeys,
  findingsFile,
  historyCacheDir,
  lintOptionsOf,
  lintStage,
  loadParserBaseline,
  prepareEmbeddedShadow,
  reportKey,
  reportWriter,
  resolveSettings,
  saveReport,
  targetText
} from "./chunk-D6MKWA2R.js";
import {
  applyStats
} from "./chunk-DC3IJ7CW.js";
import {
  DiscoveryError,
  autoDiscover,
  describeAgain,
  detectDialect,
  findMigrations,
  markerOf,
  readSource,
  withFsMemo
} from "./chunk-KDG2PFI5.js";
import {
  visible
} from "./chunk-TWNDLBWA.js";
import {
  hasSecrets,
  redactSecrets
} from "./chunk-DSMXYHHG.js";
import {
  loadConfig
} from "./chunk-3SZW23GX.js";
import {
  UsageError,
  exitCodeFor
} from "./chunk-YPZZPID6.js";
import {
  adoptEntries,
  asListing,
  checkEntries,
  currentInvocation,
  currentRecord,
  holds,
  newestFirst,
  saveStamp,
  stampKey,
  stampWentStale,
  startRecording,
  stopRecording,
  unrecordable
} from "./chunk-5THZYCGT.js";
import {
  loadReport
} from "./chunk-76XLLUF5.js";
import {
  codeIdentity
} from "./chunk-F2TVXXTQ.js";
import {
  lintCacheDir,
  pruneOldest,
  touchUsed,
  writeFileAtomic
} from "./chunk-F3IQVTJL.js";

// src/cli/lint.ts
import { existsSync, writeFileSync } from "node:fs";
import path3 from "node:path";
import { setFlagsFromString } from "node:v8";

// src/report/json.ts
function toJson(result) {
  return {
    version: 1,
    files: result.files.map(jsonFile),
    summary: jsonSummary(result.summary),
    ...result.stats ? { stats: result.stats } : {}
  };
}
function jsonFile(f) {
  return {
    path: f.migration.path,
    findings: f.findings.map((x) => {
      const o = {
        rule: x.rule,
        severity: x.severity,
        message: x.message,
        help: x.help,
        line: x.line,
        column: x.column,
        endLine: x.endLine,
        endColumn: x.endColumn
      };
      if (x.confirmed !== void 0) o.confirmed = x.confirmed;
      if (x.online) o.online = x.online;
      if (x.estimate) o.estimate = x.estimate;
      if (x.sizeNote) o.sizeNote = x.sizeNote;
      return o;
    })
  };
}
function jsonSummary(s) {
  return {
    files: s.files,
    statements: s.statements,
    errors: s.errors,
    warnings: s.warnings,
    ...s.analysed !== void 0 ? { analysed: s.analysed } : {},
    ...s.notes ? { notes: s.notes } : {}
  };
}
function formatJson(result, indent = 2) {
  return JSON.stringify(toJson(result), null, indent || void 0) + "\n";
}
function jsonParts(indent) {
  const skeleton = (summary, stats) => {
    const text = JSON.stringify(toJson({ files: [], summary, ...stats ? { stats } : {} }), null, indent || void 0);
    const at = text.indexOf(indent ? '"files": []' : '"files":[]') + (indent ? 10 : 9);
    return [text.slice(0, at), text.slice(at)];
  };
  const files = jsonArrayWriter(indent, 1);
  return {
    head: () => skeleton({ files: 0, statements: 0, errors: 0, warnings: 0 })[0],
    file: (f) => files.element(jsonFile(f)),
    end: (summary, stats) => `${files.close()}${skeleton(summary, stats)[1]}
`
  };
}

// src/report/github.ts
function escapeProperty(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function annotation(f) {
  const cmd = f.severity === "error" ? "error" : f.severity === "note" ? "notice" : "warning";
  const props = [
    `file=${escapeProperty(f.path)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    `title=${escapeProperty(`zerodown ${f.rule}`)}`
  ];
  if (f.endLine === f.line) props.push(`endColumn=${f.endColumn}`);
  return `::${cmd} ${props.join(",")}::${escapeData(visible([`${f.message}`, `Fix: ${f.help}`, ...sizeLines(f)].join("\n"), { newlines: true }))}`;
}
function formatGithub(result) {
  let out = "";
  for (const file of result.files) out += githubFile(file);
  return out + githubEnd(result.summary);
}
function githubFile(file) {
  let out = "";
  for (const f of file.findings) out += `${annotation(f)}
`;
  return out;
}
function githubEnd(s) {
  return `zerodown: ${s.errors} error(s), ${s.warnings} warning(s) in ${s.files} migration file(s)
`;
}

// src/report/gitlab.ts
import { createHash } from "node:crypto";
import path from "node:path";
var SEVERITY = { error: "critical", warning: "minor", note: "info" };
function repoPath(p, cwd, root) {
  const abs = path.resolve(cwd, p);
  const rel = path.relative(root, abs);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return abs.split(path.sep).join("/");
  return rel.split(path.sep).join("/");
}
var fold = (s) => s.replace(/\s+/g, " ").trim();
function toCodeQuality(result, opts = {}) {
  return result.files.flatMap((file) => fileIssues(file, opts));
}
function fileIssues(file, opts) {
  const cwd = opts.cwd ?? process.cwd();
  const root = opts.root ?? cwd;
  const issues = [];
  const seen = /* @__PURE__ */ new Map();
  for (const f of file.findings) {
    const where = repoPath(f.path, cwd, root);
    const stmt = f.statementIndex >= 0 ? file.statements[f.statementIndex] : void 0;
    const what = stmt ? fold(stmt.text) : `${fold(f.message)}`;
    const key = `${f.rule}\0${where}\0${what}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    issues.push(issue(f, where, fingerprint(`${key}\0${n}`)));
  }
  return issues;
}
function fingerprint(key) {
  return createHash("sha256").update(key).digest("hex").slice(0, 32);
}
function issue(f, where, print) {
  const seen = f.confirmed ? " (seen in the dry run)" : "";
  return {
    type: "issue",
    // plain text (GitLab shows it as text); identifiers from the migration cannot carry terminal escapes
    description: visible(`${f.message}${seen} Instead: ${f.help}`),
    check_name: f.rule,
    fingerprint: print,
    severity: SEVERITY[f.severity],
    categories: ["Bug Risk"],
    location: { path: where, lines: { begin: Math.max(1, f.line), end: Math.max(1, f.line, f.endLine) } }
  };
}
function formatCodeQuality(result, opts = {}) {
  return JSON.stringify(toCodeQuality(result, opts), null, 2) + "\n";
}
function codeQualityParts(opts = {}) {
  const issues = jsonArrayWriter(2, 0);
  return {
    head: () => "[",
    file: (f) => fileIssues(f, opts).map((i) => issues.element(i)).join(""),
    end: () => `${issues.close()}]
`
  };
}

// src/report/stream.ts
function reportStream(format, color, pretty) {
  if (format === "json") return jsonParts(pretty ? 2 : 0);
  if (format === "github") return { head: () => "", file: githubFile, end: githubEnd };
  if (format === "sarif") return sarifParts();
  if (format === "gitlab") return codeQualityParts();
  if (format !== "text") return void 0;
  return { head: () => "", ...textParts(color) };
}

// src/pipeline/discovery-cache.ts
import { mkdirSync, readFileSync } from "node:fs";
import path2 from "node:path";
var FORMAT = 1;
var KEEP = 16;
function discoveryKey(argv, cwd, env) {
  return stampKey(argv, cwd, env, false, codeIdentity(), `zerodown-discovery ${FORMAT}`);
}
var entryFile = (dir, key) => path2.join(dir, `${key}.discovery`);
function saveDiscovery(dir, key, record, detected, found) {
  if (record.unsound) return;
  try {
    let migrations = null;
    const seen = new Map(record.seen);
    if (found) {
      const first = found.migrations.findIndex((m) => m.review);
      if (first <= 0) return;
      const keys = found.keys ?? fileKeys(found.migrations.slice(0, first));
      migrations = [];
      for (const [i, m] of found.migrations.entries()) {
        const { source, ...rest } = m;
        const saved = { m: rest, n: source.length };
        if (m.review) {
          const root = found.roots.get(m.absPath);
          const markers = record.inspected.get(m.absPath);
          if (!root || markers === null) return;
          saved.root = root;
          if (markers) saved.markers = markers;
          seen.delete(`s${m.absPath}`);
          const folder = `d${path2.dirname(m.absPath)}`;
          const sig = seen.get(folder);
          const listing = sig && asListing(folder.slice(1), sig);
          if (sig && !listing) return;
          if (listing) seen.set(folder, listing);
        } else if (i < first) saved.key = keys[i];
        migrations.push(saved);
      }
    }
    for (const [k, sig] of seen) if (k[0] === "s" && sig.startsWith("#")) return;
    const entry = { format: FORMAT, seen: newestFirst(seen), detected: detected ?? null, migrations };
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(entryFile(dir, key), JSON.stringify(entry));
    pruneOldest(dir, ".discovery", KEEP);
  } catch {
  }
}
var outcome;
function reuseDiscovery(dir, key) {
  outcome = "missed";
  let entry;
  try {
    entry = JSON.parse(readFileSync(entryFile(dir, key), "utf8"));
    if (entry?.format !== FORMAT || !Array.isArray(entry.seen) || checkEntries(entry.seen) !== "hold") return void 0;
  } catch {
    return void 0;
  }
  adoptEntries(entry.seen);
  touchUsed(entryFile(dir, key));
  const signatures = new Map(entry.seen);
  if (entry.migrations === null) outcome = "reused";
  return {
    detected: entry.detected ?? void 0,
    nothing: entry.migrations === null,
    async revive(pgVersion) {
      const saved = entry.migrations ?? [];
      const migrations = [];
      const keys = [];
      let chars = 0;
      let first = -1;
      for (const s of saved) {
        const { path: shown, absPath, ...rest } = s.m;
        if (s.root !== void 0) {
          if (s.markers && !sameAnswers(s.m.absPath, s.markers)) return void 0;
          const again = await describeAgain(s.m, s.root, pgVersion);
          if (!again || again.version !== s.m.version) return void 0;
          if (first < 0) first = migrations.length;
          chars += again.source.length;
          migrations.push(again);
          continue;
        }
        const m = { path: shown, absPath, source: "", ...rest };
        lazySource(m, signatures.get(`s${absPath}`));
        chars += s.n;
        migrations.push(m);
        if (first < 0) keys.push(s.key);
      }
      if (first <= 0) return void 0;
      keys.push(...fileKeys(migrations.slice(first), keys.at(-1)));
      outcome = "reused";
      return { migrations, keys, chars };
    }
  };
}
function sameAnswers(abs, saved) {
  let text;
  try {
    text = readFileSync(abs, "utf8");
  } catch {
    return false;
  }
  return Object.entries(saved).every(([name, answer]) => markerOf(name, text) === answer);
}
function lazySource(m, sig) {
  const settle = (value) => Object.defineProperty(m, "source", { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(m, "source", {
    enumerable: true,
    configurable: true,
    get() {
      const { text } = readSource(m.absPath);
      if (sig === void 0 || !holds(`s${m.absPath}`, sig))
        throw new DiscoveryError(`${m.path} changed while zerodown was running: run it again`);
      settle(text);
      return text;
    },
    set(value) {
      settle(value);
    }
  });
}

// src/cli/lint.ts
function useColor(flag, stream, env = process.env) {
  if (flag !== void 0) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  return !!stream.isTTY && env.TERM !== "dumb";
}
function formatReport(result, format, color, pretty = true) {
  switch (format) {
    case "json":
      return formatJson(result, pretty ? 2 : 0);
    case "sarif":
      return formatSarif(result);
    case "github":
      return formatGithub(result);
    case "gitlab":
      return formatCodeQuality(result);
    case "text":
      return formatText(result, { color });
    default:
      throw new UsageError(`unknown format "${format}" (use text, json, sarif, github or gitlab)`);
  }
}
function progressReporter(stream, now = () => performance.now()) {
  if (!stream.isTTY) return { tick() {
  }, statements() {
  }, clear() {
  }, end() {
  } };
  const started = now();
  let last = 0;
  let shown = false;
  return {
    tick(done, total) {
      const t = now();
      if (t - started < 500 || t - last < 100) return;
      last = t;
      shown = true;
      stream.write(`\r\x1B[Kzerodown: linting ${done}/${total} migration files\u2026`);
    },
    statements(done, total, file) {
      const t = now();
      if (t - started < 500 || t - last < 100) return;
      last = t;
      shown = true;
      const name = file.length > 50 ? `\u2026${file.slice(-49)}` : file;
      stream.write(
        `\r\x1B[Kzerodown: linting ${name}, statement ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}\u2026`
      );
    },
    clear() {
      if (shown) stream.write("\r\x1B[K");
      shown = false;
    },
    end() {
      if (shown) stream.write("\r\x1B[K");
    }
  };
}
var pipeGuard = false;
var pipeExitCode = 0;
function quietOnClosedPipe(code) {
  pipeExitCode = code;
  if (pipeGuard) return;
  pipeGuard = true;
  process.stdout.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(pipeExitCode);
    throw err;
  });
}
function warnIgnored(given, instead) {
  for (const [option, value] of given) {
    if (value !== void 0) process.stderr.write(`zerodown: warning: ${option} is ignored ${instead}
`);
  }
}
function shadowOptions(opts) {
  return [
    ["--shadow-url", opts.shadowUrl],
    ["--seed-rows", opts.seedRows],
    ["--shadow-timeout", opts.shadowTimeout],
    ["--allow-superuser-shadow", opts.allowSuperuserShadow]
  ];
}
var SMALL_YOUNG_GENERATION_CHARS = 4e6;
async function lintCommand(paths, opts) {
  if (opts.dryRun) {
    warnIgnored([["--daemon", opts.daemon || void 0]], "with --dry-run: a dry run runs in its own process");
    return lintRun(paths, opts);
  }
  const recording = recordRun(opts);
  setFlagsFromString("--semi-space-growth-factor=1");
  try {
    return await lintRun(paths, opts, recording?.stamp);
  } finally {
    setFlagsFromString("--semi-space-growth-factor=2");
    recording?.end();
  }
}
function recordRun(opts) {
  const argv = currentInvocation();
  if (argv?.[0] !== "lint" || opts.cache === false || opts.output) return void 0;
  const cwd = process.cwd();
  const record = startRecording();
  const write = process.stderr.write;
  unrecorded = (text) => write.call(process.stderr, text);
  process.stderr.write = function(chunk, ...rest) {
    if (typeof chunk === "string") {
      if (!chunk.startsWith("\r")) record.stderr += chunk;
    } else unrecordable("bytes on stderr");
    return write.apply(this, [chunk, ...rest]);
  };
  return {
    stamp(dir, report) {
      if (!hasSecrets()) saveStamp(dir, stampKey(argv, cwd, process.env, !!process.stdout.isTTY), record, report);
    },
    end() {
      stopRecording();
      process.stderr.write = write;
      unrecorded = void 0;
    }
  };
}
var unrecorded;
function trace(line) {
  if (process.env.ZERODOWN_TRACE) (unrecorded ?? ((t) => process.stderr.write(t)))(`zerodown: ${line}
`);
}
async function lintInputs(paths, opts, config, cwd) {
  let reviewOnly;
  let folders = paths.length ? paths : config.paths ?? [];
  if (opts.onlyMigrations) {
    if (opts.since) throw new UsageError("--only-migrations and --since exclude each other: give the files, or a ref");
    reviewOnly = new Set(paths.filter((p) => p.endsWith(".sql")).map((p) => path3.resolve(cwd, p)));
    if (!reviewOnly.size) return void 0;
  }
  const findingsDir = opts.cache !== false && !opts.dryRun ? lintCacheDir(cwd, "findings") : void 0;
  const record = currentRecord();
  const argv = currentInvocation();
  const reuseKey = record && argv && findingsDir ? discoveryKey(argv, cwd, process.env) : void 0;
  const reused = reuseKey ? reuseDiscovery(findingsDir, reuseKey) : void 0;
  const remember = (detected2, found) => {
    if (reuseKey) saveDiscovery(findingsDir, reuseKey, record, detected2, found);
  };
  if (reused?.nothing) {
    trace("discovery reused: none of the files is a migration");
    return void 0;
  }
  const migrationFolders = async () => config.paths ?? (await autoDiscover(cwd)).map((r) => r.path);
  if (opts.onlyMigrations && !reused) {
    folders = await migrationFolders();
    if (!folders.length) {
      remember(void 0, null);
      return void 0;
    }
  }
  const detected = reused ? reused.detected : opts.dialect || config.dialect ? void 0 : await detectDialect(folders, cwd);
  const settings = resolveSettings({ ...opts, ...detected ? { detected } : {} }, config);
  const stats = await runStats(opts, cwd);
  const findings = findingsDir && findingsFile(findingsDir, settings.dialect, lintOptionsOf(settings));
  if (!findings || !existsSync(findings) || stampWentStale()) loadParserBaseline(settings.dialect).catch(() => {
  });
  const revived = reused && await reused.revive(settings.pgVersion);
  let migrations;
  let keys;
  let chars = 0;
  if (revived) {
    ({ migrations, keys, chars } = revived);
    trace(
      `discovery reused: ${migrations.filter((m) => !m.review).length} files unchanged, read again only those under review`
    );
  } else {
    if (reused)
      trace("discovery saved, but a file under review is no longer what it was to its tool: discovering again");
    if (reused && opts.onlyMigrations) folders = await migrationFolders();
    const found = await findMigrations(folders, {
      ...discoveryOptions(opts, config, settings, cwd),
      ...opts.since ? { since: opts.since } : {},
      ...reviewOnly ? { reviewOnly } : {}
    });
    migrations = found.migrations;
    for (const m of migrations) chars += m.source.length;
    if (reviewOnly && !migrations.some((m) => m.review)) {
      remember(detected, null);
      return void 0;
    }
    if (findings) keys = fileKeys(migrations);
    remember(detected, { migrations, roots: found.roots, ...keys ? { keys } : {} });
  }
  if (chars > SMALL_YOUNG_GENERATION_CHARS) setFlagsFromString("--semi-space-growth-factor=2");
  return { settings, stats, findingsDir, findings, migrations, keys };
}
async function lintRun(paths, opts, stamp) {
  if (!opts.dryRun)
    warnIgnored(
      shadowOptions(opts),
      "without --dry-run: lint only uses a shadow database with --dry-run (add it to confirm findings there)"
    );
  const cwd = process.cwd();
  const { config } = await loadConfig(cwd, opts.config);
  const found = await withFsMemo(() => lintInputs(paths, opts, config, cwd));
  if (!found) return 0;
  const { settings, stats, findingsDir, findings, migrations } = found;
  const tty = !opts.output && !!process.stdout.isTTY;
  const color = opts.output ? opts.color ?? false : useColor(opts.color, process.stdout);
  const said = opts.format === "text" ? dialectLine(settings) : "";
  const keys = found.keys;
  const report = findings && keys && !stats ? reportKey(findings, keys, [opts.format, color, tty, said, settings.failOn, cwd]) : void 0;
  const saved = report && findingsDir ? loadReport(findingsDir, report) : void 0;
  if (saved) {
    emit(saved.bytes, saved.code, opts.output, cwd);
    stamp?.(findingsDir, report);
    return saved.code;
  }
  loadParserBaseline(settings.dialect).catch(() => {
  });
  const shadowUrl = opts.dryRun ? opts.shadowUrl ?? config.dryRun?.shadowUrl ?? process.env.ZERODOWN_SHADOW_URL : void 0;
  if (opts.dryRun) await prepareEmbeddedShadow(settings, shadowUrl, migrations, !!stats);
  const progress = progressReporter(process.stderr);
  const stream = !opts.dryRun && !stats && !opts.output ? reportStream(opts.format, color, tty) : void 0;
  const saving = stream && report && findingsDir ? reportWriter(findingsDir, report) : void 0;
  let pending = "";
  const put = (part, last = false) => {
    pending += part;
    if (pending.length < 1 << 16 && !last) return;
    progress.clear();
    process.stdout.write(pending);
    saving?.write(pending);
    pending = "";
  };
  if (stream) {
    quietOnClosedPipe(0);
    put(said ? `${said}
${stream.head()}` : stream.head());
  }
  let stage;
  try {
    stage = await lintStage(migrations, {
      ...lintOptionsOf(settings),
      // the dry run gets the files parsed here (src/pipeline/index.ts dryRunStage)
      keepParsed: !!opts.dryRun,
      // the schema replayed from an unchanged history is reused (src/pipeline/history-cache.ts); --no-cache: replay it
      ...opts.cache !== false && !opts.dryRun ? { historyCache: historyCacheDir(cwd) } : {},
      ...findingsDir ? { findingsCache: findingsDir } : {},
      ...keys ? { findingsKeys: keys } : {},
      onProgress: (done, total) => progress.tick(done, total),
      onStatements: (done, total, m) => progress.statements(done, total, m.path),
      ...stream ? { onFile: (r) => put(stream.file(r)) } : {}
    });
  } catch (err) {
    saving?.abort();
    throw err;
  } finally {
    progress.end();
  }
  const result = stage.result;
  if (stream) {
    const code2 = exitCodeFor(result, settings.failOn);
    quietOnClosedPipe(code2);
    put(stream.end(result.summary), true);
    if (saving) {
      saving.finish(code2);
      stamp?.(findingsDir, report);
    }
    return code2;
  }
  let dry;
  if (opts.dryRun) {
    const { lintDryRun } = await import("./dry-run-Q5YZYTNX.js");
    dry = await lintDryRun(result, migrations, settings, {
      ...stats ? { estimate: true } : {},
      shadowUrl,
      seedRows: opts.seedRows ?? config.dryRun?.seedRows,
      shadowTimeout: opts.shadowTimeout ?? config.dryRun?.shadowTimeout,
      ...opts.allowSuperuserShadow ? { allowSuperuserShadow: true } : {},
      // --no-cache: the dry run replays the history too, and neither reuses nor saves a report
      ...opts.cache === false ? { cache: false } : {},
      cwd,
      ...stage.parsed ? { parsed: stage.parsed } : {}
    });
  }
  if (stats) applyStats(result, stats.stats, settings.estimates, stats.source, dry);
  const code = exitCodeFor(result, settings.failOn);
  let out = formatReport(result, opts.format, color, tty);
  if (said) out = `${said}
${out}`;
  if (report && findingsDir) {
    saveReport(findingsDir, report, code, out);
    stamp?.(findingsDir, report);
  }
  emit(out, code, opts.output, cwd);
  return code;
}
function emit(out, code, output, cwd) {
  if (output) {
    try {
      writeFileSync(path3.resolve(cwd, output), redactSecrets(typeof out === "string" ? out : out.toString("utf8")));
    } catch (err) {
      throw new UsageError(`cannot write ${output}: ${err.message}`);
    }
  } else {
    quietOnClosedPipe(code);
    process.stdout.write(out);
  }
}
function dialectLine(settings) {
  const src = settings.dialectSource;
  if (settings.dialect.id === "postgres" && src.from !== "detected") return "";
  const why = src.from === "detected" ? `detected: ${src.reason}` : src.from === "given" ? "--dialect" : src.from === "config" ? "config `dialect`" : "default";
  return `dialect: ${targetText(settings)} (${why})`;
}

export {
  formatCodeQuality,
  useColor,
  formatReport,
  progressReporter,
  warnIgnored,
  shadowOptions,
  lintCommand,
  dialectLine
};
