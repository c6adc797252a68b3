/**
 * Every project of the real corpus (../shared/corpus, see its README) is
 * discovered without errors, every file exactly once, in the order the project
 * applies them: plain name order, except ente-io/ente and flipt-io/flipt whose
 * golang-migrate versions are not zero-padded (9 before 10), and
 * supabase/storage whose separate sequences (multitenant__, tenant__,
 * vector_store__) each stay in their own order, one after the other. That
 * order is numeric too: storage runs postgres-migrations, which parses the id
 * as an integer and requires consecutive ids, so `tenant/00010-…` is migration
 * 10 (between 0009 and 0011), not the second file as a plain sort would have it.
 * langfuse's one 8-digit Prisma folder (20250625_…) sorts by date among the
 * 14-digit timestamps.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { discoverDetailed } from '../../src/discover/index.js';

const CORPUS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', 'shared', 'corpus');

/** The tool each flattened corpus folder is recognised as. */
const EXPECTED_TOOL: Record<string, string> = {
  'postgres/LemmyNet__lemmy': 'plain', // Diesel folders flattened to <version>__up.sql
  'postgres/documenso__documenso': 'plain', // Prisma folders flattened to <name>__migration.sql
  'postgres/ente-io__ente': 'golang-migrate',
  'postgres/flipt-io__flipt': 'golang-migrate',
  'postgres/goharbor__harbor': 'golang-migrate',
  'postgres/harness__harness': 'golang-migrate',
  'postgres/langfuse__langfuse': 'plain',
  'postgres/ory__hydra': 'golang-migrate',
  'postgres/ory__kratos': 'golang-migrate',
  'postgres/supabase__auth': 'golang-migrate',
  'postgres/supabase__storage': 'plain',
  'postgres/triggerdotdev__trigger.dev': 'plain',
  'postgres/umami-software__umami': 'plain',
  'mysql/flipt-io__flipt': 'golang-migrate',
  'mysql/ory__hydra': 'golang-migrate',
  'mysql/ory__kratos': 'golang-migrate',
  'mysql/umami-software__umami': 'plain',
};

/** The order each project applies its files (see the header), computed independently of the discovery code. */
function readmeOrder(project: string, files: string[]): string[] {
  const sorted = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (/ente-io__ente|flipt-io__flipt|supabase__storage/.test(project)) {
    const key = (f: string) => (project.includes('storage') ? f.split('__')[0]! : '');
    const num = (f: string) => BigInt(/(\d+)/.exec(f.split('__').at(-1)!)![1]!);
    return sorted.sort((a, b) =>
      key(a) !== key(b) ? (key(a) < key(b) ? -1 : 1) : num(a) < num(b) ? -1 : num(a) > num(b) ? 1 : a < b ? -1 : 1,
    );
  }
  return sorted;
}

const projects = existsSync(CORPUS)
  ? ['postgres', 'mysql'].flatMap((d) => readdirSync(path.join(CORPUS, d)).map((p) => `${d}/${p}`))
  : [];

describe.skipIf(!projects.length)('corpus discovery', () => {
  it('knows every corpus project', () => {
    expect(projects.sort()).toEqual(Object.keys(EXPECTED_TOOL).sort());
  });

  for (const project of projects) {
    it(`${project}: every file once, in the project's order`, async () => {
      const dir = path.join(CORPUS, project);
      const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
      const r = await discoverDetailed([dir], { cwd: CORPUS });
      expect(r.skipped).toEqual([]);
      expect(r.frameworks).toEqual([EXPECTED_TOOL[project]]);
      const names = r.migrations.map((m) => path.basename(m.absPath));
      expect(names).toEqual(readmeOrder(project, files));
      expect(r.migrations.every((m) => m.review && m.source.length >= 0)).toBe(true);
    });
  }

  it('numeric order matters where the README says so', async () => {
    const r = await discoverDetailed([path.join(CORPUS, 'postgres', 'ente-io__ente')]);
    const names = r.migrations.map((m) => path.basename(m.absPath));
    expect(names.indexOf('9_create_datacenter.up.sql')).toBeLessThan(
      names.indexOf('10_update_temp_object_keys.up.sql'),
    );
    expect(names.indexOf('99_alter_file_data_column_type.up.sql')).toBeLessThan(
      names.indexOf('100_add_upgraded_at.up.sql'),
    );
    const storage = (await discoverDetailed([path.join(CORPUS, 'postgres', 'supabase__storage')])).migrations.map((m) =>
      path.basename(m.absPath),
    );
    const prefixes = storage.map((f) => f.split('__')[0]);
    // each sequence is contiguous and in its own numeric order
    expect(prefixes).toEqual([...prefixes].sort());
    const tenant = storage.filter((f) => f.startsWith('tenant__'));
    expect(tenant.map((f) => Number(/__(\d+)/.exec(f)![1]))).toEqual(tenant.map((_, i) => i + 1));
  });
});
