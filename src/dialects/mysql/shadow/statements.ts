/**
 * What the shadow kernel asks about a MySQL/MariaDB statement before running it: transaction
 * control, whether it commits by itself, whether it reaches outside the throwaway database, and
 * the metadata locks it needs.
 */
import type { Statement } from '../../../model.js';
import type { KnownLock, TxControl } from '../../../shadow/probes.js';
import type { MyAst, TableName } from '../ast.js';

type MyStmt = Statement<MyAst>;

/** BEGIN / START TRANSACTION / COMMIT / ROLLBACK (AND CHAIN); undefined for ordinary statements. */
export function txControl(stmt: Statement): TxControl | undefined {
  const a = (stmt as MyStmt).ast;
  if (a?.type !== 'transaction') return undefined;
  if (a.action === 'begin') return 'begin';
  if (a.action === 'commit') return a.chain ? 'commit-chain' : 'commit';
  return a.chain ? 'rollback-chain' : 'rollback';
}

/** OTHER statements (by their leading keywords) that commit the open transaction by themselves. */
const COMMITTING_OTHER =
  /^(ANALYZE|OPTIMIZE|REPAIR|CHECK|CHECKSUM)\s+TABLE|^(LOCK|UNLOCK)\s+TABLES|^(CACHE\s+INDEX|LOAD\s+INDEX|FLUSH|RESET)\b|^(CREATE|ALTER|DROP)\s+(SEQUENCE|SPATIAL\s+REFERENCE\s+SYSTEM|RESOURCE\s+GROUP)\b/;

/**
 * Why a statement cannot be part of a transaction: in MySQL and MariaDB, DDL commits the open
 * transaction before it runs and commits itself (MySQL 8.0 reference manual, 15.3.3 "Statements
 * That Cause an Implicit Commit"; MariaDB KB "SQL statements That Cause an Implicit Commit"). The
 * kernel runs such a statement alone, and the planner keeps it out of transactional phases.
 */
export function notInTransaction(stmt: Statement, _serverVersion: number): string | undefined {
  const a = (stmt as MyStmt).ast;
  const ddl = 'DDL commits by itself in MySQL and MariaDB (an implicit commit before and after it)';
  switch (a?.type) {
    case 'alter_table':
    case 'create_index':
    case 'drop_index':
    case 'rename_table':
    case 'truncate':
    case 'database':
    case 'routine':
    case 'account':
      return ddl;
    case 'create_table':
      // CREATE TEMPORARY TABLE does not commit (same manual section)
      return a.temporary ? undefined : ddl;
    case 'drop_table':
      return a.temporary ? undefined : ddl;
    case 'server':
      return `${a.keyword} commits by itself`;
    case 'other':
      return COMMITTING_OTHER.test(a.keyword) ? `${a.keyword} commits by itself` : undefined;
    case 'unparsed':
      return /^(ALTER|CREATE|DROP|RENAME|TRUNCATE)\b/.test(a.keyword) ? ddl : undefined;
    default:
      return undefined;
  }
}

/** Schemas a migration may read without reaching another database: the server's own catalogs. */
const CATALOG_SCHEMAS = new Set(['information_schema']);

/** Tables a statement names, with the schema when qualified. */
function namedTables(a: MyAst): TableName[] {
  switch (a.type) {
    case 'alter_table': {
      const out = [a.table];
      for (const op of a.ops) {
        if (op.op === 'addForeignKey') out.push(op.fk.refTable);
        if (op.op === 'renameTable') out.push(op.to);
        if (op.op === 'addColumn' || op.op === 'modifyColumn' || op.op === 'changeColumn') {
          if (op.column.references) out.push(op.column.references.refTable);
        }
      }
      return out;
    }
    case 'create_table':
      return [
        a.table,
        ...(a.like ? [a.like] : []),
        ...a.foreignKeys.map((f) => f.refTable),
        ...a.columns.flatMap((c) => (c.references ? [c.references.refTable] : [])),
      ];
    case 'create_index':
    case 'drop_index':
    case 'truncate':
    case 'insert':
      return [a.table];
    case 'drop_table':
      return a.tables;
    case 'rename_table':
      return a.pairs.flatMap((p) => [p.from, p.to]);
    case 'update':
    case 'delete':
      return a.tables;
    case 'select':
      return a.tables.filter((t) => !t.schema || !CATALOG_SCHEMAS.has(t.schema.toLowerCase()));
    case 'routine':
      return [a.name, ...(a.table ? [a.table] : [])];
    case 'load_data':
      return a.table ? [a.table] : [];
    case 'other':
      return a.tables ?? [];
    default:
      return [];
  }
}

/** Text that reads or writes files on a server or client, wherever it hides (a procedure body, an unparsed statement). */
const FILE_ACCESS = /\bLOAD\s+(?:DATA|XML)\b|\bINTO\s+(?:OUTFILE|DUMPFILE)\b|\bLOAD_FILE\s*\(/i;

/**
 * Why the shadow must not run a statement: it reaches outside the throwaway database (files,
 * programs, other databases, accounts, server settings, plugins, tablespaces, federated servers).
 * Reported "not run on the shadow"; the run goes on with the next statement. The run user lacks
 * the privileges for most of these anyway (server.ts): this is the second wall, and it keeps a
 * privileged `--allow-superuser-shadow` run inside the database too.
 */
export function refusedOnShadow(stmt: Statement): string | undefined {
  const a = (stmt as MyStmt).ast;
  if (!a) return undefined;
  switch (a.type) {
    case 'load_data':
      return `LOAD DATA ${a.local ? 'LOCAL ' : ''}INFILE reads a file${a.local ? ' on the client' : ' on the database server'}`;
    case 'select':
      if (a.intoFile !== undefined) return 'SELECT … INTO OUTFILE/DUMPFILE writes a file on the database server';
      break;
    case 'server':
      return /^(SYSTEM|\\!)/i.test(a.keyword)
        ? `${a.keyword} runs a program on the machine of the mysql client`
        : `${a.keyword} acts on the whole server (plugins, tablespaces, servers, logs, sessions), not on one database`;
    case 'database':
      return a.action === 'use'
        ? `USE ${a.name} switches to another database: the shadow runs everything in its throwaway database`
        : `${a.action.toUpperCase()} DATABASE acts on a database other than the throwaway one`;
    case 'account':
      return `${a.keyword} manages accounts and privileges, which belong to the whole server`;
    case 'set': {
      const g = a.vars.find((v) => v.scope === 'global' || v.scope === 'persist' || v.scope === 'persist_only');
      if (g) return `SET ${g.scope.toUpperCase()} ${g.name} changes the whole server's settings`;
      break;
    }
    default:
      break;
  }
  const other = namedTables(a).find((t) => t.schema !== undefined);
  if (other) return `it names a table in another database (${other.schema}.${other.name})`;
  if (FILE_ACCESS.test(stmt.text)) return 'it reads or writes files (LOAD DATA, INTO OUTFILE/DUMPFILE, LOAD_FILE)';
  return undefined;
}

/** The table a lock names, as traced relations are named (the throwaway database is the default: no schema). */
const rel = (t: TableName) => t.name;

/**
 * The metadata locks a statement needs (MySQL 8.0 reference manual, 10.11.4 "Metadata Locking"):
 * DML takes SHARED_WRITE, a read SHARED_READ, on each table it names; held to the transaction's end.
 */
export function statementLocks(stmt: Statement): KnownLock[] {
  const a = (stmt as MyStmt).ast;
  switch (a?.type) {
    case 'update':
    case 'delete':
      return a.tables.map((t) => ({ relation: rel(t), mode: 'SHARED_WRITE' }));
    case 'insert':
      return [{ relation: rel(a.table), mode: 'SHARED_WRITE' }];
    case 'select':
      return a.tables.filter((t) => !t.schema).map((t) => ({ relation: rel(t), mode: 'SHARED_READ' }));
    default:
      return [];
  }
}
