import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  autoDiscover,
  detectDialect,
  git,
  isDir,
  isFile,
  readText
} from "./chunk-KDG2PFI5.js";
import {
  visible
} from "./chunk-TWNDLBWA.js";
import {
  stripJsonComments,
  validateConfig
} from "./chunk-S67ILKIE.js";
import "./chunk-EX5RFYOK.js";
import {
  dialectFor
} from "./chunk-66RDFW5F.js";
import "./chunk-CNSCKXWJ.js";
import "./chunk-EFQPG7RZ.js";
import "./chunk-NTPLS3CR.js";
import "./chunk-JJQEPNJF.js";
import "./chunk-BFLEMGMC.js";
import "./chunk-Z2W6ZCS5.js";
import "./chunk-3TIBL5EG.js";
import "./chunk-MRBN6FC7.js";
import "./chunk-N5OLXBFP.js";
import {
  parsePgVersion
} from "./chunk-K6RS4U4B.js";
import "./chunk-IW5IPINL.js";
import "./chunk-RB5SEY6D.js";
import "./chunk-5T3UE7HX.js";
import "./chunk-IXAVB2MN.js";
import "./chunk-DSMXYHHG.js";
import {
  CONFIG_FILES
} from "./chunk-3SZW23GX.js";
import {
  UsageError
} from "./chunk-YPZZPID6.js";
import "./chunk-5THZYCGT.js";
import "./chunk-76XLLUF5.js";
import "./chunk-F2TVXXTQ.js";
import "./chunk-F3IQVTJL.js";
import {
  require_dist
} from "./chunk-YOZTDGOM.js";
import {
  __toESM
} from "./chunk-XJGXLKRM.js";

// src/cli/init.ts
import { realpathSync } from "node:fs";
import path3 from "node:path";

// src/init/index.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, mkdirSync, readdirSync as readdirSync2, renameSync, rmSync, writeFileSync } from "node:fs";
import path2 from "node:path";

// src/init/templates.ts
var GITLAB_JOB = `zerodown:
  stage: test
  image: node:20
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  variables:
    GIT_DEPTH: "0"
  script:
    - npx --yes zerodown gitlab
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
`;
var GITLAB_INCLUDE_FILE = ".gitlab/zerodown.gitlab-ci.yml";
var GITLAB_INCLUDE = `include:
  - local: ${GITLAB_INCLUDE_FILE}
`;
function gitlabFile(configFile) {
  return `# zerodown: reviews the migrations each merge request adds or changes (lint, staged plan, dry run on a
# throwaway database), posts one merge-request note it keeps up to date, shows the findings in the merge
# request's Code Quality widget, and fails the job when a finding reaches failOn (${configFile}).
# The note needs a CI/CD variable ZERODOWN_GITLAB_TOKEN: a project access token with the api scope, masked.
# Without it the job still writes the Code Quality report and still fails or passes.
${GITLAB_JOB}`;
}
var SHADOW = {
  postgres: "on an embedded PostgreSQL (PGlite) inside the step",
  mysql: "on the MySQL server GitHub's Ubuntu runners ship (input runner-mysql)",
  mariadb: "on the throwaway MariaDB of `services:` below"
};
function mariadbService(version) {
  return `    services:
      mariadb:
        image: mariadb:${version}
        env:
          MARIADB_ROOT_PASSWORD: root
        ports:
          - 3306:3306
        options: >-
          --health-cmd "healthcheck.sh --connect --innodb_initialized"
          --health-interval 5s
          --health-timeout 5s
          --health-retries 20
`;
}
function githubWorkflow(configFile, dialect = "postgres", version) {
  const maria = dialect === "mariadb";
  return `# zerodown: reviews the migrations each pull request adds or changes. It lints them, writes a staged plan
# for the unsafe ones and dry-runs them ${SHADOW[dialect] ?? SHADOW.postgres},
# then posts one sticky comment (kept up to date), annotates the lines and fails the check when a finding
# reaches failOn of ${configFile} (the input fail-on overrides it). Make this job a required check to block the merge.
# Paths, dialect, target version and rules: ${configFile}. Inputs: docs/action.md in zerodown/zerodown.
name: zerodown
on:
  pull_request:

permissions:
  contents: read        # check out the code
  pull-requests: write  # post and update the sticky comment

jobs:
  zerodown:
    runs-on: ubuntu-latest
${maria ? mariadbService(version ?? "10.11") : ""}    steps:
      - uses: actions/checkout@v5
      - uses: zerodown/zerodown@v1
${maria ? "        with:\n          shadow-database-url: mariadb://root:root@127.0.0.1:3306/mysql   # the services: container\n" : ""}`;
}

// src/init/detect.ts
import { readdirSync } from "node:fs";
import path from "node:path";
var IMAGE_FILES = [
  "docker-compose.yml",
  "docker-compose.yaml",
  "compose.yml",
  "compose.yaml",
  ".gitlab-ci.yml",
  ".github/workflows"
];
var IMAGE = /^\s*(?:-\s+(?:(?:image|name):\s*)?|(?:image|name):\s*)["']?(?:[\w.-]+(?::\d+)?\/)*(postgres|postgis|mysql|mariadb):([\w.-]+)/gm;
function tagVersion(tag) {
  return /^\d+(?:\.\d+){0,2}/.exec(tag)?.[0];
}
function imageVersions(dir) {
  const files = [];
  for (const f of IMAGE_FILES) {
    const abs = path.join(dir, f);
    if (isFile(abs)) files.push(f);
    else if (isDir(abs)) {
      try {
        for (const n of readdirSync(abs).sort()) if (/\.ya?ml$/.test(n)) files.push(`${f}/${n}`);
      } catch {
      }
    }
  }
  const out = [];
  for (const f of files) {
    const text = readText(path.join(dir, f)) ?? "";
    for (const m of text.matchAll(IMAGE)) {
      const version = tagVersion(m[2]);
      if (!version) continue;
      const server = m[1] === "postgis" ? "postgres" : m[1];
      out.push({ server, version, source: `${f}: ${m[1]}:${m[2]}` });
    }
  }
  return out;
}
function supabaseMajor(dir) {
  const toml = readText(path.join(dir, "supabase", "config.toml"));
  const db = toml && /^\[db\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1];
  return db ? /^\s*major_version\s*=\s*(\d+)/m.exec(db)?.[1] : void 0;
}
function versionOf(dir, dialect) {
  if (dialect === "postgres") {
    const major = supabaseMajor(dir);
    if (major && parsePgVersion(major) !== void 0)
      return { text: major, source: "supabase/config.toml: [db] major_version" };
  }
  const d = dialectFor(dialect);
  for (const img of imageVersions(dir)) {
    if (img.server !== dialect) continue;
    const ok = d.parseVersion ? d.parseVersion(img.version) !== void 0 : parsePgVersion(img.version) !== void 0;
    if (!ok) continue;
    const text = d.parseVersion ? img.version : String(parsePgVersion(img.version));
    return { text, source: img.source };
  }
  return void 0;
}
function remoteUrls(dir) {
  let out;
  try {
    out = git(dir, ["config", "--get-regexp", "^remote\\..*\\.url$"]);
  } catch {
    return [];
  }
  const lines = out.split("\n").filter(Boolean);
  lines.sort((a, b) => Number(b.startsWith("remote.origin.")) - Number(a.startsWith("remote.origin.")));
  return lines.map((l) => l.slice(l.indexOf(" ") + 1).trim());
}
function gitTopLevel(dir) {
  try {
    return git(dir, ["rev-parse", "--show-toplevel"]).trim() || void 0;
  } catch {
    return void 0;
  }
}
function detectCi(dir) {
  const host = (url) => /^(?:[\w+]+:\/\/)?(?:[^@/]+@)?([^/:]+)/.exec(url)?.[1]?.toLowerCase() ?? "";
  for (const url of remoteUrls(dir)) {
    const h = host(url);
    if (h === "github.com" || h.endsWith(".github.com") || h.startsWith("github."))
      return { ci: "github", reason: `git remote on ${h}` };
    if (h === "gitlab.com" || h.startsWith("gitlab.") || h.includes(".gitlab."))
      return { ci: "gitlab", reason: `git remote on ${h}` };
  }
  if (isFile(path.join(dir, ".gitlab-ci.yml"))) return { ci: "gitlab", reason: ".gitlab-ci.yml" };
  if (isDir(path.join(dir, ".github"))) return { ci: "github", reason: ".github/" };
  return { ci: "github", reason: "default: nothing points to GitLab" };
}
async function detectProject(dir, opts = {}) {
  const roots = await autoDiscover(dir);
  const tools = [...new Set(roots.map((r) => r.framework))];
  const detected = roots.length ? await detectDialect(
    roots.map((r) => r.path),
    dir
  ) : void 0;
  let dialect = detected?.dialect ?? "postgres";
  let dialectReason = detected ? `detected: ${detected.reason}` : "default: nothing in the migrations points to MySQL";
  if (dialect === "mysql") {
    const maria = imageVersions(dir).find((i) => i.server === "mariadb");
    if (maria && !imageVersions(dir).some((i) => i.server === "mysql")) {
      dialect = "mariadb";
      dialectReason = `detected: ${detected.reason}, and the MariaDB image in ${maria.source}`;
    }
  }
  const version = versionOf(dir, dialect);
  const ci = opts.ci ? { ci: opts.ci, reason: "--ci" } : detectCi(dir);
  return {
    dir,
    roots,
    ...tools.length === 1 ? { framework: tools[0] } : {},
    dialect,
    dialectReason,
    ...version ? { version } : {},
    ci: ci.ci,
    ciReason: ci.reason
  };
}

// src/init/index.ts
var line = (s) => visible(s);
function entries(facts) {
  const d = dialectFor(facts.dialect);
  const out = [];
  if (facts.roots.length) {
    out.push({
      key: "paths",
      value: facts.roots.map((r) => r.path),
      comment: [
        `Migration folders, as found: ${facts.roots.map((r) => `${r.path} (${r.framework})`).join(", ")}. Files are read`,
        "in the order the tool applies them; earlier files build the schema the rules check against."
      ]
    });
  } else {
    out.push({
      key: "paths",
      value: ["db/migrations"],
      commentedOut: true,
      comment: [
        "Migration folders. None found yet: each run looks for the usual layouts (prisma/migrations,",
        "db/migrations, migrations, supabase/migrations, \u2026). Set this when yours is elsewhere."
      ]
    });
  }
  if (facts.framework && facts.framework !== "plain") {
    out.push({
      key: "framework",
      value: facts.framework,
      comment: [
        "The migration tool (detected from the layout): decides the order, which part of a file is the",
        "forward migration, and whether it runs in a transaction (CREATE INDEX CONCURRENTLY cannot)."
      ]
    });
  }
  out.push({
    key: "dialect",
    value: facts.dialect,
    comment: [`SQL dialect: ${d.name} (${facts.dialectReason}). Picks the parser and the rules.`]
  });
  const key = d.parseVersion ? "mysqlVersion" : "pgVersion";
  const defaultText = d.versionText ? d.versionText(d.defaultVersion) : String(d.defaultVersion);
  if (facts.version) {
    out.push({
      key,
      // PostgreSQL takes a major as a number; MySQL/MariaDB versions stay strings (`10.10` is not `10.1`)
      value: d.parseVersion ? facts.version.text : Number(facts.version.text),
      comment: [
        `Your production ${d.name} version (from ${facts.version.source}): which locks and rewrites a`,
        "statement gets depends on it. Keep it equal to production, not to your laptop."
      ]
    });
  } else {
    out.push({
      key,
      value: d.parseVersion ? defaultText : d.defaultVersion,
      commentedOut: true,
      comment: [
        `Your production ${d.name} version: which locks and rewrites a statement gets depends on it.`,
        `Not found in the repository, so zerodown assumes ${defaultText}: uncomment and set yours.`
      ]
    });
  }
  const example = d.rules.some((r) => r.meta.id === "ban-drop-column") ? "ban-drop-column" : d.rules[0]?.meta.id;
  if (example) {
    out.push({
      key: "rules",
      value: { [example]: "warning" },
      commentedOut: true,
      comment: [`A rule's severity: "off", "warning" or "error". Rule pages: docs/rules/ in zerodown.`]
    });
  }
  out.push({
    key: "failOn",
    value: "error",
    comment: [
      facts.ci === "github" ? "`zerodown lint`, the pre-commit hook and the GitHub Action fail when a finding reaches this level:" : "`zerodown lint` and the pre-commit hook exit 1 when a finding reaches this level: error, warning or",
      facts.ci === "github" ? "error, warning or never (the Action's `fail-on` input overrides it)." : "never."
    ]
  });
  return out;
}
function inline(v) {
  if (Array.isArray(v)) return `[${v.map(inline).join(", ")}]`;
  if (v && typeof v === "object")
    return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(", ")} }`;
  return JSON.stringify(v);
}
function renderJson(list, header) {
  const lines = header.map((h) => `// ${line(h)}`);
  lines.push("{");
  const live = list.filter((e) => !e.commentedOut);
  for (const e of list) {
    for (const c of e.comment) lines.push(`  // ${line(c)}`);
    const text = `"${e.key}": ${inline(e.value)}`;
    lines.push(e.commentedOut ? `  // ${text},` : `  ${text}${e === live[live.length - 1] ? "" : ","}`);
    lines.push("");
  }
  lines.pop();
  lines.push("}", "");
  return lines.join("\n");
}
function renderYaml(list, header) {
  const lines = header.map((h) => `# ${line(h)}`);
  for (const e of list) {
    lines.push("");
    for (const c of e.comment) lines.push(`# ${line(c)}`);
    const text = (0, import_yaml.stringify)({ [e.key]: e.value }).trimEnd();
    lines.push(...e.commentedOut ? text.split("\n").map((l) => `# ${l}`) : [text]);
  }
  lines.push("");
  return lines.join("\n");
}
function renderConfig(facts, yaml = false) {
  const header = [
    "zerodown: stops database migrations from causing downtime. Written by `zerodown init`; every key",
    "is optional. Read by `zerodown lint`, `plan`, `dry-run`, the pre-commit hook and CI."
  ];
  const list = entries(facts);
  const file = yaml ? ".zerodown.yml" : "zerodown.config.json";
  const content = yaml ? renderYaml(list, header) : renderJson(list, header);
  const back = yaml ? (0, import_yaml.parseDocument)(content).toJS() : JSON.parse(stripJsonComments(content));
  const expected = Object.fromEntries(list.filter((e) => !e.commentedOut).map((e) => [e.key, e.value]));
  if (JSON.stringify(back) !== JSON.stringify(expected))
    throw new Error(`zerodown init: the ${file} it rendered does not read back as written (a bug)`);
  validateConfig(structuredClone(back), file);
  return { file, content };
}
function workflowsRunningZerodown(dir, except) {
  const wf = path2.join(dir, ".github", "workflows");
  if (!isDir(wf)) return [];
  return readdirSync2(wf).filter((n) => /\.ya?ml$/.test(n) && `.github/workflows/${n}` !== except).filter((n) => /uses:\s*["']?zerodown\/zerodown@/.test(readText(path2.join(wf, n)) ?? "")).map((n) => `.github/workflows/${n}`);
}
function stagesWithoutTest(text) {
  try {
    const stages = (0, import_yaml.parseDocument)(text).toJS()?.stages;
    return Array.isArray(stages) && !stages.includes("test") ? stages.map(String) : void 0;
  } catch {
    return void 0;
  }
}
function planInit(facts, opts = {}) {
  const dir = facts.dir;
  const files = [];
  const notes = [];
  const blockers = [];
  const config = renderConfig(facts, opts.yaml);
  files.push({
    path: config.file,
    content: config.content,
    purpose: "settings: migration folders, tool, dialect, target version"
  });
  for (const other of CONFIG_FILES) {
    if (other === config.file || !isFile(path2.join(dir, other))) continue;
    if (CONFIG_FILES.indexOf(other) < CONFIG_FILES.indexOf(config.file))
      blockers.push(
        `${other} exists and is read before ${config.file}: remove it, or run init ${opts.yaml ? "without" : "with"} --yaml`
      );
    else blockers.push(`${other} exists: zerodown would read ${config.file} and ignore it; remove one of them`);
  }
  if (facts.ci === "github") {
    const wf = ".github/workflows/zerodown.yml";
    files.push({
      path: wf,
      content: githubWorkflow(config.file, facts.dialect, facts.version?.text),
      purpose: "GitHub Action on every pull request (contents: read, pull-requests: write)"
    });
    for (const f of workflowsRunningZerodown(dir, wf))
      blockers.push(`${f} already runs zerodown/zerodown: a second workflow would overwrite its sticky comment`);
  } else {
    const ci = path2.join(dir, ".gitlab-ci.yml");
    if (isFile(ci)) {
      files.push({
        path: GITLAB_INCLUDE_FILE,
        content: gitlabFile(config.file),
        purpose: "GitLab CI job for merge requests"
      });
      const text = readText(ci) ?? "";
      if (!text.includes(GITLAB_INCLUDE_FILE))
        notes.push(
          `.gitlab-ci.yml exists and init does not edit it: add the job with

${GITLAB_INCLUDE.trimEnd().replace(/^/gm, "    ")}

  (or add \`- local: ${GITLAB_INCLUDE_FILE}\` to the \`include:\` it already has)`
        );
      const stages = stagesWithoutTest(text);
      if (stages)
        notes.push(
          `.gitlab-ci.yml sets stages: [${stages.join(", ")}] without "test": add test, or change the job's stage`
        );
    } else {
      files.push({
        path: ".gitlab-ci.yml",
        content: gitlabFile(config.file),
        purpose: "GitLab CI job for merge requests"
      });
    }
    notes.push(
      "For the merge-request note, add a CI/CD variable ZERODOWN_GITLAB_TOKEN (Settings > CI/CD > Variables): a project access token with the api scope, masked"
    );
  }
  const existing = files.filter((f) => existsSync(path2.join(dir, f.path))).map((f) => f.path);
  return { files, notes, existing, blockers };
}
function writeInit(dir, plan, opts = {}) {
  if (plan.blockers.length) throw new UsageError(`nothing written:
  ${plan.blockers.join("\n  ")}`);
  if (plan.existing.length && !opts.force)
    throw new UsageError(
      `nothing written: ${plan.existing.join(", ")} already exist${plan.existing.length === 1 ? "s" : ""}. Run init again with --force to overwrite ${plan.existing.length === 1 ? "it" : "them"}, or with --print to see what it would write`
    );
  const temps = [];
  const made = [];
  try {
    for (const f of plan.files) {
      const dest = path2.join(dir, f.path);
      const first = mkdirSync(path2.dirname(dest), { recursive: true });
      if (first) made.push(first);
      const tmp = `${dest}.zerodown-init-${process.pid}`;
      writeFileSync(tmp, f.content, { flag: "wx" });
      temps.push({ tmp, dest });
    }
  } catch (err) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    for (const d of made.reverse()) rmSync(d, { recursive: true, force: true });
    throw new UsageError(`nothing written: ${err.message}`);
  }
  for (const t of temps) renameSync(t.tmp, t.dest);
}

// src/cli/init.ts
async function initCommand(opts) {
  const dir = path3.resolve(opts.dir ?? ".");
  if (!isDir(dir)) throw new UsageError(`--dir ${opts.dir}: no such directory`);
  const top = gitTopLevel(dir);
  if (top && realpathSync(top) !== realpathSync(dir))
    throw new UsageError(
      `${dir} is inside the git repository ${top}: zerodown init writes the config and the CI file at the repository's root, where CI and the Action read them. Run it there (zerodown init --dir ${top}); migrations in sub-folders are found from the root`
    );
  const facts = await detectProject(dir, opts.ci ? { ci: opts.ci } : {});
  const plan = planInit(facts, { yaml: !!opts.yaml });
  const say = (s) => process.stdout.write(`${visible(s, { newlines: true })}
`);
  const found = facts.roots.length ? facts.roots.map((r) => `${r.path} (${r.framework})`).join(", ") : "no migration folder yet";
  const version = facts.version ? ` ${facts.version.text} (${facts.version.source})` : "";
  say(`zerodown init in ${dir}`);
  say(`  migrations: ${found}`);
  say(`  dialect:    ${facts.dialect}${version} (${facts.dialectReason})`);
  say(`  CI:         ${facts.ci === "github" ? "GitHub Actions" : "GitLab CI"} (${facts.ciReason})`);
  if (opts.print) {
    for (const f of plan.files) say(`
--- ${f.path} (${f.purpose})
${f.content.trimEnd()}`);
    for (const p of [...plan.blockers, ...plan.existing.map((e) => `${e} exists (--force overwrites it)`)])
      say(`
in the way: ${p}`);
    for (const n of plan.notes) say(`
${n}`);
    say("\nnothing written (--print)");
    return 0;
  }
  writeInit(dir, plan, { force: !!opts.force });
  say("");
  const width = Math.max(...plan.files.map((f) => f.path.length));
  for (const f of plan.files)
    say(`  ${plan.existing.includes(f.path) ? "overwrote" : "wrote"} ${f.path.padEnd(width)}  ${f.purpose}`);
  for (const n of plan.notes) say(`
${n}`);
  say("\nnext:");
  const rel = path3.relative(process.cwd(), dir);
  if (rel) {
    const where = rel.startsWith("..") || path3.isAbsolute(rel) ? dir : rel;
    say(`  cd ${/^[\w./-]+$/.test(where) ? where : `'${where.replace(/'/g, `'\\''`)}'`}`);
  }
  say("  npx zerodown lint      # lint the migrations with these settings");
  say(`  git add ${plan.files.map((f) => f.path).join(" ")} && git commit -m "Check migrations with zerodown"`);
  if (!facts.roots.length)
    process.stderr.write(
      "zerodown: warning: no migration folder found; each run looks for the usual layouts, or set `paths` in the config\n"
    );
  return 0;
}
export {
  initCommand
};
