/**
 * Engine parity ("done when"): replaying a project's full history gives the same
 * succeeding and failing files on PGlite as on a real PostgreSQL, and any
 * difference is explained by a named engine limit. A few small corpus projects
 * here; scripts/corpus-parity.mjs runs all of them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../src/model.js';
import { compareEngines, corpusProjects } from '../../src/dialects/postgres/shadow/parity.js';
import { PG_URL } from './engines.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus/postgres');
const skip = !PG_URL || !existsSync(CORPUS);
const why = !PG_URL ? ' (skipped: set ZERODOWN_TEST_PG_URL)' : !existsSync(CORPUS) ? ' (skipped: no corpus)' : '';

describe.skipIf(skip)(`PGlite and PostgreSQL agree on corpus histories${why}`, () => {
  it('flipt, umami and harbor: the same files succeed and fail on both engines', async () => {
    const projects = await corpusProjects(CORPUS, ['flipt-io__flipt', 'umami-software__umami', 'goharbor__harbor']);
    expect(projects.map((p) => p.name)).toEqual(['flipt-io__flipt', 'goharbor__harbor', 'umami-software__umami']);
    for (const p of projects) {
      const r = await compareEngines(p, [undefined, PG_URL]);
      expect(r.runs[0]!.engine).toMatch(/^pglite/);
      expect(r.runs[1]!.engine).toMatch(/^postgresql/);
      expect(r.differences, p.name).toEqual([]);
      // harbor alters golang-migrate's own table: the shadow has it, so nothing fails
      expect(r.bothFail, p.name).toEqual([]);
    }
  }, 180_000);

  it('a file using a newer PostgreSQL feature is a named version difference, and what depends on it follows from it', async () => {
    const mig = (p: string, source: string): Migration => ({
      path: p,
      absPath: `/x/${p}`,
      source,
      dialect: 'postgres',
      framework: 'plain',
      transaction: 'wrapped',
      review: false,
    });
    // PostgreSQL 16 dropped the need for an alias on a subquery in FROM
    const project = {
      name: 'synthetic',
      migrations: [
        mig('001.sql', 'CREATE TABLE a (id int);\n'),
        mig('002.sql', 'CREATE TABLE b AS SELECT * FROM (SELECT id FROM a);\n'),
        mig('003.sql', 'ALTER TABLE b ADD COLUMN c int;\n'),
      ],
    };
    const r = await compareEngines(project, [undefined, PG_URL]);
    const serverMajor = Number(/postgresql (\d+)/.exec(r.runs[1]!.engine)![1]);
    if (serverMajor >= 16) {
      expect(r.differences).toEqual([]);
      return;
    }
    expect(r.differences.map((d) => [d.path, d.failsOn.split(' ')[0], d.failure.code])).toEqual([
      ['002.sql', 'postgresql', '42601'],
      ['003.sql', 'postgresql', '42P01'],
    ]);
    expect(r.differences[0]!.explanation).toMatch(
      /^version difference: postgresql 1\d\.\d+ lacks a feature of pglite 18/,
    );
    expect(r.differences[1]!.explanation).toMatch(/^follows from 002\.sql \(version difference/);
  }, 60_000);
});
