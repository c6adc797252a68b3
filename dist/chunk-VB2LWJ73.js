import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  closeAllShadows,
  openShadowCount
} from "./chunk-JB5CXEFZ.js";

// src/pipeline/signals.ts
var INTERRUPTED_EXIT_CODE = 130;
var CLEANUP_MS = 1500;
var depth = 0;
var stopping = false;
function onSignal(sig) {
  if (stopping) {
    process.stderr.write(`zerodown: ${sig} again: exiting now
`);
    process.exit(INTERRUPTED_EXIT_CODE);
  }
  stopping = true;
  const n = openShadowCount();
  process.stderr.write(
    `
zerodown: ${sig}: stopping${n ? ` and dropping the shadow database${n === 1 ? "" : "s"}` : ""}\u2026 (again to exit at once)
`
  );
  setTimeout(() => process.exit(INTERRUPTED_EXIT_CODE), CLEANUP_MS).unref();
  void closeAllShadows().finally(() => process.exit(INTERRUPTED_EXIT_CODE));
}
async function withShadowCleanup(work) {
  if (depth++ === 0) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  try {
    const result = await work();
    if (stopping) await never();
    return result;
  } catch (err) {
    if (stopping) await never();
    throw err;
  } finally {
    if (--depth === 0) {
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
    }
  }
}
function never() {
  return new Promise(() => {
  });
}

export {
  withShadowCleanup
};
