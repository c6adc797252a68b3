/** docs/mysql.md's copy-paste workflows stay valid YAML, pass only inputs action.yml declares, and log in the way their server is set up. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/mysql.md', root), 'utf8');
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as { inputs: Record<string, unknown> };

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  services?: Record<string, { image: string; env: Record<string, string>; ports: string[] }>;
  steps: Step[];
}

it('every workflow in docs/mysql.md parses, uses declared inputs, and its shadow URL matches its server', () => {
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBe(3);
  for (const text of blocks) {
    const wf = parse(text) as { permissions: Record<string, string>; jobs: Record<string, Job> };
    expect(wf.permissions['pull-requests']).toBe('write');
    for (const job of Object.values(wf.jobs)) {
      const ours = job.steps.filter((s) => String(s.uses ?? '').startsWith('zerodown/zerodown@'));
      expect(ours).toHaveLength(1);
      for (const key of Object.keys(ours[0]!.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
      const url = new URL(ours[0]!.with!['shadow-database-url']!);
      expect(['mysql:', 'mariadb:']).toContain(url.protocol);
      const [service] = Object.values(job.services ?? {});
      if (service) {
        // the root password the container is given is the one in the URL, on the port it publishes
        expect(Object.values(service.env)).toContain(url.password);
        expect(service.ports).toContain(`${url.port}:3306`);
      } else {
        // GitHub's Ubuntu images: a MySQL server, stopped, root/root (actions/runner-images readmes)
        expect(job['runs-on']).toMatch(/^ubuntu-/);
        expect(job.steps.some((s) => s.run === 'sudo systemctl start mysql.service')).toBe(true);
        expect(`${url.username}:${url.password}`).toBe('root:root');
      }
    }
  }
});
