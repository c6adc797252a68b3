/**
 * The MySQL server GitHub's hosted Ubuntu runners ship, stopped, as the Action's default shadow for
 * a MySQL repository (docs/mysql.md, "The MySQL server already on GitHub's Ubuntu runners": images
 * ubuntu-22.04/24.04 carry MySQL 8.0, ubuntu-26.04 8.4, user root, password root; the image readmes
 * say "MySQL service is disabled by default. Use … 'sudo systemctl start mysql.service'").
 *
 * MySQL has no embedded engine, so without a server the dry run and the plan's proof cannot run.
 * On a GitHub-hosted Ubuntu runner, with the dialect `mysql`, no `shadow-database-url` and
 * `runner-mysql` not off, the Action starts that server and uses it. The command is fixed: nothing
 * from the pull request reaches it. Not for MariaDB (the runner's server is MySQL, whose online DDL
 * differs), nor on self-hosted runners (their MySQL, if any, is someone's).
 */
import { execFile } from 'node:child_process';
import { connect } from 'node:net';

/** The runner's MySQL, as the images set it up. */
export const RUNNER_MYSQL_URL = 'mysql://root:root@127.0.0.1:3306/mysql';

/** Why the Action does not start the runner's MySQL; undefined when it should. */
export function runnerMysqlSkip(
  dialect: string,
  opts: { shadowUrl?: string; dryRun: boolean; runnerMysql: boolean },
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (dialect !== 'mysql') return 'the dialect is not MySQL';
  if (opts.shadowUrl) return 'a shadow-database-url is given';
  if (!opts.dryRun) return 'dry-run is off';
  if (!opts.runnerMysql) return 'runner-mysql is false';
  if (env.RUNNER_ENVIRONMENT !== 'github-hosted') return 'the runner is not GitHub-hosted';
  if (env.RUNNER_OS !== 'Linux' || !/^ubuntu/i.test(env.ImageOS ?? ''))
    return 'the runner is not a GitHub Ubuntu image';
  return undefined;
}

/** Runs a fixed command without a shell; resolves with its exit error, if any. */
export type Exec = (file: string, args: string[]) => Promise<Error | undefined>;

const execNoShell: Exec = (file, args) =>
  new Promise((resolve) => execFile(file, args, { timeout: 60_000 }, (err) => resolve(err ?? undefined)));

/** True once something accepts TCP connections on host:port, polling until `ms` have passed. */
export async function waitForPort(host: string, port: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const up = await new Promise<boolean>((resolve) => {
      const s = connect({ host, port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (up) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/**
 * Starts the runner's MySQL (`sudo systemctl start mysql.service`) and waits for its port.
 * Resolves with its URL, or throws with what went wrong.
 */
export async function startRunnerMysql(
  exec: Exec = execNoShell,
  wait: (host: string, port: number, ms: number) => Promise<boolean> = waitForPort,
): Promise<string> {
  const err = await exec('sudo', ['-n', 'systemctl', 'start', 'mysql.service']);
  if (err) throw new Error(`could not start the runner's MySQL (sudo systemctl start mysql.service): ${err.message}`);
  if (!(await wait('127.0.0.1', 3306, 30_000)))
    throw new Error("the runner's MySQL did not accept connections on 127.0.0.1:3306 within 30 s");
  return RUNNER_MYSQL_URL;
}
