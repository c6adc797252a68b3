/**
 * The target version (`--pg-version`) reaches the dry run and the proof, and when the shadow runs
 * another major version (PGlite is 18) the output says so next to the proof.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, writeProject } from '../cli-harness.js';

const root = mkdtempSync(path.join(tmpdir(), 'zd-versions-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const project = () =>
  writeProject(root, {
    'migrations/001_create.sql': 'CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n',
    'migrations/002_index.sql': 'CREATE INDEX accounts_email_idx ON accounts (email);\n',
  });

describe('the target version reaches the proof and the dry run', () => {
  it('plan: the proof records target and shadow versions when they differ, and the text says so', async () => {
    const dir = project();
    const json = await runCli(dir, 'plan', '--format', 'json', '--pg-version', '11', 'migrations/002_index.sql');
    const verified = JSON.parse(json.stdout).plans[0].verified;
    expect(verified).toMatchObject({ targetVersion: 11, shadowVersion: 18 });
    const text = await runCli(dir, 'plan', '--pg-version', '11', 'migrations/002_index.sql');
    expect(text.stdout).toContain('target PostgreSQL 11, shadow 18: behaviour that differs between them is not proven');
    // the same major version: nothing to say
    const same = JSON.parse(
      (await runCli(dir, 'plan', '--format', 'json', '--pg-version', '18', 'migrations/002_index.sql')).stdout,
    );
    expect(same.plans[0].verified.targetVersion).toBeUndefined();
  });

  it('dry-run: the same', async () => {
    const dir = project();
    const d = JSON.parse(
      (await runCli(dir, 'dry-run', '--format', 'json', '--pg-version', '13', 'migrations/002_index.sql')).stdout,
    );
    expect(d).toMatchObject({ targetVersion: 13, shadowVersion: 18 });
    const text = await runCli(dir, 'dry-run', '--pg-version', '13', 'migrations/002_index.sql');
    expect(text.stdout).toContain('target PostgreSQL 13, shadow 18');
    const same = JSON.parse(
      (await runCli(dir, 'dry-run', '--format', 'json', '--pg-version', '18', 'migrations/002_index.sql')).stdout,
    );
    expect(same.targetVersion).toBeUndefined();
  });
});
