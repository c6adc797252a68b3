/**
 * Liquibase formatted SQL (https://docs.liquibase.com/concepts/changelogs/sql-format.html):
 * a file starting with `--liquibase formatted sql`, split into changesets by
 * `--changeset author:id attr:value …` lines. Changesets run in file order;
 * files run in the order of the master changelog's `include` / `includeAll`
 * entries (includeAll is alphabetical), or alphabetically when there is none.
 *
 * Each changeset is its own unit: Liquibase splits it into statements at `;`
 * (or `endDelimiter`) and runs them in one transaction per changeset, unless
 * `runInTransaction:false`, which runs them one by one in autocommit mode. With
 * `splitStatements:false` the changeset body is one JDBC statement; PostgreSQL
 * then runs it as one implicit transaction when it holds several statements.
 * `--rollback` lines and `/* liquibase rollback *\/` blocks are never linted,
 * `ignore:true` changesets and changesets limited by `dbms:` to other databases
 * are left out.
 */
import path from 'node:path';
import { existsSync, globFiles, isDir, lineEnd, list, marker, readText, subdirs } from '../fsutil.js';
import { naturalCompare } from '../order.js';
import type { FileInfo, Framework, RawSegment, TxKind } from '../types.js';

import { LIQUIBASE_HEADER } from '../markers.js';
const CHANGESET = /^--\s*changeset\s+(\S+)(.*)$/gim;
const MASTER = /changelog.*\.(ya?ml|json|xml)$/i;

function attrs(rest: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const part of rest.trim().split(/\s+/)) {
    const i = part.indexOf(':');
    if (i > 0) m.set(part.slice(0, i).toLowerCase(), part.slice(i + 1));
  }
  return m;
}

function forPostgres(dbms: string | undefined): boolean {
  if (!dbms) return true;
  const list = dbms
    .toLowerCase()
    .split(',')
    .map((s) => s.trim());
  if (list.includes('!postgresql')) return false;
  if (list.includes('all') || list.includes('postgresql')) return true;
  return list.every((d) => d.startsWith('!'));
}

/**
 * The YAML reader, loaded on demand (its own chunk: a run without a YAML changelog never loads it). Bundled, a
 * CommonJS package's dynamic import gives its exports as `default` only; unbundled, Node names them too.
 */
async function yamlParser(): Promise<(src: string) => unknown> {
  const m: Partial<typeof import('yaml')> & { default?: typeof import('yaml') } = await import('yaml');
  const yaml = m.parse ? m : m.default;
  return (src) => yaml!.parse!(src);
}

/**
 * Files of the master changelog in include order (absolute), or undefined when there is no master. Async because a
 * YAML changelog loads the YAML reader (its own chunk: a run without one never loads it).
 */
async function changelogOrder(root: string): Promise<string[] | undefined> {
  const master = list(root).find((f) => MASTER.test(f));
  if (!master) return undefined;
  const masterPath = path.join(root, master);
  const src = readText(masterPath) ?? '';
  const entries: { file?: string; dir?: string }[] = [];
  if (/\.xml$/i.test(master)) {
    for (const m of src.matchAll(/<(include|includeAll)\b([^>]*)\/?>/g)) {
      const attr = (k: string) => new RegExp(`${k}\\s*=\\s*"([^"]*)"`).exec(m[2]!)?.[1];
      if (m[1] === 'include') entries.push({ file: attr('file') });
      else entries.push({ dir: attr('path') });
    }
  } else {
    const parse = /\.json$/i.test(master) ? JSON.parse : await yamlParser();
    try {
      const doc = parse(src);
      for (const e of doc?.databaseChangeLog ?? []) {
        if (e?.include?.file) entries.push({ file: String(e.include.file) });
        else if (e?.includeAll?.path) entries.push({ dir: String(e.includeAll.path) });
      }
    } catch {
      return undefined;
    }
  }
  // relative to the changelog, or a classpath path (db/changelog/…): try ever shorter suffixes
  const resolve = (p: string) => {
    const parts = p
      .replace(/^classpath:/, '')
      .split(/[\\/]+/)
      .filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const abs = path.resolve(root, ...parts.slice(i));
      if (existsSync(abs)) return abs;
    }
    return undefined;
  };
  const out: string[] = [];
  for (const e of entries) {
    if (e.file && /\.sql$/i.test(e.file)) {
      const abs = resolve(e.file);
      if (abs) out.push(abs);
    } else if (e.dir) {
      const dir = resolve(e.dir);
      if (dir && isDir(dir))
        out.push(
          ...list(dir)
            .filter((f) => /\.sql$/i.test(f))
            .sort()
            .map((f) => path.join(dir, f)),
        );
    }
  }
  return out;
}

export const liquibase: Framework = {
  name: 'liquibase',
  pattern: '--liquibase formatted sql files',
  detect(dir, files) {
    if (!files && list(dir).some((f) => MASTER.test(f) && /databaseChangeLog/.test(readText(path.join(dir, f)) ?? '')))
      return true;
    const sub = files ? [] : subdirs(dir).flatMap((d) => list(path.join(dir, d)).map((f) => path.join(dir, d, f)));
    const names = [...(files ?? list(dir).map((f) => path.join(dir, f))), ...sub].filter((f) => /\.sql$/i.test(f));
    return names.slice(0, 40).some((f) => marker(f, 'liquibase-header'));
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, '**/*.sql');
  },
  async prepare(root) {
    const order = await changelogOrder(root);
    return { order, index: new Map((order ?? []).map((f, i) => [f, i])) };
  },
  order(files, { info, root }) {
    return [...files].sort(
      (a, b) =>
        (info.index.get(a) ?? Infinity) - (info.index.get(b) ?? Infinity) ||
        naturalCompare(path.relative(root, a), path.relative(root, b)),
    );
  },
  describe(abs, source, { info }): FileInfo {
    if (info.order && !info.index.has(abs)) return { skip: 'not included by the master changelog' };
    if (!LIQUIBASE_HEADER.test(source.slice(0, 200))) {
      return {
        transaction: 'wrapped',
        note: 'Liquibase runs a plain SQL changelog as one changeset, in a transaction',
      };
    }
    const heads = [...source.matchAll(CHANGESET)];
    if (!heads.length) return { skip: 'a formatted SQL changelog without --changeset' };
    const segments: RawSegment[] = [];
    let anyNone = false;
    heads.forEach((m, i) => {
      const a = attrs(m[2] ?? '');
      if (a.get('ignore') === 'true' || !forPostgres(a.get('dbms'))) return;
      const start = lineEnd(source, m.index!);
      let end = i + 1 < heads.length ? heads[i + 1]!.index! : source.length;
      const rb = /^--\s*rollback\b|^\/\*\s*liquibase\s+rollback/im.exec(source.slice(start, end));
      if (rb) end = start + rb.index;
      const tx: TxKind =
        a.get('runintransaction') === 'false' ? (a.get('splitstatements') === 'false' ? 'script' : 'none') : 'wrapped';
      if (tx !== 'wrapped') anyNone = true;
      const delim = a.get('enddelimiter');
      if (delim && delim !== ';') {
        // statements end at the delimiter instead of `;`: cut there
        const re = new RegExp(`${delim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*$`, 'gm');
        let from = start;
        for (const d of source.slice(start, end).matchAll(re)) {
          segments.push({ start: from, end: start + d.index!, tx });
          from = start + d.index! + d[0].length;
        }
        segments.push({ start: from, end, tx });
      } else segments.push({ start, end, tx });
    });
    return {
      segments,
      note: anyNone
        ? 'Liquibase runs each changeset in its own transaction, except runInTransaction:false changesets'
        : 'Liquibase runs each changeset in its own transaction',
    };
  },
};
