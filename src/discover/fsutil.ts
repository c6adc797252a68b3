/** Small file-system helpers for discovery (all synchronous reads of small files). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { naturalCompare } from './order.js';

export const IGNORE = ['**/node_modules/**', '**/.git/**'];

export function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export function readText(p: string): string | undefined {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

export { existsSync };

/** Files matching `pattern` under `root`, absolute, in natural order. */
export async function globFiles(root: string, pattern: string | string[]): Promise<string[]> {
  return (
    await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, ignore: IGNORE, expandDirectories: false })
  ).sort(naturalCompare);
}

/** The first ancestor of `from` (inclusive) for which `test` is true, up to `levels` levels. */
export function findUp(from: string, test: (dir: string) => boolean, levels = 6): string | undefined {
  let dir = from;
  for (let i = 0; i <= levels; i++) {
    if (test(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** `.sql` files directly in `dir` (names only). */
export function sqlNames(dir: string, files?: string[]): string[] {
  return (files ? files.map((f) => path.basename(f)) : list(dir)).filter((f) => /\.sql$/i.test(f));
}

/** Reads up to `max` of the given files and returns true when any passes `test`. */
export function anyContent(dir: string, names: string[], test: (src: string) => boolean, max = 40): boolean {
  for (const n of names.slice(0, max)) {
    const src = readText(path.isAbsolute(n) ? n : path.join(dir, n));
    if (src !== undefined && test(src)) return true;
  }
  return false;
}

/** Offset just past the end of the line containing `offset` (after its `\n`, or end of text). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/**
 * The installed or declared version of an npm package used by the project that
 * holds `from` (node_modules/<pkg>/package.json first, then a package.json
 * dependency range), or undefined.
 */
export function npmPackageVersion(from: string, pkg: string): string | undefined {
  let declared: string | undefined;
  findUp(
    from,
    (dir) => {
      const installed = readText(path.join(dir, 'node_modules', pkg, 'package.json'));
      if (installed) {
        try {
          const v = JSON.parse(installed).version;
          if (typeof v === 'string') {
            declared = v;
            return true;
          }
        } catch {
          /* ignore */
        }
      }
      const manifest = readText(path.join(dir, 'package.json'));
      if (manifest) {
        try {
          const j = JSON.parse(manifest);
          const range = j.dependencies?.[pkg] ?? j.devDependencies?.[pkg];
          if (typeof range === 'string') {
            const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(range);
            if (m) {
              declared = `${m[1]}.${m[2]}.${m[3] ?? 0}`;
              return true;
            }
          }
        } catch {
          /* ignore */
        }
      }
      return false;
    },
    8,
  );
  return declared;
}

/** True when version `v` (x.y.z) is at least `min`. */
export function versionAtLeast(v: string, min: [number, number, number?]): boolean {
  const [a = 0, b = 0, c = 0] = v.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const [x, y, z = 0] = min;
  return a !== x ? a > x : b !== y ? b > y : c >= z;
}
