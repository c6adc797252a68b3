/** The Action's guess, from its inputs, that it will dry-run on the embedded engine (src/action/engine-ahead.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { actionRunsEmbeddedEngine } from '../../src/action/engine-ahead.js';
import { writeProject } from '../cli-harness.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'zd-engine-ahead-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('actionRunsEmbeddedEngine', () => {
  it('is the Action’s dry run with no server in its inputs or the workspace’s config, and not for MySQL or MariaDB', () => {
    const plain = writeProject(tmp, { 'zerodown.config.json': '{ "pgVersion": 16 }\n' });
    const server = writeProject(tmp, { '.zerodown.yml': 'dryRun:\n  shadowUrl: postgres://shadow@db/test\n' });
    const on = (env: NodeJS.ProcessEnv) => actionRunsEmbeddedEngine({ GITHUB_WORKSPACE: plain, ...env });
    expect(on({})).toBe(true);
    expect(on({ 'INPUT_DRY-RUN': 'true', INPUT_DIALECT: 'postgres' })).toBe(true);
    expect(on({ 'INPUT_DRY-RUN': 'false' })).toBe(false);
    expect(on({ 'INPUT_DRY-RUN': ' Off ' })).toBe(false);
    expect(on({ 'INPUT_SHADOW-DATABASE-URL': 'postgres://shadow@db/test' })).toBe(false);
    expect(on({ INPUT_DIALECT: 'mariadb' })).toBe(false);
    expect(on({ GITHUB_WORKSPACE: server })).toBe(false);
    // no GITHUB_WORKSPACE: the working directory
    expect(actionRunsEmbeddedEngine({}, server)).toBe(false);
  });
});
