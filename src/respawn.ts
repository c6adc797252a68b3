/**
 * A short run on a Node whose V8 ignores WebAssembly flags set at run time starts again with `--liftoff-only`.
 *
 * zerodown compiles libpg-query, and PGlite for a short dry run, with V8's baseline compiler only (src/wasm-tier.ts):
 * optimizing their big functions costs more than it saves in a run of seconds. It sets V8's `--liftoff-only` while a
 * module compiles, which Node 20 and 22 (V8 11 and 12) honour. Node 24's V8 (13.6) reads its WebAssembly flags at
 * start-up only: set later, `--liftoff-only`, `--wasm-tiering-budget` and `--no-wasm-tier-up` change nothing, and
 * after the first statements are parsed V8 optimizes libpg-query's grammar function (100 KB of WebAssembly) with
 * TurboFan, which takes 0.66 s of CPU and 610 MB of memory. Measured on Node 24.22.3 (2026-12-07), lemmy's
 * pre-commit lint: 0.84 s and 642 MB, and 0.28 s and 90 MB with the flag on Node's command line (Node 20: 0.33 s,
 * 76 MB); the Action's bench fixture 3.93 s against 2.61 s on Node 20.
 *
 * So on such a Node, a command that parses starts Node again with the flag (one more start of Node, some 45 ms on
 * Node 24 here). Where Node can (`process.execve`, Node 24 on Linux and macOS), the new Node replaces this process:
 * same pid, process group and file descriptors, nothing left waiting. Elsewhere (Windows; a Node without it, or
 * `ZERODOWN_RESPAWN=1` on Node 20) this process starts it as a child and ends as it ends, with the same exit code or
 * signal; the child runs in a process group of its own (not on Windows), so that a Ctrl-C reaches it once, passed on
 * by this process, and its own handler closes the shadows as usual (src/pipeline/signals.ts). `ZERODOWN_RESPAWN=0`
 * turns this off; `=1` does it on any Node (the tests).
 */
const LIFTOFF_ONLY = '--liftoff-only';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/** Whether V8 honours the WebAssembly flags src/wasm-tier.ts sets at run time (V8 before 13: Node 20 and 22). */
export const RUNTIME_WASM_FLAGS = Number(process.versions.v8.split('.')[0]) < 13;

/** Whether this process was started with `--liftoff-only` (by `respawn`, or by hand). */
export const STARTED_BASELINE = process.execArgv.includes(LIFTOFF_ONLY);

/** Whether this run should start again with `--liftoff-only` (see the file comment). */
export function shouldRespawn(env: NodeJS.ProcessEnv = process.env): boolean {
  if (STARTED_BASELINE || env.ZERODOWN_RESPAWN === '0') return false;
  return env.ZERODOWN_RESPAWN === '1' || !RUNTIME_WASM_FLAGS;
}

/**
 * Runs this same script again, with the same arguments and `--liftoff-only`: in this process's place where Node can,
 * else as a child that this process ends with. Resolves `false` only when neither could start it: the caller then
 * runs the command itself.
 */
export async function respawn(): Promise<false> {
  const args = [...process.execArgv, LIFTOFF_ONLY, ...process.argv.slice(1)];
  const why = `Node ${process.versions.node} ignores V8's WebAssembly flags set at run time`;
  const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never }).execve;
  if (execve && process.platform !== 'win32') {
    if (process.env.ZERODOWN_TRACE)
      process.stderr.write(`zerodown: started again with ${LIFTOFF_ONLY} (pid ${process.pid}, replaced): ${why}\n`);
    try {
      execve(process.execPath, [process.execPath, ...args], process.env);
    } catch {
      // refused (a sandbox, an exotic file system): a child instead
    }
  }
  // loaded here, not at the top: where execve replaces the process, child_process (and net, dgram) never loads
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      stdio: 'inherit',
      detached: process.platform !== 'win32',
    });
    let started = false;
    // a signal for this process is the child's: passed on once (the child is not in the terminal's process group).
    // On Windows the console's Ctrl-C reaches both, and a signal sent by Node would end the child abruptly, before
    // it closes its shadows: this process only stays to wait for it
    const pass = (signal: NodeJS.Signals) => {
      if (started && process.platform !== 'win32') child.kill(signal);
    };
    const stopListening = () => {
      for (const s of SIGNALS) process.removeListener(s, pass);
    };
    for (const s of SIGNALS) process.on(s, pass);
    child.once('spawn', () => {
      started = true;
      if (process.env.ZERODOWN_TRACE)
        process.stderr.write(`zerodown: started again with ${LIFTOFF_ONLY} (pid ${child.pid}, a child): ${why}\n`);
    });
    child.once('error', () => {
      if (started) return;
      stopListening();
      resolve(false);
    });
    child.once('exit', (code, signal) => {
      stopListening();
      // ended by a signal: so does this process, for its parent (a shell's 130) to see the same
      if (signal) process.kill(process.pid, signal);
      else process.exit(code ?? 1);
    });
  });
}
