import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/respawn.ts
var LIFTOFF_ONLY = "--liftoff-only";
var SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"];
var RUNTIME_WASM_FLAGS = Number(process.versions.v8.split(".")[0]) < 13;
var STARTED_BASELINE = process.execArgv.includes(LIFTOFF_ONLY);
function shouldRespawn(env = process.env) {
  if (STARTED_BASELINE || env.ZERODOWN_RESPAWN === "0") return false;
  return env.ZERODOWN_RESPAWN === "1" || !RUNTIME_WASM_FLAGS;
}
async function respawn() {
  const args = [...process.execArgv, LIFTOFF_ONLY, ...process.argv.slice(1)];
  const why = `Node ${process.versions.node} ignores V8's WebAssembly flags set at run time`;
  const execve = process.execve;
  if (execve && process.platform !== "win32") {
    if (process.env.ZERODOWN_TRACE)
      process.stderr.write(`zerodown: started again with ${LIFTOFF_ONLY} (pid ${process.pid}, replaced): ${why}
`);
    try {
      execve(process.execPath, [process.execPath, ...args], process.env);
    } catch {
    }
  }
  const { spawn } = await import("node:child_process");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      stdio: "inherit",
      detached: process.platform !== "win32"
    });
    let started = false;
    const pass = (signal) => {
      if (started && process.platform !== "win32") child.kill(signal);
    };
    const stopListening = () => {
      for (const s of SIGNALS) process.removeListener(s, pass);
    };
    for (const s of SIGNALS) process.on(s, pass);
    child.once("spawn", () => {
      started = true;
      if (process.env.ZERODOWN_TRACE)
        process.stderr.write(`zerodown: started again with ${LIFTOFF_ONLY} (pid ${child.pid}, a child): ${why}
`);
    });
    child.once("error", () => {
      if (started) return;
      stopListening();
      resolve(false);
    });
    child.once("exit", (code, signal) => {
      stopListening();
      if (signal) process.kill(process.pid, signal);
      else process.exit(code ?? 1);
    });
  });
}

export {
  RUNTIME_WASM_FLAGS,
  STARTED_BASELINE,
  shouldRespawn,
  respawn
};
