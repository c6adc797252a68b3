/**
 * Extensions. PGlite can only create an extension whose bundle was passed to
 * its constructor, so the SQL is scanned for `CREATE EXTENSION` up front and
 * the matching bundles are loaded before the first statement runs.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Names in `CREATE EXTENSION [IF NOT EXISTS] name` anywhere in the given SQL
 * (also inside DO blocks and EXECUTE strings: a superset is fine, an unused
 * bundle only costs a few milliseconds). Lower-cased unless quoted.
 */
export function extensionsIn(sources: Iterable<string>): string[] {
  const out = new Set<string>();
  const re = /create\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"((?:[^"]|"")+)"|([a-z_][\w$-]*))/gi;
  for (const src of sources) {
    if (!/extension/i.test(src)) continue;
    for (const m of src.matchAll(re)) {
      const name = m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!.toLowerCase();
      out.add(name);
    }
  }
  return [...out].sort();
}

/** Extensions that ship inside another bundle (contrib/spi holds four). */
const BUNDLE_OF: Record<string, string> = {
  autoinc: 'spi',
  insert_username: 'spi',
  moddatetime: 'spi',
  refint: 'spi',
};

/** Extensions that need another one installed first (CREATE EXTENSION … CASCADE). */
const REQUIRES: Record<string, string[]> = {
  earthdistance: ['cube'],
};

/** Always present in PostgreSQL itself. */
export const BUILTIN_EXTENSIONS = new Set(['plpgsql']);

/**
 * Where PGlite's extension bundles (`*.tar.gz`) are: next to the bundled CLI
 * (dist/), or in the installed package.
 */
export function bundleDirs(moduleDir: string, pgliteDist: string | undefined): string[] {
  const dirs = [moduleDir];
  if (pgliteDist) dirs.push(pgliteDist);
  return dirs.filter((d) => existsSync(d));
}

export interface ExtensionBundle {
  name: string;
  file: string;
}

/** Bundles available in the given directories, by extension name. */
export function availableBundles(dirs: string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    let list: string[] = [];
    try {
      list = readdirSync(dir);
    } catch {
      continue;
    }
    for (const f of list) {
      if (!f.endsWith('.tar.gz') || f.startsWith('pglite-')) continue;
      const name = f.slice(0, -'.tar.gz'.length);
      if (!files.has(name)) files.set(name, path.join(dir, f));
    }
  }
  const out = new Map<string, string>();
  for (const [name, file] of files) out.set(name, file);
  for (const [ext, bundle] of Object.entries(BUNDLE_OF)) {
    const f = files.get(bundle);
    if (f) out.set(ext, f);
  }
  return out;
}

/**
 * Resolves the bundles to load for the requested extensions. Returns the
 * bundle files (deduplicated, dependencies included) and the names that no
 * bundle provides.
 */
export function resolveBundles(
  wanted: string[],
  available: Map<string, string>,
): { load: ExtensionBundle[]; missing: string[] } {
  const load = new Map<string, ExtensionBundle>();
  const missing: string[] = [];
  const visit = (name: string) => {
    if (BUILTIN_EXTENSIONS.has(name)) return;
    const file = available.get(name);
    if (!file) {
      if (!missing.includes(name)) missing.push(name);
      return;
    }
    if (![...load.values()].some((b) => b.file === file)) load.set(name, { name, file });
    for (const dep of REQUIRES[name] ?? []) visit(dep);
  };
  for (const w of wanted) visit(w);
  return { load: [...load.values()], missing };
}
