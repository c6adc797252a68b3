/** Shared helpers for the discovery tests: real fixture repositories, the real parser and engine. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverDetailed, type DiscoverOptions } from '../../src/discover/index.js';
import { lintMigrations } from '../../src/pipeline/index.js';
import type { Finding, Migration } from '../../src/model.js';
import { loadParser, parseMigration } from '../../src/dialects/postgres/parse.js';
import banConcurrent from '../../rules/postgres/ban-concurrent-index-creation-in-transaction.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'frameworks');

export const base = (m: Migration) => path.basename(m.path === 'migration.sql' ? path.dirname(m.path) : m.path);

/** `2024…_x/migration.sql` → `2024…_x/migration.sql`, `db/migrations/1_x.up.sql` → `1_x.up.sql` */
export const short = (p: string) => {
  const parts = p.split('/');
  const last = parts.at(-1)!;
  return ['migration.sql', 'up.sql'].includes(last) ? parts.slice(-2).join('/') : last;
};

export interface Summary {
  file: string;
  transaction: string;
  review: boolean;
  /** `Kind@line` for each parsed statement, with the region's transaction when the file mixes them */
  statements: string[];
  error?: string;
}

/** Discovers `input` (relative to the fixtures) and parses every file with the real parser. */
export async function load(input: string | string[], options: DiscoverOptions = {}) {
  await loadParser();
  const r = await discoverDetailed(Array.isArray(input) ? input : [input], { cwd: FIXTURES, ...options });
  const files: Summary[] = r.migrations.map((m) => {
    const p = parseMigration(m);
    const mixed = m.segments?.some((s) => s.transaction);
    return {
      file: short(m.path),
      transaction: m.transaction,
      review: m.review,
      statements: p.statements.map((s) => {
        const seg = mixed ? m.segments!.find((g) => s.span.offset >= g.start && s.span.offset < g.end) : undefined;
        return `${s.kind}@${s.span.line}${seg?.transaction ? `:${seg.transaction}` : ''}`;
      }),
      ...(p.error ? { error: `${p.error.message} @${p.error.line}` } : {}),
    };
  });
  return { ...r, files, byFile: (f: string) => r.migrations.find((m) => short(m.path) === f)! };
}

/** Lints with only ban-concurrent-index-creation-in-transaction and returns `file:line` of each finding. */
export async function concurrentFindings(migrations: Migration[]): Promise<string[]> {
  const result = await lintMigrations(migrations, { ruleSet: [banConcurrent] });
  return result.files.flatMap((f) => f.findings.map((x: Finding) => `${short(x.path)}:${x.line}`));
}

/** A scratch copy of a fixture repository (removed by the returned cleanup). */
export function scratchCopy(fixture: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `zerodown-${fixture}-`));
  cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
