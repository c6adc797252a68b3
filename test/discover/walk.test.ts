import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { AUTO_PATTERNS, autoDiscover, autoGlobOptions, autoWalk } from '../../src/discover/auto.js';
import { globFiles, IGNORE, walkFiles, withFsMemo } from '../../src/discover/fsutil.js';

// discovery walks folders itself (through its memo) where it used to glob: it must find what the glob finds
const fixtures = path.resolve(__dirname, '../fixtures');
const tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-walk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tree(files: string[]): string {
  const root = mkdtempSync(path.join(tmp, 't-'));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), '-- x\n');
  }
  return root;
}

// every folder under the fixtures, and a tree with what the patterns must leave out
const deep = Array.from({ length: 10 }, (_, i) => `l${i + 1}`);
const edgy = tree([
  'up.sql',
  'migration.sql',
  'a.sql',
  'A.SQL',
  '.hidden.sql',
  '.dot/migrations/1.sql',
  'node_modules/pkg/migrations/1.sql',
  'node_modules/up.sql',
  'dist/migrations/1.sql',
  'fixtures/migrations/1.sql',
  'Build/migrations/1.sql',
  'x.sql/up.sql',
  'v1/up.sql',
  'v1/nested/up.sql',
  'v2/migration.sql',
  'meta/_journal.json',
  'drizzle/meta/_journal.json',
  'db/changelog/db.changelog-master.yaml',
  'db/changelog/Changelog.XML',
  'db/changelog/.changelog.xml',
  'sqitch/sqitch.plan',
  'prisma/migrations/migration_lock.toml',
  ...deep.map((_, i) => `${deep.slice(0, i + 1).join('/')}/m.sql`),
]);
function folders(dir: string, out: string[] = []): string[] {
  out.push(dir);
  for (const n of readdirSync(dir)) {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) folders(p, out);
  }
  return out;
}
const roots = [...folders(fixtures), edgy];
const sorted = (xs: string[]) => [...xs].sort();

describe('discovery walks the folders as the glob does', () => {
  it.each(['*.sql', '**/*.sql', '*/up.sql', '*/migration.sql'])('globFiles(root, %s)', async (pattern) => {
    for (const root of roots) {
      const globbed = await glob(pattern, {
        cwd: root,
        absolute: true,
        onlyFiles: true,
        ignore: IGNORE,
        expandDirectories: false,
      });
      expect(sorted(await withFsMemo(() => globFiles(root, pattern))), `${pattern} under ${root}`).toEqual(
        sorted(globbed),
      );
      expect(sorted(await globFiles(root, pattern))).toEqual(sorted(globbed));
    }
  });

  it('the files that mark a migration root (autoDiscover): ignored folders, depth 8, dot files, case', async () => {
    for (const root of roots) {
      const globbed = await glob(AUTO_PATTERNS, autoGlobOptions(root));
      expect(sorted(walkFiles(root, autoWalk(root)) ?? []), root).toEqual(sorted(globbed));
    }
    // the edge tree holds files both sides of each line
    const found = walkFiles(edgy, autoWalk(edgy))!.map((f) => path.relative(edgy, f));
    expect(found).toContain('l1/l2/l3/l4/l5/l6/l7/l8/m.sql');
    expect(found).not.toContain('l1/l2/l3/l4/l5/l6/l7/l8/l9/m.sql');
    expect(found).toContain('Build/migrations/1.sql');
    expect(found).not.toContain('dist/migrations/1.sql');
    expect(found).toContain('drizzle/meta/_journal.json');
  });

  it('leaves a tree with a symbolic link to the glob, and autoDiscover still finds its roots', async () => {
    const root = tree(['db/migrations/001_init.sql']);
    symlinkSync(path.join(root, 'db'), path.join(root, 'linked'));
    expect(walkFiles(root, autoWalk(root))).toBeUndefined();
    const found = await autoDiscover(root);
    expect(found.map((r) => r.path)).toEqual(
      (await glob(AUTO_PATTERNS, autoGlobOptions(root))).some((f) => f.includes('linked'))
        ? ['db/migrations', 'linked/migrations']
        : ['db/migrations'],
    );
    expect(sorted(await globFiles(root, '**/*.sql'))).toEqual(
      sorted(
        await glob('**/*.sql', {
          cwd: root,
          absolute: true,
          onlyFiles: true,
          ignore: IGNORE,
          expandDirectories: false,
        }),
      ),
    );
  });
});
