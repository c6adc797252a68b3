/**
 * `zerodown lint` again with nothing changed, answered from its stamp (src/pipeline/rerun.ts) before zerodown loads:
 * served only when every file, folder and answer the run depended on is as it was, byte for byte what the run
 * printed; any change, and anything a stamp cannot check, runs the lint again.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkEntries,
  probeKind,
  readDirEntries,
  recordList,
  recordRead,
  replaySaved,
  stampWentStale,
  startRecording,
  stopRecording,
} from '../../src/pipeline/rerun.js';
import { readReport } from '../../src/pipeline/saved-report.js';
import { forgetSecrets } from '../../src/secrets.js';
import { runCli, SOURCE_BIN, TSX_LOADER, withCacheIn, writeProject } from '../cli-harness.js';

const tmp = realpathSync(mkdtempSync(path.join(tmpdir(), 'zd-rerun-')));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeEach(() => forgetSecrets());

const files = {
  'migrations/001.sql': 'CREATE TABLE t (id bigint PRIMARY KEY, v int);\n',
  'migrations/002.sql': 'ALTER TABLE t ALTER COLUMN v TYPE text;\n',
  'migrations/003.sql': 'CREATE INDEX t_v ON t (v);\n',
};

/** `fn` with the lint caches in a folder of their own, outside the project (its listing is stamped). */
const withCache = <T>(fn: (cacheDir: string) => Promise<T>) => withCacheIn(tmp, fn);

/** What the command line's first step answers for `zerodown <argv>` in `dir`, without running zerodown. */
const replay = (dir: string, ...argv: string[]) => {
  const served = replaySaved(argv, dir, process.env, false);
  return served && { code: served.code, stderr: served.stderr, stdout: readReport(served.report) };
};
const stamps = (cacheDir: string) => readdirSync(path.join(cacheDir, 'findings')).filter((f) => f.endsWith('.stamp'));

/** A file's content changed without changing its size or modification time (only its change time moves). */
function sneakyEdit(file: string, text: string): void {
  const before = statSync(file);
  expect(Buffer.byteLength(text)).toBe(before.size);
  writeFileSync(file, text);
  utimesSync(file, before.atime, before.mtime);
}

describe('lint again with nothing changed', () => {
  // a project last changed more than 2 s before the run: its stamp holds file-system signatures, not contents
  const settled = writeProject(tmp, files);
  const settledAt = Date.now();
  const settle = () => new Promise((r) => setTimeout(r, Math.max(0, settledAt + 2100 - Date.now())));

  it('serves the saved report byte for byte, and a file changed in place (same size and mtime) is linted again', async () => {
    await settle();
    await withCache(async (cacheDir) => {
      const first = await runCli(settled, 'lint', '--format', 'json');
      expect(first.code).toBe(1);
      const again = replay(settled, 'lint', '--format', 'json');
      expect(again?.stdout.toString('utf8')).toBe(first.stdout);
      expect(again?.code).toBe(1);
      expect(again?.stderr).toBe('');
      // signatures, not contents: nothing in the project was changed within 2 s of the run
      const stamp = JSON.parse(readFileSync(path.join(cacheDir, 'findings', stamps(cacheDir)[0]!), 'utf8'));
      const read = (stamp.seen as [string, string][]).filter(([k]) => k.startsWith('s') && k.endsWith('.sql'));
      expect(read.map(([k]) => path.basename(k))).toEqual(expect.arrayContaining(['001.sql', '002.sql', '003.sql']));
      expect(read.map(([, sig]) => sig)).toEqual(read.map(() => expect.stringMatching(/^file:\d+:\d+:\d+:\d+$/)));

      expect(stampWentStale()).toBe(false);
      sneakyEdit(path.join(settled, 'migrations/002.sql'), 'ALTER TABLE t ALTER COLUMN v TYPE uuid;\n');
      expect(replay(settled, 'lint', '--format', 'json')).toBeUndefined();
      // the run will most likely lint a file: src/cli/lint.ts starts compiling the parser before discovery
      expect(stampWentStale()).toBe(true);
      // another invocation has no stamp: nothing is known to have changed
      expect(replay(settled, 'lint', '--format', 'text')).toBeUndefined();
      expect(stampWentStale()).toBe(false);
      const changed = await runCli(settled, 'lint', '--format', 'json');
      // the new stamp lists what changed last first: the next edit of it is found after one stat
      const restamped = JSON.parse(readFileSync(path.join(cacheDir, 'findings', stamps(cacheDir)[0]!), 'utf8'));
      const order = (restamped.seen as [string, string][]).map(([k, sig]) => ({ k, racy: sig.startsWith('#') }));
      const edited = order.findIndex((e) => e.k === `s${path.join(settled, 'migrations/002.sql')}`);
      expect(order[edited]?.racy).toBe(true);
      expect(order.slice(0, edited).every((e) => e.racy)).toBe(true);
      expect(order.filter((e) => !e.racy).length).toBeGreaterThan(2);
      const fresh = await runCli(settled, 'lint', '--no-cache', '--format', 'json');
      expect(changed.stdout).toBe(fresh.stdout);
      expect(changed.stdout).not.toBe(first.stdout);
    });
  });

  it('a file changed just before the run is stamped by its content: the same content is served, another is not', async () => {
    const dir = writeProject(tmp, files);
    await withCache(async (cacheDir) => {
      const first = await runCli(dir, 'lint', '--format', 'json');
      const stamp = JSON.parse(readFileSync(path.join(cacheDir, 'findings', stamps(cacheDir)[0]!), 'utf8'));
      expect((stamp.seen as [string, string][]).some(([k, sig]) => k.endsWith('001.sql') && sig.startsWith('#'))).toBe(
        true,
      );
      expect(replay(dir, 'lint', '--format', 'json')?.stdout.toString('utf8')).toBe(first.stdout);
      // rewritten with the same bytes: still what the run read
      writeFileSync(path.join(dir, 'migrations/001.sql'), files['migrations/001.sql']);
      expect(replay(dir, 'lint', '--format', 'json')?.stdout.toString('utf8')).toBe(first.stdout);
      sneakyEdit(path.join(dir, 'migrations/003.sql'), 'CREATE INDEX t_w ON t (v);\n');
      expect(replay(dir, 'lint', '--format', 'json')).toBeUndefined();
    });
  });

  it('a migration added or removed, or a config file added, is seen', async () => {
    const dir = writeProject(tmp, files);
    await withCache(async () => {
      const args = ['lint', '--format', 'json'];
      const base = await runCli(dir, ...args);
      writeFileSync(path.join(dir, 'migrations/004.sql'), 'ALTER TABLE t ADD COLUMN w int NOT NULL;\n');
      expect(replay(dir, ...args)).toBeUndefined();
      const added = await runCli(dir, ...args);
      expect(added.stdout).toMatch(/004\.sql/);
      expect(replay(dir, ...args)?.stdout.toString('utf8')).toBe(added.stdout);
      rmSync(path.join(dir, 'migrations/004.sql'));
      expect(replay(dir, ...args)).toBeUndefined();
      expect((await runCli(dir, ...args)).stdout).toBe(base.stdout);
      writeFileSync(
        path.join(dir, 'zerodown.config.json'),
        JSON.stringify({ rules: { 'require-concurrent-index-creation': 'off' } }),
      );
      expect(replay(dir, ...args)).toBeUndefined();
      const configured = await runCli(dir, ...args);
      expect(configured.stdout).not.toMatch(/require-concurrent-index-creation/);
      expect(replay(dir, ...args)?.stdout.toString('utf8')).toBe(configured.stdout);
    });
  });

  it('is keyed on the arguments and the environment, and replays the warnings the run gave', async () => {
    const dir = writeProject(tmp, files);
    await withCache(async () => {
      const json = await runCli(dir, 'lint', '--format', 'json');
      const text = await runCli(dir, 'lint', '--seed-rows', '5');
      expect(replay(dir, 'lint', '--format', 'json')?.stdout.toString('utf8')).toBe(json.stdout);
      const again = replay(dir, 'lint', '--seed-rows', '5');
      expect(again?.stdout.toString('utf8')).toBe(text.stdout);
      expect(again?.stderr).toBe(text.stderr);
      expect(again?.stderr).toMatch(/--seed-rows is ignored without --dry-run/);
      // one more variable in the environment: another run (colours, for one, follow it)
      process.env.FORCE_COLOR = '1';
      try {
        expect(replay(dir, 'lint', '--seed-rows', '5')).toBeUndefined();
      } finally {
        delete process.env.FORCE_COLOR;
      }
      expect(replay(dir, 'lint', '--format', 'sarif')).toBeUndefined();
    });
  });

  it('stamps nothing it cannot check: --no-cache, --output, a glob, a run holding a secret', async () => {
    const dir = writeProject(tmp, files);
    await withCache(async (cacheDir) => {
      const runs: string[][] = [
        ['lint', '--no-cache'],
        ['lint', '--output', 'report.txt'],
        ['lint', 'migrations/*.sql'],
      ];
      for (const argv of runs) {
        await runCli(dir, ...argv);
        await runCli(dir, ...argv);
        expect(replay(dir, ...argv), argv.join(' ')).toBeUndefined();
      }
      // redacted as it is written: a saved report is never replayed past the redaction
      process.env.ZERODOWN_SHADOW_URL = 'postgres://u:s3cret-pw@127.0.0.1:1/db';
      try {
        const held = await runCli(dir, 'lint');
        expect(held.code).toBe(1);
        expect(replay(dir, 'lint')).toBeUndefined();
      } finally {
        delete process.env.ZERODOWN_SHADOW_URL;
      }
      expect(existsSync(path.join(cacheDir, 'findings')) ? stamps(cacheDir) : []).toEqual([]);
    });
  });

  it('never serves a stale report, whichever file or folder of the project changes', async () => {
    // a Diesel layout (a folder per migration) with a config file and an unrelated file beside them
    const project = {
      'migrations/2024-01-01-000000_create/up.sql': 'CREATE TABLE t (id bigint PRIMARY KEY, v int);\n',
      'migrations/2024-01-01-000000_create/down.sql': 'DROP TABLE t;\n',
      'migrations/2024-02-01-000000_index/up.sql': 'CREATE INDEX t_v ON t (v);\n',
      'migrations/2024-03-01-000000_col/up.sql': 'ALTER TABLE t ADD COLUMN w int DEFAULT 0;\n',
      'zerodown.config.json': '{ "rules": { "prefer-bigint-over-int": "off" } }\n',
      'README.md': '# app\n',
    };
    const dir = writeProject(tmp, project);
    await withCache(async () => {
      const changes: [string, () => void][] = [
        ...Object.keys(project).map((rel): [string, () => void] => [
          `edit ${rel}`,
          () => appendFileSync(path.join(dir, rel), rel.endsWith('.json') ? ' ' : '\n-- edited\nSELECT 1;\n'),
        ]),
        [
          'config: a rule off',
          () => writeFileSync(path.join(dir, 'zerodown.config.json'), '{ "rules": { "require-lock-timeout": "off" } }'),
        ],
        [
          'a new migration folder',
          () => {
            mkdirSync(path.join(dir, 'migrations/2024-04-01-000000_more'));
            writeFileSync(path.join(dir, 'migrations/2024-04-01-000000_more/up.sql'), 'DROP TABLE t;\n');
          },
        ],
        ['an up.sql removed', () => rmSync(path.join(dir, 'migrations/2024-02-01-000000_index/up.sql'))],
        ['the config removed', () => rmSync(path.join(dir, 'zerodown.config.json'))],
      ];
      for (const [what, change] of changes) {
        await runCli(dir, 'lint', '--format', 'json');
        expect(replay(dir, 'lint', '--format', 'json'), `before: ${what}`).toBeDefined();
        change();
        const fresh = await runCli(dir, 'lint', '--no-cache', '--format', 'json');
        const served = replay(dir, 'lint', '--format', 'json');
        if (served) expect(served.stdout.toString('utf8'), what).toBe(fresh.stdout);
      }
    });
  });

  it('the command line answers from the stamp before loading zerodown, with the same output and exit code', async () => {
    const dir = writeProject(tmp, files);
    const cacheDir = mkdtempSync(path.join(tmp, 'cache-'));
    const cli = () =>
      spawnSync(process.execPath, ['--import', TSX_LOADER, SOURCE_BIN, 'lint', '--seed-rows', '3'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ZERODOWN_CACHE_DIR: cacheDir, NO_COLOR: '1' },
      });
    const first = cli();
    expect(first.status).toBe(1);
    expect(stamps(cacheDir)).toHaveLength(1);
    // a run that does its work stamps itself again (a new file); one served from the stamp leaves it as it is
    const stamp = path.join(cacheDir, 'findings', stamps(cacheDir)[0]!);
    const ino = statSync(stamp).ino;
    const second = cli();
    expect(statSync(stamp).ino).toBe(ino);
    expect([second.status, second.stdout, second.stderr]).toEqual([1, first.stdout, first.stderr]);
    expect(second.stderr).toMatch(/--seed-rows is ignored/);
  });
});

describe('checking a stamp', () => {
  it('asks no path that was absent from a folder the stamp lists, and still sees one appear there', () => {
    const dir = writeProject(tmp, { 'migrations/001.sql': files['migrations/001.sql'] });
    const folder = path.join(dir, 'migrations');
    const record = startRecording();
    try {
      recordList(folder, () => readDirEntries(folder));
      probeKind(path.join(folder, 'metadata.toml'));
      recordRead(path.join(folder, 'up.sql'), () => null);
    } finally {
      stopRecording();
    }
    const entries = [...record.seen];
    expect(entries.map(([, sig]) => sig).filter((s) => s === 'none')).toHaveLength(2);
    expect(checkEntries(entries)).toBe('hold');
    // without the folder's entry each absent path is asked itself
    const alone = entries.filter(([k]) => k[0] !== 'd');
    expect(checkEntries(alone)).toBe('hold');
    writeFileSync(path.join(folder, 'metadata.toml'), 'run_in_transaction = false\n');
    expect(checkEntries(alone)).toBe('changed');
    // with it, the folder's own entry sees the new name
    expect(checkEntries(entries)).toBe('changed');
    expect(checkEntries([...entries, ['x']])).toBe('bad');
  });
});
