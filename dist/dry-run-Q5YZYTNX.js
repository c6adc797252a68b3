import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  withShadowCleanup
} from "./chunk-VB2LWJ73.js";
import {
  runStats
} from "./chunk-NU6YGQHK.js";
import {
  blocksText,
  escapeText,
  firstLine,
  heldSentence,
  historyLine,
  inlineCode,
  lineCell,
  lockNote,
  locksHidden,
  ms,
  notRunText,
  onlineBlocks,
  onlineText,
  rewriteCell,
  richText,
  seedLine,
  shownLocks,
  statementCell,
  statementCount,
  stoppedLine,
  versionNote
} from "./chunk-2Y3PFKCM.js";
import {
  addDryRunFacts,
  discoveryOptions,
  dryRunStage,
  loadParserBaseline,
  prepareEmbeddedShadow,
  require_picocolors,
  resolveSettings
} from "./chunk-D6MKWA2R.js";
import {
  estimateDryRun
} from "./chunk-DC3IJ7CW.js";
import {
  detectDialect,
  findMigrations
} from "./chunk-KDG2PFI5.js";
import {
  visible
} from "./chunk-TWNDLBWA.js";
import "./chunk-ERQZGLCT.js";
import "./chunk-LI67BYTM.js";
import {
  defaultCacheDir,
  resultUsedSince
} from "./chunk-7VM23UPF.js";
import "./chunk-66RDFW5F.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-NTPLS3CR.js";
import "./chunk-JJQEPNJF.js";
import "./chunk-BFLEMGMC.js";
import "./chunk-Z2W6ZCS5.js";
import "./chunk-3TIBL5EG.js";
import "./chunk-MRBN6FC7.js";
import "./chunk-JB5CXEFZ.js";
import {
  formatDuration
} from "./chunk-KLJQAZEJ.js";
import {
  timeoutMsOf
} from "./chunk-SYUIUCCK.js";
import "./chunk-N5OLXBFP.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-IW5IPINL.js";
import "./chunk-RB5SEY6D.js";
import "./chunk-5T3UE7HX.js";
import "./chunk-IXAVB2MN.js";
import {
  redactSecrets
} from "./chunk-DSMXYHHG.js";
import {
  loadConfig
} from "./chunk-3SZW23GX.js";
import {
  UsageError
} from "./chunk-YPZZPID6.js";
import "./chunk-GN46SLEG.js";
import "./chunk-WHSIOZEN.js";
import "./chunk-5THZYCGT.js";
import "./chunk-76XLLUF5.js";
import "./chunk-F2TVXXTQ.js";
import "./chunk-F3IQVTJL.js";
import {
  __toESM
} from "./chunk-XJGXLKRM.js";

// src/cli/dry-run.ts
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// src/report/dryrun-json.ts
function toDryRunJson(d) {
  const statements = d.statements.map((s) => {
    const o = {
      path: s.path,
      line: s.line,
      sql: s.sql,
      durationMs: s.durationMs,
      locks: s.locks.map((l) => {
        const x = {
          relation: l.relation,
          mode: l.mode,
          blocksReads: l.blocksReads,
          blocksWrites: l.blocksWrites,
          source: l.source
        };
        if (l.kind) x.kind = l.kind;
        if (l.heldSince !== void 0) x.heldSince = l.heldSince;
        return x;
      }),
      rewrites: s.rewrites,
      error: s.error ? {
        code: s.error.code,
        message: s.error.message,
        line: s.error.line,
        column: s.error.column,
        ...s.error.detail ? { detail: s.error.detail } : {},
        ...s.error.hint ? { hint: s.error.hint } : {},
        ...s.error.limit ? { limit: s.error.limit } : {},
        ...s.error.consequenceOf ? { consequenceOf: s.error.consequenceOf } : {}
      } : null,
      column: s.column,
      endLine: s.endLine,
      kind: s.kind,
      transaction: s.transaction,
      rebuiltIndexes: s.rebuiltIndexes
    };
    if (s.skipped) o.skipped = true;
    if (s.count) o.count = s.count;
    if (s.timedOut) o.timedOut = true;
    if (s.refused) o.refused = s.refused;
    if (s.online) o.online = { ...s.online };
    if (s.estimate) o.estimate = s.estimate;
    if (s.unmeasured) o.unmeasured = s.unmeasured;
    return o;
  });
  const h = d.history;
  return {
    version: 1,
    engine: d.engine,
    statements,
    heldLocks: d.heldLocks,
    files: d.files.map((f) => ({ path: f.path, statements: f.statements, ok: !f.error })),
    history: h.source === "migrations" ? {
      source: h.source,
      files: h.files,
      statements: h.statements,
      failures: h.failures,
      refused: h.refused ?? [],
      durationMs: h.durationMs
    } : {
      source: h.source,
      path: h.path,
      statements: h.statements,
      failures: h.errors,
      refused: h.refused ?? [],
      durationMs: h.durationMs
    },
    seed: d.seed,
    limits: d.limits,
    boot: d.boot,
    cache: d.cache,
    timings: d.timings,
    ...d.stopped ? { stopped: d.stopped } : {},
    ...d.shadowVersion !== void 0 ? { shadowVersion: d.shadowVersion, targetVersion: d.targetVersion } : {}
  };
}
function formatDryRunJson(d) {
  return JSON.stringify(toDryRunJson(d), null, 2) + "\n";
}

// src/report/dryrun-markdown.ts
var code = (s) => s ? inlineCode(s, { table: true }) : "";
function formatDryRunMarkdown(d) {
  const out = [];
  const failed = d.files.filter((f) => f.error);
  const blocking = d.statements.some((s) => s.locks.some((l) => l.blocksReads || l.blocksWrites) || onlineBlocks(s));
  const measured = d.statements.some((s) => s.online || s.unmeasured);
  const icon = failed.length || d.stopped ? "\u274C" : blocking || d.heldLocks.length ? "\u26A0\uFE0F" : "\u2705";
  out.push(`### ${icon} zerodown dry run`);
  out.push("");
  out.push(
    `Ran on **${escapeText(d.engine)}** \xB7 ${escapeText(historyLine(d))} \xB7 ${escapeText(seedLine(d))} \xB7 ${ms(d.timings.totalMs)}${escapeText(versionNote(d, d.dialect))}`
  );
  out.push("");
  const stopped = stoppedLine(d);
  if (stopped) {
    out.push(`> **${escapeText(stopped)}**`);
    out.push("");
  }
  if (failed.length) {
    for (const f of failed) {
      const e = f.error;
      out.push(`> **${escapeText(f.path)}:${e.line}** fails: ${code(e.code)} ${escapeText(e.message)}`);
    }
    out.push("");
  }
  const byFile = /* @__PURE__ */ new Map();
  for (const s of d.statements) {
    const list = byFile.get(s.path);
    if (list) list.push(s);
    else byFile.set(s.path, [s]);
  }
  for (const [file, stmts] of byFile) {
    out.push(`#### ${code(file)}`);
    out.push("");
    out.push(
      `| line | statement |${measured ? " online DDL (measured) |" : ""} locks | blocks | rewrite | time | error |`
    );
    out.push(`| ---: | --- |${measured ? " --- |" : ""} --- | --- | --- | ---: | --- |`);
    const onlineCell = (s) => {
      if (!measured) return "";
      const text = onlineText(s);
      const blocks = onlineBlocks(s);
      return ` ${s.online ? `${code(text)}${blocks ? ` blocks **${blocks}**` : ""}` : text ? escapeText(text) : ""} |`;
    };
    for (const s of stmts) {
      if (s.skipped) {
        out.push(
          `| ${s.line} | ${code(firstLine(s.sql, 60))} |${measured ? " |" : ""} | | | | ${d.stopped ? escapeText(notRunText(d)) : "not run (earlier error)"} |`
        );
        continue;
      }
      if (s.refused) {
        out.push(
          `| ${s.line} | ${code(firstLine(s.sql, 60))} |${measured ? " |" : ""} | | | | not run on the shadow: ${escapeText(s.refused)} |`
        );
        continue;
      }
      const locks = s.error ? [] : shownLocks(s, d.dialect);
      const lockCell = locks.map((l) => `${l.mode} on ${code(l.relation)}${lockNote(l)}`).join("<br>") || (locksHidden(d) && !s.error ? "not visible" : "");
      const blocks = locks.map((l) => l.blocksReads ? "**reads and writes**" : l.blocksWrites ? "**writes**" : blocksText(l)).join("<br>");
      const rewrite = rewriteCell(s, code);
      const err = s.error ? `\u274C ${code(s.error.code)} ${escapeText(s.error.message)}` : "";
      out.push(
        `| ${lineCell(s)} | ${code(statementCell(s, 60))} |${onlineCell(s)} ${lockCell} | ${blocks} | ${rewrite} | ${ms(s.durationMs)} | ${err} |`
      );
    }
    out.push("");
  }
  if (d.heldLocks.length) {
    out.push("**Locks held across a transaction**");
    out.push("");
    for (const h of d.heldLocks) out.push(`- ${code(h.path)}: ${richText(heldSentence(h))}`);
    out.push("");
  }
  if (d.limits.length) {
    out.push("**Engine limits**");
    out.push("");
    for (const l of d.limits) out.push(`- ${richText(l.message)}`);
    out.push("");
  }
  out.push(
    /^(mysql|mariadb)\b/.test(d.engine) ? `<sub>Online DDL measured on ${escapeText(d.engine)}: each ALTER was first tried on a copy of its table with ALGORITHM=INSTANT, then INPLACE with LOCK=NONE, SHARED, EXCLUSIVE, then COPY; the first the server accepted is shown. Locks are metadata lock types as the server reports them, where it shows them.</sub>` : '<sub>Lock modes as PostgreSQL reports them in pg_locks; "documented" marks statements that cannot run inside a transaction, whose lock comes from the PostgreSQL documentation.</sub>'
  );
  return out.join("\n") + "\n";
}

// src/report/dryrun-text.ts
var import_picocolors = __toESM(require_picocolors(), 1);
function pad(s, n) {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}
function formatDryRunText(d, opts) {
  const c = opts.color ? import_picocolors.default : import_picocolors.default.createColors(false);
  const out = [];
  out.push(
    c.bold(`zerodown dry run on ${visible(d.engine)}`) + c.dim(` \xB7 ${visible(historyLine(d))} \xB7 ${visible(seedLine(d))}${versionNote(d, d.dialect)}`)
  );
  if (d.cache === "result")
    out.push(
      c.dim(
        "reused: an earlier run traced these same migrations on the same history (shadow cache; --no-cache reruns)"
      )
    );
  out.push("");
  const byFile = /* @__PURE__ */ new Map();
  for (const s of d.statements) {
    const list = byFile.get(s.path);
    if (list) list.push(s);
    else byFile.set(s.path, [s]);
  }
  for (const [file, stmts] of byFile) {
    out.push(c.bold(visible(file)));
    const lw = stmts.reduce((w, s) => Math.max(w, lineCell(s).length), 4);
    out.push(
      c.dim(
        `  ${pad("line", lw)}  ${pad("statement", 46)}  ${"time".padStart(8)}  ${pad("locks", 44)}  ${pad("blocks", 16)}  rewrites`
      )
    );
    for (const s of stmts) {
      const line = pad(lineCell(s), lw);
      const sql = pad(visible(statementCell(s, 46)), 46);
      if (s.skipped) {
        out.push(`  ${line}  ${sql}  ${" ".repeat(8)}  ${c.dim(notRunText(d))}`);
        continue;
      }
      if (s.refused) {
        out.push(`  ${line}  ${sql}  ${" ".repeat(8)}  ${c.yellow(visible(`not run on the shadow: ${s.refused}`))}`);
        continue;
      }
      const locks = s.error ? [] : shownLocks(s, d.dialect);
      const rewrite = visible(rewriteCell(s, (r) => r));
      const rows = locks.length ? locks : [void 0];
      rows.forEach((l, i) => {
        const lockText = l ? visible(`${l.mode} ${l.relation}${lockNote(l)}`) : s.error ? "" : c.dim(locksHidden(d) ? "not visible" : "none");
        const blocks = l ? blocksText(l) : "";
        const colored = l?.blocksReads ? c.red(pad(lockText, 44)) : l?.blocksWrites ? c.yellow(pad(lockText, 44)) : pad(lockText, 44);
        const bl = l?.blocksReads ? c.red(pad(blocks, 16)) : l?.blocksWrites ? c.yellow(pad(blocks, 16)) : pad(blocks, 16);
        if (i === 0) {
          out.push(
            `  ${line}  ${sql}  ${ms(s.durationMs).padStart(8)}  ${colored}  ${bl}  ${c.magenta(rewrite)}`.trimEnd()
          );
        } else {
          out.push(`  ${" ".repeat(lw)}  ${" ".repeat(46)}  ${" ".repeat(8)}  ${colored}  ${bl}`.trimEnd());
        }
      });
      const online = onlineText(s);
      if (online) {
        const blocks = onlineBlocks(s);
        const text = s.online ? `online DDL (measured on ${s.online.server}): ${online}${blocks ? ` (blocks ${blocks} for the whole operation)` : ""}` : online;
        out.push(
          `  ${" ".repeat(lw)}  ${blocks === "reads and writes" ? c.red(visible(text)) : blocks ? c.yellow(visible(text)) : c.dim(visible(text))}`
        );
      }
      if (s.estimate) {
        const e = s.estimate;
        out.push(
          `  ${" ".repeat(lw)}  ${c.blue(visible(`production: ${formatDuration(e.seconds)} (estimate) under ${e.lock}: ${e.basis}`))}`
        );
      }
      if (s.error) {
        const e = s.error;
        out.push(
          `  ${" ".repeat(lw)}  ${c.red("\u2716")} ${c.red(visible(`${e.code} ${e.message}`))} ${c.dim(`(${visible(e.path)}:${e.line}:${e.column})`)}`
        );
        if (e.detail) out.push(`  ${" ".repeat(lw)}    ${c.dim(visible(e.detail))}`);
        if (e.hint) out.push(`  ${" ".repeat(lw)}    ${c.dim(`hint: ${visible(e.hint)}`)}`);
        if (e.limit) out.push(`  ${" ".repeat(lw)}    ${c.dim(`engine limit: ${visible(e.limit)}`)}`);
        if (e.consequenceOf) out.push(`  ${" ".repeat(lw)}    ${c.dim(visible(`probably follows from ${e.consequenceOf}`))}`);
      }
    }
    out.push("");
  }
  if (d.heldLocks.length) {
    out.push(c.bold("locks held across a transaction"));
    for (const h2 of d.heldLocks)
      out.push(`  ${h2.blocksReads ? c.red("\u26A0") : c.yellow("\u26A0")} ${visible(h2.path)}: ${visible(heldSentence(h2))}`);
    out.push("");
  }
  if (d.limits.length) {
    out.push(c.bold("engine limits"));
    for (const l of d.limits) out.push(`  \u2022 ${visible(l.message)}`);
    out.push("");
  }
  const h = d.history;
  const histFailures = h.source === "migrations" ? h.failures : h.errors;
  if (histFailures.length) {
    out.push(
      c.bold(
        h.source === "migrations" ? "earlier migrations that failed on the shadow" : "schema dump statements that failed"
      )
    );
    for (const f of histFailures.slice(0, 20)) {
      const note = "limit" in f && f.limit ? " (engine limit)" : "consequenceOf" in f && f.consequenceOf ? ` (follows from: ${f.consequenceOf})` : "";
      out.push(`  ${visible(f.path)}:${f.line}  ${f.code} ${visible(f.message)}${c.dim(visible(note))}`);
    }
    if (histFailures.length > 20) out.push(`  \u2026 and ${histFailures.length - 20} more`);
    out.push("");
  }
  const histRefused = h.refused ?? [];
  if (histRefused.length) {
    out.push(c.bold("earlier statements not run on the shadow (they reach outside the throwaway database)"));
    for (const r of histRefused.slice(0, 20))
      out.push(visible(`  ${"path" in r ? r.path : h.source === "schema" ? h.path : ""}:${r.line}  ${r.why}`));
    if (histRefused.length > 20) out.push(`  \u2026 and ${histRefused.length - 20} more`);
    out.push("");
  }
  if (d.seed.failures.length) {
    out.push(
      c.dim(
        visible(`tables left empty or partly seeded: ${d.seed.failures.map((f) => `${f.table} (${f.code})`).join(", ")}`)
      )
    );
    out.push("");
  }
  const stopped = stoppedLine(d);
  if (stopped) {
    out.push(c.red(`\u2716 ${stopped}`));
    out.push("");
  }
  const failedFiles = d.files.filter((f) => f.error);
  const n = d.statements.reduce((k, s) => k + (s.index >= 0 ? statementCount(s) : 0), 0);
  const t = d.timings;
  const refused = d.statements.filter((s) => s.refused).length;
  const timing = `${ms(t.totalMs)} (boot ${ms(t.bootMs)}, history ${ms(t.historyMs)}, seed ${ms(t.seedMs)}, run ${ms(t.runMs)})` + (refused ? ` \xB7 ${refused} statement${refused === 1 ? "" : "s"} not run (reach outside the shadow)` : "");
  if (failedFiles.length || d.stopped) {
    out.push(
      c.red(
        d.stopped && !failedFiles.length ? `\u2716 ${d.files.length} migration file${d.files.length === 1 ? "" : "s"} not run on the shadow (stopped) \xB7 ${n} statements \xB7 ${timing}` : `\u2716 ${failedFiles.length} of ${d.files.length} migration file${d.files.length === 1 ? "" : "s"} failed on the shadow \xB7 ${n} statements \xB7 ${timing}`
      )
    );
  } else {
    const blocking = d.statements.some((s) => s.locks.some((l) => l.blocksReads || l.blocksWrites) || onlineBlocks(s));
    const mark = blocking || d.heldLocks.length ? c.yellow("\u26A0") : c.green("\u2714");
    out.push(
      `${mark} ${d.files.length} migration file${d.files.length === 1 ? "" : "s"} ran on the shadow \xB7 ${n} statements \xB7 ${timing}`
    );
  }
  return out.join("\n") + "\n";
}

// src/cli/dry-run.ts
function colorFor(flag, stream) {
  if (flag !== void 0) return flag;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR !== void 0 && process.env.FORCE_COLOR !== "0" && process.env.FORCE_COLOR !== "false")
    return true;
  return !!stream.isTTY && process.env.TERM !== "dumb";
}
function shadowProgress(stream) {
  if (!stream.isTTY) return { tick: void 0, seedTick: void 0, runTick: void 0, end() {
  } };
  let shown = false;
  let last = 0;
  const show = (done, total, text) => {
    const t = performance.now();
    if (done !== total && t - last < 80) return;
    last = t;
    shown = true;
    stream.write(`\r\x1B[Kzerodown: ${text}`);
  };
  const short = (name) => visible(name.length > 50 ? `\u2026${name.slice(-49)}` : name);
  return {
    tick(done, total, file) {
      show(done, total, `replaying history on the shadow, file ${done} of ${total} (${short(file)})`);
    },
    seedTick(done, total, table) {
      show(done, total, `seeding the shadow, table ${done + 1} of ${total} (${short(table)})`);
    },
    runTick(done, total, file) {
      show(
        done,
        total,
        `running on the shadow, statement ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} (${short(file)})`
      );
    },
    end() {
      if (shown) stream.write("\r\x1B[K");
    }
  };
}
async function runDryRun(migrations, settings, opts, parsed) {
  const progress = shadowProgress(process.stderr);
  try {
    return await withShadowCleanup(
      () => dryRunStage(
        migrations,
        settings,
        {
          ...opts,
          ...progress.tick ? { onProgress: progress.tick } : {},
          ...progress.seedTick ? { onSeedProgress: progress.seedTick } : {},
          ...progress.runTick ? { onRunProgress: progress.runTick } : {}
        },
        parsed
      )
    );
  } catch (err) {
    if (err.name === "ShadowSetupError") throw new UsageError(err.message);
    throw err;
  } finally {
    progress.end();
  }
}
function newestChange(migrations) {
  let newest = 0;
  for (const m of migrations) {
    try {
      newest = Math.max(newest, statSync(m.absPath).mtimeMs);
    } catch {
      return Date.now();
    }
  }
  return newest;
}
async function dryRunCommand(paths, opts) {
  const cwd = process.cwd();
  const { config } = await loadConfig(cwd, opts.config);
  const detected = opts.dialect || config.dialect ? void 0 : await detectDialect(paths.length ? paths : config.paths ?? [], cwd);
  const settings = resolveSettings(
    {
      dialect: opts.dialect,
      pgVersion: opts.pgVersion,
      mysqlVersion: opts.mysqlVersion,
      ...detected ? { detected } : {}
    },
    config
  );
  const url = opts.shadowUrl ?? config.dryRun?.shadowUrl ?? process.env.ZERODOWN_SHADOW_URL;
  loadParserBaseline(settings.dialect).catch(() => {
  });
  const stats = await runStats(opts, cwd);
  const inputs = paths.length ? paths : config.paths ?? [];
  const { migrations } = await findMigrations(inputs, discoveryOptions(opts, config, settings, cwd));
  if (!migrations.some((m) => m.review)) throw new UsageError("no migration under review: pass the files to dry-run");
  let schema;
  if (opts.schema) {
    try {
      schema = { path: opts.schema, sql: readFileSync(path.resolve(cwd, opts.schema), "utf8") };
    } catch (err) {
      throw new UsageError(`cannot read --schema ${opts.schema}: ${err.message}`);
    }
  }
  const cacheDir = opts.cache !== false ? defaultCacheDir(cwd) : void 0;
  const answered = !!cacheDir && resultUsedSince(cacheDir, "dryrun", newestChange(migrations.filter((m) => m.review)));
  await prepareEmbeddedShadow(
    settings,
    url,
    schema ? migrations.filter((m) => m.review) : migrations,
    !!stats,
    !answered
  );
  const d = await runDryRun(migrations, settings, {
    ...url ? { url } : {},
    ...opts.allowSuperuserShadow ? { allowSuperuserShadow: true } : {},
    ...schema ? { schema } : {},
    seedRows: opts.seedRows ?? config.dryRun?.seedRows ?? 1e3,
    timeoutMs: timeoutMsOf(opts.shadowTimeout ?? config.dryRun?.shadowTimeout),
    ...cacheDir ? { cacheDir } : {},
    ...stats ? { estimate: true } : {}
  });
  const statsNotes = stats ? estimateDryRun(d, stats.stats, settings.estimates) : [];
  for (const n of statsNotes) process.stderr.write(`zerodown: stats: ${visible(n)}
`);
  let out;
  switch (opts.format) {
    case "json":
      out = formatDryRunJson(d);
      break;
    case "markdown":
      out = formatDryRunMarkdown(d);
      break;
    case "text":
      out = formatDryRunText(d, { color: opts.output ? opts.color ?? false : colorFor(opts.color, process.stdout) });
      break;
    default:
      throw new UsageError(`unknown format "${opts.format}" (use text, json or markdown)`);
  }
  if (opts.output) {
    try {
      writeFileSync(path.resolve(cwd, opts.output), redactSecrets(out));
    } catch (err) {
      throw new UsageError(`cannot write ${opts.output}: ${err.message}`);
    }
  } else process.stdout.write(out);
  return d.files.some((f) => f.error) || d.stopped ? 1 : 0;
}
async function lintDryRun(result, migrations, settings, opts = {}) {
  const url = opts.shadowUrl ?? process.env.ZERODOWN_SHADOW_URL;
  const d = await runDryRun(
    migrations,
    settings,
    {
      ...url ? { url } : {},
      ...opts.allowSuperuserShadow ? { allowSuperuserShadow: true } : {},
      seedRows: opts.seedRows ?? 1e3,
      timeoutMs: timeoutMsOf(opts.shadowTimeout),
      ...opts.estimate ? { estimate: true } : {},
      ...opts.cache !== false && defaultCacheDir(opts.cwd ?? process.cwd()) ? { cacheDir: defaultCacheDir(opts.cwd ?? process.cwd()) } : {}
    },
    opts.parsed
  );
  addDryRunFacts(result, d);
  return d;
}
export {
  dryRunCommand,
  lintDryRun,
  runDryRun
};
