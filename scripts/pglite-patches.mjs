// Hot spots of PGlite's Emscripten glue and of its data directory loader, patched in the bundle
// (dist/) only. Each rewrite is exact: same results, less work. The build fails, and
// test/shadow/pglite-patches.test.ts fails, when PGlite's code no longer has the expression, so an
// upgrade re-checks them
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
  {
    // Booting from a data directory (`loadDataDir`: a cached state, the shipped one) copied every
    // file twice: the tar reader sliced each file out of the archive, and the in-memory file system
    // copied the slice again. Both copies of lemmy's 30 MB state are fresh pages on every boot:
    // 150 ms of a warm dry run on a 2-core machine. The reader now gives views into the archive
    // (this copy of tinytar serves `loadDataDir` only; extension bundles have their own) ...
    name: 'untar-views',
    find: /extractData\?([\w$]+)\.size<=0\?new Uint8Array:([\w$]+)\.slice\(/g,
    replace: 'extractData?$1.size<=0?new Uint8Array:$2.subarray(',
  },
  {
    // ... and the file system keeps them as the files' contents (`canOwn`, Emscripten's own option for
    // this: MEMFS then writes into the view, and gives a file new storage when it grows). The archive is
    // the engine's from then on: zerodown hands PGlite a buffer no one else reads (pglite-engine.ts,
    // `bytesBlob`), and PGlite read it once, into this loader, before.
    name: 'tar-files-owned',
    find: /([\w$]+)\.writeFile\(([\w$]+),([\w$]+)\.data\);/g,
    replace: '$1.writeFile($2,$3.data,{canOwn:!0});',
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
