/**
 * The npm package: `npm pack` of a fresh build holds what runs (the bin and the
 * CLI bundle with its WebAssembly and data files) and nothing else, declares no
 * runtime dependency (everything is bundled), installs offline from the tarball
 * as one package, and the installed `zerodown` lints.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const ROOT = path.resolve(new URL('..', import.meta.url).pathname);

let tmp: string;
let pkgDir: string;
let tarball: string;
let packed: string[];

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zerodown-pack-'));
  // a copy of the package with a fresh build (the committed dist/ is rebuilt only at release)
  pkgDir = path.join(tmp, 'pkg');
  mkdirSync(pkgDir);
  for (const f of ['package.json', 'README.md', 'bin'])
    cpSync(path.join(ROOT, f), path.join(pkgDir, f), { recursive: true });
  execFileSync(process.execPath, ['scripts/gen-rules-index.mjs'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', path.join(pkgDir, 'dist')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], {
    cwd: pkgDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const info = JSON.parse(out)[0] as { filename: string; files: { path: string }[] };
  tarball = path.join(tmp, info.filename);
  packed = info.files.map((f) => f.path);
}, 240_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm package', () => {
  it('holds the bin and the CLI bundle with its run-time files, and nothing else', () => {
    for (const f of [
      'bin/zerodown.js',
      'dist/cli.js',
      'dist/libpg-query.wasm',
      'dist/pglite.wasm',
      'dist/pglite.data',
      'dist/initdb.wasm',
      'dist/pglite-datadir.tgz',
      'dist/pglite-datadir.json',
      'dist/pgcrypto.tar.gz',
      'package.json',
      'README.md',
    ])
      expect(packed).toContain(f);
    // the Action runs from the repository (action.yml, dist/index.js), never from npm; docs are linked on GitHub
    const extra = packed.filter((f) => !/^(bin|dist)\//.test(f) && !/^(package\.json|README\.md|LICENSE)$/.test(f));
    expect(extra).toEqual([]);
    expect(packed).not.toContain('dist/index.js');
    expect(packed).not.toContain('action.yml');
  });

  it('declares no run-time dependency, and the bundle needs none', () => {
    const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies'])
      expect(Object.keys(pkg[field] ?? {}), field).toEqual([]);
    // the command line's entry and every chunk it may load (cli.js itself is a few lines: the stamp check, then main)
    const cli = readdirSync(path.join(pkgDir, 'dist'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(pkgDir, 'dist', f), 'utf8'))
      .join('\n');
    const builtin = (m: string) => m.startsWith('node:') || builtinModules.includes(m.split('/')[0]!);
    // static and dynamic imports would fail at load: all must be Node's own
    const imports = [
      ...cli.matchAll(/^\s*(?:import|export)\s[^;'"]*?\bfrom\s*["']([^"']+)["']/gm),
      ...cli.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1]!);
    expect(imports.length).toBeGreaterThan(10);
    expect(imports.filter((m) => !builtin(m) && !m.startsWith('.'))).toEqual([]);
    // require() of a package: only code paths never taken (pg's optional native binding, Emscripten's socket
    // support), ajv's generated-code strings, and mysql2's error messages that quote require('mysql2/promise')
    // and require('bluebird') as advice
    const required = [...cli.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1]!);
    expect(
      required.filter(
        (m) => !builtin(m) && !/^(pg-native|ws|ajv\/dist\/runtime\/.*|mysql2\/promise|bluebird)$/.test(m),
      ),
    ).toEqual([]);
    for (const quoted of ['mysql2/promise', 'bluebird'])
      for (const m of cli.matchAll(new RegExp(`require\\(\\s*["']${quoted.replace('/', '\\/')}["']`, 'g')))
        expect(cli.slice(Math.max(0, m.index! - 300), m.index), 'only inside a message string').toMatch(
          /["'`][^"'`\n]*$/,
        );
  });

  it('installs offline from the tarball as one package, without engine warnings, and lints', () => {
    const app = path.join(tmp, 'app');
    mkdirSync(path.join(app, 'migrations'), { recursive: true });
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
    for (const f of readdirSync(path.join(ROOT, 'examples/migrations')))
      cpSync(path.join(ROOT, 'examples/migrations', f), path.join(app, 'migrations', f));
    const install = spawnSync(
      'npm',
      ['install', '--omit=dev', '--offline', '--no-audit', '--no-fund', '--loglevel=warn', tarball],
      { cwd: app, encoding: 'utf8' },
    );
    expect(install.status, install.stderr).toBe(0);
    expect(install.stdout + install.stderr).not.toMatch(/EBADENGINE|warn/i);
    expect(readdirSync(path.join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['zerodown']);

    const zerodown = path.join(app, 'node_modules/.bin/zerodown');
    expect(execFileSync(zerodown, ['--version'], { cwd: app, encoding: 'utf8' }).trim()).toBe(VERSION);
    let out = '';
    let code = 0;
    try {
      execFileSync(zerodown, ['lint', '--format', 'json', 'migrations/20261101090000_add_plan_code.sql'], {
        cwd: app,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (err) {
      const e = err as { status: number; stdout: string };
      code = e.status;
      out = e.stdout;
    }
    expect(code).toBe(1); // the example is unsafe
    const rules = JSON.parse(out).files[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('adding-field-with-default');
  }, 120_000);
});
