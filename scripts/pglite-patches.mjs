// Hot spots of PGlite's Emscripten glue and of its data directory loader, patched in the bundle
// (dist/) only. Each rewrite is exact: same results, less work. The build fails, and
// test/shadow/pglite-patches.test.ts fails, when PGlite's code no longer has the expression, so an
// upgrade re-checks them (and can drop one that upstream fixed). Measured on LemmyNet/lemmy's dry run
// (342 files).

/** Symbol index per exports object, extended when the object has grown. */
export const SYM_INDEX_PRELUDE =
  'function __zdSymIndex(o,k){var m=__zdSymIndexes.get(o);if(m===undefined){m=new Map;__zdSymIndexes.set(o,m)}' +
  'var i=m.get(k);if(i===undefined){var ks=Object.keys(o);for(var j=m.size;j<ks.length;j++)m.set(ks[j],j);i=m.get(k)}' +
  'return i===undefined?-1:i}var __zdSymIndexes=new WeakMap;';

/**
 * A file's bytes as the data directory dump reads them: a view of the in-memory file system's own storage (MEMFS
 * `contents`, of which `usedBytes` are the file) instead of a copy; `FS.readFile` for any other file system.
 */
export const FILE_VIEW_PRELUDE =
  'function __zdFileView(fs,p){var n=fs.lookupPath(p).node;var c=n&&n.contents;' +
  'return c&&typeof c.subarray==="function"&&typeof n.usedBytes==="number"?c.subarray(0,n.usedBytes)' +
  ':fs.readFile(p,{encoding:"binary"})}';

/** The dump's archive as `dumpDataDir` returns it: its own buffer behind what a Blob offers PGlite's callers. */
export const TAR_BLOB_PRELUDE =
  'function __zdTarBlob(o,name,type){var whole=o.byteOffset===0&&o.byteLength===o.buffer.byteLength;' +
  'return{name:name,type:type,size:o.byteLength,arrayBuffer:async function(){return whole?o.buffer:o.slice().buffer}}}';

/**
 * An extension bundle (`*.tar.gz`) inflated as PGlite reads it: one buffer of the size its gzip trailer gives (the
 * chunk size zlib writes in; a wrong size only costs a join), behind what a Blob offers PGlite (`arrayBuffer()`).
 */
export const BUNDLE_PRELUDE =
  'function __zdBundle(zlib,gz){var n=gz.length>=18&&gz[0]===31&&gz[1]===139?gz.readUInt32LE(gz.length-4):0;' +
  'var b=zlib.gunzipSync(gz,n>=64&&n<=1073741824?{chunkSize:n}:{});' +
  'var whole=b.byteOffset===0&&b.byteLength===b.buffer.byteLength;' +
  'return{type:"application/x-tar",size:b.byteLength,arrayBuffer:async function(){return whole?b.buffer:new Uint8Array(b).buffer}}}';

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
    // (the same tinytar reads the extension bundles: their files are views too, `extension-files-owned`) ...
    name: 'untar-views',
    find: /extractData\?([\w$]+)\.size<=0\?new Uint8Array:([\w$]+)\.slice\(/g,
    replace: 'extractData?$1.size<=0?new Uint8Array:$2.subarray(',
  },
  {
    // For each file of a data directory it loads, the tar loader asked whether each of its ancestor folders exists
    // (`analyzePath`, a full path walk each) before writing it: four walks of growing length for a catalog file
    // (pgdata/base/<db>/<file>), about 4,500 for lemmy's state, 18 ms of the worker's boot with the engine waiting.
    // A folder that exists has every ancestor, so when the file's own folder exists (every file but the first of
    // each folder) the loop is skipped; otherwise it runs as before.
    name: 'untar-parent-first',
    find: /for\(let ([\w$]+)=1;\1<=([\w$]+)\.length;\1\+\+\)\{let ([\w$]+)=\2\.slice\(0,\1\)\.join\("\/"\);\3\.length&&!([\w$]+)\.analyzePath\(\3\)\.exists&&\4\.mkdirTree\(\3\)\}/g,
    replace:
      'if(!($2.length&&$4.analyzePath($2.join("/")).exists))for(let $1=1;$1<=$2.length;$1++){let $3=$2.slice(0,$1).join("/");$3.length&&!$4.analyzePath($3).exists&&$4.mkdirTree($3)}',
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
  {
    // Dumping the data directory (a saved state, the proof's start) copied it four times: each file read out of
    // the in-memory file system, the archive built from those copies, a File made of the archive, and the File
    // read out again. The dump is synchronous up to the archive, so the files can be read in place ...
    name: 'dump-file-views',
    find: /([\w$]+)\.readFile\(([\w$]+),\{encoding:"binary"\}\):new Uint8Array\(0\)/g,
    replace: '__zdFileView($1,$2):new Uint8Array(0)',
    prelude: FILE_VIEW_PRELUDE,
  },
  {
    // ... the archive writer (this copy of tinytar serves the dump only) takes them as they are: it turned any typed
    // array into a view of its whole buffer, other bytes for a view into a larger one ...
    name: 'tar-keeps-views',
    find: /\{data:([\w$]+)\.toUint8Array\(([\w$]+)\.data\)\}/g,
    replace: '{data:$2.data instanceof Uint8Array?$2.data:$1.toUint8Array($2.data)}',
  },
  {
    // ... and the archive is handed over as it is, as a Blob-like object (`name`, `type`, `size`, `arrayBuffer()`:
    // what PGlite's `loadDataDir` and zerodown's worker read of it; pglite-engine.ts `bytesBlob` does the same the
    // other way)
    name: 'dump-tar-as-is',
    find: /typeof File<"u"\?new File\(\[([\w$]+)\],([\w$]+),\{type:([\w$]+)\}\):new Blob\(\[\1\],\{type:\3\}\)/g,
    replace: '__zdTarBlob($1,$2,$3)',
    prelude: TAR_BLOB_PRELUDE,
  },
  {
    // PGlite compiled and linked every library of the extension bundles it was given as it booted (Emscripten's
    // preload), whether PostgreSQL would call into it or not: a warm dry run of lemmy boots a state that holds
    // pgcrypto, pg_trgm and ltree, and spent 60-80 ms of its boot on them before running statements that use none.
    // Where the engine says so (`globalThis.__zdLibrariesOnUse`: pglite-engine.ts sets it when it boots a saved
    // state), a library is written as a plain file instead, and PostgreSQL loads it itself the first time it calls
    // one of its functions (a column's type, an index's operator class, a function): dlopen reads it from the
    // in-memory file system then. Not for an engine that replays a history: its CREATE EXTENSION loads each library
    // anyway, and one loaded that way holds 10 MB more than one preloaded (it is read into PostgreSQL's heap first).
    name: 'extension-library-on-use',
    find: /if\(([\w$]+)\.name\.endsWith\("\.so"\)\)\{([\w$]+)\(`pgfs:ext preloading/g,
    replace: 'if($1.name.endsWith(".so")&&!globalThis.__zdLibrariesOnUse){$2(`pgfs:ext preloading',
  },
  {
    // Each extension bundle the engine is given (`*.tar.gz`: pgcrypto's is 1.15 MB, 3.2 MB inflated) was read through
    // a stream pipeline into a gunzip stream, 64 KB at a time, each chunk a round trip to libuv's threads, while the
    // engine's start waited for it (PGlite's preRun): 40-70 ms of lemmy's warm dry run with the worker idle. Read and
    // inflated in one call each on the worker's thread, which has nothing else to do meanwhile: the same bytes.
    // Inflated into one buffer of the size the gzip trailer gives (src/shadow/unpacked-size.ts), not 16 KB chunks
    // joined, and handed to PGlite as it is, not copied into a Blob and out of it again (`__zdBundle`): pgcrypto's
    // 3.2 MB were four fresh copies per boot, three of them gone.
    name: 'extension-bundle-read-at-once',
    find: /let ([\w$]+)=([\w$]+)\.createGunzip\(\),([\w$]+)=\[\];return await ([\w$]+)\(([\w$]+)\.createReadStream\(([\w$]+)\),\1,new ([\w$]+)\(\{write\(([\w$]+),([\w$]+),([\w$]+)\)\{\3\.push\(\8\),\10\(\)\}\}\)\),new Blob\(\3\)/g,
    replace: 'return __zdBundle($2,$5.readFileSync($6))',
    prelude: BUNDLE_PRELUDE,
  },
  {
    // ... and the bundle's files (views into it: the tar reader's `untar-views`) become the in-memory file system's
    // files as they are (`canOwn`, as `tar-files-owned` does for a data directory): MEMFS copied each one.
    name: 'extension-files-owned',
    find: /([\w$]+)\.writeFile\(([\w$]+),([\w$]+)\),([\w$]+)&&\1\.chmod\(\2,\4\)/g,
    replace: '$1.writeFile($2,$3,{canOwn:!0}),$4&&$1.chmod($2,$4)',
  },
  {
    // ... and so do the libraries PGlite preloads (an engine that replays a history: `extension-library-on-use`),
    // which Emscripten's preload copied in the same way (`createPreloadedFile`'s `canOwn`, after `dontCreateFile`)
    name: 'extension-libraries-owned',
    find: /createPreloadedFile\(([\w$]+),([\w$]+),([\w$]+)\.data,!0,!0,([\w$]+),([\w$]+),!1\)/g,
    replace: 'createPreloadedFile($1,$2,$3.data,!0,!0,$4,$5,!1,!0)',
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
