/**
 * Phase files in each tool's own format, for the staged-plan writer.
 *
 * A phase is bare SQL (no BEGIN/COMMIT of its own) plus whether it may run in a
 * transaction. `layoutPhases` turns the phases into the files the user commits,
 * named and marked the way their migration tool expects, numbered after the
 * existing migrations:
 *
 * | tool           | transactional phase                       | non-transactional phase |
 * |----------------|-------------------------------------------|-------------------------|
 * | plain          | `NNN_name.sql` with BEGIN/COMMIT          | one file per statement (no transaction) |
 * | prisma         | `<ts>_name/migration.sql`, BEGIN/COMMIT   | one folder per statement |
 * | golang-migrate | `N_name.up.sql` (+ `.down.sql` TODO)      | one file per statement |
 * | goose          | `-- +goose Up`, StatementBegin/End        | `-- +goose NO TRANSACTION` |
 * | dbmate         | `-- migrate:up` / `-- migrate:down`       | `transaction:false`, one file per statement |
 * | flyway         | `V<n>__name.sql`                          | one file per statement + `.sql.conf` executeInTransaction=false |
 * | sqlx           | `<ts>_name.sql`                           | `-- no-transaction`, one file per statement |
 * | drizzle        | `NNNN_name.sql` + journal entry           | `*.manual.sql`: Drizzle cannot run it (one transaction for all) |
 * | supabase       | `<ts>_name.sql`                           | `<ts>_name.sql` (CLI ≥ 2.109 runs CONCURRENTLY on its own) |
 * | diesel         | `<v>_name/up.sql` + down.sql              | one folder per statement + metadata.toml run_in_transaction = false |
 * | sqitch         | deploy/revert/verify scripts + plan lines | deploy script without BEGIN/COMMIT |
 * | liquibase      | one changeset per phase                   | `runInTransaction:false` changeset |
 *
 * "One file per statement" is needed wherever the tool sends a whole file as one
 * query string: PostgreSQL runs a multi-statement string in one implicit
 * transaction, and CONCURRENTLY then fails.
 */
import path from 'node:path';
import { list, readText } from './fsutil.js';
import { flywayVersionCompare, numericCompare } from './order.js';
import { splitSql } from './sqlsplit.js';
import { dieselVersion } from './tools/diesel.js';
import { readPlan } from './tools/sqitch.js';

export interface Phase {
  /** short name, used in file names (`expand`, `backfill`, `index`, `validate`, `contract`) */
  name: string;
  /** false when the phase must run outside a transaction (CONCURRENTLY, batched COMMITs) */
  transactional: boolean;
  /** the phase's statements, without BEGIN/COMMIT */
  sql: string;
}

export interface LayoutTarget {
  /** the migration root directory (as the files should be written, relative or absolute) */
  dir: string;
  /** base name for the new migrations, e.g. `add_email_index` */
  baseName: string;
  /** version (or name) of the last existing migration, when the caller knows it; otherwise read from `dir` */
  afterVersion?: string;
  /** names of the existing entries of `dir` (default: read from disk) */
  existing?: string[];
  /** clock for timestamped versions (tests) */
  now?: Date;
  /**
   * reads an existing file (journal, sqitch.plan, master changelog); default: from disk.
   * Laying out several plans in a row, pass a reader that returns the content an
   * earlier call produced, so the second plan extends the first one's journal.
   */
  read?: (file: string) => string | undefined;
}

export interface PhaseFile {
  /** where to write it (`dir` joined with the tool's file name) */
  path: string;
  content: string;
  /** true when the file already exists and `content` is its complete new content (journal, plan) */
  replaces?: boolean;
}

const slug = (s: string) =>
  s
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase() || 'migration';

/**
 * The phase's statements, each with its terminating semicolon and the comment lines above it: a plan step's
 * `-- zerodown-ignore <rule>: <why>` must stay on the line above its statement, or the written file fails the lint
 * the plan passed. (A comment ending the previous statement's line stays behind.)
 */
function statements(sql: string): string[] {
  let prev: number | undefined;
  return splitSql(sql).map((r) => {
    let lead = sql.slice(prev ?? 0, r.start);
    if (prev !== undefined) lead = lead.includes('\n') ? lead.slice(lead.indexOf('\n') + 1) : '';
    prev = r.end;
    const comments = lead
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('--'));
    return `${comments.map((c) => `${c}\n`).join('')}${sql.slice(r.start, r.end)};`;
  });
}

const body = (sql: string) => `${statements(sql).join('\n\n')}\n`;
const txBody = (sql: string) => `BEGIN;\n\n${body(sql)}\nCOMMIT;\n`;

function header(p: Phase, i: number, n: number, extra?: string): string {
  const how = p.transactional ? 'runs in one transaction' : 'must run outside a transaction';
  return `-- zerodown phase ${i + 1}/${n}: ${p.name} (${how})${extra ? `\n-- ${extra}` : ''}\n`;
}

/** A non-transactional phase becomes one unit per statement; a transactional one stays whole. */
function units(phases: Phase[]): { phase: Phase; index: number; sql: string; part?: number }[] {
  const out: { phase: Phase; index: number; sql: string; part?: number }[] = [];
  phases.forEach((phase, index) => {
    if (phase.transactional) out.push({ phase, index, sql: phase.sql });
    else {
      const stmts = statements(phase.sql);
      stmts.forEach((s, k) => out.push({ phase, index, sql: s, ...(stmts.length > 1 ? { part: k + 1 } : {}) }));
    }
  });
  return out;
}

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/**
 * `count` new versions after the existing ones: timestamps (YYYYMMDDHHMMSS) when
 * the existing versions look like timestamps or there are none and `preferTimestamps`,
 * otherwise the next integers with the same zero padding.
 */
function nextVersions(existing: string[], count: number, now: Date, preferTimestamps: boolean): string[] {
  const max = existing.reduce<string | undefined>(
    (m, v) => (m === undefined || numericCompare(v, m) > 0 ? v : m),
    undefined,
  );
  const timestamps = max ? max.length >= 12 : preferTimestamps;
  const out: string[] = [];
  if (timestamps) {
    const asDate =
      max && max.length === 14
        ? Date.UTC(
            +max.slice(0, 4),
            +max.slice(4, 6) - 1,
            +max.slice(6, 8),
            +max.slice(8, 10),
            +max.slice(10, 12),
            +max.slice(12, 14),
          )
        : NaN;
    if (!max || (!Number.isNaN(asDate) && stamp(new Date(asDate)) === max)) {
      // real clock readings: one second apart, after both the clock and the last migration
      const t0 = Math.max(now.getTime() - (now.getTime() % 1000), Number.isNaN(asDate) ? 0 : asDate + 1000);
      for (let i = 0; i < count; i++) out.push(stamp(new Date(t0 + i * 1000)));
      return out;
    }
    for (let i = 0; i < count; i++) out.push(String(BigInt(max) + BigInt(i + 1)));
    return out;
  }
  const width = max ? max.length : 4;
  const start = max ? BigInt(max) + 1n : 1n;
  for (let i = 0; i < count; i++) out.push(String(start + BigInt(i)).padStart(width, '0'));
  return out;
}

const prefixVersions = (names: string[], re: RegExp) =>
  names.map((n) => re.exec(n)?.[1]).filter((v): v is string => v !== undefined);

const join = (dir: string, ...p: string[]) =>
  path
    .join(dir, ...p)
    .split(path.sep)
    .join('/');

/** Lays phases out the way `framework` expects. Throws for an unknown framework name. */
export function layoutPhases(framework: string, target: LayoutTarget, phases: Phase[]): PhaseFile[] {
  const dir = target.dir;
  const names = target.existing ?? list(dir);
  const read = target.read ?? readText;
  const now = target.now ?? new Date();
  const base = slug(target.baseName);
  const n = phases.length;
  const us = units(phases);
  const name = (u: (typeof us)[number]) => `${base}_${slug(u.phase.name)}${u.part ? `_${u.part}` : ''}`;
  const withAfter = (vs: string[]) =>
    target.afterVersion && /^\d+$/.test(target.afterVersion) ? [...vs, target.afterVersion] : vs;

  switch (framework) {
    case 'plain': {
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)/)), us.length, now, false);
      return us.map((u, i) => ({
        path: join(dir, `${vs[i]}_${name(u)}.sql`),
        content: header(u.phase, u.index, n) + (u.phase.transactional ? txBody(u.sql) : body(u.sql)),
      }));
    }
    case 'prisma': {
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)_/)), us.length, now, true);
      return us.map((u, i) => ({
        path: join(dir, `${vs[i]}_${name(u)}`, 'migration.sql'),
        content:
          header(
            u.phase,
            u.index,
            n,
            u.phase.transactional ? undefined : 'alone in its migration: Prisma then runs it without a transaction',
          ) + (u.phase.transactional ? txBody(u.sql) : body(u.sql)),
      }));
    }
    case 'golang-migrate': {
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)_.*\.up\.sql$/)), us.length, now, false);
      return us.flatMap((u, i) => [
        {
          path: join(dir, `${vs[i]}_${name(u)}.up.sql`),
          content:
            header(
              u.phase,
              u.index,
              n,
              u.phase.transactional ? undefined : 'alone in its file: golang-migrate sends a file as one query string',
            ) + (u.phase.transactional ? txBody(u.sql) : body(u.sql)),
        },
        { path: join(dir, `${vs[i]}_${name(u)}.down.sql`), content: `-- TODO: reverse ${name(u)}\n` },
      ]);
    }
    case 'goose': {
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)_.*\.sql$/)), phases.length, now, true);
      return phases.map((p, i) => {
        const stmts = statements(p.sql).map((s) =>
          // goose cuts a statement at every line ending in `;`: protect bodies that contain one
          s
            .split('\n')
            .slice(0, -1)
            .some((l) => /;\s*(--.*)?$/.test(l))
            ? `-- +goose StatementBegin\n${s}\n-- +goose StatementEnd`
            : s,
        );
        return {
          path: join(dir, `${vs[i]}_${base}_${slug(p.name)}.sql`),
          content: `${p.transactional ? '' : '-- +goose NO TRANSACTION\n'}${header(p, i, n)}-- +goose Up\n${stmts.join('\n\n')}\n\n-- +goose Down\n-- TODO: reverse ${base}_${slug(p.name)}\n`,
        };
      });
    }
    case 'dbmate': {
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)_.*\.sql$/)), us.length, now, true);
      return us.map((u, i) => ({
        path: join(dir, `${vs[i]}_${name(u)}.sql`),
        content: `-- migrate:up${u.phase.transactional ? '' : ' transaction:false'}\n${header(u.phase, u.index, n)}${body(u.sql)}\n-- migrate:down\n-- TODO: reverse ${name(u)}\n`,
      }));
    }
    case 'flyway': {
      const existing = names.map((f) => /^V(\d+(?:[._]\d+)*)__/.exec(f)?.[1]).filter((v): v is string => !!v);
      if (target.afterVersion) existing.push(target.afterVersion);
      const max = existing.sort(flywayVersionCompare).at(-1);
      const parts = max ? max.split(/[._]/) : ['0'];
      const sep = max?.includes('_') && !max.includes('.') ? '_' : '.';
      const timestamps = parts.length === 1 && parts[0]!.length >= 12;
      const vs = timestamps
        ? nextVersions([parts[0]!], us.length, now, true)
        : us.map((_, i) => [...parts.slice(0, -1), String(BigInt(parts.at(-1)!) + BigInt(i + 1))].join(sep));
      return us.flatMap((u, i) => {
        const file = join(dir, `V${vs[i]}__${name(u)}.sql`);
        const files: PhaseFile[] = [{ path: file, content: header(u.phase, u.index, n) + body(u.sql) }];
        if (!u.phase.transactional) files.push({ path: `${file}.conf`, content: 'executeInTransaction=false\n' });
        return files;
      });
    }
    case 'sqlx': {
      const reversible = names.some((f) => /\.up\.sql$/.test(f));
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)_/)), us.length, now, true);
      return us.flatMap((u, i) => {
        const stem = `${vs[i]}_${name(u)}`;
        const content = `${u.phase.transactional ? '' : '-- no-transaction\n'}${header(u.phase, u.index, n)}${body(u.sql)}`;
        return reversible
          ? [
              { path: join(dir, `${stem}.up.sql`), content },
              { path: join(dir, `${stem}.down.sql`), content: `-- TODO: reverse ${name(u)}\n` },
            ]
          : [{ path: join(dir, `${stem}.sql`), content }];
      });
    }
    case 'drizzle': {
      if (!names.includes('meta') && names.some((f) => /^\d{14}_[^.]*$/.test(f))) {
        // Drizzle Kit 1.x: one folder per migration, no journal
        const vs = nextVersions(prefixVersions(names, /^(\d{14})_/), phases.length, now, true);
        return phases.map((p, i) => ({
          path: join(dir, `${vs[i]}_${base}_${slug(p.name)}`, 'migration.sql'),
          content: p.transactional
            ? `${header(p, i, n)}${statements(p.sql).join('\n--> statement-breakpoint\n')}\n`
            : `${header(p, i, n, 'Drizzle runs every pending migration inside ONE transaction: run this phase with psql instead of drizzle-kit migrate')}${body(p.sql)}`,
        }));
      }
      const journalFile = join(dir, 'meta', '_journal.json');
      let journal: {
        version: string;
        dialect: string;
        entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
      } = {
        version: '7',
        dialect: 'postgresql',
        entries: [],
      };
      try {
        journal = JSON.parse(read(journalFile) ?? '') ?? journal;
      } catch {
        /* a new journal */
      }
      const files: PhaseFile[] = [];
      let idx = journal.entries.length;
      let when = Math.max(now.getTime(), ...journal.entries.map((e) => e.when + 1));
      const width = 4;
      phases.forEach((p, i) => {
        const tag = `${String(idx).padStart(width, '0')}_${base}_${slug(p.name)}`;
        const sql = statements(p.sql).join('\n--> statement-breakpoint\n');
        if (!p.transactional) {
          files.push({
            path: join(dir, `${tag}.manual.sql`),
            content: `${header(p, i, n, 'Drizzle runs every pending migration inside ONE transaction, so this phase cannot go through drizzle-kit migrate: run it with psql between the migrations before and after it')}${body(p.sql)}`,
          });
          return;
        }
        files.push({ path: join(dir, `${tag}.sql`), content: `${header(p, i, n)}${sql}\n` });
        journal.entries.push({
          idx,
          version: journal.entries.at(-1)?.version ?? '7',
          when: when++,
          tag,
          breakpoints: true,
        });
        idx++;
      });
      files.push({ path: journalFile, content: `${JSON.stringify(journal, null, 2)}\n`, replaces: true });
      return files;
    }
    case 'supabase': {
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)_.*\.sql$/)), phases.length, now, true);
      return phases.map((p, i) => ({
        path: join(dir, `${vs[i]}_${base}_${slug(p.name)}.sql`),
        content:
          header(
            p,
            i,
            n,
            p.transactional
              ? undefined
              : 'the Supabase CLI (v2.109+) runs CONCURRENTLY statements on their own, outside its batch',
          ) + body(p.sql),
      }));
    }
    case 'diesel': {
      const existing = names.filter((f) => /^\d/.test(f)).map((f) => dieselVersion(f));
      const dashed = names.some((f) => /^\d{4}-\d{2}-\d{2}-\d{6}/.test(f));
      const t0 = Math.max(
        now.getTime(),
        ...existing
          .filter((v) => /^\d{14}/.test(v))
          .map(
            (v) =>
              Date.UTC(
                +v.slice(0, 4),
                +v.slice(4, 6) - 1,
                +v.slice(6, 8),
                +v.slice(8, 10),
                +v.slice(10, 12),
                +v.slice(12, 14),
              ) + 1000,
          ),
      );
      return us.flatMap((u, i) => {
        const s = stamp(new Date(t0 + i * 1000));
        const v = dashed || !existing.length ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}-${s.slice(8)}` : s;
        const folder = `${v}_${name(u)}`;
        const files: PhaseFile[] = [
          { path: join(dir, folder, 'up.sql'), content: header(u.phase, u.index, n) + body(u.sql) },
          { path: join(dir, folder, 'down.sql'), content: `-- TODO: reverse ${name(u)}\n` },
        ];
        if (!u.phase.transactional)
          files.push({ path: join(dir, folder, 'metadata.toml'), content: 'run_in_transaction = false\n' });
        return files;
      });
    }
    case 'sqitch': {
      const planFile = join(dir, 'sqitch.plan');
      const plan = read(planFile) ?? '%syntax-version=1.0.0\n%project=app\n\n';
      const known = new Set(readPlan(plan));
      const iso = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
      const files: PhaseFile[] = [];
      const lines: string[] = [];
      let prev = [...known].at(-1)?.replace(/@.*$/, '');
      phases.forEach((p, i) => {
        let change = `${base}_${slug(p.name)}`;
        for (let k = 2; known.has(change); k++) change = `${base}_${slug(p.name)}_${k}`;
        known.add(change);
        files.push({
          path: join(dir, 'deploy', `${change}.sql`),
          content: header(p, i, n) + (p.transactional ? txBody(p.sql) : body(p.sql)),
        });
        files.push({ path: join(dir, 'revert', `${change}.sql`), content: `-- TODO: revert ${change}\n` });
        files.push({ path: join(dir, 'verify', `${change}.sql`), content: `-- TODO: verify ${change}\n` });
        lines.push(`${change} ${prev ? `[${prev}] ` : ''}${iso} zerodown <zerodown@localhost> # ${p.name}`);
        prev = change;
      });
      files.push({ path: planFile, content: `${plan.replace(/\n*$/, '\n')}${lines.join('\n')}\n`, replaces: true });
      return files;
    }
    case 'liquibase': {
      // next to the last file the master changelog includes, numbered and separated like the existing files
      const master = names.find((f) => /changelog.*\.(ya?ml|json|xml)$/i.test(f));
      const masterSrc = master ? (read(join(dir, master)) ?? '') : '';
      const includes = [...masterSrc.matchAll(/file["']?\s*[:=]\s*["']?([^"'\s>]+\.sql)/g)].map((m) => m[1]!);
      const lastInclude = includes.at(-1);
      const sub = lastInclude ? path.dirname(lastInclude.split('/').slice(-2).join('/')) : '.';
      const subDir = lastInclude && sub !== '.' && names.includes(sub) ? join(dir, sub) : dir;
      const siblings = subDir === dir ? names : list(subDir);
      const sep = siblings.some((f) => /^\d+-/.test(f)) ? '-' : '_';
      const vs = nextVersions(withAfter(prefixVersions(siblings, /^(\d+)[_-].*\.sql$/)), 1, now, false);
      const file = `${vs[0]}${sep}${base.replace(/_/g, sep)}.sql`;
      const content = ['--liquibase formatted sql', ''];
      phases.forEach((p, i) => {
        content.push(
          `--changeset zerodown:${base}-${i + 1}-${slug(p.name)}${p.transactional ? '' : ' runInTransaction:false'}`,
        );
        content.push(header(p, i, n).trimEnd());
        content.push(body(p.sql));
      });
      const files: PhaseFile[] = [{ path: join(subDir, file), content: `${content.join('\n').trimEnd()}\n` }];
      if (master && lastInclude) {
        // an explicit include list runs only what it names: add the new file after the last include
        const ref = lastInclude.replace(/[^/]+$/, file);
        let updated: string;
        if (/\.xml$/i.test(master))
          updated = masterSrc.replace(
            /(\s*)<\/databaseChangeLog>/,
            `$1    <include file="${ref}"/>$1</databaseChangeLog>`,
          );
        else if (/\.json$/i.test(master)) {
          const doc = JSON.parse(masterSrc);
          doc.databaseChangeLog.push({ include: { file: ref } });
          updated = `${JSON.stringify(doc, null, 2)}\n`;
        } else updated = `${masterSrc.replace(/\n*$/, '\n')}  - include:\n      file: ${ref}\n`;
        files.push({ path: join(dir, master), content: updated, replaces: true });
      }
      return files;
    }
    default:
      throw new Error(`layoutPhases: unknown framework "${framework}"`);
  }
}
