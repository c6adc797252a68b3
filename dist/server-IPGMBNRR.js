import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  normaliseError,
  parseServerVersion
} from "./chunk-ZDXYUV6L.js";
import {
  MysqlShadowSetupError,
  connect,
  lockSourceOf,
  parseMysqlUrl,
  withTimeout
} from "./chunk-NTPLS3CR.js";
import {
  quoteIdent,
  quoteLiteral
} from "./chunk-3TIBL5EG.js";
import {
  trackShadow,
  untrackShadow
} from "./chunk-JB5CXEFZ.js";
import {
  ShadowStoppedError,
  timeoutMsOf,
  withinBound
} from "./chunk-SYUIUCCK.js";
import {
  displayConnection,
  registerSecret,
  registerSecretUrl
} from "./chunk-DSMXYHHG.js";
import "./chunk-XJGXLKRM.js";

// src/dialects/mysql/shadow/server.ts
import { randomBytes } from "node:crypto";
var MysqlShadow = class _MysqlShadow {
  constructor(probes, adminLogin, admin, client, database, timeoutMs) {
    this.probes = probes;
    this.adminLogin = adminLogin;
    this.admin = admin;
    this.client = client;
    this.database = database;
    this.timeoutMs = timeoutMs;
  }
  probes;
  adminLogin;
  admin;
  client;
  database;
  kind = "mysql";
  boot = "database";
  limits = [];
  engine = "mysql";
  /** the server's version as the dialect encodes versions (major*10000 + minor*100 + patch: 10.11.19 → 101119, ../version.ts) */
  serverVersion = 0;
  /** flavor and full version from `SELECT VERSION()` */
  server = { flavor: "mysql", major: 0, minor: 0, patch: 0 };
  /** `SELECT VERSION()` as the server says it */
  versionText = "";
  /** the user the migrations run as, `'name'@'host'` */
  runUser = "";
  /** true when the run user was created for this run (and is dropped on close) */
  ownRunUser = false;
  timeoutMs;
  stopped;
  /** the run connection's id (what KILL QUERY stops, what metadata locks are read for) */
  connectionId = 0;
  /** whether the server shows metadata locks, and where */
  lockSource = "none";
  closing;
  /** how the migrations' connection logs in (the run user, or the URL's user) */
  runLogin;
  /** calls in flight: close() ends them (a destroyed connection does not always fail its query) */
  pending = /* @__PURE__ */ new Set();
  /** Opens a fresh database on the server at `url`, with a user for the run. */
  static async open(url, probes, opts = {}) {
    registerSecretUrl(url);
    const login = parseMysqlUrl(url);
    registerSecret(login.password);
    const timeoutMs = opts.timeoutMs ?? timeoutMsOf();
    let admin;
    try {
      admin = await connect(login, void 0);
    } catch (err) {
      throw new MysqlShadowSetupError(`cannot connect to the shadow server ${displayConnection(url)}: ${err.message}`);
    }
    const fail = async (message) => {
      await admin.end().catch(() => admin.destroy());
      throw new MysqlShadowSetupError(message);
    };
    let version;
    let me;
    try {
      const [rows] = await admin.query("SELECT VERSION() AS v, CURRENT_USER() AS u");
      const r = rows[0];
      version = r.v;
      me = r.u;
    } catch (err) {
      return fail(`cannot read the version of ${displayConnection(url)}: ${err.message}`);
    }
    const host = me.slice(me.lastIndexOf("@") + 1);
    const database = `zerodown_${randomBytes(8).toString("hex")}`;
    const shadow = new _MysqlShadow(probes, login, admin, void 0, database, timeoutMs);
    shadow.versionText = version;
    shadow.server = parseServerVersion(version);
    shadow.serverVersion = shadow.server.major * 1e4 + shadow.server.minor * 100 + shadow.server.patch;
    shadow.engine = `${shadow.server.flavor} ${shadow.server.major}.${shadow.server.minor}.${shadow.server.patch}`;
    trackShadow(shadow);
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
    } catch (err) {
      await shadow.close();
      const e = normaliseError(err);
      throw new MysqlShadowSetupError(
        `cannot create the throwaway database on ${displayConnection(url)}: ${e.message}. zerodown needs CREATE on *.* (or ALL on \`zerodown%\`.*) for its shadow run.`
      );
    }
    const run = {
      ...login,
      user: `zerodown_${randomBytes(8).toString("hex")}`,
      // every character class, for servers with a password policy (MySQL validate_password, MariaDB simple_password_check)
      password: `${randomBytes(24).toString("hex")}Zz9!`
    };
    registerSecret(run.password);
    const account = `${quoteLiteral(run.user)}@${quoteLiteral(host)}`;
    let runLogin = run;
    try {
      await admin.query(
        `CREATE USER ${account} IDENTIFIED BY ${quoteLiteral(run.password)} WITH MAX_USER_CONNECTIONS 4`
      );
      shadow.ownRunUser = true;
      shadow.runUser = account;
      await admin.query(`GRANT ALL PRIVILEGES ON ${quoteIdent(database)}.* TO ${account}`);
    } catch (err) {
      const e = normaliseError(err);
      if (shadow.ownRunUser) {
        await shadow.close();
        throw new MysqlShadowSetupError(`cannot grant the run user its database on ${displayConnection(url)}: ${e.message}`);
      }
      if (!opts.allowSuperuser) {
        await shadow.close();
        throw new MysqlShadowSetupError(
          `user ${me} of --shadow-url may not create users (${e.message}), so zerodown cannot run the migrations as a separate user limited to the throwaway database: the pull request's SQL would run with all of ${me}'s privileges (other databases, FILE, SUPER\u2026). Grant it CREATE USER and GRANT OPTION (\`GRANT CREATE USER ON *.* TO \u2026; GRANT ALL ON \`zerodown%\`.* TO \u2026 WITH GRANT OPTION\`), or pass --allow-superuser-shadow to accept the risk.`
        );
      }
      runLogin = login;
      shadow.runUser = me;
      shadow.limits.push({
        id: "shadow-role",
        subject: me,
        message: `the shadow runs as your user ${me} itself (--allow-superuser-shadow): it may not create users, so only zerodown's refusal of outside-reaching statements stands between the pull request's SQL and the server.`
      });
    }
    try {
      shadow.runLogin = runLogin;
      shadow.client = await connect(runLogin, database);
      const [rows] = await shadow.client.query("SELECT CONNECTION_ID() AS id");
      shadow.connectionId = Number(rows[0].id);
      if (shadow.server.flavor === "mariadb") {
        await shadow.client.query(`SET SESSION max_statement_time = ${Math.ceil(timeoutMs / 1e3) + 5}`);
      }
      shadow.lockSource = await lockSourceOf(admin);
      if (shadow.lockSource === "none")
        shadow.limits.push({
          id: "metadata-locks-invisible",
          subject: shadow.engine,
          message: shadow.server.flavor === "mariadb" ? `this MariaDB shows no metadata locks (performance_schema is off and the metadata_lock_info plugin is not loaded): the dry run reports algorithms and times, not locks (INSTALL SONAME 'metadata_lock_info' on the shadow server to see them)` : `this MySQL shows no metadata locks (performance_schema is off, or its wait/lock/metadata/sql/mdl instrument is disabled): the dry run reports algorithms and times, not locks`
        });
    } catch (err) {
      await shadow.close();
      throw new MysqlShadowSetupError(
        `cannot use the shadow database ${database} as ${shadow.runUser}: ${normaliseError(err).message}`
      );
    }
    return shadow;
  }
  extensionAvailable() {
    return void 0;
  }
  async exec(sql) {
    await this.bounded((c) => c.query(sql), sql);
  }
  async query(sql, params) {
    const [rows] = await this.bounded((c) => c.query(sql, params), sql);
    return Array.isArray(rows) ? rows : [];
  }
  /** Runs a query on the admin connection (the URL's user): metadata locks, probes' reads the run user may not make. */
  async adminQuery(sql, params) {
    const [rows] = await this.admin.query(sql, params);
    return Array.isArray(rows) ? rows : [];
  }
  /** Runs one call within the time bound; past it, the statement is killed (KILL QUERY, then KILL). */
  async bounded(call, sql) {
    if (this.stopped) throw new ShadowStoppedError(`a statement overran ${this.stopped.seconds} s`);
    const client = this.client;
    if (!client) throw new ShadowStoppedError("the shadow is closed");
    let abandon;
    const closed = new Promise((_, reject) => {
      abandon = reject;
    });
    this.pending.add(abandon);
    const work = Promise.race([call(client), closed]).catch((err) => {
      throw normaliseError(err);
    }).finally(() => this.pending.delete(abandon));
    const settled = work.then(
      () => true,
      () => true
    );
    return withinBound(work, this.timeoutMs, sql, async () => {
      this.stopped = { seconds: this.timeoutMs / 1e3, sql: sql.slice(0, 200) };
      await this.kill(`KILL QUERY ${this.connectionId}`);
      if (await withTimeout(settled, 1e3)) return;
      await this.kill(`KILL ${this.connectionId}`);
      await withTimeout(settled, 1e3);
    });
  }
  /**
   * Sends a KILL from the admin connection; when the URL's user may not kill other users' threads
   * (MySQL: CONNECTION_ADMIN or SUPER), from a new connection as the run user, who may always kill
   * its own.
   */
  async kill(sql) {
    try {
      await this.admin.query(sql);
      return;
    } catch {
    }
    if (!this.runLogin) return;
    const own = await connect(this.runLogin, this.database).catch(() => void 0);
    if (!own) return;
    await own.query(sql).catch(() => {
    });
    await own.end().catch(() => own.destroy());
  }
  /** A second connection to the throwaway database as the URL's user: reads the run connection's metadata locks. */
  async openSideConnection() {
    const side = await connect(this.adminLogin, this.database);
    return {
      query: async (sql, params) => {
        const [rows] = await side.query(sql, params);
        return Array.isArray(rows) ? rows : [];
      },
      close: () => side.end().catch(() => side.destroy())
    };
  }
  /**
   * Drops the throwaway database and the run user. Idempotent (a second call waits for the
   * first), and works when the run connection is broken or busy: the run user's sessions are
   * killed from the admin connection first.
   */
  close() {
    untrackShadow(this);
    this.closing ??= this.cleanup();
    return this.closing;
  }
  async adminRetry(sql) {
    try {
      await this.admin.query(sql);
    } catch (err) {
      const e = err;
      if (!e.fatal) throw err;
      this.admin.destroy();
      this.admin = await connect(this.adminLogin, void 0);
      await this.admin.query(sql);
    }
  }
  async cleanup() {
    try {
      const ids = new Set(this.connectionId ? [this.connectionId] : []);
      if (this.ownRunUser) {
        const name = this.runUser.slice(1, this.runUser.indexOf("'", 1));
        const rows = await this.adminQuery(
          "SELECT ID AS id FROM information_schema.PROCESSLIST WHERE USER = ?",
          [name]
        ).catch(() => []);
        for (const r of rows) ids.add(Number(r.id));
      }
      for (const id of ids) await this.kill(`KILL ${id}`);
      this.client?.destroy();
      this.client = void 0;
      for (const abandon of this.pending) abandon(new ShadowStoppedError("the shadow was closed"));
      await this.adminRetry(`DROP DATABASE IF EXISTS ${quoteIdent(this.database)}`);
      if (this.ownRunUser) await this.adminRetry(`DROP USER IF EXISTS ${this.runUser}`);
    } finally {
      await withTimeout(
        this.admin.end().catch(() => this.admin.destroy()),
        2e3
      );
    }
  }
};
export {
  MysqlShadow,
  MysqlShadowSetupError,
  parseMysqlUrl
};
