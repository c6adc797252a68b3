import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/dialects/postgres/shadow/worker-start.ts
import { createRequire } from "node:module";
function startWorker() {
  const { Worker } = createRequire(import.meta.url)("node:worker_threads");
  const here = import.meta.url;
  const resourceLimits = { maxYoungGenerationSizeMb: 24 };
  if (!here.endsWith(".ts")) return new Worker(new URL("./pglite-worker.js", here), { resourceLimits });
  const tsx = import.meta.resolve("tsx/esm/api");
  const script = new URL("./pglite-worker.ts", here).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`,
    { eval: true, resourceLimits }
  );
}
var spare;
function startWorkerAhead() {
  if (spare && !spare.gone) return spare.worker;
  const s = { worker: startWorker(), gone: false };
  s.worker.unref();
  s.worker.on("error", () => {
  });
  s.worker.once("exit", () => s.gone = true);
  spare = s;
  return s.worker;
}
var ahead;
function compileAhead(tier) {
  if (!spare || spare.gone || ahead) return;
  const { worker } = spare;
  let done;
  const module = new Promise((resolve) => done = resolve);
  const compiled = (m) => {
    if (m?.op !== "compiled") return;
    worker.off("message", compiled);
    done(m.wasm);
  };
  worker.on("message", compiled);
  worker.once("exit", () => done(void 0));
  spare.compiling = tier;
  ahead = { tier, module };
  worker.postMessage({ op: "compile", tier });
}
function compilingAhead() {
  return spare && !spare.gone ? spare.compiling : void 0;
}
function moduleAhead(tier) {
  return ahead?.tier === tier ? ahead.module : void 0;
}
function takeWorker() {
  const s = spare;
  spare = void 0;
  if (!s || s.gone) return { worker: startWorker() };
  return s.compiling ? { worker: s.worker, compiling: s.compiling } : { worker: s.worker };
}

export {
  startWorkerAhead,
  compileAhead,
  compilingAhead,
  moduleAhead,
  takeWorker
};
