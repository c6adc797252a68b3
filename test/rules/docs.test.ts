/**
 * Every rule has its page in docs/rules/<id>.md and every page has its rule; each page has what
 * a rule page owes its reader (squawk's pages are the model): the severity and the lock it
 * takes, which PostgreSQL versions it concerns, why it hurts in production, and the safe
 * alternative next to the bad SQL.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/rules/api.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCS = path.join(ROOT, 'docs/rules');
const RULES = path.join(ROOT, 'rules');

const dialects = readdirSync(RULES).filter((d) => statSync(path.join(RULES, d)).isDirectory());
const pages = readdirSync(DOCS)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3))
  .sort();

async function rulesByDialect(): Promise<Map<string, Rule[]>> {
  const out = new Map<string, Rule[]>();
  for (const d of dialects) out.set(d, (await import(path.join(RULES, d, 'index.ts'))).allRules);
  return out;
}

/** `## Heading` → the text under it, up to the next `## `. */
function sections(md: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of md.split(/^## /m).slice(1)) {
    const nl = part.indexOf('\n');
    out.set(part.slice(0, nl).trim(), part.slice(nl + 1));
  }
  return out;
}

/** The section whose heading starts with `name` (`Why it hurts (honestly)` is `Why it hurts`). */
const section = (s: Map<string, string>, name: string) => [...s].find(([h]) => h.startsWith(name))?.[1];

describe('docs/rules', () => {
  it('every rule file has a page, and every page a rule (in some dialect)', async () => {
    const ids = new Set([...(await rulesByDialect()).values()].flat().map((r) => r.meta.id));
    expect([...ids].filter((id) => !pages.includes(id)).sort(), 'rules without a page').toEqual([]);
    expect(
      pages.filter((p) => !ids.has(p)),
      'pages without a rule',
    ).toEqual([]);
  });

  it('the section checks see a missing section (self-check)', () => {
    const s = sections('# x\n\n## What it flags\nA.\n\n## Why it hurts (honestly)\nB.\n');
    expect(section(s, 'Why it hurts')).toBe('B.\n');
    expect(section(s, 'Do instead')).toBeUndefined();
  });

  for (const id of pages) {
    describe(id, () => {
      const md = readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
      const lines = md.split('\n');
      const s = sections(md);

      it('is titled with the rule id, then a facts line: severity, lock, versions', async () => {
        expect(lines[0]).toBe(`# ${id}`);
        const facts = lines[2]!;
        const rule = [...(await rulesByDialect()).values()].flat().find((r) => r.meta.id === id)!;
        // the default severity as the rule declares it comes first
        expect(facts).toMatch(new RegExp(`^\\*\\*Severity:\\*\\* ${rule.meta.severity}\\b`));
        expect(facts).toMatch(/ · \*\*Lock:\*\* \S/);
        expect(facts).toMatch(/ · \*\*Versions:\*\* \S/);
      });

      it('says what it flags and why it hurts in production', () => {
        expect(section(s, 'What it flags')?.trim().length ?? 0).toBeGreaterThan(20);
        expect(section(s, 'Why it hurts')?.trim().length ?? 0).toBeGreaterThan(80);
      });

      it('shows the safe alternative next to the bad SQL', () => {
        const instead = section(s, 'Do instead') ?? '';
        const sql = [...instead.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!).join('\n');
        const comments = sql.split('\n').filter((l) => /^\s*--/.test(l));
        expect(
          comments.some((c) => /^\s*--\s*bad\b/i.test(c)),
          'a `-- bad` example',
        ).toBe(true);
        expect(
          comments.some((c) => /^\s*--\s*good\b/i.test(c)),
          'a `-- good` example',
        ).toBe(true);
      });

      it('says what it does not flag', () => {
        expect(section(s, 'Not flagged')?.trim().length ?? 0).toBeGreaterThan(10);
      });
    });
  }
});
