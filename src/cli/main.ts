/**
 * `zerodown` command line. Thin: parses options, calls the pipeline, prints.
 * Exit codes (DESIGN.md): 0 nothing reaches --fail-on, 1 something does, 2 usage/config/I-O error.
 */
import { Command, CommanderError, Option } from 'commander';
import { guardStream, registerSecret, registerSecretUrl } from '../secrets.js';
import { visible } from '../report/visible.js';
import { parseShadowTimeout } from '../shadow/driver.js';
import { isUserError, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { setInvocation } from '../pipeline/rerun.js';
// the dialect ids only, not the registry: `--version`, `--help` and usage errors load no dialect
import { DIALECT_IDS, parsePgVersion } from '../dialects/ids.js';
// Commands are imported lazily inside their actions, so that `zerodown lint` never
// evaluates PGlite or the GitHub toolkit and `zerodown dry-run` never pays for the linter.

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('zerodown')
    .description('Stop database migrations from causing downtime.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(visible(s, { newlines: true })) });

  sourceOptions(program.command('lint'))
    .description('parse migrations and flag statements that would lock or rewrite busy tables')
    .argument('[paths...]', 'migration files, directories or globs (default: config `paths`, or auto-discovery)')
    .addOption(
      new Option('-f, --format <format>', 'output format (gitlab: a GitLab Code Quality report)')
        .choices(['text', 'json', 'sarif', 'github', 'gitlab'])
        .default('text'),
    )
    .option('--pg-version <major>', 'target PostgreSQL major version', (v) => parseIntOption(v, '--pg-version'))
    .option('--assume-in-transaction', 'treat every file as run inside a transaction by the migration tool')
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding reaches this level').choices([
        'error',
        'warning',
        'never',
      ]),
    )
    .option(
      '--since <git-ref>',
      'lint only migrations added or changed since this git ref (earlier ones still build the schema)',
    )
    .option(
      '--only-migrations',
      'the paths are files (e.g. staged files, from a pre-commit hook): lint those in the migration folders (config `paths`, else the usual layouts), ignore the rest',
    )
    .option(
      '--no-cache',
      'lint every file and replay the history, instead of reusing the findings and schema an earlier run saved for unchanged files (node_modules/.cache/zerodown, else ~/.cache/zerodown); with --dry-run, the shadow state and report are neither reused nor saved either',
    )
    .option(
      '--daemon',
      'ask the resident zerodown of this version for the run (for a pre-commit hook: no start-up, no compile), starting it in the background if none runs; it stops after 15 idle minutes (docs/pre-commit.md)',
    )
    .option('--dry-run', 'also run the migrations on a shadow database: confirm findings, report statements that fail')
    .option(
      '--shadow-url <url>',
      'with --dry-run: PostgreSQL server to use (a throwaway database is created) instead of embedded PGlite',
    )
    .option(
      '--allow-superuser-shadow',
      'with --shadow-url: when its role may not create the unprivileged run role, run the migrations as that role even if it is a superuser or may reach server programs or files',
    )
    .option('--seed-rows <n>', 'with --dry-run: sample rows per table (default 1000)', (v) =>
      parseCountOption(v, '--seed-rows'),
    )
    .option(
      '--shadow-timeout <seconds>',
      'with --dry-run: stop a statement that runs longer than this on the shadow database, and report it (default 30)',
      (v) => parseSecondsOption(v, '--shadow-timeout'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .action(async (paths: string[], opts) => {
      const { lintCommand } = await import('./lint.js');
      process.exitCode = await lintCommand(paths, opts);
    });

  sourceOptions(program.command('plan'))
    .description('rewrite unsafe migrations into safe staged phases, proven on a shadow database')
    .argument('[paths...]', 'migration files, directories or globs (default: config `paths`)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'sql', 'markdown', 'json']).default('text'),
    )
    .option(
      '--out <dir>',
      'write one migration file per phase into this directory, in the layout of the migration tool',
    )
    .option('--force', 'let --out overwrite existing files')
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding no plan handles reaches this level').choices([
        'error',
        'warning',
        'never',
      ]),
    )
    .option(
      '--shadow-url <url>',
      'prove plans on this PostgreSQL server (a throwaway database is created) instead of embedded PGlite',
    )
    .option(
      '--allow-superuser-shadow',
      'with --shadow-url: when its role may not create the unprivileged run role, run the migrations as that role even if it is a superuser or may reach server programs or files',
    )
    .option('--no-verify', 'do not prove the plans on the shadow database (they are then shown as unverified)')
    .option('--seed-rows <n>', 'rows seeded per table for the proof (default 200)', (v) =>
      parseCountOption(v, '--seed-rows'),
    )
    .option(
      '--no-cache',
      'prove the plan again, replaying the history, instead of reusing the verdict or the shadow state an earlier proof saved (node_modules/.cache/zerodown/shadow), and save neither',
    )
    .option(
      '--shadow-timeout <seconds>',
      'stop a statement that runs longer than this on the shadow database, and report it (default 30)',
      (v) => parseSecondsOption(v, '--shadow-timeout'),
    )
    .option('--pg-version <major>', 'target PostgreSQL major version', (v) => parseIntOption(v, '--pg-version'))
    .option('--assume-in-transaction', 'treat every file as run inside a transaction by the migration tool')
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .action(async (paths: string[], opts) => {
      const { planCommand } = await import('./plan.js');
      process.exitCode = await planCommand(paths, opts);
    });

  sourceOptions(program.command('dry-run'))
    .description('run migrations on a shadow database and report the real locks, rewrites, durations and errors')
    .argument('[paths...]', 'migration files to run; earlier migrations of the same directory build the schema first')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'),
    )
    .option(
      '--shadow-url <url>',
      'PostgreSQL server to run on (a throwaway database is created and dropped) instead of embedded PGlite',
    )
    .option(
      '--allow-superuser-shadow',
      'with --shadow-url: when its role may not create the unprivileged run role, run the migrations as that role even if it is a superuser or may reach server programs or files',
    )
    .option(
      '--schema <dump.sql>',
      'build the schema from `pg_dump --schema-only` output instead of replaying earlier migrations',
    )
    .option('--seed-rows <n>', 'sample rows per table (default 1000)', (v) => parseCountOption(v, '--seed-rows'))
    .option(
      '--pg-version <major>',
      'target PostgreSQL major version (how the migration tool runs a file may depend on it)',
      (v) => parseIntOption(v, '--pg-version'),
    )
    .option(
      '--shadow-timeout <seconds>',
      'stop a statement that runs longer than this on the shadow database, and report it (default 30)',
      (v) => parseSecondsOption(v, '--shadow-timeout'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option(
      '--no-cache',
      "do not reuse or save the replayed shadow state, nor an earlier run's report of the same migrations (node_modules/.cache/zerodown/shadow)",
    )
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .action(async (paths: string[], opts) => {
      const { dryRunCommand } = await import('./dry-run.js');
      process.exitCode = await dryRunCommand(paths, opts);
    });

  // GitLab CI, for a merge request: docs/gitlab.md (src/cli/gitlab.ts)
  sourceOptions(program.command('gitlab'))
    .description(
      'on GitLab CI: review the migrations a merge request changes, write a Code Quality report, post one sticky merge request note (token: ZERODOWN_GITLAB_TOKEN)',
    )
    .argument('[paths...]', 'migration files, directories or globs (default: config `paths`, or auto-discovery)')
    .option('--code-quality <file>', 'where to write the GitLab Code Quality report', 'gl-code-quality-report.json')
    .option(
      '--since <git-ref>',
      'outside a merge request pipeline (no CI_MERGE_REQUEST_DIFF_BASE_SHA): review the migrations changed since this ref',
    )
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding reaches this level').choices([
        'error',
        'warning',
        'never',
      ]),
    )
    .option('--pg-version <major>', 'target PostgreSQL major version', (v) => parseIntOption(v, '--pg-version'))
    .option('--no-dry-run', 'do not run the migrations and the staged plans on a shadow database')
    .option('--shadow-url <url>', 'shadow database server (default: ZERODOWN_SHADOW_URL, else embedded PGlite)')
    .option(
      '--allow-superuser-shadow',
      'with --shadow-url: when its role may not create the unprivileged run role, run the migrations as that role even if it is a superuser or may reach server programs or files',
    )
    .option(
      '--shadow-timeout <seconds>',
      'stop a statement that runs longer than this on the shadow database, and report it (default 30)',
      (v) => parseSecondsOption(v, '--shadow-timeout'),
    )
    .option(
      '--no-cache',
      'replay the history for the dry run and the proof instead of booting from the shadow state (or reusing the report and verdict on the same migrations and plan) an earlier job saved (node_modules/.cache/zerodown/shadow, or $ZERODOWN_CACHE_DIR), and save neither',
    )
    .option('--no-note', 'do not post the merge request note')
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .action(async (paths: string[], opts) => {
      const { gitlabCommand } = await import('./gitlab.js');
      process.exitCode = await gitlabCommand(paths, opts);
    });

  program
    .command('init')
    .description('detect the migrations and write a commented config and the CI file (GitHub workflow or GitLab job)')
    .option('--dir <dir>', 'the repository to set up (default: the current directory)')
    .option('--yaml', 'write .zerodown.yml instead of zerodown.config.json')
    .addOption(new Option('--ci <host>', 'CI to write for, instead of detecting it').choices(['github', 'gitlab']))
    .option('--print', 'show the files it would write, and write nothing')
    .option('--force', 'overwrite files that exist')
    .action(async (opts) => {
      const { initCommand } = await import('./init.js');
      process.exitCode = await initCommand(opts);
    });

  sourceOptions(program.command('lsp'))
    .description('Language Server Protocol server over stdio: diagnostics and fixes in your editor (docs/editors.md)')
    .option(
      '--stdio',
      'talk LSP over stdin and stdout (the default and only transport; accepted for editors that pass it)',
    )
    .option('--pg-version <major>', 'target PostgreSQL major version', (v) => parseIntOption(v, '--pg-version'))
    .option('--assume-in-transaction', 'treat every file as run inside a transaction by the migration tool')
    .option('--any-sql-file', 'lint every .sql file opened, not only those in migration folders')
    .action(async (opts) => {
      const { lspCommand } = await import('../lsp/command.js');
      process.exitCode = await lspCommand(opts);
    });

  // the resident zerodown for `lint --daemon` (src/daemon/, docs/pre-commit.md)
  const daemon = program
    .command('daemon')
    .description('the resident zerodown that answers `zerodown lint --daemon` (pre-commit hooks) without starting up');
  for (const [name, description] of [
    ['status', 'say whether a daemon of this version runs, and what it has done'],
    ['start', 'start the daemon of this version in the background (`lint --daemon` also starts it)'],
    ['stop', 'stop the daemon of this version'],
  ] as const)
    daemon
      .command(name)
      .description(description)
      .action(async () => {
        const { daemonCommands } = await import('./daemon.js');
        process.exitCode = await daemonCommands[name]();
      });
  daemon
    .command('serve', { hidden: true })
    .description('run the daemon in this process (what `start` runs in the background)')
    .option('--socket <path>', 'the socket to listen on (default: this version’s)')
    .option('--idle <seconds>', 'stop after this long without a request (default 900)', (v) =>
      parseSecondsOption(v, '--idle'),
    )
    .action(async (opts) => {
      const { daemonServeCommand } = await import('./daemon.js');
      process.exitCode = await daemonServeCommand(opts, main);
    });

  // --stats: production table sizes (docs/estimates.md)
  program
    .command('stats')
    .description('production table statistics for size-aware severity and estimates (docs/estimates.md)')
    .command('export')
    .description('read table sizes from a server (READ ONLY) and print them as a stats file for --stats')
    .option('--url <url>', 'postgres://… or mysql://… of the server to read (default ZERODOWN_STATS_URL)')
    .option('-o, --output <file>', 'write the stats file here instead of stdout')
    .action(async (opts) => {
      const { statsExportCommand } = await import('./stats.js');
      process.exitCode = await statsExportCommand(opts);
    });

  return program;
}

/** The options that say where the migrations come from and what they are written in (lint, plan, dry-run). */
function sourceOptions(cmd: Command): Command {
  return cmd
    .option(
      '-c, --config <file>',
      'config file (default: zerodown.config.json or .zerodown.yml in the current directory)',
    )
    .option('--framework <name>', 'migration tool, instead of detecting it')
    .addOption(
      new Option(
        '--dialect <id>',
        'SQL dialect of the migrations (default: config `dialect`, else detected from the migrations, else postgres)',
      ).choices(DIALECT_IDS),
    )
    .option(
      '--mysql-version <version>',
      'target MySQL version (e.g. 5.7, 8.0.35, 8.4; default 8.0 latest), or with --dialect mariadb a MariaDB version (10.6, 10.11, 11.4; default 10.11)',
    )
    .option('--no-history', 'do not replay earlier migrations of the same directory before a given file')
    .option('--stats <file>', 'production table sizes (`zerodown stats export`): size-aware severity and estimates')
    .option(
      '--stats-url <url>',
      'read the production table sizes live from this server (READ ONLY) instead of --stats',
    );
}

function parseIntOption(v: string, name: string): number {
  const n = parsePgVersion(v); // `15`, `15.4` or `13.0` (squawk's form); not `0x10` or `1e1`
  if (n === undefined)
    throw new UsageError(
      `${name} must be a PostgreSQL major version from 9 to 19, such as 15 or 15.4 (got "${v}"); for MySQL or MariaDB use --mysql-version`,
    );
  return n;
}

function parseCountOption(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000)
    throw new UsageError(`${name} must be a whole number from 0 to 1000000 (got "${v}")`);
  return n;
}

/**
 * Registers the secrets this run may hold (src/secrets.ts) before anything can print them: `--shadow-url`
 * wherever it sits in argv, ZERODOWN_SHADOW_URL, PGPASSWORD. A URL from the config file is registered when the
 * config is read, and every URL again when the shadow driver opens it.
 */
function registerSecrets(argv: string[]): void {
  argv.forEach((a, i) => {
    if (a === '--shadow-url') registerSecretUrl(argv[i + 1]);
    else if (a.startsWith('--shadow-url=')) registerSecretUrl(a.slice('--shadow-url='.length));
    else if (a === '--stats-url' || a === '--url') registerSecretUrl(argv[i + 1]);
    else if (a.startsWith('--stats-url=') || a.startsWith('--url=')) registerSecretUrl(a.slice(a.indexOf('=') + 1));
  });
  registerSecretUrl(process.env.ZERODOWN_SHADOW_URL);
  registerSecretUrl(process.env.ZERODOWN_STATS_URL);
  registerSecret(process.env.PGPASSWORD);
  registerSecret(process.env.ZERODOWN_GITLAB_TOKEN);
}

/** A positive number of seconds (fractions allowed), at most a day. */
export function parseSecondsOption(v: string, name: string): number {
  const n = parseShadowTimeout(v);
  if (n === undefined)
    throw new UsageError(`${name} must be a positive number of seconds, e.g. 30 or 2.5 (got "${v}")`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  registerSecrets(argv);
  // everything this run writes to stdout and stderr is redacted, whoever writes it; except the stdout of
  // `zerodown lsp`: a framed protocol, whose frame a redaction would cut short (the server redacts what it sends)
  const framed = argv[0] === 'lsp';
  const unguard = [...(framed ? [] : [guardStream(process.stdout)]), guardStream(process.stderr)];
  // the key of this run's stamp, if `lint` saves a report (src/pipeline/rerun.ts)
  setInvocation(argv);
  try {
    return await runProgram(argv);
  } finally {
    setInvocation(undefined);
    for (const restore of unguard) restore();
  }
}

async function runProgram(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; usage errors exit 2 (commander already printed them)
      return err.exitCode === 0 ? 0 : 2;
    }
    if (isUserError(err)) {
      process.stderr.write(`zerodown: ${visible(err.message, { newlines: true })}\n`);
      return 2;
    }
    process.stderr.write(
      `zerodown: internal error: ${visible((err as Error).stack ?? String(err), { newlines: true })}\n`,
    );
    return 2;
  }
}
