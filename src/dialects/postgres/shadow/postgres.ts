/**
 * A real PostgreSQL server as the shadow: zerodown creates a fresh, uniquely
 * named database for the run and drops it afterwards, so it never touches
 * existing data.
 *
 * The pull request's SQL is untrusted, and the URL's role is often a
 * superuser. So the migration connection logs in as a role made for the run
 * (`zerodown_run_<random>`: no superuser, no CREATEDB, no CREATEROLE, no
 * replication, no BYPASSRLS, member of nothing) that owns the throwaway
 * database and nothing else: it cannot run server programs, touch server
 * files, or create, alter or drop other databases or roles. A new login, not
 * SET ROLE, which the SQL could undo with RESET ROLE. The URL's role (the
 * admin connection) only creates and drops the role and the database, and
 * samples locks. When the URL's role may not create roles, zerodown runs as
 * that role if it is harmless itself, else refuses unless told to accept the
 * risk (`allowSuperuser`).
 *
 * Every statement is bounded in time: a client-side timer, then
 * pg_cancel_backend from the admin connection, then pg_terminate_backend if the
 * statement has not stopped a second later. The migration's own SQL can
 * `SET statement_timeout = 0`, so the server setting (made a little longer than
 * the timer) is only a backstop for when zerodown itself is killed.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { displayConnection as redact, registerSecret, registerSecretUrl } from '../../../secrets.js';
import type { EngineLimit, Shadow, ShadowStop, SideConnection } from '../../../shadow/driver.js';
import { majorVersion, ShadowStoppedError, timeoutMsOf, toSqlError, withinBound } from '../../../shadow/driver.js';
import { trackShadow, untrackShadow } from '../../../shadow/registry.js';
import { postgresProbes } from './probes.js';
import { quoteIdent } from '../util.js';
import { pgClient } from '../pg-driver.js';

export class ShadowSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShadowSetupError';
  }
}

function withDatabase(url: string, database: string, login?: { user: string; password: string }): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  if (login) {
    u.username = encodeURIComponent(login.user);
    u.password = encodeURIComponent(login.password);
  }
  return u.toString();
}

/** Predefined roles that reach outside the database: programs and files on the server. */
const OUTSIDE_ROLES = ['pg_execute_server_program', 'pg_read_server_files', 'pg_write_server_files'];

export interface PostgresShadowOptions {
  /**
   * When the URL's role may not create roles and is itself powerful (superuser, or a member of
   * pg_execute_server_program / pg_read_server_files / pg_write_server_files): run as it anyway
   * (`--allow-superuser-shadow`). Default: refuse.
   */
  allowSuperuser?: boolean;
  /** wall-clock bound per statement, ms (default 30 s) */
  timeoutMs?: number;
}

/** A connection-level failure (the server went away, the backend was terminated), not an SQL error. */
function connectionLost(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code !== 'string' || /^(08|57)/.test(code);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<undefined>((r) => {
    timer = setTimeout(() => r(undefined), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

function quiet(client: pg.Client): pg.Client {
  // notices (e.g. "relation already exists, skipping") are not errors; drop them
  client.on('notice', () => {});
  client.on('error', () => {});
  return client;
}

export class PostgresShadow implements Shadow {
  readonly kind = 'postgresql' as const;
  readonly probes = postgresProbes;
  readonly boot = 'database';
  readonly limits: EngineLimit[] = [];
  engine = 'postgresql';
  serverVersion = 0;
  /** name of the throwaway database */
  readonly database: string;
  /** the role the migration connection logs in as: made for this run, or the URL's own role when none could be made */
  runRole = '';
  /** true when `runRole` was created for this run (and is dropped on close) */
  ownRunRole = false;
  private closing?: Promise<void>;
  private available = new Set<string>();
  private rolesBefore = new Set<string>();
  /** role names that statements sent to this shadow create (CREATE ROLE/USER/GROUP, also inside DO blocks) */
  private rolesMentioned = new Set<string>();
  readonly timeoutMs: number;
  stopped?: ShadowStop;
  /** backend pid of the shadow connection (what pg_cancel_backend / pg_terminate_backend stop) */
  private pid = 0;
  /** the statement running now, settled either way */
  private running?: Promise<unknown>;

  private constructor(
    private readonly adminUrl: string,
    private admin: pg.Client,
    private client: pg.Client,
    database: string,
    timeoutMs: number,
  ) {
    this.database = database;
    this.timeoutMs = timeoutMs;
  }

  static async open(url: string, opts: PostgresShadowOptions = {}): Promise<PostgresShadow> {
    registerSecretUrl(url); // its password never reaches an output, whatever fails below
    const timeoutMs = opts.timeoutMs ?? timeoutMsOf();
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ShadowSetupError(
        `--shadow-url is not a URL: ${redact(url)}. Give it as postgres://user:password@host:port/database (percent-encode @ : / in the password).`,
      );
    }
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
      throw new ShadowSetupError(`--shadow-url must start with postgres:// (got ${parsed.protocol}//)`);
    }
    let admin: pg.Client;
    try {
      // inside the try: the driver reads `sslcert=`/`sslkey=` files while it parses the URL, and may throw there
      admin = quiet(await pgClient({ connectionString: url }));
      await admin.connect();
    } catch (err) {
      throw new ShadowSetupError(`cannot connect to the shadow server ${redact(url)}: ${(err as Error).message}`);
    }
    const fail = async (message: string): Promise<never> => {
      await admin.end().catch(() => {});
      throw new ShadowSetupError(message);
    };
    // what the URL's role may do: make a run role, or is it harmless itself?
    let power: { name: string; super: boolean; createrole: boolean; outside: string[] };
    try {
      const r = await admin.query(
        `SELECT current_user AS name, r.rolsuper AS super, r.rolcreaterole AS createrole,
                ARRAY(SELECT g.rolname::text FROM pg_roles g
                       WHERE g.rolname = ANY ($1::text[]) AND pg_has_role(current_user, g.oid, 'MEMBER')
                       ORDER BY g.rolname) AS outside
           FROM pg_roles r WHERE r.rolname = current_user`,
        [OUTSIDE_ROLES],
      );
      power = r.rows[0];
    } catch (err) {
      return fail(`cannot read the role of ${redact(url)}: ${(err as Error).message}`);
    }
    const who = /^[a-z_][a-z0-9_$]*$/.test(power.name) ? power.name : quoteIdent(power.name);
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const database = `zerodown_shadow_${stamp}_${randomBytes(4).toString('hex')}`;
    let login: { user: string; password: string } | undefined;
    let note: string | undefined;
    if (power.super || power.createrole) {
      login = { user: `zerodown_run_${randomBytes(6).toString('hex')}`, password: randomBytes(24).toString('hex') };
      registerSecret(login.password);
      try {
        await admin.query(
          `CREATE ROLE ${login.user} LOGIN PASSWORD '${login.password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`,
        );
        // a non-superuser must be a member of a role to create a database it owns and to end its sessions
        if (!power.super) await admin.query(`GRANT ${login.user} TO CURRENT_USER`);
      } catch (err) {
        await admin.query(`DROP ROLE IF EXISTS ${login.user}`).catch(() => {});
        return fail(`cannot create the run role on ${redact(url)}: ${(err as Error).message}`);
      }
    } else if (!power.outside.length) {
      note =
        `the shadow runs as your role "${power.name}" itself: it may not create roles (CREATEROLE), so zerodown cannot make ` +
        `a separate role for the run. That role is not a superuser and cannot reach server programs or files, ` +
        `but the migrations can touch whatever else it may.`;
    } else if (opts.allowSuperuser) {
      note =
        `the shadow runs as your role "${power.name}" (--allow-superuser-shadow), a member of ${power.outside.join(', ')}: ` +
        `only zerodown's refusal of outside-reaching statements stands between the pull request's SQL and the server.`;
    } else {
      return fail(
        `role "${power.name}" of --shadow-url is a member of ${power.outside.join(', ')}, and it may not create roles, so ` +
          `zerodown cannot run the migrations as a separate unprivileged role: the pull request's SQL could run programs or ` +
          `read and write files on the database server. Grant it CREATEROLE (\`ALTER ROLE ${who} CREATEROLE\`) so zerodown ` +
          `makes a throwaway role per run, use a role that is not a superuser and has none of ${OUTSIDE_ROLES.join(', ')}, ` +
          `or pass --allow-superuser-shadow to accept the risk.`,
      );
    }
    const dropRunRole = async () => {
      if (login) await admin.query(`DROP ROLE IF EXISTS ${login.user}`).catch(() => {});
    };
    try {
      await admin.query(
        `CREATE DATABASE ${quoteIdent(database)}${login ? ` OWNER ${login.user}` : ''} TEMPLATE template0`,
      );
    } catch (err) {
      const e = toSqlError(err);
      await dropRunRole();
      if (e.code === '42501') {
        return fail(
          `role "${power.name}" may not create databases, and zerodown needs a throwaway database for the shadow run. ` +
            `Grant it with \`ALTER ROLE ${who} CREATEDB\`, use another role, or drop --shadow-url to use the embedded PGlite shadow.`,
        );
      }
      return fail(`cannot create the shadow database on ${redact(url)}: ${e.message}`);
    }
    const client = quiet(
      await pgClient({
        connectionString: withDatabase(url, database, login),
        // backstop only (zerodown killed mid-statement): the timer below stops the statement first, and the
        // migration may reset it. Over a minute, so a plan's backfill does not take it for a database default it
        // must wait out first (src/plan/backfill.ts waits out statement_timeouts of up to a minute)
        statement_timeout: Math.max(timeoutMs + 5_000, 65_000),
      }),
    );
    const shadow = new PostgresShadow(url, admin, client, database, timeoutMs);
    trackShadow(shadow);
    shadow.runRole = login?.user ?? power.name;
    shadow.ownRunRole = !!login;
    if (note) shadow.limits.push({ id: 'shadow-role', subject: power.name, message: note });
    try {
      await client.connect();
      const [p] = await shadow.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      shadow.pid = Number(p!.pid);
      const [v] = await shadow.query<{ server_version: string }>('SHOW server_version');
      shadow.serverVersion = majorVersion(v!.server_version);
      shadow.engine = `postgresql ${v!.server_version.split(' ')[0]}`;
      const ext = await shadow.query<{ name: string }>('SELECT name FROM pg_available_extensions');
      shadow.available = new Set(ext.map((r) => r.name));
      const roles = await shadow.query<{ rolname: string }>('SELECT rolname FROM pg_roles');
      shadow.rolesBefore = new Set(roles.map((r) => r.rolname));
    } catch (err) {
      await shadow.close();
      const how = login
        ? ` (zerodown logs in as the run role "${login.user}" with a password: pg_hba.conf must let any role connect to that database with password, md5 or scram-sha-256 authentication, or trust)`
        : '';
      throw new ShadowSetupError(`cannot use the shadow database ${database}: ${(err as Error).message}${how}`);
    }
    return shadow;
  }

  extensionAvailable(name: string): boolean {
    return this.available.has(name);
  }

  async exec(sql: string): Promise<void> {
    if (/create\s+(role|user|group)\b/i.test(sql)) {
      for (const m of sql.matchAll(/create\s+(?:role|user|group)\s+(?:"((?:[^"]|"")+)"|([a-z_][\w$]*))/gi)) {
        this.rolesMentioned.add(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!.toLowerCase());
      }
    }
    await this.bounded(this.client.query(sql), sql);
  }

  async query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]> {
    const r = await this.bounded(this.client.query(sql, params as any[] | undefined), sql);
    // a multi-statement string returns one result per statement
    return (Array.isArray(r) ? (r.at(-1)?.rows ?? []) : r.rows) as T[];
  }

  /** Runs one call within the time bound; past it, the backend is cancelled, then terminated. */
  private async bounded<T>(work: Promise<T>, sql: string): Promise<T> {
    if (this.stopped) {
      work.catch(() => {});
      throw new ShadowStoppedError(`a statement overran ${this.stopped.seconds} s`);
    }
    const settled = work.then(
      () => {},
      () => {},
    );
    this.running = settled;
    try {
      return await withinBound(work, this.timeoutMs, sql, async () => {
        this.stopped = { seconds: this.timeoutMs / 1000, sql: sql.slice(0, 200) };
        await this.stopBackend(settled);
      });
    } finally {
      if (this.running === settled) this.running = undefined;
    }
  }

  /** Stops the statement running on the shadow connection: a cancel first, then terminate. */
  private async stopBackend(settled: Promise<unknown>): Promise<void> {
    const within = (ms: number) =>
      withTimeout(
        settled.then(() => true),
        ms,
      );
    await this.adminQuery('SELECT pg_cancel_backend($1)', [this.pid]).catch(() => {});
    if (await within(1_000)) return;
    await this.adminQuery('SELECT pg_terminate_backend($1)', [this.pid]).catch(() => {});
    await within(1_000);
  }

  async openSideConnection(): Promise<SideConnection> {
    const side = quiet(await pgClient({ connectionString: withDatabase(this.adminUrl, this.database) }));
    await side.connect();
    return {
      query: async <T = Record<string, any>>(sql: string, params?: unknown[]) =>
        (await side.query(sql, params as any[] | undefined)).rows as T[],
      close: () => side.end().catch(() => {}),
    };
  }

  /**
   * Drops the throwaway database, the run role and the roles statements of this run created.
   * Idempotent (a second call waits for the first), and works when the migration connection is
   * broken or still busy: the run's sessions are terminated from the admin connection first.
   */
  close(): Promise<void> {
    untrackShadow(this);
    this.closing ??= this.cleanup();
    return this.closing;
  }

  /** Runs a cleanup query on the admin connection, reconnecting once if that connection was lost. */
  private async adminQuery(sql: string, params?: unknown[]): Promise<pg.QueryResult> {
    try {
      return await this.admin.query(sql, params as any[] | undefined);
    } catch (err) {
      if (!connectionLost(err)) throw err;
      await this.admin.end().catch(() => {});
      this.admin = quiet(await pgClient({ connectionString: this.adminUrl }));
      await this.admin.connect();
      return this.admin.query(sql, params as any[] | undefined);
    }
  }

  private async cleanup(): Promise<void> {
    try {
      // end the run's sessions, whatever they are doing, so nothing keeps the database or the role in use
      await this.adminQuery(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE pid <> pg_backend_pid() AND (datname = $1 OR ($2 AND usename = $3))`,
        [this.database, this.ownRunRole, this.runRole],
      ).catch(() => {});
      await withTimeout(
        this.client.end().catch(() => {}),
        2000,
      );
      // roles created by the migrations (cluster-wide objects) go too: only those new since the
      // start AND named in a CREATE ROLE sent to this shadow (other sessions may create roles meanwhile)
      let newRoles: string[] = [];
      if (this.rolesMentioned.size) {
        const roles = await this.adminQuery('SELECT rolname FROM pg_roles').catch(() => undefined);
        newRoles = (roles?.rows ?? [])
          .map((r: { rolname: string }) => r.rolname)
          .filter((r) => !this.rolesBefore.has(r) && this.rolesMentioned.has(r));
      }
      await dropDatabase((sql) => this.adminQuery(sql), this.database, this.serverVersion);
      if (this.ownRunRole) await this.adminQuery(`DROP ROLE IF EXISTS ${quoteIdent(this.runRole)}`);
      for (const role of newRoles) await this.adminQuery(`DROP ROLE IF EXISTS ${quoteIdent(role)}`).catch(() => {});
    } finally {
      await this.admin.end().catch(() => {});
    }
  }
}

async function dropDatabase(
  query: (sql: string) => Promise<unknown>,
  database: string,
  version: number,
): Promise<void> {
  // version 0: the server version was never read (setup failed); FORCE needs 13+
  const force = version >= 13 ? ' WITH (FORCE)' : '';
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await query(`DROP DATABASE IF EXISTS ${quoteIdent(database)}${force}`);
      return;
    } catch (err) {
      // 55006: still in use (a side connection closing); retry shortly
      if (toSqlError(err).code !== '55006' || attempt === 4) throw err;
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
    }
  }
}
