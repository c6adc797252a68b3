/**
 * The shadow suite runs against every engine: embedded PGlite always, and the
 * PostgreSQL server at ZERODOWN_TEST_PG_URL when it is set (`.ci/run` sets it).
 * Without the variable the server half is reported as skipped, with the reason
 * in the suite's name.
 */
import { describe } from 'vitest';
import type { DialectShadow, ShadowOpenOptions } from '../../src/dialect.js';
import { postgresShadow } from '../../src/dialects/postgres/shadow/index.js';
import { openShadow, type Shadow } from './kernel.js';

export const PG_URL = process.env.ZERODOWN_TEST_PG_URL;

export interface Engine {
  name: 'pglite' | 'postgresql';
  open(extensions?: string[]): Promise<Shadow>;
}

export const ENGINES: (Engine & { skip: boolean })[] = [
  { name: 'pglite', skip: false, open: (extensions) => openShadow({ extensions }) },
  { name: 'postgresql', skip: !PG_URL, open: (extensions) => openShadow({ url: PG_URL!, extensions }) },
];

/** `describe` once per engine; the server block is skipped (and says why) without ZERODOWN_TEST_PG_URL. */
export function eachEngine(title: string, fn: (engine: Engine) => void): void {
  for (const e of ENGINES) {
    const name = e.skip ? `${title} [${e.name}] (skipped: set ZERODOWN_TEST_PG_URL)` : `${title} [${e.name}]`;
    describe.skipIf(e.skip)(name, () => fn(e));
  }
}

/** PostgreSQL's shadow, recording the options of every engine it opens (how many, and what each was told). */
export function recordingShadow(): { dialect: DialectShadow; opened: ShadowOpenOptions[] } {
  const opened: ShadowOpenOptions[] = [];
  return {
    opened,
    dialect: {
      ...postgresShadow,
      open: (options) => {
        opened.push(options);
        return postgresShadow.open(options);
      },
    },
  };
}
