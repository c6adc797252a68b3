/**
 * A real MySQL or MariaDB server as the shadow (`--shadow-url mysql://…` or `mariadb://…`).
 *
 * zerodown creates a fresh database `zerodown_<random>` for the run and drops it afterwards, so it
 * never touches existing data. The pull request's SQL is untrusted and the URL's user is often
 * root, so the migrations run as a user made for the run (`zerodown_<random>`@<the URL user's
 * host>, random password) that holds privileges on the throwaway database only: no FILE, SUPER,
 * PROCESS or any other global privilege, no other database (MySQL 8.0 reference manual, "Privileges
 * Provided by MySQL": database-level ALL covers no administrative privilege). The URL's user (the
 * admin connection) only creates and drops the user and the database, reads metadata locks and
 * stops runaway statements. When it may not create users, zerodown refuses unless told to accept
 * the risk (`allowSuperuser`), and then runs as the URL's user in the throwaway database.
 *
 * Client side, both connections have LOCAL INFILE off (the `LOCAL_FILES` capability is not
 * offered, and no file stream is ever opened) and multiple statements off.
 *
 * Every statement is bounded in time: a client-side timer, then `KILL QUERY <id>` from the admin
 * connection, then `KILL <id>` if it has not stopped a second later. On MariaDB the session's
 * `max_statement_time` (a little longer than the timer) is a backstop for when zerodown itself is
 * killed; the migration may reset it.
 */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { displayConnection as redact, registerSecret, registerSecretUrl } from '../../../secrets.js';
import type { EngineLimit, Shadow, ShadowStop, SideConnection } from '../../../shadow/driver.js';
import { ShadowStoppedError, timeoutMsOf, withinBound } from '../../../shadow/driver.js';
import type { ShadowProbes } from '../../../shadow/probes.js';
import { trackShadow, untrackShadow } from '../../../shadow/registry.js';
import type { ServerVersion } from '../ast.js';
import { normaliseError, parseServerVersion, quoteMyIdent, quoteMyLiteral } from './util.js';

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

interface Login {
  host: string;
  port: number;
  user: string;
  password: string;
  database?: string;
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
  };
}

/** Connection settings every connection of the shadow shares: no LOCAL INFILE, one statement per call. */
function connect(login: Login, database: string | undefined): Promise<mysql.Connection> {
  return mysql.createConnection({
    host: login.host,
    port: login.port,
    user: login.user,
    password: login.password,
    ...(database ? { database } : {}),
    multipleStatements: false,
    // the client never offers LOCAL INFILE, so `LOAD DATA LOCAL` cannot read a file on this machine
    flags: ['-LOCAL_FILES', '-MULTI_STATEMENTS'],
    infileStreamFactory: () => {
      throw new Error('LOAD DATA LOCAL INFILE is disabled on the shadow');
    },
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    connectTimeout: 10_000,
  });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<undefined>((r) => {
    timer = setTimeout(() => r(undefined), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** A throwaway database on a MySQL or MariaDB server, and the user the migrations run as. */
export class MysqlShadow implements Shadow {
  readonly kind = 'mysql' as const;
  readonly boot = 'database';
  readonly limits: EngineLimit[] = [];
  engine = 'mysql';
  /** the server's version as the dialect encodes versions (major*10000 + minor*100 + patch: 10.11.19 → 101119, ../version.ts) */
  serverVersion = 0;
  /** flavor and full version from `SELECT VERSION()` */
  server: ServerVersion = { flavor: 'mysql', major: 0, minor: 0, patch: 0 };
  /** `SELECT VERSION()` as the server says it */
  versionText = '';
  /** the user the migrations run as, `'name'@'host'` */
  runUser = '';
  /** true when the run user was created for this run (and is dropped on close) */
  ownRunUser = false;
  readonly timeoutMs: number;
  stopped?: ShadowStop;
  /** the run connection's id (what KILL QUERY stops, what metadata locks are read for) */
  connectionId = 0;
  /** whether the server shows metadata locks, and where */
  lockSource: 'performance_schema' | 'metadata_lock_info' | 'none' = 'none';
  private closing?: Promise<void>;
  /** calls in flight: close() ends them (a destroyed connection does not always fail its query) */
  private readonly pending = new Set<(err: Error) => void>();

  private constructor(
    readonly probes: ShadowProbes,
    private readonly adminLogin: Login,
    private admin: mysql.Connection,
    private client: mysql.Connection | undefined,
    /** name of the throwaway database */
    readonly database: string,
    timeoutMs: number,
  ) {
    this.timeoutMs = timeoutMs;
  }

  /** Opens a fresh database on the server at `url`, with a user for the run. */
  static async open(url: string, probes: ShadowProbes, opts: MysqlShadowOptions = {}): Promise<MysqlShadow> {
    registerSecretUrl(url); // its password never reaches an output, whatever fails below
    const login = parseMysqlUrl(url);
    registerSecret(login.password);
    const timeoutMs = opts.timeoutMs ?? timeoutMsOf();
    let admin: mysql.Connection;
    try {
      admin = await connect(login, undefined);
    } catch (err) {
      throw new MysqlShadowSetupError(`cannot connect to the shadow server ${redact(url)}: ${(err as Error).message}`);
    }
    const fail = async (message: string): Promise<never> => {
      await admin.end().catch(() => admin.destroy());
      throw new MysqlShadowSetupError(message);
    };
    let version: string;
    let me: string;
    try {
      const [rows] = await admin.query('SELECT VERSION() AS v, CURRENT_USER() AS u');
      const r = (rows as { v: string; u: string }[])[0]!;
      version = r.v;
      me = r.u;
    } catch (err) {
      return fail(`cannot read the version of ${redact(url)}: ${(err as Error).message}`);
    }
    const host = me.slice(me.lastIndexOf('@') + 1);
    const database = `zerodown_${randomBytes(8).toString('hex')}`;
    const shadow = new MysqlShadow(probes, login, admin, undefined, database, timeoutMs);
    shadow.versionText = version;
    shadow.server = parseServerVersion(version);
    shadow.serverVersion = shadow.server.major * 10000 + shadow.server.minor * 100 + shadow.server.patch;
    shadow.engine = `${shadow.server.flavor} ${shadow.server.major}.${shadow.server.minor}.${shadow.server.patch}`;
    trackShadow(shadow);
    try {
      await admin.query(`CREATE DATABASE ${quoteMyIdent(database)}`);
    } catch (err) {
      await shadow.close();
      const e = normaliseError(err);
      throw new MysqlShadowSetupError(
        `cannot create the throwaway database on ${redact(url)}: ${e.message}. zerodown needs CREATE on *.* (or on zerodown\\_%.*) for its shadow run.`,
      );
    }
    const run: Login = { ...login, user: `zerodown_${randomBytes(8).toString('hex')}`, password: randomBytes(24).toString('hex') };
    registerSecret(run.password);
    const account = `${quoteMyLiteral(run.user)}@${quoteMyLiteral(host)}`;
    let runLogin = run;
    try {
      await admin.query(`CREATE USER ${account} IDENTIFIED BY ${quoteMyLiteral(run.password)} WITH MAX_USER_CONNECTIONS 4`);
      shadow.ownRunUser = true;
      shadow.runUser = account;
      await admin.query(`GRANT ALL PRIVILEGES ON ${quoteMyIdent(database)}.* TO ${account}`);
    } catch (err) {
      const e = normaliseError(err);
      if (shadow.ownRunUser) {
        await shadow.close();
        throw new MysqlShadowSetupError(`cannot grant the run user its database on ${redact(url)}: ${e.message}`);
      }
      if (!opts.allowSuperuser) {
        await shadow.close();
        throw new MysqlShadowSetupError(
          `user ${me} of --shadow-url may not create users (${e.message}), so zerodown cannot run the migrations as a ` +
            `separate user limited to the throwaway database: the pull request's SQL would run with all of ${me}'s ` +
            `privileges (other databases, FILE, SUPER…). Grant it CREATE USER and GRANT OPTION (\`GRANT CREATE USER ON *.* ` +
            `TO …; GRANT ALL ON \`zerodown\\_%\`.* TO … WITH GRANT OPTION\`), or pass --allow-superuser-shadow to accept the risk.`,
        );
      }
      runLogin = login;
      shadow.runUser = me;
      shadow.limits.push({
        id: 'shadow-role',
        subject: me,
        message:
          `the shadow runs as your user ${me} itself (--allow-superuser-shadow): it may not create users, so only ` +
          `zerodown's refusal of outside-reaching statements stands between the pull request's SQL and the server.`,
      });
    }
    try {
      shadow.client = await connect(runLogin, database);
      const [rows] = await shadow.client.query('SELECT CONNECTION_ID() AS id');
      shadow.connectionId = Number((rows as { id: number }[])[0]!.id);
      if (shadow.server.flavor === 'mariadb') {
        // backstop only (zerodown killed mid-statement); seconds
        await shadow.client.query(`SET SESSION max_statement_time = ${Math.ceil(timeoutMs / 1000) + 5}`);
      }
      shadow.lockSource = await lockSourceOf(admin);
      if (shadow.lockSource === 'none')
        shadow.limits.push({
          id: 'metadata-locks-invisible',
          subject: shadow.engine,
          message:
            shadow.server.flavor === 'mariadb'
              ? `this MariaDB shows no metadata locks (performance_schema is off and the metadata_lock_info plugin is not loaded): the dry run reports algorithms and times, not locks (INSTALL SONAME 'metadata_lock_info' on the shadow server to see them)`
              : `this MySQL shows no metadata locks (performance_schema is off, or its wait/lock/metadata/sql/mdl instrument is disabled): the dry run reports algorithms and times, not locks`,
        });
    } catch (err) {
      await shadow.close();
      throw new MysqlShadowSetupError(
        `cannot use the shadow database ${database} as ${shadow.runUser}: ${normaliseError(err).message}`,
      );
    }
    return shadow;
  }

  extensionAvailable(): boolean | undefined {
    return undefined;
  }

  async exec(sql: string): Promise<void> {
    await this.bounded((c) => c.query(sql), sql);
  }

  async query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]> {
    const [rows] = await this.bounded((c) => c.query(sql, params), sql);
    return (Array.isArray(rows) ? rows : []) as T[];
  }

  /** Runs a query on the admin connection (the URL's user): metadata locks, probes' reads the run user may not make. */
  async adminQuery<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]> {
    const [rows] = await this.admin.query(sql, params);
    return (Array.isArray(rows) ? rows : []) as T[];
  }

  /** Runs one call within the time bound; past it, the statement is killed (KILL QUERY, then KILL). */
  private async bounded<T>(call: (c: mysql.Connection) => Promise<T>, sql: string): Promise<T> {
    if (this.stopped) throw new ShadowStoppedError(`a statement overran ${this.stopped.seconds} s`);
    const client = this.client;
    if (!client) throw new ShadowStoppedError('the shadow is closed');
    let abandon!: (err: Error) => void;
    const closed = new Promise<never>((_, reject) => {
      abandon = reject;
    });
    this.pending.add(abandon);
    const work = Promise.race([call(client), closed])
      .catch((err) => {
        throw normaliseError(err);
      })
      .finally(() => this.pending.delete(abandon));
    const settled = work.then(
      () => true,
      () => true,
    );
    return withinBound(work, this.timeoutMs, sql, async () => {
      this.stopped = { seconds: this.timeoutMs / 1000, sql: sql.slice(0, 200) };
      await this.admin.query(`KILL QUERY ${this.connectionId}`).catch(() => {});
      if (await withTimeout(settled, 1_000)) return;
      await this.admin.query(`KILL ${this.connectionId}`).catch(() => {});
      await withTimeout(settled, 1_000);
    });
  }

  /** A second connection to the throwaway database as the URL's user: reads the run connection's metadata locks. */
  async openSideConnection(): Promise<SideConnection> {
    const side = await connect(this.adminLogin, this.database);
    return {
      query: async <T = Record<string, any>>(sql: string, params?: unknown[]) => {
        const [rows] = await side.query(sql, params);
        return (Array.isArray(rows) ? rows : []) as T[];
      },
      close: () => side.end().catch(() => side.destroy()),
    };
  }

  /**
   * Drops the throwaway database and the run user. Idempotent (a second call waits for the
   * first), and works when the run connection is broken or busy: the run user's sessions are
   * killed from the admin connection first.
   */
  close(): Promise<void> {
    untrackShadow(this);
    this.closing ??= this.cleanup();
    return this.closing;
  }

  private async adminRetry(sql: string): Promise<void> {
    try {
      await this.admin.query(sql);
    } catch (err) {
      const e = err as { fatal?: boolean };
      if (!e.fatal) throw err;
      this.admin.destroy();
      this.admin = await connect(this.adminLogin, undefined);
      await this.admin.query(sql);
    }
  }

  private async cleanup(): Promise<void> {
    try {
      const ids = new Set<number>(this.connectionId ? [this.connectionId] : []);
      if (this.ownRunUser) {
        const name = this.runUser.slice(1, this.runUser.indexOf("'", 1));
        const rows = await this.adminQuery<{ id: number }>(
          'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE USER = ?',
          [name],
        ).catch(() => []);
        for (const r of rows) ids.add(Number(r.id));
      }
      for (const id of ids) await this.admin.query(`KILL ${id}`).catch(() => {});
      this.client?.destroy();
      this.client = undefined;
      for (const abandon of this.pending) abandon(new ShadowStoppedError('the shadow was closed'));
      await this.adminRetry(`DROP DATABASE IF EXISTS ${quoteMyIdent(this.database)}`);
      if (this.ownRunUser) await this.adminRetry(`DROP USER IF EXISTS ${this.runUser}`);
    } finally {
      await withTimeout(
        this.admin.end().catch(() => this.admin.destroy()),
        2_000,
      );
    }
  }
}

/**
 * Where the server shows metadata locks: MySQL's performance_schema.metadata_locks (on by default
 * since 8.0), or MariaDB's information_schema.METADATA_LOCK_INFO from the metadata_lock_info plugin
 * (MariaDB KB "METADATA_LOCK_INFO"); MariaDB 10.5+ also has performance_schema.metadata_locks when
 * performance_schema is on.
 */
async function lockSourceOf(admin: mysql.Connection): Promise<MysqlShadow['lockSource']> {
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
