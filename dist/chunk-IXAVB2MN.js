import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/parse/ignores.ts
var DIRECTIVE = /^\s*--\s*(?:zerodown|squawk)-ignore(-file)?(?:\s+([^\n]*))?$/;
var NONE = { all: false, rules: /* @__PURE__ */ new Set() };
function parseList(list) {
  if (!list) return [];
  const head = list.split(/\s--|:/)[0];
  return head.split(/[\s,]+/).map((s) => s.trim()).filter((s) => /^[a-z0-9-]+$/.test(s));
}
function readIgnores(source) {
  if (!source.includes("-ignore")) {
    return { file: false, fileRules: /* @__PURE__ */ new Set(), forLine: () => NONE };
  }
  const lines = source.split("\n");
  let file = false;
  const fileRules = /* @__PURE__ */ new Set();
  const byLine = /* @__PURE__ */ new Map();
  lines.forEach((text, i) => {
    const m = DIRECTIVE.exec(text.replace(/\r$/, ""));
    if (!m) return;
    const rules = parseList(m[2]);
    if (m[1]) {
      if (rules.length === 0) file = true;
      else rules.forEach((r) => fileRules.add(r));
    } else {
      byLine.set(i + 1, rules.length === 0 ? "all" : rules);
    }
  });
  return {
    file,
    fileRules,
    forLine(line) {
      let all = false;
      const rules = /* @__PURE__ */ new Set();
      for (let l = line - 1; l >= 1; l--) {
        const text = lines[l - 1].trim();
        if (!text.startsWith("--")) break;
        const d = byLine.get(l);
        if (d === "all") all = true;
        else if (d) d.forEach((r) => rules.add(r));
      }
      return all || rules.size ? { all, rules } : NONE;
    }
  };
}
var DISABLE_ASSUME = /^[ \t]*(?:--|\/\*)[ \t]*(?:zerodown|squawk)-disable-assume-in-transaction(?=[ \t]*(?:$|--|\*\/))/m;
function disablesAssumeInTransaction(source) {
  return source.includes("-disable-assume-in-transaction") && DISABLE_ASSUME.test(source);
}

export {
  readIgnores,
  disablesAssumeInTransaction
};
