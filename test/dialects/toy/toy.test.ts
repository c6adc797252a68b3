/**
 * A dialect is a folder that implements `Dialect`: the toy dialect of toy.ts (under 200 lines)
 * goes through the core's pipeline and engine unchanged, with its own parser, catalog and rule.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../../src/model.js';
import { lintParsed, parseMigrations } from '../../../src/pipeline/index.js';
import { formatText } from '../../../src/report/text.js';
import { toy } from './toy.js';

const file = (name: string, source: string, review = true): Migration => ({
  path: name,
  absPath: `/toy/${name}`,
  source,
  dialect: 'toy',
  framework: 'plain',
  transaction: 'none',
  review,
});

describe('a toy dialect through the core', () => {
  it('is well under 200 lines', () => {
    const lines = readFileSync(new URL('./toy.ts', import.meta.url), 'utf8').split('\n').length;
    expect(lines).toBeLessThan(200);
  });

  it('parses with exact spans, replays its catalog and reports its one rule', async () => {
    const run = await parseMigrations(
      [
        file('001.toy', 'MAKE THING widget;\nMAKE THING gadget;\n', false),
        file('002.toy', 'MAKE THING sprocket;\n  DROP THING sprocket;\nDROP THING widget;\n'),
      ],
      toy,
    );
    expect(run.files[1]!.statements.map((s) => [s.kind, s.span.line, s.span.column])).toEqual([
      ['Other', 1, 1],
      ['DropThing', 2, 3],
      ['DropThing', 3, 1],
    ]);
    const result = lintParsed(run);
    // history (001) is replayed, not reviewed; the thing made in this file is new, so only widget is flagged
    expect(result.files.map((f) => f.migration.path)).toEqual(['002.toy']);
    expect(result.files[0]!.findings).toEqual([
      expect.objectContaining({
        rule: 'no-drop-thing',
        severity: 'error',
        path: '002.toy',
        line: 3,
        column: 1,
        table: 'widget',
      }),
    ]);
    expect(result.summary).toEqual({ files: 1, statements: 3, errors: 1, warnings: 0 });
    // the core's reports need nothing dialect-specific to show it
    expect(formatText(result, { color: false })).toContain('no-drop-thing');
  });

  it('honours rule settings like any dialect: off silences only that rule', async () => {
    const run = await parseMigrations([file('001.toy', 'MAKE THING w;', false), file('002.toy', 'DROP THING w;')], toy);
    expect(lintParsed(run, { rules: { 'no-drop-thing': 'off' } }).summary.errors).toBe(0);
    expect(lintParsed(run, { rules: { 'no-drop-thing': 'warning' } }).summary.warnings).toBe(1);
  });
});
