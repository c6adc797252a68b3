/**
 * The rule contract, checked over the rule files as they are (src/rules/api.ts):
 * a rule belongs to the dialect of its folder, imports its dialect's `defineRule`, and never
 * imports (so never calls) another rule; the contract itself knows no dialect.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RULES = path.join(ROOT, 'rules');

const dialects = readdirSync(RULES).filter((d) => statSync(path.join(RULES, d)).isDirectory());
const ruleFiles = (d: string) =>
  readdirSync(path.join(RULES, d)).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'));

/** Every module specifier a TypeScript file imports or re-exports (static and dynamic). */
function importsOf(source: string): string[] {
  const out: string[] = [];
  const re =
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push((m[1] ?? m[2])!);
  return out;
}

describe('rule files', () => {
  it('there is at least one dialect folder with rules, and every folder has its generated index', () => {
    expect(dialects).toContain('postgres');
    expect(ruleFiles('postgres').length).toBeGreaterThan(0);
    // a dialect may be registered before its first rule lands (rules/mysql/ while its rules are written)
    for (const d of dialects) expect(statSync(path.join(RULES, d, 'index.ts')).isFile(), d).toBe(true);
  });

  it('the import scanner sees every form of import (self-check)', () => {
    expect(
      importsOf(
        "import a from './a.js';\nimport { b, type C } from '../b.js';\nimport type { D } from \"./d.js\";\nexport { e } from './e.js';\nimport './f.js';\nconst g = await import('./g.js');\nimport {\n  h,\n  i,\n} from './h.js';",
      ),
    ).toEqual(['./a.js', '../b.js', './d.js', './e.js', './f.js', './g.js', './h.js']);
  });

  for (const d of dialects) {
    describe(`rules/${d}`, () => {
      for (const f of ruleFiles(d)) {
        const file = path.join(RULES, d, f);
        const imports = importsOf(readFileSync(file, 'utf8'));

        it(`${f} imports no other rule (a rule never calls another rule)`, () => {
          const rulesImported = imports
            .filter((s) => s.startsWith('.'))
            .map((s) => path.resolve(path.dirname(file), s))
            .filter((target) => target.startsWith(RULES + path.sep));
          expect(rulesImported.map((t) => path.relative(ROOT, t))).toEqual([]);
        });

        it(`${f} defines itself with its dialect's defineRule, not the dialect-neutral contract`, () => {
          const rel = imports.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
          expect(rel).toContain(path.join(ROOT, 'src/dialects', d, 'rule.js'));
          expect(rel).not.toContain(path.join(ROOT, 'src/rules/api.js'));
        });
      }

      it('every rule file is in the generated index, says its dialect, and its id is its file name', async () => {
        const index = await import(path.join(RULES, d, 'index.ts'));
        expect(index.dialect).toBe(d);
        const ids = (index.allRules as { meta: { id: string; dialect?: string } }[]).map((r) => r.meta.id);
        expect(ids).toEqual(ruleFiles(d).map((f) => f.replace(/\.ts$/, '')));
        for (const r of index.allRules) expect(r.meta.dialect, r.meta.id).toBe(d);
        for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      });
    });
  }

  it('the rule contract (src/rules/) imports no dialect, parser or driver', () => {
    for (const f of readdirSync(path.join(ROOT, 'src/rules'))) {
      const imports = importsOf(readFileSync(path.join(ROOT, 'src/rules', f), 'utf8'));
      for (const s of imports) {
        expect(s, `src/rules/${f}`).not.toMatch(/dialects|libpg-query|^pg$|pglite/);
        if (s.startsWith('.'))
          expect(path.resolve(ROOT, 'src/rules', s), `src/rules/${f}`).not.toContain(
            `${path.sep}rules${path.sep}postgres`,
          );
      }
    }
  });
});
