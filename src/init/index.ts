/**
 * `zerodown init`: from what `detectProject` found, the files to write (a commented config and the CI file for
 * GitHub or GitLab), checked as a whole before anything is written, then written all or nothing.
 *
 * - Never overwrites without `force`; an existing file is reported with every other one at once.
 * - An existing `.gitlab-ci.yml` is never edited, not even with `force`: it may already have an `include:` key (a
 *   second one is a duplicate key, and GitLab rejects the whole file), `stages:` without `test`, or `workflow:`
 *   rules. Init writes the job to `.gitlab/zerodown.gitlab-ci.yml` and says which `include:` to add.
 * - The config is rendered from values (JSON.stringify / the yaml library quote them) and validated with the
 *   same schema `zerodown lint` uses before it is written.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, stringify } from 'yaml';
import stripJsonComments from 'strip-json-comments';
import { CONFIG_FILES } from '../config.js';
import { validateConfig } from '../config-file.js';
import { dialectFor } from '../dialects/index.js';
import { UsageError } from '../errors.js';
import { isDir, isFile, readText } from '../discover/fsutil.js';
import { visible } from '../report/visible.js';
import type { InitFacts } from './detect.js';
import { GITLAB_INCLUDE, GITLAB_INCLUDE_FILE, gitlabFile, githubWorkflow } from './templates.js';

export { detectProject, detectCi, gitTopLevel, type InitFacts, type CiHost } from './detect.js';
export { GITLAB_JOB, GITLAB_INCLUDE, GITLAB_INCLUDE_FILE } from './templates.js';

export interface InitFile {
  /** relative to the repository, `/`-separated */
  path: string;
  content: string;
  /** one line on what it is for */
  purpose: string;
}

export interface InitPlan {
  files: InitFile[];
  /** what the user must still do by hand (the `include:` line), printed after the files */
  notes: string[];
  /** files that exist and would be overwritten (an error without `force`) */
  existing: string[];
  /** problems `force` does not solve */
  blockers: string[];
}

/** One setting of the config: its comment, and whether it is written commented out (a value to fill in). */
interface Entry {
  key: string;
  value: unknown;
  comment: string[];
  commentedOut?: boolean;
}

/** A comment line: one line, no control characters (a folder name is the user's, but a comment must stay one). */
const line = (s: string) => visible(s);

function entries(facts: InitFacts): Entry[] {
  const d = dialectFor(facts.dialect);
  const out: Entry[] = [];
  if (facts.roots.length) {
    out.push({
      key: 'paths',
      value: facts.roots.map((r) => r.path),
      comment: [
        `Migration folders, as found: ${facts.roots.map((r) => `${r.path} (${r.framework})`).join(', ')}. Files are read`,
        'in the order the tool applies them; earlier files build the schema the rules check against.',
      ],
    });
  } else {
    out.push({
      key: 'paths',
      value: ['db/migrations'],
      commentedOut: true,
      comment: [
        'Migration folders. None found yet: each run looks for the usual layouts (prisma/migrations,',
        'db/migrations, migrations, supabase/migrations, …). Set this when yours is elsewhere.',
      ],
    });
  }
  if (facts.framework && facts.framework !== 'plain') {
    out.push({
      key: 'framework',
      value: facts.framework,
      comment: [
        'The migration tool (detected from the layout): decides the order, which part of a file is the',
        'forward migration, and whether it runs in a transaction (CREATE INDEX CONCURRENTLY cannot).',
      ],
    });
  }
  out.push({
    key: 'dialect',
    value: facts.dialect,
    comment: [`SQL dialect: ${d.name} (${facts.dialectReason}). Picks the parser and the rules.`],
  });
  const key = d.parseVersion ? 'mysqlVersion' : 'pgVersion';
  const defaultText = d.versionText ? d.versionText(d.defaultVersion) : String(d.defaultVersion);
  if (facts.version) {
    out.push({
      key,
      // PostgreSQL takes a major as a number; MySQL/MariaDB versions stay strings (`10.10` is not `10.1`)
      value: d.parseVersion ? facts.version.text : Number(facts.version.text),
      comment: [
        `Your production ${d.name} version (from ${facts.version.source}): which locks and rewrites a`,
        'statement gets depends on it. Keep it equal to production, not to your laptop.',
      ],
    });
  } else {
    out.push({
      key,
      value: d.parseVersion ? defaultText : d.defaultVersion,
      commentedOut: true,
      comment: [
        `Your production ${d.name} version: which locks and rewrites a statement gets depends on it.`,
        `Not found in the repository, so zerodown assumes ${defaultText}: uncomment and set yours.`,
      ],
    });
  }
  const example = d.rules.some((r) => r.meta.id === 'ban-drop-column') ? 'ban-drop-column' : d.rules[0]?.meta.id;
  if (example) {
    out.push({
      key: 'rules',
      value: { [example]: 'warning' },
      commentedOut: true,
      comment: ['A rule\'s severity: "off", "warning" or "error". Rule pages: docs/rules/ in zerodown.'],
    });
  }
  // last, and always written: a commented-out entry before it keeps its comma, so uncommenting one is one edit
  out.push({
    key: 'failOn',
    value: 'error',
    comment: [
      facts.ci === 'github'
        ? '`zerodown lint`, the pre-commit hook and the GitHub Action fail when a finding reaches this level:'
        : '`zerodown lint` and the pre-commit hook exit 1 when a finding reaches this level: error, warning or',
      facts.ci === 'github' ? "error, warning or never (the Action's `fail-on` input overrides it)." : 'never.',
    ],
  });
  return out;
}

/** JSON on one line, spaced the way people write it: `["a", "b"]`, `{ "k": "v" }`. */
function inline(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`)
      .join(', ')} }`;
  return JSON.stringify(v);
}

function renderJson(list: Entry[], header: string[]): string {
  const lines = header.map((h) => `// ${line(h)}`);
  lines.push('{');
  const live = list.filter((e) => !e.commentedOut);
  for (const e of list) {
    for (const c of e.comment) lines.push(`  // ${line(c)}`);
    // a commented-out entry keeps its comma (it is never the last): uncommenting it is the only edit needed
    const text = `"${e.key}": ${inline(e.value)}`;
    lines.push(e.commentedOut ? `  // ${text},` : `  ${text}${e === live[live.length - 1] ? '' : ','}`);
    lines.push('');
  }
  lines.pop();
  lines.push('}', '');
  return lines.join('\n');
}

function renderYaml(list: Entry[], header: string[]): string {
  const lines = header.map((h) => `# ${line(h)}`);
  for (const e of list) {
    lines.push('');
    for (const c of e.comment) lines.push(`# ${line(c)}`);
    const text = stringify({ [e.key]: e.value }).trimEnd();
    lines.push(...(e.commentedOut ? text.split('\n').map((l) => `# ${l}`) : [text]));
  }
  lines.push('');
  return lines.join('\n');
}

/** The config file's name and text. */
export function renderConfig(facts: InitFacts, yaml = false): { file: string; content: string } {
  const header = [
    'zerodown: stops database migrations from causing downtime. Written by `zerodown init`; every key',
    'is optional. Read by `zerodown lint`, `plan`, `dry-run`, the pre-commit hook and CI.',
  ];
  const list = entries(facts);
  const file = yaml ? '.zerodown.yml' : 'zerodown.config.json';
  const content = yaml ? renderYaml(list, header) : renderJson(list, header);
  // the text must read back as the values it was made from, and pass the schema lint uses
  const back = yaml ? parseDocument(content).toJS() : JSON.parse(stripJsonComments(content));
  const expected = Object.fromEntries(list.filter((e) => !e.commentedOut).map((e) => [e.key, e.value]));
  if (JSON.stringify(back) !== JSON.stringify(expected))
    throw new Error(`zerodown init: the ${file} it rendered does not read back as written (a bug)`);
  validateConfig(structuredClone(back), file);
  return { file, content };
}

/** Workflow files of `dir` that already run the zerodown Action (a second one would fight over the comment). */
function workflowsRunningZerodown(dir: string, except: string): string[] {
  const wf = path.join(dir, '.github', 'workflows');
  if (!isDir(wf)) return [];
  return readdirSync(wf)
    .filter((n) => /\.ya?ml$/.test(n) && `.github/workflows/${n}` !== except)
    .filter((n) => /uses:\s*["']?zerodown\/zerodown@/.test(readText(path.join(wf, n)) ?? ''))
    .map((n) => `.github/workflows/${n}`);
}

/** Top-level `stages:` of a `.gitlab-ci.yml` that leaves out `test` (the job's stage), or undefined. */
function stagesWithoutTest(text: string): string[] | undefined {
  try {
    const stages = (parseDocument(text).toJS() as { stages?: unknown } | null)?.stages;
    return Array.isArray(stages) && !stages.includes('test') ? stages.map(String) : undefined;
  } catch {
    return undefined;
  }
}

/** Everything init would write in `facts.dir`, and what stands in the way; writes nothing. */
export function planInit(facts: InitFacts, opts: { yaml?: boolean } = {}): InitPlan {
  const dir = facts.dir;
  const files: InitFile[] = [];
  const notes: string[] = [];
  const blockers: string[] = [];
  const config = renderConfig(facts, opts.yaml);
  files.push({
    path: config.file,
    content: config.content,
    purpose: 'settings: migration folders, tool, dialect, target version',
  });
  // loadConfig reads the first of CONFIG_FILES that exists: another one would hide the new file
  for (const other of CONFIG_FILES) {
    if (other === config.file || !isFile(path.join(dir, other))) continue;
    if (CONFIG_FILES.indexOf(other) < CONFIG_FILES.indexOf(config.file))
      blockers.push(
        `${other} exists and is read before ${config.file}: remove it, or run init ${opts.yaml ? 'without' : 'with'} --yaml`,
      );
    else blockers.push(`${other} exists: zerodown would read ${config.file} and ignore it; remove one of them`);
  }
  if (facts.ci === 'github') {
    const wf = '.github/workflows/zerodown.yml';
    files.push({
      path: wf,
      content: githubWorkflow(config.file, facts.dialect, facts.version?.text),
      purpose: 'GitHub Action on every pull request (contents: read, pull-requests: write)',
    });
    for (const f of workflowsRunningZerodown(dir, wf))
      blockers.push(`${f} already runs zerodown/zerodown: a second workflow would overwrite its sticky comment`);
  } else {
    const ci = path.join(dir, '.gitlab-ci.yml');
    if (isFile(ci)) {
      files.push({
        path: GITLAB_INCLUDE_FILE,
        content: gitlabFile(config.file),
        purpose: 'GitLab CI job for merge requests',
      });
      const text = readText(ci) ?? '';
      if (!text.includes(GITLAB_INCLUDE_FILE))
        notes.push(
          `.gitlab-ci.yml exists and init does not edit it: add the job with\n\n${GITLAB_INCLUDE.trimEnd().replace(/^/gm, '    ')}\n\n  (or add \`- local: ${GITLAB_INCLUDE_FILE}\` to the \`include:\` it already has)`,
        );
      const stages = stagesWithoutTest(text);
      if (stages)
        notes.push(
          `.gitlab-ci.yml sets stages: [${stages.join(', ')}] without "test": add test, or change the job's stage`,
        );
    } else {
      files.push({
        path: '.gitlab-ci.yml',
        content: gitlabFile(config.file),
        purpose: 'GitLab CI job for merge requests',
      });
    }
    notes.push(
      'For the merge-request note, add a CI/CD variable ZERODOWN_GITLAB_TOKEN (Settings > CI/CD > Variables): a project access token with the api scope, masked',
    );
  }
  const existing = files.filter((f) => existsSync(path.join(dir, f.path))).map((f) => f.path);
  return { files, notes, existing, blockers };
}

/**
 * Writes the plan's files, all or nothing: each goes to a temporary file next to its place first, and only
 * when every one of them was written are they renamed into place.
 */
export function writeInit(dir: string, plan: InitPlan, opts: { force?: boolean } = {}): void {
  if (plan.blockers.length) throw new UsageError(`nothing written:\n  ${plan.blockers.join('\n  ')}`);
  if (plan.existing.length && !opts.force)
    throw new UsageError(
      `nothing written: ${plan.existing.join(', ')} already exist${plan.existing.length === 1 ? 's' : ''}. Run init again with --force to overwrite ${plan.existing.length === 1 ? 'it' : 'them'}, or with --print to see what it would write`,
    );
  const temps: { tmp: string; dest: string }[] = [];
  // directories made here (`.github/`, `.gitlab/`), removed again when a write fails
  const made: string[] = [];
  try {
    for (const f of plan.files) {
      const dest = path.join(dir, f.path);
      const first = mkdirSync(path.dirname(dest), { recursive: true });
      if (first) made.push(first);
      const tmp = `${dest}.zerodown-init-${process.pid}`;
      writeFileSync(tmp, f.content, { flag: 'wx' });
      temps.push({ tmp, dest });
    }
  } catch (err) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    for (const d of made.reverse()) rmSync(d, { recursive: true, force: true });
    throw new UsageError(`nothing written: ${(err as Error).message}`);
  }
  for (const t of temps) renameSync(t.tmp, t.dest);
}
