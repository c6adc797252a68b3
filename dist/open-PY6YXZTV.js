import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  pgClient
} from "./chunk-MRBN6FC7.js";
import {
  PgliteShadow,
  postgresProbes
} from "./chunk-GNBBWE34.js";
import {
  trackShadow,
  untrackShadow
} from "./chunk-JB5CXEFZ.js";
import "./chunk-NT3OVCB4.js";
import "./chunk-KLJQAZEJ.js";
import {
  ShadowStoppedError,
  majorVersion,
  timeoutMsOf,
  toSqlError,
  withinBound
} from "./chunk-SYUIUCCK.js";
import "./chunk-N5OLXBFP.js";
import "./chunk-K6RS4U4B.js";
import "./chunk-7HAOERLI.js";
import "./chunk-OQTGZYYF.js";
import {
  quoteIdent
} from "./chunk-RB5SEY6D.js";
import "./chunk-5T3UE7HX.js";
import "./chunk-IXAVB2MN.js";
import {
  displayConnection,
  registerSecret,
  registerSecretUrl
} from "./chunk-DSMXYHHG.js";
import {
  buffersFor,
  tierFor
} from "./chunk-2BY3P7E5.js";
import "./chunk-WHSIOZEN.js";
import "./chunk-XJGXLKRM.js";

// src/dialects/postgres/shadow/postgres.ts
import { randomBytes } from "node:crypto";
var ShadowSetupError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ShadowSetupError";
  }
};
function withDatabase(url, database, login) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  if (login) {
    u.username = encodeURIComponent(login.user);
    u.password = encodeURIComponent(login.password);
  }
  return u.toString();
}
var OUTSIDE_ROLES = ["pg_execute_server_program", "pg_read_server_files", "pg_write_server_files"];
function connectionLost(err) {
  const code = err?.code;
  return typeof code !== "string" || /^(08|57)/.test(code);
}
function withTimeout(p, ms) {
  let timer;
  const t = new Promise((r) => {
    timer = setTimeout(() => r(void 0), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}
function quiet(client) {
  client.on("notice", () => {
  });
  client.on("error", () => {
  });
  return client;
}
var PostgresShadow = class _PostgresShadow {
  constructor(adminUrl, admin, client, database, timeoutMs) {
    this.adminUrl = adminUrl;
    this.admin = admin;
    this.client = client;
    this.database = database;
    this.timeoutMs = timeoutMs;
  }
  adminUrl;
  admin;
  client;
  kind = "postgresql";
  probes = postgresProbes;
  boot = "database";
  limits = [];
  engine = "postgresql";
  serverVersion = 0;
  /** name of the throwaway database */
  database;
  /** the role the migration connection logs in as: made for this run, or the URL's own role when none could be made */
  runRole = "";
  /** true when `runRole` was created for this run (and is dropped on close) */
  ownRunRole = false;
  closing;
  available = /* @__PURE__ */ new Set();
  rolesBefore = /* @__PURE__ */ new Set();
  /** role names that statements sent to this shadow create (CREATE ROLE/USER/GROUP, also inside DO blocks) */
  rolesMentioned = /* @__PURE__ */ new Set();
  timeoutMs;
  stopped;
  /** backend pid of the shadow connection (what pg_cancel_backend / pg_terminate_backend stop) */
  pid = 0;
  /** the statement running now, settled either way */
  running;
  static async open(url, opts = {}) {
    registerSecretUrl(url);
    const timeoutMs = opts.timeoutMs ?? timeoutMsOf();
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      throw new ShadowSetupError(
        `--shadow-url is not a URL: ${displayConnection(url)}. Give it as postgres://user:password@host:port/database (percent-encode @ : / in the password).`
      );
    }
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
      throw new ShadowSetupError(`--shadow-url must start with postgres:// (got ${parsed.protocol}//)`);
    }
    let admin;
    try {
      admin = quiet(await pgClient({ connectionString: url }));
      await admin.connect();
    } catch (err) {
      throw new ShadowSetupError(`cannot connect to the shadow server ${displayConnection(url)}: ${err.message}`);
    }
    const fail = async (message) => {
      await admin.end().catch(() => {
      });
      throw new ShadowSetupError(message);
    };
    let power;
    try {
      const r = await admin.query(
        `SELECT current_user AS name, r.rolsuper AS super, r.rolcreaterole AS createrole,
                ARRAY(SELECT g.rolname::text FROM pg_roles g
                       WHERE g.rolname = ANY ($1::text[]) AND pg_has_role(current_user, g.oid, 'MEMBER')
                       ORDER BY g.rolname) AS outside
           FROM pg_roles r WHERE r.rolname = current_user`,
        [OUTSIDE_ROLES]
      );
      power = r.rows[0];
    } catch (err) {
      return fail(`cannot read the role of ${displayConnection(url)}: ${err.message}`);
    }
    const who = /^[a-z_][a-z0-9_$]*$/.test(power.name) ? power.name : quoteIdent(power.name);
    const stamp = (/* @__PURE__ */ new Date()).toISOString().replace(/\D/g, "").slice(0, 14);
    const database = `zerodown_shadow_${stamp}_${randomBytes(4).toString("hex")}`;
    let login;
    let note;
    if (power.super || power.createrole) {
      login = { user: `zerodown_run_${randomBytes(6).toString("hex")}`, password: randomBytes(24).toString("hex") };
      registerSecret(login.password);
      try {
        await admin.query(
          `CREATE ROLE ${login.user} LOGIN PASSWORD '${login.password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`
        );
        if (!power.super) await admin.query(`GRANT ${login.user} TO CURRENT_USER`);
      } catch (err) {
        await admin.query(`DROP ROLE IF EXISTS ${login.user}`).catch(() => {
        });
        return fail(`cannot create the run role on ${displayConnection(url)}: ${err.message}`);
      }
    } else if (!power.outside.length) {
      note = `the shadow runs as your role "${power.name}" itself: it may not create roles (CREATEROLE), so zerodown cannot make a separate role for the run. That role is not a superuser and cannot reach server programs or files, but the migrations can touch whatever else it may.`;
    } else if (opts.allowSuperuser) {
      note = `the shadow runs as your role "${power.name}" (--allow-superuser-shadow), a member of ${power.outside.join(", ")}: only zerodown's refusal of outside-reaching statements stands between the pull request's SQL and the server.`;
    } else {
      return fail(
        `role "${power.name}" of --shadow-url is a member of ${power.outside.join(", ")}, and it may not create roles, so zerodown cannot run the migrations as a separate unprivileged role: the pull request's SQL could run programs or read and write files on the database server. Grant it CREATEROLE (\`ALTER ROLE ${who} CREATEROLE\`) so zerodown makes a throwaway role per run, use a role that is not a superuser and has none of ${OUTSIDE_ROLES.join(", ")}, or pass --allow-superuser-shadow to accept the risk.`
      );
    }
    const dropRunRole = async () => {
      if (login) await admin.query(`DROP ROLE IF EXISTS ${login.user}`).catch(() => {
      });
    };
    try {
      await admin.query(
        `CREATE DATABASE ${quoteIdent(database)}${login ? ` OWNER ${login.user}` : ""} TEMPLATE template0`
      );
    } catch (err) {
      const e = toSqlError(err);
      await dropRunRole();
      if (e.code === "42501") {
        return fail(
          `role "${power.name}" may not create databases, and zerodown needs a throwaway database for the shadow run. Grant it with \`ALTER ROLE ${who} CREATEDB\`, use another role, or drop --shadow-url to use the embedded PGlite shadow.`
        );
      }
      return fail(`cannot create the shadow database on ${displayConnection(url)}: ${e.message}`);
    }
    const client = quiet(
      await pgClient({
        connectionString: withDatabase(url, database, login),
        // backstop only (zerodown killed mid-statement): the timer below stops the statement first, and the
        // migration may reset it. Over a minute, so a plan's backfill does not take it for a database default it
        // must wait out first (src/plan/backfill.ts waits out statement_timeouts of up to a minute)
        statement_timeout: Math.max(timeoutMs + 5e3, 65e3)
      })
    );
    const shadow = new _PostgresShadow(url, admin, client, database, timeoutMs);
    trackShadow(shadow);
    shadow.runRole = login?.user ?? power.name;
    shadow.ownRunRole = !!login;
    if (note) shadow.limits.push({ id: "shadow-role", subject: power.name, message: note });
    try {
      await client.connect();
      const [p] = await shadow.query("SELECT pg_backend_pid() AS pid");
      shadow.pid = Number(p.pid);
      const [v] = await shadow.query("SHOW server_version");
      shadow.serverVersion = majorVersion(v.server_version);
      shadow.engine = `postgresql ${v.server_version.split(" ")[0]}`;
      const ext = await shadow.query("SELECT name FROM pg_available_extensions");
      shadow.available = new Set(ext.map((r) => r.name));
      const roles = await shadow.query("SELECT rolname FROM pg_roles");
      shadow.rolesBefore = new Set(roles.map((r) => r.rolname));
    } catch (err) {
      await shadow.close();
      const how = login ? ` (zerodown logs in as the run role "${login.user}" with a password: pg_hba.conf must let any role connect to that database with password, md5 or scram-sha-256 authentication, or trust)` : "";
      throw new ShadowSetupError(`cannot use the shadow database ${database}: ${err.message}${how}`);
    }
    return shadow;
  }
  extensionAvailable(name) {
    return this.available.has(name);
  }
  async exec(sql) {
    if (/create\s+(role|user|group)\b/i.test(sql)) {
      for (const m of sql.matchAll(/create\s+(?:role|user|group)\s+(?:"((?:[^"]|"")+)"|([a-z_][\w$]*))/gi)) {
        this.rolesMentioned.add(m[1] !== void 0 ? m[1].replace(/""/g, '"') : m[2].toLowerCase());
      }
    }
    await this.bounded(this.client.query(sql), sql);
  }
  async query(sql, params) {
    const r = await this.bounded(this.client.query(sql, params), sql);
    return Array.isArray(r) ? r.at(-1)?.rows ?? [] : r.rows;
  }
  /** Runs one call within the time bound; past it, the backend is cancelled, then terminated. */
  async bounded(work, sql) {
    if (this.stopped) {
      work.catch(() => {
      });
      throw new ShadowStoppedError(`a statement overran ${this.stopped.seconds} s`);
    }
    const settled = work.then(
      () => {
      },
      () => {
      }
    );
    this.running = settled;
    try {
      return await withinBound(work, this.timeoutMs, sql, async () => {
        this.stopped = { seconds: this.timeoutMs / 1e3, sql: sql.slice(0, 200) };
        await this.stopBackend(settled);
      });
    } finally {
      if (this.running === settled) this.running = void 0;
    }
  }
  /** Stops the statement running on the shadow connection: a cancel first, then terminate. */
  async stopBackend(settled) {
    const within = (ms) => withTimeout(
      settled.then(() => true),
      ms
    );
    await this.adminQuery("SELECT pg_cancel_backend($1)", [this.pid]).catch(() => {
    });
    if (await within(1e3)) return;
    await this.adminQuery("SELECT pg_terminate_backend($1)", [this.pid]).catch(() => {
    });
    await within(1e3);
  }
  async openSideConnection() {
    const side = quiet(await pgClient({ connectionString: withDatabase(this.adminUrl, this.database) }));
    await side.connect();
    return {
      query: async (sql, params) => (await side.query(sql, params)).rows,
      close: () => side.end().catch(() => {
      })
    };
  }
  /**
   * Drops the throwaway database, the run role and the roles statements of this run created.
   * Idempotent (a second call waits for the first), and works when the migration connection is
   * broken or still busy: the run's sessions are terminated from the admin connection first.
   */
  close() {
    untrackShadow(this);
    this.closing ??= this.cleanup();
    return this.closing;
  }
  /** Runs a cleanup query on the admin connection, reconnecting once if that connection was lost. */
  async adminQuery(sql, params) {
    try {
      return await this.admin.query(sql, params);
    } catch (err) {
      if (!connectionLost(err)) throw err;
      await this.admin.end().catch(() => {
      });
      this.admin = quiet(await pgClient({ connectionString: this.adminUrl }));
      await this.admin.connect();
      return this.admin.query(sql, params);
    }
  }
  async cleanup() {
    try {
      await this.adminQuery(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE pid <> pg_backend_pid() AND (datname = $1 OR ($2 AND usename = $3))`,
        [this.database, this.ownRunRole, this.runRole]
      ).catch(() => {
      });
      await withTimeout(
        this.client.end().catch(() => {
        }),
        2e3
      );
      let newRoles = [];
      if (this.rolesMentioned.size) {
        const roles = await this.adminQuery("SELECT rolname FROM pg_roles").catch(() => void 0);
        newRoles = (roles?.rows ?? []).map((r) => r.rolname).filter((r) => !this.rolesBefore.has(r) && this.rolesMentioned.has(r));
      }
      await dropDatabase((sql) => this.adminQuery(sql), this.database, this.serverVersion);
      if (this.ownRunRole) await this.adminQuery(`DROP ROLE IF EXISTS ${quoteIdent(this.runRole)}`);
      for (const role of newRoles) await this.adminQuery(`DROP ROLE IF EXISTS ${quoteIdent(role)}`).catch(() => {
      });
    } finally {
      await this.admin.end().catch(() => {
      });
    }
  }
};
async function dropDatabase(query, database, version) {
  const force = version >= 13 ? " WITH (FORCE)" : "";
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await query(`DROP DATABASE IF EXISTS ${quoteIdent(database)}${force}`);
      return;
    } catch (err) {
      if (toSqlError(err).code !== "55006" || attempt === 4) throw err;
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
    }
  }
}

// src/dialects/postgres/shadow/open.ts
async function openShadow(opts = {}) {
  const bound = opts.timeoutMs !== void 0 ? { timeoutMs: opts.timeoutMs } : {};
  if (opts.url) return PostgresShadow.open(opts.url, { ...bound, allowSuperuser: opts.allowSuperuser });
  return PgliteShadow.open({
    extensions: opts.extensions,
    ...opts.state ? { dataDir: opts.state, handOver: !!opts.handOverState } : {},
    ...bound,
    tier: tierFor(opts.work),
    buffers: buffersFor(opts.work)
  });
}
export {
  openShadow
};
