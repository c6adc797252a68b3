/**
 * A real PostgreSQL server as the shadow: zerodown creates a fresh, uniquely
 * named database for the run and drops it afterwards, so it never touches
 * existing data. Roles are cluster-wide, so roles the migrations create are
 * dropped again on close (only those that did not exist before the run and
 * that a statement of this run created).
 *
 * Every statement is bounded in time: a client-side timer, then
 * pg_cancel_backend from the admin connection, then pg_terminate_backend if the
 * statement has not stopped a second later. The migration's own SQL can
 * `SET statement_timeout = 0`, so the server setting (made a little longer than
 * the timer) is only a backstop for when zerodown itself is killed.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { displayConnection as redact, registerSecretUrl } from '../secrets.js';
import type { EngineLimit, Shadow, ShadowStop, SideConnection } from './driver.js';
import { majorVersion, ShadowStoppedError, timeoutMsOf, toSqlError, withinBound } from './driver.js';
import { trackShadow, untrackShadow } from './registry.js';

export class ShadowSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShadowSetupError';
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

function quiet(client: pg.Client): pg.Client {
  // notices (e.g. "relation already exists, skipping") are not errors; drop them
  client.on('notice', () => {});
  client.on('error', () => {});
  return client;
}

export class PostgresShadow implements Shadow {
  readonly kind = 'postgresql' as const;
  readonly boot = 'database';
  readonly limits: EngineLimit[] = [];
  engine = 'postgresql';
  serverVersion = 0;
  /** name of the throwaway database */
  readonly database: string;
  private closed = false;
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
    private readonly admin: pg.Client,
    private client: pg.Client,
    database: string,
    timeoutMs: number,
  ) {
    this.database = database;
    this.timeoutMs = timeoutMs;
  }

  static async open(url: string, opts: { timeoutMs?: number } = {}): Promise<PostgresShadow> {
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
      admin = quiet(new pg.Client({ connectionString: url }));
      await admin.connect();
    } catch (err) {
      throw new ShadowSetupError(`cannot connect to the shadow server ${redact(url)}: ${(err as Error).message}`);
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const database = `zerodown_shadow_${stamp}_${randomBytes(4).toString('hex')}`;
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE template0`);
    } catch (err) {
      const e = toSqlError(err);
      await admin.end().catch(() => {});
      if (e.code === '42501') {
        const who = parsed.username ? decodeURIComponent(parsed.username) : 'the connecting role';
        throw new ShadowSetupError(
          `role "${who}" may not create databases, and zerodown needs a throwaway database for the shadow run. ` +
            `Grant it with \`ALTER ROLE ${/^[a-z_][a-z0-9_$]*$/.test(who) ? who : quoteIdent(who)} CREATEDB\`, use another role, or drop --shadow-url to use the embedded PGlite shadow.`,
        );
      }
      throw new ShadowSetupError(`cannot create the shadow database on ${redact(url)}: ${e.message}`);
    }
    const client = quiet(
      new pg.Client({
        connectionString: withDatabase(url, database),
        // backstop only: the timer below stops the statement first, and the migration may reset it
        statement_timeout: timeoutMs + 5_000,
      }),
    );
    const shadow = new PostgresShadow(url, admin, client, database, timeoutMs);
    trackShadow(shadow);
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
      throw new ShadowSetupError(`cannot use the shadow database ${database}: ${(err as Error).message}`);
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
        await this.stopBackend(settled, true);
      });
    } finally {
      if (this.running === settled) this.running = undefined;
    }
  }

  /** Stops the statement running on the shadow connection: a cancel first (when `gently`), then terminate. */
  private async stopBackend(settled: Promise<unknown>, gently: boolean): Promise<void> {
    const within = (ms: number) =>
      Promise.race([settled.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
    if (gently) {
      await this.admin.query('SELECT pg_cancel_backend($1)', [this.pid]).catch(() => {});
      if (await within(1_000)) return;
    }
    await this.admin.query('SELECT pg_terminate_backend($1)', [this.pid]).catch(() => {});
    await within(1_000);
  }

  async openSideConnection(): Promise<SideConnection> {
    const side = quiet(new pg.Client({ connectionString: withDatabase(this.adminUrl, this.database) }));
    await side.connect();
    return {
      query: async <T = Record<string, any>>(sql: string, params?: unknown[]) =>
        (await side.query(sql, params as any[] | undefined)).rows as T[],
      close: () => side.end().catch(() => {}),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    untrackShadow(this);
    // a statement still running (Ctrl-C): stop it, or the connection stays busy and the drop waits
    if (this.running && this.pid) await this.stopBackend(this.running, false);
    // roles created by the migrations (cluster-wide objects) go too
    let newRoles: string[] = [];
    try {
      // on the admin connection: the shadow's may be gone (stopped statement) or in a failed transaction
      const roles = (await this.admin.query<{ rolname: string }>('SELECT rolname FROM pg_roles')).rows;
      // only roles this run created: new since the start AND named in a CREATE ROLE we sent
      newRoles = roles.map((r) => r.rolname).filter((r) => !this.rolesBefore.has(r) && this.rolesMentioned.has(r));
    } catch {
      // connection already broken
    }
    await this.client.end().catch(() => {});
    try {
      await dropDatabase(this.admin, this.database, this.serverVersion);
      for (const role of newRoles) {
        await this.admin.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`).catch(() => {});
      }
    } finally {
      await this.admin.end().catch(() => {});
    }
  }
}

async function dropDatabase(admin: pg.Client, database: string, version: number): Promise<void> {
  const force = version >= 13 ? ' WITH (FORCE)' : '';
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)}${force}`);
      return;
    } catch (err) {
      // 55006: still in use (a side connection closing); retry shortly
      if (toSqlError(err).code !== '55006' || attempt === 4) throw err;
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
    }
  }
}
