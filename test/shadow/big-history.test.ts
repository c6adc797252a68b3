/**
 * A data migration of several megabytes in the history is replayed in one transaction but sent
 * to the shadow BATCH_CHARS at a time (src/shadow/trace.ts, execBatch): one 20 MB query string
 * made the server hold the parse trees of the whole file at once. Recorded here by watching the
 * query strings the real shadow receives; same suite on PGlite and the server.
 */
import { afterEach, expect, it } from 'vitest';
import type { Migration } from '../../src/model.js';
import { replayHistory, type Shadow } from './kernel.js';
import { BATCH_CHARS } from '../../src/shadow/trace.js';
import { eachEngine } from './engines.js';

const mig = (path: string, source: string): Migration => ({
  path,
  absPath: `/x/${path}`,
  source,
  dialect: 'postgres',
  framework: 'plain',
  transaction: 'none',
  review: false,
});

/** the shadow, with the length of every query string it is sent recorded */
function watched(shadow: Shadow): { shadow: Shadow; longest: () => number } {
  let longest = 0;
  const exec = shadow.exec.bind(shadow);
  shadow.exec = (sql: string) => {
    longest = Math.max(longest, sql.length);
    return exec(sql);
  };
  return { shadow, longest: () => longest };
}

eachEngine('a large data migration in the history', (engine) => {
  let shadow: Shadow | undefined;
  afterEach(async () => {
    await shadow?.close();
    shadow = undefined;
  });

  const rows = 4_000; // about 2.2 MB of INSERTs
  const seedFile = Array.from(
    { length: rows },
    (_, i) => `INSERT INTO items (id, label) VALUES (${i + 1}, '${'item '.repeat(100)}${i + 1}');`,
  ).join('\n');

  it('is replayed whole, in pieces no longer than about BATCH_CHARS', async () => {
    shadow = await engine.open();
    const w = watched(shadow);
    const r = await replayHistory(w.shadow, [
      mig('001_items.sql', 'CREATE TABLE items (id bigint PRIMARY KEY, label text NOT NULL);'),
      mig('002_seed.sql', seedFile),
    ]);
    expect(seedFile.length).toBeGreaterThan(2 * BATCH_CHARS);
    expect(r.failures).toEqual([]);
    expect(w.longest()).toBeLessThan(BATCH_CHARS + 1000);
    const [c] = await shadow.query<{ n: number }>('SELECT count(*) AS n FROM items');
    expect(Number(c!.n)).toBe(rows);
  });

  it('an error in a later piece rolls the whole file back and is reported at its line', async () => {
    shadow = await engine.open();
    const broken = `${seedFile}\nINSERT INTO items (id, label) VALUES (1, 'duplicate');\n`;
    const r = await replayHistory(shadow, [
      mig('001_items.sql', 'CREATE TABLE items (id bigint PRIMARY KEY, label text NOT NULL);'),
      mig('002_seed.sql', broken),
    ]);
    expect(r.failures).toMatchObject([{ path: '002_seed.sql', line: rows + 1, code: '23505' }]);
    // run one by one after the rollback, the way the tool runs the file: the rows before the error stay
    const [c] = await shadow.query<{ n: number }>('SELECT count(*) AS n FROM items');
    expect(Number(c!.n)).toBe(rows);
  }, 240_000); // the fallback runs the file statement by statement: a bound for a hang, not a speed target
});
