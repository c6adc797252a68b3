/**
 * The bundle patches two hot spots of PGlite's Emscripten glue (scripts/pglite-patches.mjs).
 * These tests pin them to the installed PGlite (an upgrade that changes the glue fails here,
 * not only in the build) and check that each rewrite computes what the original computed.
 * test/shadow/dist.test.ts runs dry runs through the patched bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { PATCHES, SYM_INDEX_PRELUDE, patchSource } from '../../scripts/pglite-patches.mjs';

const pgliteDist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));

describe('PGlite glue patches', () => {
  it('each patch finds its expression in the installed PGlite, once per file', () => {
    const applied: string[] = [];
    for (const f of readdirSync(pgliteDist).filter((x) => x.endsWith('.js'))) {
      applied.push(...patchSource(readFileSync(path.join(pgliteDist, f), 'utf8')).applied);
    }
    for (const p of PATCHES as { name: string }[]) expect(applied, p.name).toContain(p.name);
  });

  it('dlsym-index returns what Object.keys(exports).indexOf returns, also after exports are added', () => {
    const symIndex = new Function(`${SYM_INDEX_PRELUDE}return __zdSymIndex;`)() as (o: object, k: string) => number;
    const lib: Record<string, unknown> = { _PG_init: 1, pg_finfo_digest: 2, digest: 3 };
    const check = (k: string) => expect(symIndex(lib, k), k).toBe(Object.keys(lib).indexOf(k));
    for (const k of ['digest', '_PG_init', 'missing', 'pg_finfo_digest']) check(k);
    lib.hmac = 4; // a library loaded later merges more names into the same object
    lib.pg_finfo_hmac = 5;
    for (const k of ['hmac', 'pg_finfo_hmac', 'digest', 'missing']) check(k);
    expect(symIndex({}, 'x')).toBe(-1);
  });

  it('lookup-path-join builds the same path as PATH.join2 for a normalized path and a plain name', () => {
    const p = (PATCHES as { name: string; find: RegExp; replace: string }[]).find(
      (x) => x.name === 'lookup-path-join',
    )!;
    const original = 'a=PATH.join2(a,_[i]);try{';
    const patched = original.replace(p.find, p.replace);
    const join = new Function('a', '_', 'i', `${patched.replace(/try\{$/, '')}return a;`) as (
      a: string,
      parts: string[],
      i: number,
    ) => string;
    for (const [dir, name] of [
      ['/', 'pglite'],
      ['/pglite', 'data'],
      ['/pglite/data/base/5', '16384_fsm'],
      ['/tmp', '.s.PGSQL.5432'],
    ] as const) {
      expect(join(dir, [name], 0)).toBe(path.posix.normalize(`${dir}/${name}`));
    }
  });
});
