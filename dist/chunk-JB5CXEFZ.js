import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/shadow/registry.ts
var open = /* @__PURE__ */ new Set();
function trackShadow(shadow) {
  open.add(shadow);
}
function untrackShadow(shadow) {
  open.delete(shadow);
}
async function closeAllShadows() {
  await Promise.allSettled(
    [...open].map((s) => {
      const closing = s.close();
      if (s.kind !== "pglite") return closing;
      closing.catch(() => {
      });
      return void 0;
    })
  );
}
function openShadowCount() {
  return open.size;
}

export {
  trackShadow,
  untrackShadow,
  closeAllShadows,
  openShadowCount
};
