import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  displayConnection
} from "./chunk-DSMXYHHG.js";

// src/dialects/mysql/shadow/connect.ts
var MysqlShadowSetupError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ShadowSetupError";
  }
};
function tlsOf(u) {
  const mode = (u.searchParams.get("ssl-mode") ?? u.searchParams.get("sslmode") ?? "").toUpperCase();
  if (mode === "REQUIRED") return { verify: false };
  if (mode === "VERIFY_CA" || mode === "VERIFY_IDENTITY" || /^(true|1)$/i.test(u.searchParams.get("ssl") ?? ""))
    return { verify: true };
  return void 0;
}
function parseMysqlUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new MysqlShadowSetupError(
      `--shadow-url is not a URL: ${displayConnection(url)}. Give it as mysql://user:password@host:3306/database (percent-encode @ : / in the password).`
    );
  }
  if (u.protocol !== "mysql:" && u.protocol !== "mariadb:")
    throw new MysqlShadowSetupError(`--shadow-url must start with mysql:// or mariadb:// (got ${u.protocol}//)`);
  const dec = (s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const database = dec(u.pathname.replace(/^\//, ""));
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, "$1") || "localhost",
    port: u.port ? Number(u.port) : 3306,
    user: dec(u.username) || "root",
    password: dec(u.password),
    ...database ? { database } : {},
    ...tlsOf(u) ? { tls: tlsOf(u) } : {}
  };
}
async function connect(login, database) {
  const { default: driver } = await import("./promise-XHSWWV4C.js");
  return driver.createConnection({
    host: login.host,
    port: login.port,
    user: login.user,
    password: login.password,
    ...database ? { database } : {},
    ...login.tls ? { ssl: { rejectUnauthorized: login.tls.verify } } : {},
    multipleStatements: false,
    // the client never offers LOCAL INFILE, so `LOAD DATA LOCAL` cannot read a file on this machine.
    // mysql2 also asks by default for IGNORE_SPACE (it lands in the session's sql_mode and makes function
    // names reserved) and FOUND_ROWS (ROW_COUNT() counts matched rows, not changed ones): the mysql client
    // and the migration tools' drivers ask for neither, so the migrations see the server as they would
    flags: ["-LOCAL_FILES", "-MULTI_STATEMENTS", "-IGNORE_SPACE", "-FOUND_ROWS"],
    infileStreamFactory: () => {
      throw new Error("LOAD DATA LOCAL INFILE is disabled on the shadow");
    },
    // the migrations may SET sql_mode = 'NO_BACKSLASH_ESCAPES': parameters (names read from them) must stay data
    // either way. mysql2 follows the server's status flag too; this makes it independent of that
    noBackslashEscapes: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    connectTimeout: 1e4
  });
}
function withTimeout(p, ms) {
  let timer;
  const t = new Promise((r) => {
    timer = setTimeout(() => r(void 0), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}
async function lockSourceOf(admin) {
  try {
    const [ps] = await admin.query(
      `SELECT @@performance_schema AS on_,
              (SELECT COUNT(*) FROM performance_schema.setup_instruments
                WHERE NAME = 'wait/lock/metadata/sql/mdl' AND ENABLED = 'YES') AS mdl`
    );
    const r = ps[0];
    if (r && Number(r.on_) === 1 && Number(r.mdl) > 0) return "performance_schema";
  } catch {
  }
  try {
    const [pl] = await admin.query(
      `SELECT COUNT(*) AS n FROM information_schema.PLUGINS WHERE PLUGIN_NAME = 'METADATA_LOCK_INFO' AND PLUGIN_STATUS = 'ACTIVE'`
    );
    if (Number(pl[0]?.n) > 0) return "metadata_lock_info";
  } catch {
  }
  return "none";
}

export {
  MysqlShadowSetupError,
  parseMysqlUrl,
  connect,
  withTimeout,
  lockSourceOf
};
