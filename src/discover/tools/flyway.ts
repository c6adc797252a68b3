/**
 * Flyway (https://documentation.red-gate.com/fd/migrations): `V<version>__<desc>.sql`
 * versioned migrations, `R__<desc>.sql` repeatables, `U<version>__<desc>.sql`
 * undo migrations, in one or more locations scanned recursively. Versions are
 * dot/underscore separated numbers compared part by part (1.10 after 1.9), across
 * all locations; repeatables run after every versioned migration, in description
 * order. Undo (and baseline `B…`) files are not forward migrations; files that do
 * not follow the naming are ignored by Flyway and here.
 *
 * Transactions on PostgreSQL: Flyway splits a script into statements and runs them
 * inside one transaction per migration (`executeInTransaction`, default true; a
 * script configuration file `<script>.sql.conf` may say `executeInTransaction=false`).
 * Its PostgreSQL parser also marks some statements as non-transactional
 * (PostgreSQLParser.detectCanExecuteInTransaction: CREATE/DROP DATABASE|TABLESPACE|
 * SUBSCRIPTION, ALTER SYSTEM, CREATE/DROP [UNIQUE] INDEX CONCURRENTLY, REINDEX
 * SCHEMA|DATABASE|SYSTEM, VACUUM, DISCARD ALL, and ALTER TYPE … ADD VALUE before
 * PostgreSQL 12); a script holding one runs without a transaction. A script that
 * mixes both kinds is refused ("Detected both transactional and non-transactional
 * statements within the same migration (even though mixed is false)") unless
 * `mixed=true`, which runs it without a transaction.
 */
import path from 'node:path';
import { findUp, globFiles, isFile, readText, sqlNames, subdirs } from '../fsutil.js';
import { codepointCompare, flywayVersionCompare } from '../order.js';
import { simplify, splitSql } from '../sqlsplit.js';
import type { FileInfo, Framework } from '../types.js';

const VERSIONED = /^V(\d+(?:[._]\d+)*)__(.*)\.sql$/;
const REPEATABLE = /^R__(.*)\.sql$/;
const UNDO = /^U(\d+(?:[._]\d+)*)__(.*)\.sql$/;
const BASELINE = /^B(\d+(?:[._]\d+)*)__(.*)\.sql$/;
const FLYWAY_NAME = /^(?:[VUB]\d+(?:[._]\d+)*|R)__.*\.sql$/;

const NON_TX: ((s: string, pg: number) => boolean)[] = [
  (s) => /^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)\b/.test(s),
  (s) => /^ALTER SYSTEM\b/.test(s),
  (s) => /^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY\b/.test(s),
  (s) => /^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)\b/.test(s),
  (s) => /^VACUUM\b/.test(s),
  (s) => /^DISCARD ALL\b/.test(s),
  (s, pg) => pg < 12 && /^ALTER TYPE( .*)? ADD VALUE\b/.test(s),
];

/** Reads `key` from flyway.conf (`flyway.key=value`) or flyway.toml (`key = value` under [flyway]) above `root`. */
function flywaySetting(root: string, key: string): string | undefined {
  let value: string | undefined;
  findUp(root, (dir) => {
    for (const f of ['flyway.conf', path.join('conf', 'flyway.conf')]) {
      const src = readText(path.join(dir, f));
      const m = src && new RegExp(`^\\s*flyway\\.${key}\\s*=\\s*(\\S+)`, 'm').exec(src);
      if (m) {
        value = m[1];
        return true;
      }
    }
    const toml = readText(path.join(dir, 'flyway.toml'));
    const m = toml && new RegExp(`^\\s*${key}\\s*=\\s*"?([^"\\s]+)`, 'm').exec(toml);
    if (m) {
      value = m[1];
      return true;
    }
    return false;
  });
  return value;
}

export const flyway: Framework = {
  name: 'flyway',
  pattern: 'V<version>__<description>.sql',
  detect(dir, files) {
    const names = files
      ? sqlNames(dir, files)
      : [...sqlNames(dir), ...subdirs(dir).flatMap((d) => sqlNames(path.join(dir, d)))];
    return names.some((n) => VERSIONED.test(n) || REPEATABLE.test(n));
  },
  root(dir) {
    // a file in a sub-folder belongs to the whole location (Flyway scans locations recursively)
    return findUp(dir, (d) => ['migration', 'migrations', 'sql'].includes(path.basename(d)), 3) ?? dir;
  },
  sequence() {
    return 'flyway';
  },
  find(root) {
    return globFiles(root, '**/*.sql');
  },
  prepare(root) {
    return {
      mixed: flywaySetting(root, 'mixed') === 'true',
      executeInTransaction: flywaySetting(root, 'executeInTransaction') !== 'false',
    };
  },
  order(files) {
    const key = (f: string) => {
      const n = path.basename(f);
      const v = VERSIONED.exec(n);
      if (v) return { rank: 0, v: v[1]!, d: v[2]! };
      const r = REPEATABLE.exec(n);
      return { rank: r ? 1 : 2, v: '', d: r ? r[1]! : n };
    };
    return [...files].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x.rank - y.rank || flywayVersionCompare(x.v, y.v) || codepointCompare(x.d, y.d) || codepointCompare(a, b);
    });
  },
  describe(abs, source, { info, pgVersion }): FileInfo {
    const name = path.basename(abs);
    if (UNDO.test(name)) return { skip: 'a Flyway undo migration' };
    if (BASELINE.test(name)) return { skip: 'a Flyway baseline migration (only used to create a new database)' };
    if (!FLYWAY_NAME.test(name))
      return { skip: 'Flyway ignores files not named V<version>__<description>.sql or R__<description>.sql' };
    const version = VERSIONED.exec(name)?.[1];
    const base = version ? { version } : {};
    const conf = readText(`${abs}.conf`);
    const scriptTx = conf
      ? /^\s*executeInTransaction\s*=\s*false\b/m.test(conf)
        ? false
        : /^\s*executeInTransaction\s*=\s*true\b/m.test(conf)
          ? true
          : undefined
      : undefined;
    const configTx = scriptTx ?? info.executeInTransaction;
    let nonTx = 0;
    let tx = 0;
    for (const r of splitSql(source)) {
      const s = simplify(source, r);
      if (NON_TX.some((t) => t(s, pgVersion))) nonTx++;
      else tx++;
    }
    if (nonTx && tx && !info.mixed) {
      return {
        ...base,
        transaction: 'wrapped',
        note: 'Flyway refuses to run a migration that mixes transactional and non-transactional statements unless mixed=true',
      };
    }
    if (nonTx) {
      return {
        ...base,
        transaction: 'none',
        note: 'Flyway detects a statement that cannot run in a transaction and runs this migration without one',
      };
    }
    if (!configTx) {
      return {
        ...base,
        transaction: 'none',
        note: 'executeInTransaction=false: Flyway runs each statement on its own',
      };
    }
    return { ...base, transaction: 'wrapped', note: 'Flyway runs each migration in a transaction' };
  },
};

export const isFlywayConfig = (dir: string) =>
  isFile(path.join(dir, 'flyway.conf')) || isFile(path.join(dir, 'flyway.toml'));
