import type { PgStatement } from '../../src/dialects/postgres/statement.js';
import { defineRule } from '../../src/dialects/postgres/rule.js';
import {
  alterCmds,
  displayTable,
  keysBefore,
  lastEventBefore,
  names,
  quoteIdent,
  quoteRel,
  type EarlierKeys,
} from '../../src/dialects/postgres/util.js';
import { stringList } from '../../src/dialects/postgres/catalog.js';

interface Problem {
  /** why the second run fails or goes wrong, completing "re-running it …" */
  rerun: string;
  help: string;
  /** the statement itself can fail half-way and leave something behind (CONCURRENTLY builds) */
  partial?: boolean;
  /** the whole message, when the generic wording does not fit */
  message?: string;
  data?: Record<string, unknown>;
}

/** `kind:name` keys of the objects a `DROP … IF EXISTS` removes, so re-creating them later in the file is safe. */
function droppedKeys(s: PgStatement): string[] | undefined {
  const out: string[] = [];
  if (s.kind === 'DropStmt' && s.ast.missing_ok) {
    for (const o of s.ast.objects ?? []) {
      const n = o.List
        ? stringList(o.List.items)
        : o.String
          ? [o.String.sval]
          : o.TypeName
            ? stringList(o.TypeName.names)
            : [];
      if (n.length) out.push(`${s.ast.removeType}:${n[n.length - 1]}`);
    }
  } else if (s.kind === 'AlterTableStmt') {
    for (const cmd of alterCmds(s.ast))
      if (cmd.subtype === 'AT_DropConstraint' && cmd.missing_ok) out.push(`OBJECT_TABCONSTRAINT:${cmd.name}`);
  }
  return out;
}

/** A later statement that can fail, which would make the tool re-run this whole file. */
function laterCanFail(statements: readonly PgStatement[], index: number): boolean {
  for (let i = index + 1; i < statements.length; i++) {
    const k = statements[i]!.kind;
    if (k !== 'VariableSetStmt' && k !== 'VariableShowStmt' && k !== 'TransactionStmt') return true;
  }
  return false;
}

const exists = (what: string) => `fails with "${what} already exists"`;
const missing = (what: string) => `fails with "${what} does not exist"`;

/** Each ALTER TABLE's last word on a constraint name: dropped with IF EXISTS (true), or added / dropped without (false). */
function constraintEvents(s: PgStatement): [string, boolean][] | undefined {
  if (s.kind !== 'AlterTableStmt') return undefined;
  const out: [string, boolean][] = [];
  for (const cmd of alterCmds(s.ast)) {
    if (cmd.subtype === 'AT_DropConstraint' && cmd.name) out.push([cmd.name, !!cmd.missing_ok]);
    else if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.conname)
      out.push([cmd.def.Constraint.conname, false]);
  }
  return out;
}

/** The last earlier ALTER TABLE touching constraint `name` dropped it with IF EXISTS (and none re-added it since). */
function droppedSinceAdded(statements: readonly PgStatement[], index: number, name: string): boolean {
  return lastEventBefore(statements, index, name, constraintEvents) === true;
}

/** Statements other than SET/RESET/SHOW and transaction control. */
const real = (s: PgStatement) =>
  s.kind !== 'VariableSetStmt' && s.kind !== 'VariableShowStmt' && s.kind !== 'TransactionStmt';

/** The file has two or more real statements (stops at the second: asked for each statement of a huge file). */
function twoReal(statements: readonly PgStatement[]): boolean {
  let n = 0;
  for (const s of statements) if (real(s) && ++n === 2) return true;
  return false;
}

function problem(stmt: PgStatement, dropped: EarlierKeys, statements: readonly PgStatement[]): Problem | undefined {
  const ast = stmt.ast;
  switch (stmt.kind) {
    case 'CreateStmt':
    case 'CreateTableAsStmt': {
      const rel = stmt.kind === 'CreateStmt' ? ast.relation : ast.into?.rel;
      if (ast.if_not_exists || !rel) return undefined;
      const matview = ast.objtype === 'OBJECT_MATVIEW';
      if (dropped.has(`${matview ? 'OBJECT_MATVIEW' : 'OBJECT_TABLE'}:${rel.relname}`)) return undefined;
      if (rel.relpersistence === 't') {
        // ON COMMIT DROP: gone at the end of its transaction (outside a block, of the statement itself)
        if (ast.oncommit === 'ONCOMMIT_DROP') return undefined;
        return {
          rerun: `fails with "relation ${rel.relname} already exists" when it runs on the same session (a retry on the same connection, or a pooler in transaction mode that hands the session on with the temporary table still in it)`,
          help: `Write CREATE TEMP TABLE IF NOT EXISTS ${quoteRel(rel)} … or add ON COMMIT DROP.`,
          data: { table: rel.relname, temporary: true },
        };
      }
      return {
        rerun: exists(`relation ${rel.relname}`),
        help: `Write CREATE ${matview ? 'MATERIALIZED VIEW' : 'TABLE'} IF NOT EXISTS ${quoteRel(rel)}.`,
        data: { table: rel.relname },
      };
    }
    case 'IndexStmt': {
      const concurrently = ast.concurrent ? ' CONCURRENTLY' : '';
      if (!ast.idxname) {
        return {
          rerun: `creates a second, duplicate index under a generated name (every write then maintains both)${ast.concurrent ? ', and a failed build leaves an INVALID index behind' : ''}`,
          help: `Name the index and write CREATE INDEX${concurrently} IF NOT EXISTS <name> ON ${quoteRel(ast.relation)} (…).`,
          partial: !!ast.concurrent,
        };
      }
      if (ast.if_not_exists || dropped.has(`OBJECT_INDEX:${ast.idxname}`)) return undefined;
      if (ast.concurrent) {
        return {
          rerun: exists(`relation ${ast.idxname}`),
          message: `CREATE INDEX CONCURRENTLY is not atomic: a build that fails or is cancelled (deadlock, unique violation, timeout) leaves the INVALID index \`${ast.idxname}\` behind, and re-running the migration then fails with "relation ${ast.idxname} already exists".`,
          help: `Precede it with DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(ast.idxname)}; (IF NOT EXISTS alone would keep an INVALID index from a failed build).`,
          partial: true,
          data: { index: ast.idxname },
        };
      }
      return {
        rerun: exists(`relation ${ast.idxname}`),
        help: `Write CREATE INDEX IF NOT EXISTS ${quoteIdent(ast.idxname)}.`,
        data: { index: ast.idxname },
      };
    }
    case 'CreateSeqStmt':
      if (ast.if_not_exists || dropped.has(`OBJECT_SEQUENCE:${ast.sequence?.relname}`)) return undefined;
      return { rerun: exists(`relation ${ast.sequence?.relname}`), help: 'Write CREATE SEQUENCE IF NOT EXISTS.' };
    case 'CreateSchemaStmt':
      if (ast.if_not_exists || dropped.has(`OBJECT_SCHEMA:${ast.schemaname}`)) return undefined;
      return { rerun: exists(`schema ${ast.schemaname}`), help: 'Write CREATE SCHEMA IF NOT EXISTS.' };
    case 'CreateExtensionStmt':
      if (ast.if_not_exists) return undefined;
      return { rerun: exists(`extension ${ast.extname}`), help: 'Write CREATE EXTENSION IF NOT EXISTS.' };
    case 'ViewStmt':
      if (ast.replace || dropped.has(`OBJECT_VIEW:${ast.view?.relname}`)) return undefined;
      return { rerun: exists(`relation ${ast.view?.relname}`), help: 'Write CREATE OR REPLACE VIEW.' };
    case 'CreateFunctionStmt': {
      const fn = names(ast.funcname).at(-1);
      if (ast.replace || dropped.has(`${ast.is_procedure ? 'OBJECT_PROCEDURE' : 'OBJECT_FUNCTION'}:${fn}`))
        return undefined;
      return {
        rerun: `fails with "${ast.is_procedure ? 'procedure' : 'function'} ${fn} already exists"`,
        help: `Write CREATE OR REPLACE ${ast.is_procedure ? 'PROCEDURE' : 'FUNCTION'}.`,
      };
    }
    case 'CreateTrigStmt':
      if (ast.replace || dropped.has(`OBJECT_TRIGGER:${ast.trigname}`)) return undefined;
      return {
        rerun: exists(`trigger ${ast.trigname}`),
        help: `Precede it with DROP TRIGGER IF EXISTS ${quoteIdent(ast.trigname)} ON ${quoteRel(ast.relation)}; (or use CREATE OR REPLACE TRIGGER on PostgreSQL 14+).`,
      };
    case 'CreatePolicyStmt':
      if (dropped.has(`OBJECT_POLICY:${ast.policy_name}`)) return undefined;
      return {
        rerun: exists(`policy ${ast.policy_name}`),
        help: `Precede it with DROP POLICY IF EXISTS ${quoteIdent(ast.policy_name)} ON ${quoteRel(ast.table)};.`,
      };
    case 'CreateEnumStmt':
    case 'CompositeTypeStmt':
    case 'CreateRangeStmt':
    case 'CreateDomainStmt': {
      const n = names(
        stmt.kind === 'CreateDomainStmt'
          ? ast.domainname
          : stmt.kind === 'CompositeTypeStmt'
            ? [{ String: { sval: ast.typevar?.relname } }]
            : ast.typeName,
      ).at(-1);
      const type = stmt.kind === 'CreateDomainStmt' ? 'OBJECT_DOMAIN' : 'OBJECT_TYPE';
      if (dropped.has(`${type}:${n}`)) return undefined;
      return {
        rerun: exists(`type ${n}`),
        help: `PostgreSQL has no IF NOT EXISTS here: create it in a DO block that catches duplicate_object, or run this file in a transaction.`,
      };
    }
    case 'DropStmt': {
      if (ast.missing_ok) return undefined;
      const what = String(ast.removeType ?? 'OBJECT')
        .replace(/^OBJECT_/, '')
        .replace(/_/g, ' ')
        .toLowerCase();
      return { rerun: `fails with "${what} … does not exist"`, help: `Write DROP ${what.toUpperCase()} IF EXISTS.` };
    }
    case 'AlterTableStmt': {
      for (const cmd of alterCmds(ast)) {
        switch (cmd.subtype) {
          case 'AT_AddColumn': {
            const col = cmd.def?.ColumnDef?.colname;
            if (!cmd.missing_ok)
              return {
                rerun: exists(`column ${col} of relation ${ast.relation?.relname}`),
                help: 'Write ADD COLUMN IF NOT EXISTS.',
                data: { column: col },
              };
            break;
          }
          case 'AT_DropColumn':
            if (!cmd.missing_ok)
              return {
                rerun: missing(`column ${cmd.name} of relation ${ast.relation?.relname}`),
                help: 'Write DROP COLUMN IF EXISTS.',
                data: { column: cmd.name },
              };
            break;
          case 'AT_DropConstraint':
            if (!cmd.missing_ok)
              return {
                rerun: missing(`constraint ${cmd.name} of relation ${ast.relation?.relname}`),
                help: 'Write DROP CONSTRAINT IF EXISTS.',
                data: { constraint: cmd.name },
              };
            break;
          case 'AT_AddConstraint': {
            const con = cmd.def?.Constraint;
            if (!con) break;
            if (!con.conname) {
              return {
                rerun:
                  con.contype === 'CONSTR_PRIMARY'
                    ? 'fails with "multiple primary keys are not allowed"'
                    : 'adds a second, duplicate constraint under a generated name',
                help: `Name the constraint and precede it with ALTER TABLE ${quoteRel(ast.relation)} DROP CONSTRAINT IF EXISTS <name>;.`,
              };
            }
            // safe after a DROP CONSTRAINT IF EXISTS of that name, but only once: a second ADD fails
            if (!droppedSinceAdded(statements, stmt.index, con.conname)) {
              return {
                rerun: exists(`constraint ${con.conname} for relation ${ast.relation?.relname}`),
                help: `Precede it with ALTER TABLE ${quoteRel(ast.relation)} DROP CONSTRAINT IF EXISTS ${quoteIdent(con.conname)}; (PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS).`,
                data: { constraint: con.conname },
              };
            }
            break;
          }
          default:
            break;
        }
      }
      return undefined;
    }
    case 'RenameStmt': {
      const from = ast.subname ?? ast.relation?.relname;
      if (
        !from ||
        ![
          'OBJECT_COLUMN',
          'OBJECT_TABLE',
          'OBJECT_TABCONSTRAINT',
          'OBJECT_INDEX',
          'OBJECT_VIEW',
          'OBJECT_SEQUENCE',
        ].includes(ast.renameType)
      )
        return undefined;
      if (ast.missing_ok && ast.renameType !== 'OBJECT_COLUMN' && ast.renameType !== 'OBJECT_TABCONSTRAINT')
        return undefined;
      return {
        rerun: `fails because ${from} was already renamed to ${ast.newname}`,
        help: 'Guard the rename in a DO block that checks the catalog first, or run this file in a transaction.',
      };
    }
    case 'AlterEnumStmt':
      if (ast.oldVal || ast.skipIfNewValExists || !ast.newVal) return undefined;
      return { rerun: `fails with "enum label ${ast.newVal} already exists"`, help: 'Write ADD VALUE IF NOT EXISTS.' };
    default:
      return undefined;
  }
}

export default defineRule({
  meta: {
    id: 'prefer-robust-stmts',
    severity: 'warning',
    summary:
      'In a migration that does not run in a transaction, a statement that fails when the migration is re-run after a partial failure.',
  },
  check(stmt, ctx) {
    // a failed transactional migration rolls back completely: re-running it starts clean
    if (ctx.tx.inTransaction) return;
    const p = problem(stmt, keysBefore(ctx.statements, stmt.index, droppedKeys), ctx.statements);
    if (!p) return;
    // a file of one statement is applied whole or not at all, unless the statement is itself non-atomic
    if (!p.partial && !twoReal(ctx.statements)) return;
    const later = laterCanFail(ctx.statements, stmt.index);
    const table = stmt.ast.relation ?? stmt.ast.into?.rel;
    return {
      message: p.message
        ? p.message
        : p.partial
          ? `This runs outside a transaction and is not atomic: re-running the migration after a failure ${p.rerun}.`
          : later
            ? `This migration does not run in a transaction: if a later statement fails, this one stays applied, and re-running the migration ${p.rerun}.`
            : `This migration does not run in a transaction: if the run stops after this last statement but before the tool records the migration as applied (a lost connection, a killed deploy), the earlier statements and this one stay applied, and re-running the migration ${p.rerun}.`,
      help: p.help,
      table: table?.relname ? `${table.schemaname ?? 'public'}.${table.relname}` : undefined,
      data: { ...p.data, ...(table?.relname ? { relation: displayTable(table) } : {}) },
    };
  },
});
