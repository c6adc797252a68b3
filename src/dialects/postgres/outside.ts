/**
 * Statements that reach outside the database they run in: a shell on the
 * server, the server's files, other servers, other databases, the cluster's
 * configuration and roles. One pure classifier over the parsed statement, used
 * by the shadow (which refuses to run them) and by the lint rules
 * `ban-server-program-or-file-access` and `ban-cluster-level-statement`, so the
 * two never disagree.
 *
 * Function and DO bodies are text to the parser: they are scanned for the
 * dangerous call names and COPY … PROGRAM / COPY to or from a file,
 * conservatively (a mention in a comment or a string counts too).
 */
import type { PgStatement } from './statement.js';

export type OutsideCategory =
  /** a shell command or native code on the database server */
  | 'program'
  /** files on the database server */
  | 'server-file'
  /** connections to other servers or databases */
  | 'connection'
  /** another database (CREATE/ALTER/DROP DATABASE) */
  | 'database'
  /** cluster-wide settings and storage (ALTER SYSTEM, LOAD, tablespaces, other sessions) */
  | 'cluster'
  /** roles, which are shared by every database of the server */
  | 'role';

export interface OutsideReach {
  category: OutsideCategory;
  /** what the statement does, e.g. `COPY … FROM PROGRAM` */
  what: string;
  /** why that leaves the database, one clause for a person in a hurry */
  why: string;
}

/** Functions that read or write the server's files, by their last name part (lower case). */
const FILE_FUNCTIONS = new Set([
  'pg_read_file',
  'pg_read_binary_file',
  'pg_stat_file',
  'pg_ls_dir',
  'pg_ls_logdir',
  'pg_ls_waldir',
  'pg_ls_tmpdir',
  'pg_ls_archive_statusdir',
  'pg_ls_logicalmapdir',
  'pg_ls_logicalsnapdir',
  'pg_ls_replslotdir',
  'lo_import',
  'lo_export',
  // adminpack
  'pg_file_write',
  'pg_file_rename',
  'pg_file_unlink',
  'pg_file_sync',
  'pg_logdir_ls',
]);

/** Functions that act on the whole server: other sessions, its configuration, replication. */
const CLUSTER_FUNCTIONS = new Set([
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_reload_conf',
  'pg_rotate_logfile',
  'pg_promote',
  'pg_switch_wal',
  'pg_create_restore_point',
  'pg_create_physical_replication_slot',
  'pg_create_logical_replication_slot',
  'pg_drop_replication_slot',
]);

/** Extensions whose purpose is to reach outside: other servers, files, or code on the server. */
const OUTSIDE_EXTENSIONS: Record<string, OutsideCategory> = {
  dblink: 'connection',
  postgres_fdw: 'connection',
  file_fdw: 'server-file',
  adminpack: 'server-file',
  plpythonu: 'program',
  plpython2u: 'program',
  plpython3u: 'program',
  plperlu: 'program',
  pltclu: 'program',
  plsh: 'program',
};

/** Languages whose code runs with the server's OS rights (untrusted), or native code. */
const NATIVE_LANGUAGES = new Set([
  'c',
  'internal',
  'plpythonu',
  'plpython2u',
  'plpython3u',
  'plperlu',
  'pltclu',
  'plsh',
]);

const FILE_FN = `pg_read_file|pg_read_binary_file|pg_stat_file|pg_ls_\\w+|lo_import|lo_export|pg_file_\\w+|pg_logdir_ls`;
const BODY_PATTERNS: [RegExp, OutsideReach][] = [
  [
    /\bcopy\b[^;]*?\bprogram\b/i,
    {
      category: 'program',
      what: 'COPY … PROGRAM in a function body',
      why: 'runs a shell command on the database server',
    },
  ],
  [
    /\bcopy\b[^;]*?\b(?:from|to)\b(?!\s*(?:stdin|stdout)\b)/i,
    {
      category: 'server-file',
      what: 'COPY to or from a file in a function body',
      why: 'reads or writes a file on the database server',
    },
  ],
  [
    new RegExp(`\\b(?:${FILE_FN})\\s*\\(`, 'i'),
    {
      category: 'server-file',
      what: 'a server file function in a function body',
      why: 'reads or writes files on the database server',
    },
  ],
  [
    /\bdblink\w*\s*\(/i,
    { category: 'connection', what: 'dblink in a function body', why: 'connects to another database or server' },
  ],
  [
    /\b(?:create|alter|drop)\s+(?:role|group|user(?!\s+mapping\b))\b/i,
    {
      category: 'role',
      what: 'CREATE/ALTER/DROP ROLE in a function body',
      why: 'changes roles, which belong to the whole server and outlive any one database',
    },
  ],
];

function lastName(funcname: any[] | undefined): string {
  const parts = (funcname ?? []).map((n: any) => n?.String?.sval).filter((s: unknown) => typeof s === 'string');
  return (parts.at(-1) ?? '').toLowerCase();
}

function defElem(list: any[] | undefined, name: string): any {
  return (list ?? []).find((d: any) => d?.DefElem?.defname === name)?.DefElem?.arg;
}

/** The body text of a DO block or a CREATE FUNCTION/PROCEDURE with a string body. */
function bodyText(stmt: Pick<PgStatement, 'kind' | 'ast'>): string {
  const list = stmt.kind === 'DoStmt' ? stmt.ast?.args : stmt.ast?.options;
  const as = defElem(list, 'as');
  if (typeof as?.String?.sval === 'string') return as.String.sval;
  return (as?.List?.items ?? [])
    .map((i: any) => i?.String?.sval)
    .filter((s: unknown) => typeof s === 'string')
    .join('\n');
}

/** Calls anywhere in the tree (expressions, defaults, views, SQL-standard function bodies). */
function walkCalls(node: unknown, out: OutsideReach[]): void {
  if (Array.isArray(node)) {
    for (const n of node) walkCalls(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'FuncCall') {
      const name = lastName((value as any)?.funcname);
      if (FILE_FUNCTIONS.has(name))
        out.push({ category: 'server-file', what: `${name}()`, why: 'reads or writes files on the database server' });
      else if (name.startsWith('dblink'))
        out.push({ category: 'connection', what: `${name}()`, why: 'connects to another database or server' });
      else if (CLUSTER_FUNCTIONS.has(name))
        out.push({
          category: 'cluster',
          what: `${name}()`,
          why: 'acts on the whole server (other sessions, its configuration or replication)',
        });
    }
    walkCalls(value, out);
  }
}

function byStatement(stmt: Pick<PgStatement, 'kind' | 'ast'>): OutsideReach | undefined {
  const a = stmt.ast ?? {};
  const role = (what: string): OutsideReach => ({
    category: 'role',
    what,
    why: 'changes roles, which belong to the whole server and outlive any one database',
  });
  const database = (what: string): OutsideReach => ({
    category: 'database',
    what,
    why: 'acts on a whole database, not on objects inside the one the migration runs in',
  });
  switch (stmt.kind) {
    case 'CopyStmt':
      if (a.is_program)
        return {
          category: 'program',
          what: `COPY … ${a.is_from ? 'FROM' : 'TO'} PROGRAM`,
          why: 'runs a shell command on the database server',
        };
      if (typeof a.filename === 'string')
        return {
          category: 'server-file',
          what: `COPY … ${a.is_from ? 'FROM' : 'TO'} '${a.filename}'`,
          why: `${a.is_from ? 'reads' : 'writes'} a file on the database server`,
        };
      return undefined;
    case 'CreatedbStmt':
      return database('CREATE DATABASE');
    case 'DropdbStmt':
      return database('DROP DATABASE');
    case 'AlterDatabaseStmt':
    case 'AlterDatabaseSetStmt':
    case 'AlterDatabaseRefreshCollStmt':
      return database('ALTER DATABASE');
    case 'AlterSystemStmt':
      return { category: 'cluster', what: 'ALTER SYSTEM', why: "rewrites the server's configuration file" };
    case 'LoadStmt':
      return { category: 'program', what: 'LOAD', why: 'loads a shared library file into the server' };
    case 'CreateTableSpaceStmt':
    case 'DropTableSpaceStmt':
    case 'AlterTableSpaceOptionsStmt':
      return {
        category: 'cluster',
        what:
          stmt.kind === 'CreateTableSpaceStmt'
            ? 'CREATE TABLESPACE'
            : stmt.kind === 'DropTableSpaceStmt'
              ? 'DROP TABLESPACE'
              : 'ALTER TABLESPACE',
        why: "changes a tablespace, a directory on the server's disk shared by every database",
      };
    case 'CreateRoleStmt': {
      const t = a.stmt_type === 'ROLESTMT_USER' ? 'USER' : a.stmt_type === 'ROLESTMT_GROUP' ? 'GROUP' : 'ROLE';
      return role(`CREATE ${t}`);
    }
    case 'AlterRoleStmt':
    case 'AlterRoleSetStmt':
      return role('ALTER ROLE');
    case 'DropRoleStmt':
      return role('DROP ROLE');
    case 'GrantRoleStmt':
      return role(a.is_grant === false ? 'REVOKE role membership' : 'GRANT role membership');
    case 'RenameStmt':
      if (a.renameType === 'OBJECT_ROLE') return role('ALTER ROLE … RENAME');
      if (a.renameType === 'OBJECT_DATABASE') return database('ALTER DATABASE … RENAME');
      if (a.renameType === 'OBJECT_TABLESPACE')
        return {
          category: 'cluster',
          what: 'ALTER TABLESPACE … RENAME',
          why: 'changes a tablespace, shared by every database',
        };
      return undefined;
    case 'AlterOwnerStmt':
      if (a.objectType === 'OBJECT_DATABASE') return database('ALTER DATABASE … OWNER');
      if (a.objectType === 'OBJECT_TABLESPACE')
        return {
          category: 'cluster',
          what: 'ALTER TABLESPACE … OWNER',
          why: 'changes a tablespace, shared by every database',
        };
      return undefined;
    case 'CreateForeignServerStmt':
    case 'AlterForeignServerStmt':
      return { category: 'connection', what: 'a foreign server', why: 'makes the database connect to another server' };
    case 'CreateUserMappingStmt':
    case 'AlterUserMappingStmt':
      return {
        category: 'connection',
        what: 'a user mapping',
        why: 'stores credentials for connecting to another server',
      };
    case 'CreateFdwStmt':
    case 'AlterFdwStmt':
      return {
        category: 'connection',
        what: 'a foreign-data wrapper',
        why: 'lets the database reach other servers or files',
      };
    case 'ImportForeignSchemaStmt':
      return { category: 'connection', what: 'IMPORT FOREIGN SCHEMA', why: 'connects to another server' };
    case 'CreateSubscriptionStmt':
    case 'AlterSubscriptionStmt':
      return { category: 'connection', what: 'a subscription', why: 'connects to another server to replicate from it' };
    case 'CreateExtensionStmt': {
      const name = String(a.extname ?? '').toLowerCase();
      const category = OUTSIDE_EXTENSIONS[name];
      if (!category) return undefined;
      const why =
        category === 'program'
          ? 'uses an untrusted language, whose code runs with the database server’s operating-system rights'
          : category === 'server-file'
            ? 'reads or writes files on the database server'
            : 'connects to other databases or servers';
      return { category, what: `CREATE EXTENSION ${name}`, why };
    }
    case 'CreatePLangStmt':
      return {
        category: 'program',
        what: 'CREATE LANGUAGE',
        why: 'loads a procedural language handler (native code) into the server',
      };
    default:
      return undefined;
  }
}

/**
 * How a statement reaches outside the database it runs in, most serious first; empty when it does not.
 * Pure: reads `kind` and `ast` (and `text`, when given, only to skip the walk for calls).
 */
export function outsideReach(stmt: Pick<PgStatement, 'kind' | 'ast'> & { text?: string }): OutsideReach[] {
  // two rules ask about every statement the linter sees: answer the second from the first
  const known = reached.get(stmt);
  if (known) return known;
  const result = classify(stmt);
  reached.set(stmt, result);
  return result;
}

const reached = new WeakMap<object, OutsideReach[]>();

function classify(stmt: Pick<PgStatement, 'kind' | 'ast'> & { text?: string }): OutsideReach[] {
  const out: OutsideReach[] = [];
  const own = byStatement(stmt);
  if (own) out.push(own);
  if (stmt.kind === 'CreateFunctionStmt' || stmt.kind === 'DoStmt') {
    const list = stmt.kind === 'DoStmt' ? stmt.ast?.args : stmt.ast?.options;
    const lang = String(defElem(list, 'language')?.String?.sval ?? '').toLowerCase();
    if (NATIVE_LANGUAGES.has(lang))
      out.push({
        category: 'program',
        what: `LANGUAGE ${lang}`,
        why:
          lang === 'c' || lang === 'internal'
            ? 'runs native code inside the database server'
            : 'uses an untrusted language, whose code runs with the database server’s operating-system rights',
      });
    const body = bodyText(stmt);
    for (const [re, reach] of BODY_PATTERNS) if (re.test(body)) out.push(reach);
  }
  // the tree walk is the costly part: skip it when the text cannot name one of the functions
  // (a U&"…" identifier can spell a name with escapes, so it always walks)
  if (stmt.text === undefined || /pg_|lo_|dblink|u&/i.test(stmt.text)) walkCalls(stmt.ast, out);
  const order: OutsideCategory[] = ['program', 'server-file', 'connection', 'database', 'cluster', 'role'];
  const seen = new Set<string>();
  return out
    .filter((r) => !seen.has(`${r.category}/${r.what}`) && seen.add(`${r.category}/${r.what}`))
    .sort((x, y) => order.indexOf(x.category) - order.indexOf(y.category));
}
