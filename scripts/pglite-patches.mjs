// Two hot spots of PGlite's Emscripten glue, patched in the bundle (dist/) only. Each rewrite
// is exact: same results, less work. The build fails, and test/shadow/pglite-patches.test.ts
// fails, when PGlite's code no longer has the expression, so an upgrade re-checks them
// (and can drop one that upstream fixed). Measured on LemmyNet/lemmy's dry run (342 files).

/** Symbol index per exports object, extended when the object has grown. */
export const SYM_INDEX_PRELUDE =
  'function __zdSymIndex(o,k){var m=__zdSymIndexes.get(o);if(m===undefined){m=new Map;__zdSymIndexes.set(o,m)}' +
  'var i=m.get(k);if(i===undefined){var ks=Object.keys(o);for(var j=m.size;j<ks.length;j++)m.set(ks[j],j);i=m.get(k)}' +
  'return i===undefined?-1:i}var __zdSymIndexes=new WeakMap;';

export const PATCHES = [
  {
    // dlsym found a symbol with `Object.keys(lib.exports).indexOf(name)`: a fresh array of every
    // export per lookup. CREATE EXTENSION pgcrypto looks up two symbols per function in a library
    // that exports OpenSSL (~9,000 names): ~200 ms for that statement, ~60 with a map. The glue
    // only ever adds exports, at the end, so an extended map gives the index indexOf gives.
    name: 'dlsym-index',
    find: /([\w$]+)=Object\.keys\(([\w$]+)\.exports\)\.indexOf\(([\w$]+)\)/g,
    replace: '$1=__zdSymIndex($2.exports,$3)',
    prelude: SYM_INDEX_PRELUDE,
  },
  {
    // FS.lookupPath built the path walked so far with PATH.join2 (split, filter, join: a full
    // normalize) once per component, for every open/stat/unlink PostgreSQL makes (~20,000 in
    // lemmy's replay). The path so far is already normalized and the component is a plain name
    // ('.' and '..' are handled just before), so concatenation is the same string.
    name: 'lookup-path-join',
    find: /([\w$]+)=PATH\.join2\(\1,([\w$]+)\[([\w$]+)\]\);try\{/g,
    replace: '$1=$1==="/"?"/"+$2[$3]:$1+"/"+$2[$3];try{',
  },
];

/** Applies every patch that matches `src`; returns the new text and the names applied. */
export function patchSource(src) {
  let out = src;
  const applied = [];
  const preludes = [];
  for (const p of PATCHES) {
    const hits = [...src.matchAll(p.find)].length;
    if (!hits) continue;
    if (hits > 1) throw new Error(`pglite patch ${p.name}: ${hits} matches in one file, expected one`);
    out = out.replace(p.find, p.replace);
    if (p.prelude) preludes.push(p.prelude);
    applied.push(p.name);
  }
  return { contents: preludes.join('') + out, applied };
}

/** esbuild plugin: patches PGlite's files as they are bundled; `applied` collects patch names. */
export function pglitePatchPlugin(readFile, applied) {
  return {
    name: 'pglite-patches',
    setup(b) {
      b.onLoad({ filter: /[\\/]@electric-sql[\\/]pglite[\\/]dist[\\/][^\\/]+\.js$/ }, (args) => {
        const r = patchSource(readFile(args.path));
        if (!r.applied.length) return undefined;
        applied.push(...r.applied);
        return { contents: r.contents, loader: 'js' };
      });
    },
  };
}

/** Throws unless each patch was applied (once per file; lookup-path-join also in initdb's glue). */
export function checkApplied(applied) {
  for (const p of PATCHES) {
    if (!applied.includes(p.name)) {
      throw new Error(
        `scripts/pglite-patches.mjs: patch "${p.name}" found nothing to patch: PGlite's glue changed; re-check the patch against this version`,
      );
    }
  }
}
