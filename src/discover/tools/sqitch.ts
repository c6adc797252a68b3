/**
 * Sqitch (https://sqitch.org): changes are listed in `sqitch.plan` and deployed
 * in plan order from `deploy/<change>.sql` (revert/ and verify/ scripts are not
 * forward migrations). A reworked change appears twice in the plan; its earlier
 * version lives in `deploy/<change>@<tag>.sql`, named after the first tag that
 * follows it. `sqitch.conf` may move the scripts (`top_dir`, `deploy_dir`).
 *
 * Transactions: the pg engine runs each deploy script with `psql --file`
 * (App::Sqitch::Engine::pg `run_file`), which sends statement after statement
 * in autocommit mode. Sqitch adds no transaction; its templates write
 * `BEGIN; … COMMIT;` into each script, and that explicit block is what the
 * linter tracks.
 */
import path from 'node:path';
import { existsSync, findUp, globFiles, readText } from '../fsutil.js';
import type { FileInfo, Framework } from '../types.js';

const hasPlan = (dir: string) => existsSync(path.join(dir, 'sqitch.plan'));

function confValue(src: string, key: string): string | undefined {
  return new RegExp(`^\\s*${key}\\s*=\\s*(.+?)\\s*$`, 'm').exec(src)?.[1];
}

/** Change scripts in plan order, relative to the deploy directory (without `.sql`). */
export function readPlan(planSrc: string): string[] {
  const items: ({ change: string } | { tag: string })[] = [];
  for (const raw of planSrc.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('%') || line.startsWith('#')) continue;
    const token = line.split(/\s+/)[0]!;
    if (token.startsWith('@')) items.push({ tag: token.slice(1) });
    else if (!token.startsWith('-')) items.push({ change: token.replace(/^\+/, '') });
  }
  const out: string[] = [];
  items.forEach((it, i) => {
    if (!('change' in it)) return;
    const later = items.slice(i + 1);
    const reworked = later.some((x) => 'change' in x && x.change === it.change);
    if (!reworked) return out.push(it.change);
    const tag = later.find((x): x is { tag: string } => 'tag' in x);
    out.push(tag ? `${it.change}@${tag.tag}` : it.change);
  });
  return out;
}

function deployDir(root: string): string {
  const conf = readText(path.join(root, 'sqitch.conf')) ?? '';
  const deploy = confValue(conf, 'deploy_dir');
  if (deploy) return path.resolve(root, deploy);
  const top = confValue(conf, 'top_dir');
  return path.resolve(root, top ?? '.', 'deploy');
}

export const sqitch: Framework = {
  name: 'sqitch',
  pattern: 'sqitch.plan + deploy/<change>.sql',
  detect(dir) {
    return hasPlan(dir) || (path.basename(dir) === 'deploy' && !!findUp(path.dirname(dir), hasPlan, 2));
  },
  root(dir) {
    return findUp(dir, hasPlan, 3) ?? dir;
  },
  async find(root) {
    const info = this.prepare!(root);
    const planned = (info.scripts as string[])
      .map((s) => path.join(info.deploy, `${s}.sql`))
      .filter((f) => existsSync(f));
    const all = await globFiles(info.deploy, '**/*.sql');
    return [...planned, ...all.filter((f) => !planned.includes(f))];
  },
  prepare(root) {
    const scripts = readPlan(readText(path.join(root, 'sqitch.plan')) ?? '');
    const deploy = deployDir(root);
    return { scripts, deploy, index: new Map(scripts.map((s, i) => [path.join(deploy, `${s}.sql`), i])) };
  },
  order(files, { info }) {
    return [...files].sort((a, b) => (info.index.get(a) ?? Infinity) - (info.index.get(b) ?? Infinity));
  },
  describe(abs, _source, { info }): FileInfo {
    if (!info.index.has(abs)) return { skip: 'not a deploy script listed in sqitch.plan' };
    return {
      version: path.relative(info.deploy, abs).replace(/\.sql$/, ''),
      transaction: 'none',
      note: "Sqitch runs each deploy script with psql, statement by statement; the script's own BEGIN/COMMIT is its transaction",
    };
  },
};
