#!/usr/bin/env node
import module from 'node:module';
import { redactSecrets } from '../secrets.js';
import { replaySaved } from '../pipeline/rerun.js';
import { respawn, shouldRespawn } from '../respawn.js';

// Node 22.1+ keeps V8's compiled code of dist/ between runs (in the OS's temporary folder; NODE_DISABLE_COMPILE_CACHE=1
// turns it off): a run starts 20-40 ms sooner. Node 20 has no compile cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

function exit(code: number): void {
  // flush stdout before exiting, so piped output is never cut short
  process.stdout.write('', () => process.exit(code));
}

/** The saved answer to this `lint`, when nothing it depended on changed (never throws: a doubt runs the lint). */
function replayed(argv: string[]): ReturnType<typeof replaySaved> {
  try {
    return replaySaved(argv, process.cwd(), process.env, !!process.stdout.isTTY);
  } catch {
    return undefined; // a working directory removed: main says so
  }
}

/** the commands that compile the WebAssembly parser (and PGlite) for a short run: see src/respawn.ts */
const PARSING = new Set(['lint', 'plan', 'dry-run', 'gitlab']);

const argv = process.argv.slice(2);
// `zerodown lint` again with nothing changed: its saved report, before the rest of zerodown loads
const saved = argv[0] === 'lint' ? replayed(argv) : undefined;
if (saved) {
  // `… | head`: a closed pipe is the reader's choice
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(saved.code);
    throw err;
  });
  if (saved.stderr) process.stderr.write(saved.stderr);
  process.stdout.write(saved.stdout);
  exit(saved.code);
} else {
  // on Node 24 a command that parses runs again with --liftoff-only, in this process's place (src/respawn.ts;
  // resolved only when Node could not be started again: then it runs here)
  if (PARSING.has(argv[0] ?? '') && shouldRespawn()) await respawn();
  const { main } = await import('./main.js');
  main(argv).then(exit, (err) => {
    process.stderr.write(redactSecrets(`zerodown: internal error: ${err?.stack ?? err}\n`));
    exit(2);
  });
}
