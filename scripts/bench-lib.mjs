// What the bench scripts share: their options, and the CLI they time (built fresh into a temp
// directory unless --dist names a built dist/).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);

/** The value after `name` on the command line, if given. */
export const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** The PostgreSQL server to compare with: --url, $ZERODOWN_TEST_PG_URL, or the local one. */
export const benchUrl = () =>
  opt('--url') ?? process.env.ZERODOWN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Path of the CLI bundle to time: `--dist DIR`, or a fresh build under `tmp`. */
export function builtCli(tmp) {
  let dist = opt('--dist') ? path.resolve(opt('--dist')) : undefined;
  if (!dist) {
    dist = path.join(tmp, 'dist');
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--outdir', dist], {
      cwd: root,
      stdio: 'pipe',
    });
  }
  return path.join(dist, 'cli.js');
}
