#!/usr/bin/env node
// Agreement with squawk: runs every test case of squawk's own rule tests
// (crates/squawk_linter/src/rules/*.rs) that has a zerodown rule with the same id, as squawk
// runs it: that one rule alone, with the test's pg_version (squawk's default 15) and
// assume_in_transaction. A case agrees when zerodown reports something exactly when squawk's
// test expects errors (lint_errors*) and nothing when it expects none (lint_ok*). A fix test
// (fix_sql*) is two cases: squawk asserts that its input has errors and its fixed text none.
// Not part of npm test: it needs a checkout of squawk (`fetch github:sbdchd/squawk`).
//
//   node scripts/squawk-agreement.mjs [--squawk <git dir>] [--json] [--verbose] [rule-id…]
//
// The git dir defaults to $SQUAWK_GIT_DIR, else /work/.mirror/sbdchd+squawk/repo.
import { execFileSync } from 'node:child_process';
import { register } from 'tsx/esm/api';

register();
// `… | head` closes the pipe early: that is not an error
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
});
const { lintMigrations } = await import('../src/pipeline/index.ts');
const { allRules } = await import('../rules/postgres/index.ts');

const args = process.argv.slice(2);
const at = args.indexOf('--squawk');
const gitDir = at >= 0 ? args[at + 1] : (process.env.SQUAWK_GIT_DIR ?? '/work/.mirror/sbdchd+squawk/repo');
const json = args.includes('--json');
const verbose = args.includes('--verbose');
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--squawk');
const RULES_DIR = 'crates/squawk_linter/src/rules';

const git = (...a) => execFileSync('git', ['--git-dir', gitDir, ...a], { encoding: 'utf8', maxBuffer: 1 << 26 });
const commit = git('rev-parse', 'HEAD').trim();
const files = git('ls-tree', '--name-only', `HEAD:${RULES_DIR}`)
  .split('\n')
  .filter((f) => f.endsWith('.rs') && f !== 'mod.rs');

const BASE = ['lint_ok', 'lint_errors', 'lint_ok_with', 'lint_errors_with', 'fix_sql', 'fix_sql_with'];
/** squawk's ids where the kebab-case of its enum name differs */
const RENAMED = { PreferTimestampTz: 'prefer-timestamptz' };
const kebab = (s) => RENAMED[s] ?? s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const byId = new Map(allRules.map((r) => [r.meta.id, [r]]));
// squawk's require-timeout-settings is its own alias for its two timeout rules, zerodown's too
byId.set(
  'require-timeout-settings',
  ['require-lock-timeout', 'require-statement-timeout'].map((id) => byId.get(id)[0]),
);

/** Reads a Rust string literal (r#"…"#, r"…" or "…") at `i`; returns [value, end] or undefined. */
function readString(src, i) {
  const raw = /^r(#*)"/.exec(src.slice(i));
  if (raw) {
    const close = `"${raw[1]}`;
    const start = i + raw[0].length;
    const end = src.indexOf(close, start);
    return end < 0 ? undefined : [src.slice(start, end), end + close.length];
  }
  if (src[i] === '"') {
    let out = '';
    let j = i + 1;
    for (; src[j] !== '"'; j++) {
      if (j >= src.length) return undefined;
      if (src[j] === '\\') {
        j++;
        const c = src[j];
        if (c === 'n') out += '\n';
        else if (c === 't') out += '\t';
        else if (c === 'r') out += '\r';
        else if (c === '\n') {
          while (/\s/.test(src[j + 1])) j++;
        } else out += c;
      } else out += src[j];
    }
    return [out, j + 1];
  }
  return undefined;
}

/**
 * The string a test's Rust expression builds, for the forms squawk's tests use: a literal, a variable (`&sql`),
 * `"a".repeat(63)`, and `format!(LITERAL, args…)` with `{}` and `{name}`. Undefined for anything else.
 */
function evalExpr(expr, vars) {
  const e = expr.trim().replace(/^&/, '');
  if (/^\w+$/.test(e)) return vars.get(e);
  const repeat = /^("[^"]*")\.repeat\((\d+)\)$/.exec(e);
  if (repeat) return readString(repeat[1], 0)[0].repeat(Number(repeat[2]));
  const fmt = /^format!\(/.exec(e);
  if (fmt) {
    const [template, ...args] = callArgs(e, fmt[0].length - 1);
    const t = readString(template ?? '', 0);
    if (!t || t[1] !== template.length) return undefined;
    const values = args.map((x) => evalExpr(x, vars));
    let next = 0;
    let failed = false;
    const out = t[0].replace(/\{(\w*)\}/g, (_, name) => {
      const v = name ? vars.get(name) : values[next++];
      if (v === undefined) failed = true;
      return v ?? '';
    });
    return failed ? undefined : out;
  }
  const lit = readString(e, 0);
  return lit && lit[1] === e.length ? lit[0] : undefined;
}

/** Where the Rust expression starting at `i` ends: its `;` outside strings and brackets (or the end). */
function exprEnd(src, i) {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const str = (src[j] === '"' || src[j] === 'r') && !/\w/.test(src[j - 1]) ? readString(src, j) : undefined;
    if (str) {
      j = str[1] - 1;
      continue;
    }
    if ('([{'.includes(src[j])) depth++;
    else if (')]}'.includes(src[j])) depth--;
    else if (src[j] === ';' && depth <= 0) return j;
  }
  return src.length;
}

/** Splits the arguments of the call whose '(' is at `open`, honouring nesting and strings. */
function callArgs(src, open) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (let i = open + 1; i < src.length; i++) {
    const s = readString(src, i);
    if (s && (src[i] === '"' || src[i] === 'r') && !/\w/.test(src[i - 1])) {
      cur += src.slice(i, s[1]);
      i = s[1] - 1;
      continue;
    }
    const c = src[i];
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) {
      if (depth === 0) {
        if (cur.trim()) out.push(cur.trim());
        return out;
      }
      depth--;
    }
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  return out;
}

/**
 * The fixed text a fix test's inline snapshot (`@"…"`, `@r"…"`) holds for the call at `from`, normalised as insta
 * does (a first empty line dropped, the common indentation removed, trailing blank lines trimmed), or undefined
 * where the snapshot is of something else (`format!("{:?}", fix(…))`).
 */
function fixSnapshot(body, from, to) {
  const stmt = body.lastIndexOf('assert_snapshot!', from);
  const head = body.slice(stmt, from);
  const at = body.indexOf('@', from);
  if (at < 0 || at > to) return undefined;
  if (/format!/.test(head) && body.lastIndexOf(';', from) < stmt) return undefined;
  const lit = readString(body, at + 1);
  if (!lit) return undefined;
  let lines = lit[0].split('\n');
  if (lines.length > 1 && lines[0].trim() === '') lines = lines.slice(1);
  while (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)[0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

/** Every lint_ok/lint_errors call of every #[test] fn in one rule file. */
function extractCases(file, src) {
  const cases = [];
  const skipped = [];
  // the rule the file tests: its local helpers (`fn lint_ok(sql: &str)`) pass it for the test
  const counts = new Map();
  for (const r of src.matchAll(/Rule::(\w+)/g)) counts.set(r[1], (counts.get(r[1]) ?? 0) + 1);
  const fileRule = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  // local helpers: `fn lint(sql: &str) -> String { lint_errors(sql, Rule::X) }`
  const helpers = new Map(BASE.map((b) => [b, b]));
  // the settings a local helper passes itself: `fn fix(sql: &str) -> String { fix_sql_with(sql, pg19(), Rule::X) }`
  const helperSettings = new Map();
  for (const h of src.matchAll(/\n\s*fn\s+(\w+)\s*\(\s*sql:\s*&str[^)]*\)[^{]*\{([\s\S]*?)\n {4}\}/g)) {
    const call = /\b(lint_errors_with|lint_ok_with|lint_errors|lint_ok|fix_sql_with|fix_sql)\(/.exec(h[2]);
    if (!call || BASE.includes(h[1])) continue;
    helpers.set(h[1], call[1]);
    const args = callArgs(h[2], call.index + call[0].length - 1);
    if (call[1].endsWith('_with') && args.length === 3 && args[1] !== 'settings') helperSettings.set(h[1], args[1]);
  }
  /** The text of the LinterSettings an argument names: a literal, a `let` of the test, or a `fn pg19()` of the file. */
  const settingsOf = (arg, body) => {
    if (arg.startsWith('LinterSettings')) return arg;
    const fn = /^(\w+)\(\)$/.exec(arg);
    if (fn) return new RegExp(`fn\\s+${fn[1]}\\s*\\(\\)[^{]*\\{([\\s\\S]*?)\\n {4}\\}`).exec(src)?.[1] ?? '';
    return new RegExp(`let\\s+${arg || '\\b_\\b'}\\s*=\\s*(LinterSettings\\s*\\{[\\s\\S]*?\\});`).exec(body)?.[1] ?? '';
  };
  const callRe = new RegExp(`(?<![\\w.:])(${[...helpers.keys()].join('|')})\\(`, 'g');
  const testRe = /#\[test\]\s*fn\s+(\w+)\s*\(\)\s*\{/g;
  const starts = [...src.matchAll(testRe)];
  for (let k = 0; k < starts.length; k++) {
    const m = starts[k];
    const from = m.index + m[0].length;
    const close = src.indexOf('\n    }\n', from);
    const body = src.slice(from, close < 0 ? src.length : close);
    const vars = new Map();
    for (const v of body.matchAll(/let\s+(\w+)\s*=\s*/g)) {
      const from = v.index + v[0].length;
      const value = evalExpr(body.slice(from, exprEnd(body, from)), vars);
      if (value !== undefined) vars.set(v[1], value);
    }
    const calls = [...body.matchAll(callRe)];
    if (calls.length === 0) skipped.push(`${file}:${m[1]} (no lint_ok/lint_errors call)`);
    let n = 0;
    for (const c of calls) {
      const a = callArgs(body, c.index + c[0].length - 1).filter((x) => x !== '');
      const kind = helpers.get(c[1]);
      const sql = evalExpr(a[0] ?? '', vars);
      const rule = /^Rule::(\w+)$/.exec(a[a.length - 1] ?? '')?.[1] ?? fileRule;
      const name = `${file.replace(/\.rs$/, '')}::${m[1]}${calls.length > 1 ? `#${++n}` : ''}`;
      if (sql === undefined || !rule) {
        skipped.push(`${name} (unreadable arguments)`);
        continue;
      }
      const setArg =
        helperSettings.get(c[1]) ??
        a.slice(1).find((x) => x.startsWith('LinterSettings') || /^\w+(\(\))?$/.test(x)) ??
        '';
      const settings = settingsOf(setArg, body);
      const pg = /pg_version:\s*"(\d+)(?:\.\d+)*"/.exec(settings)?.[1];
      const base = {
        squawkRule: rule,
        rule: kebab(rule),
        pgVersion: pg ? Number(pg) : 15,
        assumeInTransaction: /assume_in_transaction:\s*true/.test(settings),
      };
      if (!kind.startsWith('fix')) {
        cases.push({ name, ...base, sql, expectErrors: kind.startsWith('lint_errors') });
        continue;
      }
      // squawk's fix_sql asserts that its input has errors and that the fixed text has none
      cases.push({ name: `${name} (fix input)`, ...base, sql, expectErrors: true });
      const fixed = fixSnapshot(body, c.index, calls[calls.indexOf(c) + 1]?.index ?? body.length);
      if (fixed === undefined) skipped.push(`${name} (fix output: not a plain inline snapshot)`);
      else cases.push({ name: `${name} (fix output)`, ...base, sql: fixed, expectErrors: false });
    }
  }
  return { cases, skipped };
}

async function run(c) {
  const rules = byId.get(c.rule);
  const ids = new Set(rules.map((r) => r.meta.id));
  const migration = {
    path: 'migrations/0001_squawk_case.sql',
    absPath: '/virtual/migrations/0001_squawk_case.sql',
    source: c.sql,
    dialect: 'postgres',
    framework: 'plain',
    transaction: 'none',
    review: true,
  };
  const result = await lintMigrations([migration], {
    pgVersion: c.pgVersion,
    assumeInTransaction: c.assumeInTransaction,
    ruleSet: rules,
  });
  const findings = result.files[0].findings;
  // PostgreSQL's own grammar rejects it (squawk's parser is lenient, and REPACK is PostgreSQL 19's, newer than
  // libpg-query's): zerodown reports a syntax error and nothing else, so the case says nothing about the rule
  if (findings.some((f) => f.rule === 'syntax-error')) return undefined;
  return findings.filter((f) => ids.has(f.rule));
}

const all = [];
const skipped = [];
const unmapped = new Map();
for (const f of files) {
  const src = git('show', `HEAD:${RULES_DIR}/${f}`);
  const r = extractCases(f, src);
  skipped.push(...r.skipped);
  for (const c of r.cases) {
    if (!byId.has(c.rule)) unmapped.set(c.rule, (unmapped.get(c.rule) ?? 0) + 1);
    else if (only.length === 0 || only.includes(c.rule)) all.push(c);
  }
}

const perRule = new Map();
const disagreements = [];
const unparsed = [];
for (const c of all) {
  const findings = await run(c);
  if (!findings) {
    unparsed.push(c);
    continue;
  }
  const agrees = findings.length > 0 === c.expectErrors;
  const s = perRule.get(c.rule) ?? { cases: 0, agree: 0 };
  s.cases++;
  if (agrees) s.agree++;
  perRule.set(c.rule, s);
  if (!agrees) disagreements.push({ ...c, got: findings.map((f) => `${f.line}: ${f.message.slice(0, 90)}`) });
}

const agree = [...perRule.values()].reduce((n, s) => n + s.agree, 0);
const compared = all.filter((c) => !unparsed.includes(c));
const pct = compared.length ? ((100 * agree) / compared.length).toFixed(1) : '0';
// the lint tests and the fix tests apart: each fix test is two cases (its input has errors, its fixed text none)
const isFix = (c) => c.name.endsWith('(fix input)') || c.name.endsWith('(fix output)');
const split = [false, true].map((fix) => {
  const cases = compared.filter((c) => isFix(c) === fix);
  const differ = disagreements.filter((c) => isFix(c) === fix).length;
  return { cases: cases.length, agree: cases.length - differ };
});
if (json) {
  console.log(
    JSON.stringify(
      {
        commit,
        cases: compared.length,
        unparsed: unparsed.map((c) => c.name),
        agree,
        pct,
        lintTests: split[0],
        fixTests: split[1],
        perRule: Object.fromEntries(perRule),
        disagreements,
        skipped,
        unmapped: Object.fromEntries(unmapped),
      },
      null,
      1,
    ),
  );
} else {
  console.log(`squawk ${commit.slice(0, 12)}: ${agree}/${compared.length} cases agree (${pct}%)`);
  const share = (s) => `${s.agree}/${s.cases} (${s.cases ? ((100 * s.agree) / s.cases).toFixed(1) : 0}%)`;
  console.log(`  lint tests ${share(split[0])}, fix tests ${share(split[1])}`);
  for (const [id, s] of [...perRule].sort()) if (s.agree < s.cases) console.log(`  ${id}: ${s.agree}/${s.cases}`);
  console.log(`not compared (no zerodown rule of that id): ${[...unmapped].map(([r, n]) => `${r} ${n}`).join(', ')}`);
  console.log(
    `not compared (PostgreSQL's grammar rejects the SQL): ${unparsed.length}${verbose ? `\n  ${unparsed.map((c) => c.name).join('\n  ')}` : ''}`,
  );
  if (skipped.length) console.log(`skipped: ${skipped.length}${verbose ? `\n  ${skipped.join('\n  ')}` : ''}`);
  for (const d of disagreements) {
    console.log(
      `\n✗ ${d.name} [pg ${d.pgVersion}${d.assumeInTransaction ? ', assume-in-transaction' : ''}] squawk: ${d.expectErrors ? 'errors' : 'ok'}, zerodown: ${d.got.length ? d.got.join(' | ') : 'ok'}`,
    );
    if (verbose) console.log(d.sql.trim());
  }
}
