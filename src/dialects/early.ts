/**
 * What the CLI's first step (src/cli/bin.ts) starts before loading the rest of zerodown, for a command that will
 * most likely run the embedded engine: PGlite's worker thread (src/dialects/postgres/shadow/worker-start.ts), whose
 * start then overlaps the loading of zerodown's code, discovery and parsing instead of following them. The engine
 * takes it when it opens; a run that opens none (a saved report answers, a usage error) leaves it unused, and it never
 * keeps the process alive.
 */

/** Whether `argv` most likely runs the embedded PGlite: a dry run with no server named on its command line or in `env`. */
export function runsEmbeddedEngine(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  const dry = argv[0] === 'dry-run' || (argv[0] === 'lint' && argv.includes('--dry-run'));
  if (!dry || env.ZERODOWN_SHADOW_URL) return false;
  // a server, MySQL or MariaDB (which have no embedded engine), help or a version: no engine
  return !argv.some(
    (a, i) =>
      a === '--shadow-url' ||
      a.startsWith('--shadow-url=') ||
      a === '-h' ||
      a === '--help' ||
      ((a === '--dialect' || a.startsWith('--dialect=')) &&
        /^(mysql|mariadb)$/.test(a.startsWith('--dialect=') ? a.slice(10) : (argv[i + 1] ?? ''))),
  );
}

/** Starts PGlite's worker now when `argv` most likely needs it (see `runsEmbeddedEngine`). */
export async function startEngineEarly(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  if (!runsEmbeddedEngine(argv, env)) return;
  (await import('./postgres/shadow/worker-start.js')).startWorkerAhead();
  if (env.ZERODOWN_TRACE) process.stderr.write('zerodown: PGlite worker started before the rest of zerodown loads\n');
}
