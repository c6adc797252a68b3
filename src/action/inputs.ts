/**
 * The Action's inputs (action.yml), read the way @actions/core reads them:
 * `INPUT_<NAME uppercased, spaces → _>` with hyphens kept (`INPUT_FAIL-ON`).
 * Every input has a default here too, so the Action also runs with none set.
 */
import * as core from '@actions/core';
import type { FailOn } from '../config.js';
import { plainSecrets, registerSecret, registerSecretUrl } from '../secrets.js';
import { DIALECT_IDS, parsePgVersion } from '../dialects/index.js';
import { parseShadowTimeout } from '../shadow/driver.js';
import { FALSE_WORDS, TRUE_WORDS } from './engine-ahead.js';

export interface ActionInputs {
  token: string;
  /** globs, files or directories, one per line; empty = auto-discover */
  paths: string[];
  /** `fail-on`; unset: the config's `failOn`, else error */
  failOn?: FailOn;
  dryRun: boolean;
  shadowUrl?: string;
  /** `shadow-timeout`: seconds a statement may run on the shadow */
  shadowTimeout?: number;
  /** run as the shadow URL's role when no unprivileged run role can be made, even if it is powerful */
  allowSuperuserShadow: boolean;
  /** `runner-mysql`: for a MySQL repository without a shadow URL, start the GitHub Ubuntu runner's own MySQL */
  runnerMysql: boolean;
  pgVersion?: number;
  /** `dialect`: postgres, mysql or mariadb; empty = config `dialect`, else detected from the migrations */
  dialect?: string;
  /** `mysql-version` as written (e.g. 8.0.35, 8.4, 10.11); read by the MySQL/MariaDB dialect with the settings */
  mysqlVersion?: string;
  comment: boolean;
  /** tells this job's sticky comment from another zerodown job's on the same PR (matrix); '' = the default comment */
  commentKey: string;
  /** where to write SARIF, relative to the workspace; empty = don't write */
  sarifFile: string;
  /** `stats-file`: production table sizes (`zerodown stats export`), relative to the workspace; empty = none */
  statsFile?: string;
}

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

function bool(name: string, fallback: boolean): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  if (v === '') return fallback;
  if (TRUE_WORDS.includes(v)) return true;
  if (FALSE_WORDS.includes(v)) return false;
  throw new InputError(`input "${name}" must be true or false (got "${v}")`);
}

/**
 * A connection string that may hold a password (input or config): redacted from
 * all our own output (src/secrets.ts), and masked by the runner too, for the
 * output of anything else in the job.
 */
export function protectSecretUrl(url: string | undefined): void {
  if (!url) return;
  core.setSecret(url); // the runner masks even a URL without a password, as it always did
  for (const v of plainSecrets(url)) core.setSecret(v);
  registerSecretUrl(url);
}

export function readInputs(): ActionInputs {
  // mask the shadow URL before anything can print it (it may hold a password)
  const shadowUrl = core.getInput('shadow-database-url').trim();
  protectSecretUrl(shadowUrl);
  const token = core.getInput('github-token').trim();
  if (token) {
    core.setSecret(token);
    registerSecret(token);
  }

  // empty: the config file's failOn decides, else error (pipeline/settings.ts)
  const failOn = (core.getInput('fail-on').trim().toLowerCase() || undefined) as FailOn | undefined;
  if (failOn !== undefined && !['error', 'warning', 'never'].includes(failOn)) {
    throw new InputError(`input "fail-on" must be error, warning or never (got "${failOn}")`);
  }

  const pg = core.getInput('pg-version').trim();
  let pgVersion: number | undefined;
  if (pg) {
    pgVersion = parsePgVersion(pg);
    if (pgVersion === undefined) {
      throw new InputError(
        `input "pg-version" must be a PostgreSQL major version from 9 to 19, such as 16 or 16.4 (got "${pg}")`,
      );
    }
  }

  const dialect = core.getInput('dialect').trim().toLowerCase();
  if (dialect && !DIALECT_IDS.includes(dialect))
    throw new InputError(`input "dialect" must be one of ${DIALECT_IDS.join(', ')} (got "${dialect}")`);
  const mysqlVersion = core.getInput('mysql-version').trim();
  if (mysqlVersion && pg)
    throw new InputError('inputs "pg-version" and "mysql-version" exclude each other: give the one of your database');
  if (mysqlVersion && !/^\d{1,2}\.\d{1,2}(\.\d{1,2})?$/.test(mysqlVersion))
    throw new InputError(
      `input "mysql-version" must be a MySQL or MariaDB version such as 8.0.35, 8.4 or 10.11 (got "${mysqlVersion}")`,
    );

  const st = core.getInput('shadow-timeout').trim();
  const shadowTimeout = st ? parseShadowTimeout(st) : undefined;
  if (st && shadowTimeout === undefined) {
    throw new InputError(`input "shadow-timeout" must be a positive number of seconds, e.g. 30 (got "${st}")`);
  }

  const commentKey = core.getInput('comment-key').trim();
  if (!/^[\w./-]{0,64}$/.test(commentKey)) {
    throw new InputError(
      `input "comment-key" may hold up to 64 letters, digits, ".", "_", "-" and "/" (got "${commentKey}"); it names this job's sticky comment, e.g. \${{ matrix.postgres }}`,
    );
  }

  const sarifInput = process.env['INPUT_SARIF-FILE'];
  const statsFile = core.getInput('stats-file').trim();
  return {
    token,
    paths: core
      .getMultilineInput('paths')
      .map((p) => p.trim())
      .filter(Boolean),
    failOn,
    dryRun: bool('dry-run', true),
    runnerMysql: bool('runner-mysql', true),
    shadowUrl: shadowUrl || undefined,
    ...(shadowTimeout !== undefined ? { shadowTimeout } : {}),
    allowSuperuserShadow: bool('allow-superuser-shadow', false),
    pgVersion,
    ...(dialect ? { dialect } : {}),
    ...(mysqlVersion ? { mysqlVersion } : {}),
    comment: bool('comment', true),
    commentKey,
    // an explicitly empty sarif-file turns SARIF off; unset means the default
    sarifFile: sarifInput === undefined ? 'zerodown.sarif' : sarifInput.trim(),
    ...(statsFile ? { statsFile } : {}),
  };
}
