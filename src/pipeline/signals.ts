/**
 * Ctrl-C and SIGTERM while shadows are open (`lint --dry-run`, `plan`,
 * `dry-run`, the Action): the running statement is stopped and every open
 * shadow closed (PGlite workers terminated; server databases and the roles the
 * run created dropped), then the process exits 130. Closing is given 1.5 s; a
 * second signal exits at once.
 */
import { closeAllShadows, openShadowCount } from '../shadow/registry.js';

export const INTERRUPTED_EXIT_CODE = 130;
/** how long closing the shadows may take before the process exits anyway */
const CLEANUP_MS = 1_500;

let depth = 0;
let stopping = false;

function onSignal(sig: NodeJS.Signals): void {
  if (stopping) {
    process.stderr.write(`zerodown: ${sig} again: exiting now\n`);
    process.exit(INTERRUPTED_EXIT_CODE);
  }
  stopping = true;
  const n = openShadowCount();
  process.stderr.write(
    `\nzerodown: ${sig}: stopping${n ? ` and dropping the shadow database${n === 1 ? '' : 's'}` : ''}… (again to exit at once)\n`,
  );
  setTimeout(() => process.exit(INTERRUPTED_EXIT_CODE), CLEANUP_MS).unref();
  void closeAllShadows().finally(() => process.exit(INTERRUPTED_EXIT_CODE));
}

/** Runs `work` with SIGINT / SIGTERM handled as above (nested calls share one handler). */
export async function withShadowCleanup<T>(work: () => Promise<T>): Promise<T> {
  if (depth++ === 0) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  try {
    const result = await work();
    if (stopping) await never(); // interrupted: the signal handler ends the process, not this flow
    return result;
  } catch (err) {
    // the work fails because its shadow was closed under it: not an error worth reporting
    if (stopping) await never();
    throw err;
  } finally {
    if (--depth === 0) {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
  }
}

/** Interrupted: what was running is abandoned while the handler closes the shadows and exits. */
function never(): Promise<never> {
  return new Promise<never>(() => {});
}
