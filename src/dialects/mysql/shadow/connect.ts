/**
 * Connections to the MySQL/MariaDB shadow server: the URL read into connection settings, the client
 * settings every connection shares (LOCAL INFILE and multiple statements off), and where the server
 * shows metadata locks.
 */
import type mysql from 'mysql2/promise';
import { displayConnection as redact } from '../../../secrets.js';

/** The shadow server could not be set up (connection, privileges): a message for a person, no stack. */
export class MysqlShadowSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShadowSetupError';
  }
}

export interface MysqlShadowOptions {
  /** run as the URL's user when it may not create a user for the run (`--allow-superuser-shadow`) */
  allowSuperuser?: boolean;
  /** wall-clock bound per statement, ms (default 30 s) */
  timeoutMs?: number;
}

export interface Login {
  host: string;
  port: number;
  user: string;
  password: string;
  database?: string;
  /** TLS: `verify` checks the server's certificate (`?ssl=true`, `?ssl-mode=VERIFY_CA|VERIFY_IDENTITY`), else encryption only (`?ssl-mode=REQUIRED`) */
  tls?: { verify: boolean };
}

/**
 * TLS from the URL's query, the mysql client's words (MySQL 8.0 manual, 6.3.1 "Configuring MySQL to
 * Use Encrypted Connections": --ssl-mode): `ssl-mode` (or `sslmode`) REQUIRED, VERIFY_CA,
 * VERIFY_IDENTITY; `ssl=true` means VERIFY_IDENTITY. Anything else: no TLS.
 */
function tlsOf(u: URL): Login['tls'] {
  const mode = (u.searchParams.get('ssl-mode') ?? u.searchParams.get('sslmode') ?? '').toUpperCase();
  if (mode === 'REQUIRED') return { verify: false };
  if (mode === 'VERIFY_CA' || mode === 'VERIFY_IDENTITY' || /^(true|1)$/i.test(u.searchParams.get('ssl') ?? ''))
    return { verify: true };
  return undefined;
}

/** `mysql://user:pw@host:port/db` (or `mariadb://`) as connection settings; throws a setup error otherwise. */
export function parseMysqlUrl(url: string): Login {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new MysqlShadowSetupError(
      `--shadow-url is not a URL: ${redact(url)}. Give it as mysql://user:password@host:3306/database (percent-encode @ : / in the password).`,
    );
  }
  if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:')
    throw new MysqlShadowSetupError(`--shadow-url must start with mysql:// or mariadb:// (got ${u.protocol}//)`);
  const dec = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const database = dec(u.pathname.replace(/^\//, ''));
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost',
    port: u.port ? Number(u.port) : 3306,
    user: dec(u.username) || 'root',
    password: dec(u.password),
    ...(database ? { database } : {}),
    ...(tlsOf(u) ? { tls: tlsOf(u) } : {}),
  };
}

/** Connection settings every connection of the shadow shares: no LOCAL INFILE, one statement per call. */
export async function connect(login: Login, database: string | undefined): Promise<mysql.Connection> {
  // loaded on first use: the driver and its character tables are a third of the bundle, and only a MySQL shadow needs them
  const { default: driver } = await import('mysql2/promise');
  return driver.createConnection({
    host: login.host,
    port: login.port,
    user: login.user,
    password: login.password,
    ...(database ? { database } : {}),
    ...(login.tls ? { ssl: { rejectUnauthorized: login.tls.verify } } : {}),
    multipleStatements: false,
    // the client never offers LOCAL INFILE, so `LOAD DATA LOCAL` cannot read a file on this machine.
    // mysql2 also asks by default for IGNORE_SPACE (it lands in the session's sql_mode and makes function
    // names reserved) and FOUND_ROWS (ROW_COUNT() counts matched rows, not changed ones): the mysql client
    // and the migration tools' drivers ask for neither, so the migrations see the server as they would
    flags: ['-LOCAL_FILES', '-MULTI_STATEMENTS', '-IGNORE_SPACE', '-FOUND_ROWS'],
    infileStreamFactory: () => {
      throw new Error('LOAD DATA LOCAL INFILE is disabled on the shadow');
    },
    // the migrations may SET sql_mode = 'NO_BACKSLASH_ESCAPES': parameters (names read from them) must stay data
    // either way. mysql2 follows the server's status flag too; this makes it independent of that
    noBackslashEscapes: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    connectTimeout: 10_000,
  });
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<undefined>((r) => {
    timer = setTimeout(() => r(undefined), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** Where the server shows metadata locks, if anywhere. */
export type LockSource = 'performance_schema' | 'metadata_lock_info' | 'none';

/**
 * Where the server shows metadata locks: MySQL's performance_schema.metadata_locks (on by default
 * since 8.0), or MariaDB's information_schema.METADATA_LOCK_INFO from the metadata_lock_info plugin
 * (MariaDB KB "METADATA_LOCK_INFO"); MariaDB 10.5+ also has performance_schema.metadata_locks when
 * performance_schema is on.
 */
export async function lockSourceOf(admin: mysql.Connection): Promise<LockSource> {
  try {
    const [ps] = await admin.query(
      `SELECT @@performance_schema AS on_,
              (SELECT COUNT(*) FROM performance_schema.setup_instruments
                WHERE NAME = 'wait/lock/metadata/sql/mdl' AND ENABLED = 'YES') AS mdl`,
    );
    const r = (ps as { on_: number; mdl: number | string }[])[0];
    if (r && Number(r.on_) === 1 && Number(r.mdl) > 0) return 'performance_schema';
  } catch {
    // no performance_schema: try the plugin
  }
  try {
    const [pl] = await admin.query(
      `SELECT COUNT(*) AS n FROM information_schema.PLUGINS WHERE PLUGIN_NAME = 'METADATA_LOCK_INFO' AND PLUGIN_STATUS = 'ACTIVE'`,
    );
    if (Number((pl as { n: number | string }[])[0]?.n) > 0) return 'metadata_lock_info';
  } catch {
    // nothing to read
  }
  return 'none';
}
