/**
 * What the CLI's first step (src/cli/bin.ts) and the Action's (src/action/main.ts) start before loading the rest of
 * zerodown, for a run that will most likely run the embedded engine: PGlite's worker thread
 * (src/dialects/postgres/shadow/worker-start.ts), whose start and compile of PGlite's WebAssembly then overlap the
 * loading of zerodown's code, discovery, parsing and linting instead of following them. The engine takes it when it
 * opens; a run that opens none (a saved report answers, a usage error, a pull request without migrations) leaves it
 * unused, and it never keeps the process alive.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILES } from '../config.js';
import { effectiveTier } from '../wasm-tier.js';

/**
 * Whether `argv` most likely runs the embedded PGlite: a dry run with no server named on its command line, in `env`
 * or in the config file (`-c`, else the one in `cwd`: any mention of `shadowUrl` counts, a comment included; this is
 * a guess made before the config is read, and a wrong one only costs time).
 */
export function runsEmbeddedEngine(argv: readonly string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): boolean {
  // `zerodown gitlab` dry-runs unless told not to, as the Action does
  const dry =
    argv[0] === 'dry-run' ||
    (argv[0] === 'lint' && argv.includes('--dry-run')) ||
    (argv[0] === 'gitlab' && !argv.includes('--no-dry-run'));
  if (!dry || env.ZERODOWN_SHADOW_URL || configNamesServer(argv, cwd)) return false;
  // a server, MySQL or MariaDB (which have no embedded engine), help or a version: no engine
  return !argv.some(
    (a, i) =>
      a === '--shadow-url' ||
      a.startsWith('--shadow-url=') ||
      a === '-h' ||
      a === '--help' ||
      ((a === '--dialect' || a.startsWith('--dialect=')) &&
        SERVER_ONLY_DIALECT.test(a.startsWith('--dialect=') ? a.slice(10) : (argv[i + 1] ?? ''))),
  );
}

/** the dialects with no embedded engine (a dry run of theirs needs a server) */
export const SERVER_ONLY_DIALECT = /^(mysql|mariadb)$/;

/**
 * Whether the config file the run will read mentions `shadowUrl` (see `runsEmbeddedEngine`): the one `argv` names with
 * `-c`/`--config`, else the one in `cwd`.
 */
export function configNamesServer(argv: readonly string[], cwd: string): boolean {
  const i = argv.findIndex((a) => a === '-c' || a === '--config' || a.startsWith('--config='));
  const given = i < 0 ? undefined : argv[i]!.startsWith('--config=') ? argv[i]!.slice(9) : argv[i + 1];
  for (const name of given ? [given] : CONFIG_FILES) {
    try {
      return readFileSync(path.resolve(cwd, name), 'utf8').includes('shadowUrl');
    } catch {
      // not there: the next name
    }
  }
  return false;
}

/**
 * Starts PGlite's worker now when `argv` most likely needs it (see `runsEmbeddedEngine`); never throws. Returns what
 * has it compile PGlite's WebAssembly once V8's flags for this process are set (src/wasm-tier.ts `baselineProcess`,
 * which changes V8's flag hash: the worker starts first, so that Node loads its own modules into it from its code
 * cache): see worker-start.ts `compileAhead`. The tier is a guess too (pglite-files.ts `tierFor`): baseline, unless
 * `--stats` times statements; a wrong one leaves the engine compiling its own, as without it.
 */
export function startEngineEarly(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<(() => void) | undefined> {
  return startEngineIf(
    () => runsEmbeddedEngine(argv, env),
    argv.some((a) => a === '--stats' || a.startsWith('--stats=')),
    env,
  );
}

/**
 * Starts PGlite's worker when `needed()` says the run will most likely open the engine; never throws. Returns what has
 * it compile PGlite for the process's tier (`timed`: the run times statements, which its engine compiles optimized).
 */
export async function startEngineIf(
  needed: () => boolean,
  timed: boolean,
  env: NodeJS.ProcessEnv,
): Promise<(() => void) | undefined> {
  let compile: () => void;
  try {
    if (!needed()) return undefined;
    const { startWorkerAhead, compileAhead } = await import('./postgres/shadow/worker-start.js');
    startWorkerAhead();
    compile = () => compileAhead(effectiveTier(timed ? 'optimizing' : 'baseline'));
  } catch {
    return undefined; // a working directory removed, say: the run says so, and opens its engine when it needs one
  }
  if (env.ZERODOWN_TRACE) process.stderr.write('zerodown: PGlite worker started before the rest of zerodown loads\n');
  return compile;
}
