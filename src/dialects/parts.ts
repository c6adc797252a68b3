/**
 * A dialect's `shadow` and `plan` loaded on demand (src/dialect.ts `Dialect.loadParts`): their code, with what it
 * imports, is a chunk a lint without a dry run or a plan never loads.
 */
import type { DialectPlanner, DialectShadow } from '../dialect.js';

export interface DialectParts {
  shadow?: DialectShadow;
  plan?: DialectPlanner;
}

/**
 * `load` once, on the first `load()`; `get()` the parts it gave, and an internal error when read before (a path of
 * the core that forgot `Dialect.loadParts` must not look like a dialect that cannot dry-run or plan).
 */
export function partsLoader(
  name: string,
  load: () => Promise<DialectParts>,
): { load(): Promise<void>; get(): DialectParts } {
  let parts: DialectParts | undefined;
  let loading: Promise<void> | undefined;
  return {
    load: () =>
      (loading ??= load().then(
        (p) => {
          parts = p;
        },
        (err: unknown) => {
          loading = undefined;
          throw err;
        },
      )),
    get() {
      if (!parts) throw new Error(`internal error: ${name}'s shadow or plan was read before Dialect.loadParts()`);
      return parts;
    },
  };
}
