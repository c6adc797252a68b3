/** The Action's annotations (src/action/run.ts `annotate`) when a migration's identifiers carry terminal escapes. */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/action/run.js';
import { lintMigrations } from '../../src/pipeline/index.js';
import { migration } from '../helpers.js';

describe('annotate', () => {
  it('writes one workflow command per finding, with escapes from the SQL made visible', async () => {
    const result = await lintMigrations([
      migration('CREATE TABLE "t\x1b[2J\r" (a int);', { path: 'db/0001.sql', review: false }),
      migration('CREATE INDEX i ON "t\x1b[2J\r" (a);', { path: 'db/0002.sql' }),
    ]);
    const out: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((s: string | Uint8Array) => (out.push(String(s)), true)) as typeof process.stdout.write;
    try {
      annotate(result);
    } finally {
      process.stdout.write = write;
    }
    const text = out.join('');
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(text).toContain(
      '::error title=zerodown require-concurrent-index-creation,file=db/0002.sql,line=1,endLine=1,col=1,endColumn=31::CREATE INDEX on `t\\x1b[2J\\r` takes a SHARE lock',
    );
  });
});
