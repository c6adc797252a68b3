/** The README's copy-paste workflows must stay valid YAML and use only inputs action.yml declares. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as { inputs: Record<string, unknown> };

it('every workflow in the README parses and passes only declared inputs to zerodown', () => {
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBe(4);
  for (const text of blocks) {
    const wf = parse(text) as { permissions: Record<string, string>; jobs: Record<string, { steps: any[] }> };
    expect(wf.permissions['pull-requests']).toBe('write');
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    const ours = steps.filter((s) => String(s.uses ?? '').startsWith('zerodown/zerodown@'));
    expect(ours).toHaveLength(1);
    for (const key of Object.keys(ours[0].with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
  }
});
