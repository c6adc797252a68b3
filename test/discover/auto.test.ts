/** autoDiscover: the well-known layouts of every tool, found from a repository root. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { autoDiscover, discoverDetailed } from '../../src/discover/index.js';
import { FIXTURES, scratchCopy } from './helpers.js';

describe('autoDiscover', () => {
  it('finds each fixture repository’s migration root and its tool', async () => {
    const roots = await autoDiscover(FIXTURES);
    expect(roots.map((r) => [r.path, r.framework])).toEqual([
      ['dbmate/db/migrations', 'dbmate'],
      ['diesel/migrations', 'diesel'],
      ['drizzle/drizzle', 'drizzle'],
      ['flyway/src/main/resources/db/migration', 'flyway'],
      ['golang-migrate/db/migrations', 'golang-migrate'],
      ['goose/migrations', 'goose'],
      ['liquibase/src/main/resources/db/changelog', 'liquibase'],
      ['prisma-5/prisma/migrations', 'prisma'],
      ['prisma/prisma/migrations', 'prisma'],
      ['sqitch', 'sqitch'],
      ['sqlx/migrations', 'sqlx'],
      ['supabase/supabase/migrations', 'supabase'],
    ]);
    expect(roots[0]!.absPath).toBe(path.join(FIXTURES, 'dbmate/db/migrations'));
  });

  it('skips dependencies, build output and test fixtures; finds nested monorepo packages', async () => {
    const s = scratchCopy('goose');
    try {
      const put = (rel: string, sql = 'SELECT 1;\n') => {
        mkdirSync(path.join(s.dir, path.dirname(rel)), { recursive: true });
        writeFileSync(path.join(s.dir, rel), sql);
      };
      put('node_modules/some-lib/migrations/001_x.sql');
      put('dist/migrations/001_x.sql');
      put('test/fixtures/migrations/001_x.sql');
      put('packages/billing/prisma/migrations/migration_lock.toml', 'provider = "postgresql"\n');
      put('packages/billing/prisma/migrations/20240101000000_init/migration.sql', 'CREATE TABLE "Invoice" (id int);\n');
      const roots = await autoDiscover(s.dir);
      expect(roots.map((r) => [r.path, r.framework])).toEqual([
        ['migrations', 'goose'],
        ['packages/billing/prisma/migrations', 'prisma'],
      ]);
      // and discovery of the repository root uses exactly those
      const r = await discoverDetailed(['.'], { cwd: s.dir });
      expect(r.frameworks).toEqual(['goose', 'prisma']);
      expect(r.migrations.map((m) => m.path).at(-1)).toBe(
        'packages/billing/prisma/migrations/20240101000000_init/migration.sql',
      );
    } finally {
      s.cleanup();
    }
  });

  it('finds nothing in a directory without migrations', async () => {
    expect(await autoDiscover(path.join(FIXTURES, 'prisma', 'prisma', 'migrations', '20240101090000_init'))).toEqual(
      [],
    );
  });
});
