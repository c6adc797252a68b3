#!/usr/bin/env node
import module from 'node:module';
import { isatty } from 'node:tty';
import { redactSecrets } from '../secrets.js';
import { type SavedReport, writeDirect, writeReport } from '../pipeline/saved-report.js';
import { refusal as refusesDaemon } from '../daemon/socket.js';

// Node 22.1+ keeps V8's compiled code of dist/ between runs (in the OS's temporary folder; NODE_DISABLE_COMPILE_CACHE=1
// turns it off): a run starts 20-40 ms sooner. Node 20 has no compile cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

function exit(code: number): void {
  // flush stdout before exiting, so piped output is never cut short
  process.stdout.write('', () => process.exit(code));
}

/** The saved answer to this `lint`, when nothing it depended on changed (never throws: a doubt runs the lint). */
async function replayed(argv: string[]) {
  try {
    const { replaySaved } = await import('../pipeline/rerun.js');
    // isatty, not process.stdout.isTTY: creating the stream (net, for a pipe) costs a hit 2-3 ms
    return replaySaved(argv, process.cwd(), process.env, isatty(1));
  } catch {
    return undefined; // a working directory removed: main says so
  }
}

/** the commands that compile the WebAssembly parser (and PGlite) for a short run: see src/wasm-tier.ts `baselineProcess` */
const PARSING = new Set(['lint', 'plan', 'dry-run', 'gitlab']);

/**
 * Writes a run's answer (stderr, then stdout: a saved report read from its file a piece at a time, or bytes) and exits
 * with `code`.
 */
function answer(code: number, stderr: string, stdout: SavedReport | Buffer): void {
  // `… | head`: a closed pipe is the reader's choice
  const closed = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(code);
    throw err;
  };
  let left: Buffer;
  let rest: Buffer;
  try {
    left = writeDirect(2, Buffer.from(stderr));
    // a whole repository's report is megabytes
    rest = Buffer.isBuffer(stdout) ? writeDirect(1, stdout) : writeReport(1, stdout);
  } catch (err) {
    closed(err as NodeJS.ErrnoException);
    throw err;
  }
  // what is left (a terminal, a pipe that would block) goes through Node's streams, and the exit waits for both
  // (a Windows console is written asynchronously)
  let pending = 1;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  for (const [stream, bytes] of [
    [process.stderr, left],
    [process.stdout, rest],
  ] as const) {
    if (!bytes.length) continue;
    pending++;
    stream.on('error', closed);
    stream.write(bytes, done);
  }
  done();
}

/** `lint --daemon` (not with --dry-run): the resident zerodown's answer, or undefined to lint in this process. */
async function fromDaemon(argv: string[]) {
  if (!argv.includes('--daemon') || refusesDaemon(argv)) return undefined;
  try {
    return await (await import('../daemon/client.js')).lintByDaemon(argv);
  } catch {
    return undefined; // whatever went wrong, this process lints
  }
}

const argv = process.argv.slice(2);
// `lint --daemon`: the daemon's answer, first (it answers a run with nothing changed from its saved report too)
const served = argv[0] === 'lint' ? await fromDaemon(argv) : undefined;
// `zerodown lint` again with nothing changed: its saved report, before the rest of zerodown loads
const saved = !served && argv[0] === 'lint' ? await replayed(argv) : undefined;
if (served) answer(served.code, served.stderr, Buffer.from(served.stdout));
else if (saved) answer(saved.code, saved.stderr, saved.report);
else {
  // a dry run's engine worker starts now, on the other core, while the rest of zerodown loads (src/dialects/early.ts)
  let compileAhead: (() => void) | undefined;
  if (argv[0] === 'dry-run' || argv[0] === 'gitlab' || argv.includes('--dry-run'))
    compileAhead = await (await import('../dialects/early.js')).startEngineEarly(argv, process.env);
  // on Node 24 a command that parses keeps WebAssembly on baseline code for the whole process (src/wasm-tier.ts)
  if (PARSING.has(argv[0] ?? '')) (await import('../wasm-tier.js')).baselineProcess();
  // and that worker compiles PGlite's WebAssembly for this process's tier, once it has started
  compileAhead?.();
  const { main } = await import('./main.js');
  main(argv).then(exit, (err) => {
    process.stderr.write(redactSecrets(`zerodown: internal error: ${err?.stack ?? err}\n`));
    exit(2);
  });
}
