/**
 * The Action's first step (./main.ts) starts PGlite's worker when the run will most likely dry-run on it
 * (src/dialects/early.ts): a guess from its inputs as the runner sets them, made before they are read (./inputs.ts
 * loads @actions/core) and before the config is. A wrong guess only costs time.
 */
import { configNamesServer, SERVER_ONLY_DIALECT, startEngineIf } from '../dialects/early.js';

/** what a boolean input may say (./inputs.ts `bool`) */
export const TRUE_WORDS = ['true', 'yes', 'on', '1'];
export const FALSE_WORDS = ['false', 'no', 'off', '0'];

/** An input as `core.getInput` reads it (INPUT_<NAME>, trimmed), lower-cased. */
const input = (env: NodeJS.ProcessEnv, name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim().toLowerCase();

/**
 * Whether the Action most likely runs the embedded PGlite: the dry run not turned off, no `shadow-database-url`, no
 * MySQL or MariaDB `dialect`, and no `shadowUrl` in the workspace's config file.
 */
export function actionRunsEmbeddedEngine(env: NodeJS.ProcessEnv, cwd = process.cwd()): boolean {
  if (FALSE_WORDS.includes(input(env, 'dry-run')) || input(env, 'shadow-database-url')) return false;
  if (SERVER_ONLY_DIALECT.test(input(env, 'dialect')) || env.ZERODOWN_SHADOW_URL) return false;
  return !configNamesServer([], env.GITHUB_WORKSPACE || cwd);
}

/**
 * Starts the worker when `actionRunsEmbeddedEngine`, and returns what has it compile PGlite once V8's flags for the
 * process are set (src/wasm-tier.ts `baselineProcess`, which changes V8's flag hash: the worker starts first, so that
 * Node loads its own modules into it from its code cache), right away: the Action opens its engines within 0.2-0.3 s
 * of its review's start, too soon for a compile asked then. The `stats-file` input times statements.
 */
export function startEngineForAction(env: NodeJS.ProcessEnv): Promise<(() => void) | undefined> {
  return startEngineIf(() => actionRunsEmbeddedEngine(env), !!input(env, 'stats-file'), env);
}
