/**
 * `zerodown init`: detects the migrations, their tool, dialect and version, and where CI runs, then writes a
 * commented config and the CI file (src/init/). Exit 0 when written (or printed), 2 when something is in the way.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { detectProject, gitTopLevel, planInit, writeInit, type CiHost } from '../init/index.js';
import { isDir } from '../discover/fsutil.js';
import { visible } from '../report/visible.js';

export interface InitCliOptions {
  dir?: string;
  yaml?: boolean;
  force?: boolean;
  /** show the files instead of writing them */
  print?: boolean;
  ci?: CiHost;
}

export async function initCommand(opts: InitCliOptions): Promise<number> {
  const dir = path.resolve(opts.dir ?? '.');
  if (!isDir(dir)) throw new UsageError(`--dir ${opts.dir}: no such directory`);
  // GitHub, GitLab, pre-commit and the Action read their files at the repository's root, not in a sub-folder
  const top = gitTopLevel(dir);
  if (top && realpathSync(top) !== realpathSync(dir))
    throw new UsageError(
      `${dir} is inside the git repository ${top}: zerodown init writes the config and the CI file at the repository's root, where CI and the Action read them. Run it there (zerodown init --dir ${top}); migrations in sub-folders are found from the root`,
    );
  const facts = await detectProject(dir, opts.ci ? { ci: opts.ci } : {});
  const plan = planInit(facts, { yaml: !!opts.yaml });
  const say = (s: string) => process.stdout.write(`${visible(s, { newlines: true })}\n`);

  const found = facts.roots.length
    ? facts.roots.map((r) => `${r.path} (${r.framework})`).join(', ')
    : 'no migration folder yet';
  const version = facts.version ? ` ${facts.version.text} (${facts.version.source})` : '';
  say(`zerodown init in ${dir}`);
  say(`  migrations: ${found}`);
  say(`  dialect:    ${facts.dialect}${version} (${facts.dialectReason})`);
  say(`  CI:         ${facts.ci === 'github' ? 'GitHub Actions' : 'GitLab CI'} (${facts.ciReason})`);

  if (opts.print) {
    for (const f of plan.files) say(`\n--- ${f.path} (${f.purpose})\n${f.content.trimEnd()}`);
    for (const p of [...plan.blockers, ...plan.existing.map((e) => `${e} exists (--force overwrites it)`)])
      say(`\nin the way: ${p}`);
    for (const n of plan.notes) say(`\n${n}`);
    say('\nnothing written (--print)');
    return 0;
  }

  writeInit(dir, plan, { force: !!opts.force });
  say('');
  const width = Math.max(...plan.files.map((f) => f.path.length));
  for (const f of plan.files)
    say(`  ${plan.existing.includes(f.path) ? 'overwrote' : 'wrote'} ${f.path.padEnd(width)}  ${f.purpose}`);
  for (const n of plan.notes) say(`\n${n}`);
  say('\nnext:');
  const rel = path.relative(process.cwd(), dir);
  if (rel) {
    // a path a shell reads back as it is: as written when plain, else in single quotes
    const where = rel.startsWith('..') || path.isAbsolute(rel) ? dir : rel;
    say(`  cd ${/^[\w./-]+$/.test(where) ? where : `'${where.replace(/'/g, `'\\''`)}'`}`);
  }
  say('  npx zerodown lint      # lint the migrations with these settings');
  say(`  git add ${plan.files.map((f) => f.path).join(' ')} && git commit -m "Check migrations with zerodown"`);
  if (!facts.roots.length)
    process.stderr.write(
      'zerodown: warning: no migration folder found; each run looks for the usual layouts, or set `paths` in the config\n',
    );
  return 0;
}
