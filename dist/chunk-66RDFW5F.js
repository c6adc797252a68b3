import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  DIALECT_IDS
} from "./chunk-CNSCKXWJ.js";
import {
  STATS_VERSION
} from "./chunk-EFQPG7RZ.js";
import {
  connect,
  parseMysqlUrl
} from "./chunk-NTPLS3CR.js";
import {
  lockEffect,
  lockStrength as lockStrength2
} from "./chunk-JJQEPNJF.js";
import {
  DEFAULT_MARIADB_VERSION,
  DEFAULT_MYSQL_VERSION,
  MyCatalog,
  atLeast,
  mysqlRelationKey,
  mysqlVersionText,
  parseMysqlVersion,
  predictAlter,
  predictCreateIndex,
  predictDropIndex,
  serverVersionOf,
  versionText
} from "./chunk-BFLEMGMC.js";
import {
  loadMysqlParser,
  parseMigration as parseMigration2
} from "./chunk-Z2W6ZCS5.js";
import {
  quoteIdent as quoteIdent2,
  quoteLiteral as quoteLiteral2,
  sqlComment as sqlComment2
} from "./chunk-3TIBL5EG.js";
import {
  pgClient
} from "./chunk-MRBN6FC7.js";
import {
  SCRIPT_TOOLS,
  aLock,
  blocksTraffic,
  commandLabel,
  createdBefore,
  firstInFile,
  lastSetting,
  lockImpact,
  optionOn,
  setsZero,
  statementLocks,
  strongerLock,
  tablesUsingType
} from "./chunk-N5OLXBFP.js";
import {
  DEFAULT_PG_VERSION
} from "./chunk-K6RS4U4B.js";
import {
  sqlComment
} from "./chunk-IW5IPINL.js";
import {
  COLUMN_EXPR_STOPS,
  Catalog,
  DEFAULT_SCHEMA,
  LOCKS,
  addColumnRewrite,
  addColumnStatement,
  addedConstraints,
  alterCmds,
  altersExistingTable,
  chained,
  checkImpliesNotNull,
  clauseSql,
  columnConstraints,
  columnRefs,
  displayTable,
  exprSql,
  freshConstraintColumns,
  isFreshColumn,
  keysBefore,
  lastEventBefore,
  loadParser,
  lockStrength,
  mergeIssues,
  names,
  notNullProvingCheck,
  outsideReach,
  parseMigration,
  parseSync,
  qualifiedKey,
  quoteIdent,
  quoteLiteral,
  quoteRel,
  relKey,
  sameTransaction,
  sameType,
  scanSync,
  shortSql,
  str,
  stringList,
  txKind,
  typeRef,
  typeToSql,
  volatility
} from "./chunk-RB5SEY6D.js";
import {
  displayConnection,
  registerSecretUrl
} from "./chunk-DSMXYHHG.js";
import {
  UsageError
} from "./chunk-YPZZPID6.js";

// src/rules/api.ts
function ruleDefiner(dialect) {
  return (rule) => ({ ...rule, meta: { ...rule.meta, dialect } });
}

// src/dialects/postgres/rule.ts
var defineRule = ruleDefiner("postgres");

// rules/postgres/adding-field-with-default.ts
var GENERATED_STOPS = /* @__PURE__ */ new Set([...COLUMN_EXPR_STOPS, "STORED", "VIRTUAL"]);
var adding_field_with_default_default = defineRule({
  meta: {
    id: "adding-field-with-default",
    severity: "error",
    summary: "ADD COLUMN whose default (volatile, identity, serial, stored generated, or any default before PostgreSQL 11) rewrites the whole table under an ACCESS EXCLUSIVE lock.",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (!altersExistingTable(ast, ctx)) return;
    const table = displayTable(ast.relation);
    const issues = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype !== "AT_AddColumn") continue;
      const def = cmd.def?.ColumnDef;
      if (!def?.colname) continue;
      if (cmd.missing_ok && ctx.column(ast.relation, def.colname)) continue;
      const rewrite = addColumnRewrite(def, {
        pgVersion: ctx.pgVersion,
        functions: ctx.catalog.functions,
        domains: ctx.catalog.domains
      });
      if (!rewrite) continue;
      const cons = columnConstraints(def);
      const col = `\`${def.colname}\``;
      const type = typeToSql(typeRef(def.typeName));
      const defaultCon = cons.find((c) => c.contype === "CONSTR_DEFAULT");
      const genCon = cons.find((c) => c.contype === "CONSTR_GENERATED");
      const defaultSql = defaultCon ? exprSql(stmt, defaultCon.location, { skip: ["DEFAULT"] }) : void 0;
      const notNull = !!def.is_not_null || cons.some(
        (c) => c.contype === "CONSTR_NOTNULL" || c.contype === "CONSTR_PRIMARY" || c.contype === "CONSTR_IDENTITY"
      ) || rewrite.reason === "serial";
      const waits = `every read and write on \`${table}\` waits until all existing rows are copied`;
      const setDefault = defaultSql ? `ALTER TABLE ${quoteRel(ast.relation)} ALTER COLUMN ${quoteIdent(def.colname)} SET DEFAULT ${defaultSql}` : void 0;
      let message;
      let help;
      switch (rewrite.reason) {
        case "volatile-default": {
          const unknown = rewrite.unknown;
          const what = defaultSql ? shortSql(defaultSql) : "this default";
          const why = unknown.length ? `${unknown.join(", ")} is not a function zerodown knows to be IMMUTABLE or STABLE (PostgreSQL makes functions VOLATILE unless declared otherwise)` : `${what} is volatile`;
          message = `Adding column ${col} to \`${table}\` with DEFAULT ${what} rewrites the whole table under an ACCESS EXCLUSIVE lock: ${why}, so PostgreSQL computes it for every existing row, and ${waits}.`;
          help = `Add the column without a default, then \`${setDefault}\` (applies to new rows only), and backfill existing rows in batches.`;
          break;
        }
        case "pre-11-default":
          message = `Adding column ${col} to \`${table}\` with DEFAULT ${defaultSql ? shortSql(defaultSql) : "\u2026"} rewrites the whole table under an ACCESS EXCLUSIVE lock on PostgreSQL ${ctx.pgVersion} (only PostgreSQL 11+ stores constant defaults without a rewrite), and ${waits}.`;
          help = `Add the column without a default, run \`${setDefault}\` as a separate statement (new rows only), and backfill existing rows in batches.`;
          break;
        case "identity":
        case "serial":
          message = `Adding ${rewrite.reason === "serial" ? `${type} column` : "identity column"} ${col} to \`${table}\` rewrites the whole table under an ACCESS EXCLUSIVE lock to number every existing row from a sequence, and ${waits}.`;
          help = `Add a nullable ${rewrite.reason === "serial" ? type.replace("smallserial", "smallint").replace("bigserial", "bigint").replace("serial", "integer") : type} column, create a sequence and SET DEFAULT nextval(\u2026) on it (new rows only), backfill existing rows in batches, then enforce NOT NULL.`;
          break;
        case "generated": {
          const expr = genCon ? exprSql(stmt, genCon.location, { skip: ["GENERATED", "ALWAYS", "AS"], stops: GENERATED_STOPS }) : void 0;
          message = `Adding stored generated column ${col} to \`${table}\` rewrites the whole table under an ACCESS EXCLUSIVE lock to compute ${expr ? shortSql(expr) : "its expression"} for every existing row, and ${waits}.`;
          help = ctx.pgVersion >= 18 ? "Make it a VIRTUAL generated column (PostgreSQL 18, no rewrite), or add a plain nullable column kept up to date by a trigger and backfill old rows in batches." : "Add a plain nullable column kept up to date by a trigger (or the application), and backfill existing rows in batches.";
          break;
        }
        case "domain-constraint":
          message = `Adding column ${col} of domain \`${rewrite.domain}\` to \`${table}\` rewrites the whole table under an ACCESS EXCLUSIVE lock, because PostgreSQL checks the domain's constraints against every existing row, and ${waits}.`;
          help = "Add the column with the domain's base type, backfill in batches, and enforce the rule with a CHECK constraint added NOT VALID and validated separately.";
          break;
      }
      issues.push({
        message,
        help,
        lock: "AccessExclusiveLock",
        table: relKey(ast.relation),
        data: {
          column: def.colname,
          type,
          default: defaultSql ?? null,
          notNull,
          reason: rewrite.reason,
          rewrite: true
        }
      });
    }
    if (issues.length < 2) return issues;
    const [first, ...rest] = issues;
    const others = rest.map((i) => `\`${i.data.column}\``).join(", ");
    return {
      ...first,
      message: `${first.message} The same statement also adds ${others}, which force${rest.length === 1 ? "s" : ""} the same rewrite.`,
      data: { ...first.data, columns: issues.map((i) => i.data) }
    };
  }
});

// src/dialects/postgres/foreign-keys.ts
function unvalidatedForeignKeys(stmt, ctx) {
  const ast = stmt.ast;
  const table = displayTable(ast.relation);
  const issues = [];
  for (const { con, column: column2 } of addedConstraints(ctx, stmt, { inline: true })) {
    if (con?.contype !== "CONSTR_FOREIGN" || con.skip_validation) continue;
    const target = displayTable(con.pktable);
    const cols = column2 ? [column2] : names(con.fk_attrs);
    const name6 = con.conname ? `\`${con.conname}\` ` : "";
    const conSql = con.conname ? quoteIdent(con.conname) : "<name>";
    const partitioned = !!ctx.table(ast.relation)?.partitioned && ctx.pgVersion < 18;
    const rel = quoteRel(ast.relation);
    if (column2) {
      const fkName = quoteIdent(con.conname ?? `${ast.relation.relname}_${column2}_fkey`);
      const refCols = names(con.pk_attrs);
      const ref = `${quoteRel(con.pktable)}${refCols.length ? ` (${refCols.map(quoteIdent).join(", ")})` : ""}`;
      issues.push({
        message: `ADD COLUMN \`${column2}\` \u2026 REFERENCES \`${target}\` adds a foreign key ${name6}that PostgreSQL validates at once: it checks every existing row of \`${table}\` under the ACCESS EXCLUSIVE lock of the ALTER TABLE (no reads or writes) and holds a SHARE ROW EXCLUSIVE lock on \`${target}\` (every write there waits) until the scan ends. (REFERENCES builds no index on \`${column2}\`.)`,
        help: partitioned ? `Add the column without REFERENCES; PostgreSQL ${ctx.pgVersion} cannot add a NOT VALID foreign key to a partitioned table: add it NOT VALID to each partition and VALIDATE it there, then on the parent.` : `Add the column without REFERENCES, then \`ALTER TABLE ${rel} ADD CONSTRAINT ${fkName} FOREIGN KEY (${quoteIdent(column2)}) REFERENCES ${ref} NOT VALID\`, and \`VALIDATE CONSTRAINT ${fkName}\` in a separate transaction. If you join or delete by it, index \`${column2}\` with CREATE INDEX CONCURRENTLY.`,
        lock: "AccessExclusiveLock",
        table: relKey(ast.relation),
        data: { constraint: con.conname ?? null, columns: cols, references: relKey(con.pktable), inline: true }
      });
      continue;
    }
    issues.push({
      message: `Adding foreign key ${name6}on \`${table}\` (${cols.join(", ")} \u2192 \`${target}\`) checks every existing row while holding SHARE ROW EXCLUSIVE locks on both \`${table}\` and \`${target}\`: every INSERT, UPDATE and DELETE on both tables waits until the scan finishes.`,
      help: partitioned ? `PostgreSQL ${ctx.pgVersion} cannot add a NOT VALID foreign key to a partitioned table: add it NOT VALID to each partition and VALIDATE it there (separate transactions); the parent's ADD FOREIGN KEY then adopts those without a scan.` : `Add it with NOT VALID (instant; new rows are checked at once), then run \`ALTER TABLE ${rel} VALIDATE CONSTRAINT ${conSql}\` in a separate transaction (it takes only SHARE UPDATE EXCLUSIVE).`,
      lock: "ShareRowExclusiveLock",
      table: relKey(ast.relation),
      data: { constraint: con.conname ?? null, columns: cols, references: relKey(con.pktable) }
    });
  }
  return issues;
}
var foreignKeyLabel = (i) => `${i.data.columns.join(", ")} \u2192 \`${displayTable(i.data.references)}\``;

// rules/postgres/adding-foreign-key-constraint.ts
var adding_foreign_key_constraint_default = defineRule({
  meta: {
    id: "adding-foreign-key-constraint",
    severity: "error",
    summary: "ADD FOREIGN KEY without NOT VALID on an existing table checks every row while blocking writes to both tables.",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    return mergeIssues(unvalidatedForeignKeys(stmt, ctx), foreignKeyLabel);
  }
});

// rules/postgres/adding-not-nullable-field.ts
function validatedInFile(before2, key, column2) {
  const added2 = /* @__PURE__ */ new Map();
  const proving = /* @__PURE__ */ new Set();
  for (const s of before2) {
    const ast = s.kind === "AlterTableStmt" ? s.ast : void 0;
    if (!ast?.relation || relKey(ast.relation) !== key) continue;
    for (const cmd of alterCmds(ast)) {
      const con = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : void 0;
      if (con?.contype === "CONSTR_CHECK" && con.conname) {
        added2.set(con.conname, checkImpliesNotNull(con.raw_expr, column2));
        if (!con.skip_validation && added2.get(con.conname)) proving.add(con.conname);
      }
      if (cmd.subtype === "AT_DropConstraint" && cmd.name) {
        proving.delete(cmd.name);
        added2.delete(cmd.name);
      }
      if (cmd.subtype !== "AT_ValidateConstraint" || !cmd.name) continue;
      const proves = added2.get(cmd.name);
      if (proves || proves === void 0 && cmd.name.toLowerCase().includes(column2.toLowerCase()))
        proving.add(cmd.name);
    }
  }
  return proving.size > 0;
}
var adding_not_nullable_field_default = defineRule({
  meta: {
    id: "adding-not-nullable-field",
    severity: "error",
    summary: "ALTER COLUMN \u2026 SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, unless a validated CHECK (col IS NOT NULL) exists (PostgreSQL 12+).",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (!altersExistingTable(ast, ctx)) return;
    const tableName = displayTable(ast.relation);
    const table = ctx.table(ast.relation);
    const issues = [];
    const targets = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype === "AT_SetNotNull" && cmd.name) targets.push(cmd.name);
      const con = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : void 0;
      if (con?.contype === "CONSTR_NOTNULL" && !con.skip_validation) targets.push(...names(con.keys));
    }
    for (const name6 of targets) {
      const column2 = ctx.column(ast.relation, name6);
      if (column2?.notNull) continue;
      if (ctx.pgVersion >= 12 && notNullProvingCheck(table, name6)) continue;
      if (ctx.pgVersion >= 12 && !table && validatedInFile(ctx.statements.slice(0, stmt.index), relKey(ast.relation), name6))
        continue;
      const col = quoteIdent(name6);
      const conName = quoteIdent(`${table?.name ?? ast.relation.relname}_${name6}_not_null`);
      const rel = quoteRel(ast.relation);
      const message = `SET NOT NULL on \`${tableName}\`.\`${name6}\` scans the whole table to look for NULLs while holding an ACCESS EXCLUSIVE lock: every read and write on \`${tableName}\` waits until the scan ends.` + (ctx.pgVersion < 12 ? ` (PostgreSQL ${ctx.pgVersion} cannot use a CHECK constraint to skip the scan.)` : "");
      const help = ctx.pgVersion >= 12 ? `First \`ALTER TABLE ${rel} ADD CONSTRAINT ${conName} CHECK (${col} IS NOT NULL) NOT VALID\`, then VALIDATE CONSTRAINT it in a separate transaction; SET NOT NULL then skips the scan, and the CHECK can be dropped.` : `On PostgreSQL ${ctx.pgVersion}, keep the column nullable and enforce it with CHECK (${col} IS NOT NULL) NOT VALID plus a separate VALIDATE CONSTRAINT.`;
      issues.push({
        message,
        help,
        lock: "AccessExclusiveLock",
        table: relKey(ast.relation),
        data: { column: name6, checkConstraint: conName }
      });
    }
    return mergeIssues(issues, (i) => `\`${i.data.column}\``);
  }
});

// rules/postgres/adding-required-field.ts
var adding_required_field_default = defineRule({
  meta: {
    id: "adding-required-field",
    severity: "error",
    summary: "ADD COLUMN \u2026 NOT NULL without a DEFAULT on an existing table fails as soon as the table has a row.",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (!altersExistingTable(ast, ctx)) return;
    const table = displayTable(ast.relation);
    const issues = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype !== "AT_AddColumn") continue;
      const def = cmd.def?.ColumnDef;
      if (!def?.colname) continue;
      if (cmd.missing_ok && ctx.column(ast.relation, def.colname)) continue;
      const cons = columnConstraints(def);
      const type = typeRef(def.typeName);
      const typeNames = names(def.typeName?.names);
      const typeName = typeNames[typeNames.length - 1] ?? "";
      const domain = ctx.catalog.domains.get(
        typeNames.length > 1 ? `${typeNames[typeNames.length - 2]}.${typeName}` : `public.${typeName}`
      );
      const notNull = !!def.is_not_null || !!domain?.notNull || cons.some((c) => c.contype === "CONSTR_NOTNULL" || c.contype === "CONSTR_PRIMARY");
      if (!notNull) continue;
      if (cons.some(
        (c) => c.contype === "CONSTR_DEFAULT" || c.contype === "CONSTR_IDENTITY" || c.contype === "CONSTR_GENERATED"
      ))
        continue;
      if (type.serial || domain?.hasDefault) continue;
      const col = quoteIdent(def.colname);
      issues.push({
        column: def.colname,
        type: typeToSql(type),
        sql: `ALTER TABLE ${quoteRel(ast.relation)} ADD COLUMN ${col} ${typeToSql(type)}`
      });
    }
    if (!issues.length) return;
    const [first] = issues;
    const cols = issues.map((c) => `\`${c.column}\``).join(", ");
    const many = issues.length > 1;
    return {
      message: `Adding NOT NULL column${many ? "s" : ""} ${cols} to \`${table}\` without a DEFAULT fails with "column contains null values" as soon as \`${table}\` has a single row, so the deploy breaks (on an empty development database it looks fine).`,
      help: `Give ${many ? "each" : "it"} a constant DEFAULT (instant since PostgreSQL 11), or add ${many ? "them" : "it"} nullable, backfill in batches, then enforce NOT NULL with a validated CHECK (${quoteIdent(first.column)} IS NOT NULL) and SET NOT NULL.`,
      lock: "AccessExclusiveLock",
      table: relKey(ast.relation),
      data: { ...first, columns: issues }
    };
  }
});

// rules/postgres/adding-serial-primary-key-field.ts
var adding_serial_primary_key_field_default = defineRule({
  meta: {
    id: "adding-serial-primary-key-field",
    severity: "error",
    summary: "ADD PRIMARY KEY without USING INDEX builds the index (and checks NOT NULL) under an ACCESS EXCLUSIVE lock.",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    const table = displayTable(ast.relation);
    const issues = [];
    for (const { con, column: column2 } of addedConstraints(ctx, stmt, { inline: true })) {
      if (con?.contype !== "CONSTR_PRIMARY") continue;
      if (con.indexname) {
        const ix = ctx.catalog.indexes.get(`${ast.relation.schemaname ?? "public"}.${con.indexname}`);
        const tbl = ctx.table(ast.relation);
        const nullable2 = (ix?.columns ?? []).filter(
          (c) => !!c && tbl?.columns.get(c)?.notNull === false && !(ctx.pgVersion >= 12 && notNullProvingCheck(tbl, c))
        );
        if (!nullable2.length) continue;
        const list4 = nullable2.map((c) => `\`${c}\``).join(", ");
        issues.push({
          message: `ADD PRIMARY KEY USING INDEX \`${con.indexname}\` on \`${table}\` must first SET NOT NULL on ${list4}, scanning the whole table for NULLs under an ACCESS EXCLUSIVE lock: every read and write waits until the scan ends.`,
          help: `Before attaching the index, add CHECK (\u2026 IS NOT NULL) NOT VALID on ${list4}, VALIDATE it in a separate transaction, and SET NOT NULL (PostgreSQL 12+ then skips the scan).`,
          lock: "AccessExclusiveLock",
          table: relKey(ast.relation),
          data: { constraint: con.conname ?? null, columns: nullable2, index: con.indexname, nullable: nullable2 }
        });
        continue;
      }
      const cols = column2 ? [column2] : names(con.keys);
      const nullable = column2 ? [] : cols.filter((c) => !ctx.column(ast.relation, c)?.notNull);
      const name6 = con.conname ?? `${ast.relation.relname}_pkey`;
      const indexName = `${name6}_idx`;
      const rel = quoteRel(ast.relation);
      const scan = nullable.length ? `, after scanning the whole table to check ${nullable.map((c) => `\`${c}\``).join(", ")} for NULLs` : "";
      issues.push({
        message: `Adding PRIMARY KEY on \`${table}\` (${cols.join(", ")}) builds its unique index${scan} while ALTER TABLE holds an ACCESS EXCLUSIVE lock: every read and write on \`${table}\` waits until it is done.`,
        help: `${column2 ? "Add the column without PRIMARY KEY (filled and NOT NULL), then " : ""}\`CREATE UNIQUE INDEX CONCURRENTLY ${quoteIdent(indexName)} ON ${rel} (${cols.map(quoteIdent).join(", ")})\` outside a transaction${nullable.length ? ", make the columns NOT NULL via a validated CHECK (see adding-not-nullable-field)" : ""}, then \`ALTER TABLE ${rel} ADD CONSTRAINT ${quoteIdent(name6)} PRIMARY KEY USING INDEX ${quoteIdent(indexName)}\`.`,
        lock: "AccessExclusiveLock",
        table: relKey(ast.relation),
        data: { constraint: name6, columns: cols, index: indexName, nullable, ...column2 ? { inline: true } : {} }
      });
    }
    return issues;
  }
});

// src/dialects/postgres/rule-findings.ts
function domainScan(stmt, ctx, what) {
  const ast = stmt.ast;
  const n = names(ast.typeName);
  const domain = n.join(".");
  const key = qualifiedKey(n);
  for (const s of ctx.statements.slice(0, stmt.index)) {
    if (s.kind === "CreateDomainStmt") {
      if (qualifiedKey(names(s.ast.domainname)) === key) return;
    }
  }
  const tables = tablesUsingType(ctx.catalog, key).filter((t) => !ctx.isNewTable(t));
  if (ctx.catalog.domains.has(key) && !tables.length) return;
  const on = tables.length ? tables.map((t) => `\`${displayTable(t)}\``).join(", ") : "every table with a column of this domain";
  return {
    message: `ALTER DOMAIN \`${domain}\` ${what} checks every existing value of the domain, holding a SHARE lock on ${on} for the whole scan: every INSERT, UPDATE and DELETE on those tables waits until it finishes. Unlike a table constraint, a domain constraint has no online path: VALIDATE CONSTRAINT on a domain takes the same lock.`,
    help: "Use a CHECK constraint on each table column instead: ADD CONSTRAINT \u2026 NOT VALID, then VALIDATE CONSTRAINT (which blocks no traffic).",
    lock: "ShareLock",
    table: tables[0],
    data: { domain, tables }
  };
}
function tableRewrite(stmt, ctx) {
  const ast = stmt.ast;
  const cluster = stmt.kind === "ClusterStmt";
  if (!cluster) {
    if (!ast.is_vacuumcmd) return;
    if (!optionOn(ast.options, "full")) return;
  }
  const rels = cluster ? ast.relation ? [ast.relation] : [] : (ast.rels ?? []).map((r) => r.VacuumRelation?.relation).filter(Boolean);
  const existing = rels.filter((r) => !ctx.isNewTable(r));
  if (rels.length && !existing.length) return;
  const command = cluster ? "CLUSTER" : "VACUUM FULL";
  const names2 = existing.map((r) => `\`${displayTable(r)}\``).join(", ");
  const target = rels.length ? names2 : cluster ? "every table that was clustered before" : "every table of the database";
  const using = cluster && ast.indexname ? ` USING INDEX ${quoteIdent(ast.indexname)}` : "";
  const repack = rels.length ? existing.map((r) => `REPACK (CONCURRENTLY) ${quoteRel(r)}${using}`).join("; ") : `REPACK (CONCURRENTLY)${cluster ? " USING INDEX" : ""} on each table`;
  return {
    message: `${command} rewrites ${target} while holding an ACCESS EXCLUSIVE lock for the whole rewrite: every read and write waits, for as long as copying the table and rebuilding its indexes takes.`,
    help: ctx.pgVersion >= 19 ? `Use \`${repack}\`: it copies the table under SHARE UPDATE EXCLUSIVE (reads and writes go on) and takes ACCESS EXCLUSIVE only for the final swap. It needs a free replication slot, and only one runs at a time. Better still, run it by hand outside the migration.` : `PostgreSQL ${ctx.pgVersion} has no online form: run pg_repack outside the migration (it copies the table with a trigger and locks only for the swap), or REPACK (CONCURRENTLY) once on PostgreSQL 19. Maintenance like this rarely belongs in a migration that runs on deploy.`,
    lock: "AccessExclusiveLock",
    ...existing.length === 1 ? { table: relKey(existing[0]) } : {},
    data: { command, tables: existing.map((r) => relKey(r)) }
  };
}

// rules/postgres/ban-alter-domain-validation.ts
var ban_alter_domain_validation_default = defineRule({
  meta: {
    id: "ban-alter-domain-validation",
    severity: "error",
    summary: "ALTER DOMAIN \u2026 SET NOT NULL / VALIDATE CONSTRAINT checks every column that uses the domain while blocking writes to those tables.",
    kinds: ["AlterDomainStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.subtype === "O") return domainScan(stmt, ctx, "SET NOT NULL");
    if (ast.subtype === "V") return domainScan(stmt, ctx, `VALIDATE CONSTRAINT ${ast.name}`);
    return void 0;
  }
});

// rules/postgres/ban-alter-domain-with-add-constraint.ts
var ban_alter_domain_with_add_constraint_default = defineRule({
  meta: {
    id: "ban-alter-domain-with-add-constraint",
    severity: "error",
    summary: "ALTER DOMAIN \u2026 ADD CONSTRAINT checks every column that uses the domain while blocking writes to those tables.",
    kinds: ["AlterDomainStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    const con = ast.def?.Constraint;
    if (ast.subtype !== "C" || !con) return;
    if (con.skip_validation) return;
    return domainScan(
      stmt,
      ctx,
      con.contype === "CONSTR_NOTNULL" ? "ADD NOT NULL" : `ADD CONSTRAINT${con.conname ? ` ${con.conname}` : ""}`
    );
  }
});

// src/dialects/postgres/column-types.ts
function columnSites(stmt) {
  const out = [];
  const ast = stmt.ast;
  if (stmt.kind === "CreateStmt") {
    if (ast.relation?.relpersistence === "t") return out;
    for (const elt of ast.tableElts ?? []) {
      const def = elt.ColumnDef;
      if (!def?.typeName) continue;
      out.push({
        rel: ast.relation,
        column: def.colname,
        typeName: def.typeName,
        type: typeRef(def.typeName),
        def,
        via: "create"
      });
    }
  } else if (stmt.kind === "AlterTableStmt") {
    if (ast.objtype && ast.objtype !== "OBJECT_TABLE") return out;
    for (const cmd of alterCmds(ast)) {
      const def = cmd.def?.ColumnDef;
      if (!def?.typeName) continue;
      if (cmd.subtype === "AT_AddColumn") {
        out.push({
          rel: ast.relation,
          column: def.colname,
          typeName: def.typeName,
          type: typeRef(def.typeName),
          def,
          via: "add"
        });
      } else if (cmd.subtype === "AT_AlterColumnType") {
        out.push({
          rel: ast.relation,
          column: cmd.name,
          typeName: def.typeName,
          type: typeRef(def.typeName),
          def,
          via: "alter"
        });
      }
    }
  }
  return out;
}
function isCharType(typeName) {
  const n = (typeName?.names ?? []).map((x) => x?.String?.sval);
  const last = n[n.length - 1];
  if (last === "bpchar") return n.length === 1 || n[0] === "pg_catalog";
  if (last === "character") return n.length === 1;
  return false;
}
var RANK = { none: 0, index: 1, timezone: 2, rewrite: 3 };
var maxCost = (a, b) => RANK[a] >= RANK[b] ? a : b;
var TIME_TYPES = /* @__PURE__ */ new Set(["timestamp", "timestamptz", "time", "timetz"]);
var STRINGS = /* @__PURE__ */ new Set(["text", "varchar"]);
var limit = (t) => t.mods.length ? t.mods[0] : void 0;
function widens(from, to) {
  const m = limit(to);
  if (m === void 0) return true;
  const n = limit(from);
  return n !== void 0 && m >= n;
}
function typeChangeCost(from, to, pgVersion = DEFAULT_PG_VERSION) {
  if (sameType(from, to)) return "none";
  if (from.arrayDims || to.arrayDims) return "rewrite";
  const f = from.name;
  const t = to.name;
  const fUser = from.schema !== void 0 && f !== "citext";
  const tUser = to.schema !== void 0 && t !== "citext";
  if (fUser || tUser) return "rewrite";
  if (STRINGS.has(f) && t === "text") return "none";
  if (STRINGS.has(f) && t === "varchar")
    return f === "text" ? limit(to) === void 0 ? "none" : "rewrite" : widens(from, to) ? "none" : "rewrite";
  if (f === "varbit" && t === "varbit") return widens(from, to) ? "none" : "rewrite";
  if (f === "bit" && t === "varbit") return limit(to) === void 0 ? "index" : "rewrite";
  if (f === "bpchar" && t === "bpchar") return limit(to) === void 0 ? "none" : "rewrite";
  if (STRINGS.has(f) && t === "bpchar") return limit(to) === void 0 ? "index" : "rewrite";
  if (STRINGS.has(f) && t === "citext" || f === "citext" && t === "text") return "index";
  if (f === "citext" && t === "varchar") return limit(to) === void 0 ? "index" : "rewrite";
  if (f === "numeric" && t === "numeric") {
    if (!to.mods.length) return "none";
    if (!from.mods.length) return "rewrite";
    const scale = (x) => x.mods[1] ?? 0;
    return scale(from) === scale(to) && to.mods[0] >= from.mods[0] ? "none" : "rewrite";
  }
  if (f === t && TIME_TYPES.has(f)) return widens(from, to) ? "none" : "rewrite";
  if (f === "interval" && t === "interval") return to.mods.length ? "rewrite" : "none";
  if (f === "timestamp" && t === "timestamptz" || f === "timestamptz" && t === "timestamp") {
    if (pgVersion < 12) return "rewrite";
    return widens(from, to) ? "timezone" : "rewrite";
  }
  if (f === "cidr" && t === "inet") return "none";
  if (f === "int4" && t === "oid" || f === "oid" && t === "int4") return "index";
  return "rewrite";
}
function resolveDomain(t, catalog) {
  if (t.arrayDims) return { type: t };
  const key = `${t.schema ?? "public"}.${t.name}`;
  const d = catalog.domains.get(key);
  if (!d) return { type: t };
  if (d.hasCheck || d.notNull) return { type: t, constrainedDomain: t.schema ? key : t.name };
  return { type: d.base };
}
function minLocation(node) {
  let min = Infinity;
  const visit = (n) => {
    if (!n || typeof n !== "object") return;
    if (Array.isArray(n)) return n.forEach(visit);
    for (const [k, v] of Object.entries(n)) {
      if (k === "location" && typeof v === "number" && v >= 0) min = Math.min(min, v);
      else visit(v);
    }
  };
  visit(node);
  return min === Infinity ? -1 : min;
}
function usingText(stmt, cmdIndex) {
  let cmd;
  try {
    const parsed = parseSync(stmt.text);
    cmd = parsed.stmts?.[0]?.stmt?.AlterTableStmt?.cmds?.[cmdIndex]?.AlterTableCmd;
  } catch {
    return null;
  }
  const expr = cmd?.def?.ColumnDef?.raw_default;
  const loc = minLocation(expr);
  if (loc < 0) return null;
  const bytes2 = Buffer.from(stmt.text, "utf8");
  const at = bytes2.subarray(0, loc).toString("utf8").length;
  const before2 = stmt.text.slice(0, at);
  const m = /\busing\b(?![\s\S]*\busing\b)/i.exec(before2);
  let i = m ? m.index + m[0].length : at;
  const start = i;
  let depth = 0;
  const text = stmt.text;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) break;
  }
  const out = text.slice(start, i).trim();
  return out || null;
}
function usingCasts(expr, column2) {
  const casts = [];
  let n = expr;
  while (n?.TypeCast) {
    casts.unshift(typeRef(n.TypeCast.typeName));
    n = n.TypeCast.arg;
  }
  const fields = n?.ColumnRef?.fields ?? [];
  const last = fields[fields.length - 1]?.String?.sval;
  return last === column2 ? casts : null;
}
function mentionsColumn(expr, column2) {
  let found = false;
  const visit = (n) => {
    if (found || !n || typeof n !== "object") return;
    if (Array.isArray(n)) return n.forEach(visit);
    for (const [k, v] of Object.entries(n)) {
      if (k === "ColumnRef") {
        const fields = v.fields ?? [];
        if (fields[fields.length - 1]?.String?.sval === column2) found = true;
      } else visit(v);
    }
  };
  visit(expr);
  return found;
}
var sameRel = (a, b) => relKey(a) === relKey(b);
function foreignKeyPairs(stmt, ctx) {
  const ast = stmt.ast;
  const rel = stmt.kind === "CreateStmt" || stmt.kind === "AlterTableStmt" ? ast.relation : void 0;
  if (!rel) return [];
  const own = /* @__PURE__ */ new Map();
  let ownPk = [];
  const fks = [];
  const collectDef = (def) => {
    if (def?.typeName) own.set(def.colname, typeRef(def.typeName));
    for (const c of def?.constraints ?? []) {
      const con = c.Constraint;
      if (con?.contype === "CONSTR_FOREIGN") fks.push({ con, inline: def.colname });
      if (con?.contype === "CONSTR_PRIMARY") ownPk = [def.colname];
    }
  };
  if (stmt.kind === "CreateStmt") {
    for (const elt of ast.tableElts ?? []) {
      if (elt.ColumnDef) collectDef(elt.ColumnDef);
      const con = elt.Constraint;
      if (con?.contype === "CONSTR_FOREIGN") fks.push({ con });
      if (con?.contype === "CONSTR_PRIMARY") ownPk = (con.keys ?? []).map((k) => k.String?.sval);
    }
  } else {
    if (ast.objtype && ast.objtype !== "OBJECT_TABLE") return [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype === "AT_AddColumn") collectDef(cmd.def?.ColumnDef);
      const con = cmd.def?.Constraint;
      if (cmd.subtype === "AT_AddConstraint" && con?.contype === "CONSTR_FOREIGN") fks.push({ con });
    }
  }
  const out = [];
  for (const { con, inline } of fks) {
    const refRel = con.pktable;
    const self = sameRel(refRel, rel);
    const local = inline ? [inline] : (con.fk_attrs ?? []).map((k) => k.String?.sval);
    let refs = (con.pk_attrs ?? []).map((k) => k.String?.sval);
    if (!refs.length) {
      if (self && ownPk.length) refs = ownPk;
      else {
        const pk = [...ctx.table(refRel)?.constraints.values() ?? []].find((c) => c.type === "primary");
        refs = pk?.columns ?? [];
      }
    }
    local.forEach((column2, i) => {
      const refColumn = refs[i];
      if (!column2 || !refColumn) return;
      const pair = { rel, column: column2, refRel, refColumn };
      const type = own.get(column2) ?? ctx.column(rel, column2)?.type;
      const refType = (self ? own.get(refColumn) : void 0) ?? ctx.column(refRel, refColumn)?.type;
      if (type) pair.type = type;
      if (refType) pair.refType = refType;
      out.push(pair);
    });
  }
  return out;
}

// rules/postgres/ban-char-field.ts
var ban_char_field_default = defineRule({
  meta: {
    id: "ban-char-field",
    severity: "warning",
    summary: "char(n)/character(n) columns pad values with spaces; use text or varchar.",
    kinds: ["CreateStmt", "AlterTableStmt"]
  },
  check(stmt) {
    const issues = [];
    for (const site of columnSites(stmt)) {
      if (!isCharType(site.typeName)) continue;
      const n = site.type.mods[0];
      const written = n !== void 0 ? typeToSql(site.type) : typeToSql(site.type).replace(/^char/, "bpchar");
      const padding = n !== void 0 ? `values are blank-padded to ${n} character${n === 1 ? "" : "s"}, trailing spaces are ignored in comparisons but not by LIKE or regular expressions` : "trailing spaces are ignored in comparisons but not by LIKE or regular expressions";
      issues.push({
        message: `\`${displayTable(site.rel)}.${site.column}\` is ${written}: ${padding}, and it saves no space or time over text.`,
        help: n !== void 0 ? `Use text (or varchar(${n})), with CHECK (char_length(${site.column}) = ${n}) if every value must have exactly ${n} characters.` : "Use text or varchar.",
        table: relKey(site.rel),
        data: { column: site.column, type: written }
      });
    }
    return issues;
  }
});

// rules/postgres/ban-cluster-level-statement.ts
var ban_cluster_level_statement_default = defineRule({
  meta: {
    id: "ban-cluster-level-statement",
    severity: "error",
    summary: "CREATE/ALTER DATABASE, ALTER SYSTEM, tablespaces and calls acting on other sessions change more than the database (error); roles are server-wide too (warning)."
  },
  check(stmt) {
    if (stmt.kind === "DropdbStmt") return;
    const r = outsideReach(stmt).find(
      (x) => x.category === "database" || x.category === "cluster" || x.category === "role"
    );
    if (!r) return;
    if (r.category === "role") {
      return {
        message: `${r.what} ${r.why}: the migration then depends on, or changes, something every other database on the server shares, and it fails or does something else on a server where the role already exists or does not.`,
        help: "Manage roles and their memberships outside the migrations (infrastructure code, by hand); keep GRANTs on your own objects in the migration. Silence it with `-- zerodown-ignore ban-cluster-level-statement` where a role really belongs here.",
        severity: "warning",
        data: { category: r.category, what: r.what }
      };
    }
    return {
      message: `${r.what} ${r.why}: it changes more than the database the migration is for, on every server the migration is applied to.`,
      help: r.category === "database" ? "Create, configure and rename databases outside the migrations (infrastructure code or by hand); a migration changes objects inside its own database." : "Change server settings, tablespaces and other sessions outside the migrations (the server configuration or by hand).",
      data: { category: r.category, what: r.what }
    };
  }
});

// rules/postgres/ban-concurrent-index-creation-in-transaction.ts
function endedByCommit(statements, index) {
  for (let i = index - 1; i >= 0; i--) {
    const k = txKind(statements[i]);
    if (k === void 0 || k === "other") continue;
    return (k === "commit" || k === "rollback") && !chained(statements[i]);
  }
  return false;
}
var HOW = {
  goose: "add `-- +goose NO TRANSACTION` to that file",
  dbmate: "mark its up block `-- migrate:up transaction:false` and keep the statement alone in it",
  sqlx: "start that file with `-- no-transaction` and keep the statement alone in it",
  flyway: "keep the statement alone in its script (Flyway then runs it without a transaction) or set `executeInTransaction=false` in its `.sql.conf`",
  diesel: "set `run_in_transaction = false` in its metadata.toml and keep the statement alone in up.sql",
  liquibase: "give its changeset `runInTransaction:false`",
  drizzle: "run it outside `drizzle-kit migrate` (Drizzle applies all pending migrations in one transaction)"
};
var ban_concurrent_index_creation_in_transaction_default = defineRule({
  meta: {
    id: "ban-concurrent-index-creation-in-transaction",
    severity: "error",
    summary: "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY fail inside a transaction block.",
    kinds: ["IndexStmt", "DropStmt", "ReindexStmt", "AlterTableStmt"]
  },
  check(stmt, ctx) {
    if (!ctx.tx.inTransaction) return;
    if (!ctx.tx.explicit && !SCRIPT_TOOLS.has(ctx.migration.framework) && endedByCommit(ctx.statements, stmt.index))
      return;
    const ast = stmt.ast;
    let what;
    let error;
    let table;
    switch (stmt.kind) {
      case "IndexStmt":
        if (ast.concurrent)
          [what, error] = [`CREATE ${ast.unique ? "UNIQUE " : ""}INDEX CONCURRENTLY`, "CREATE INDEX CONCURRENTLY"];
        table = ast.relation ? relKey(ast.relation) : void 0;
        break;
      case "DropStmt":
        if (ast.removeType === "OBJECT_INDEX" && ast.concurrent) what = error = "DROP INDEX CONCURRENTLY";
        break;
      case "ReindexStmt":
        if ((ast.params ?? []).some((p) => p.DefElem?.defname === "concurrently" && str2(p.DefElem.arg) !== "false"))
          what = error = "REINDEX CONCURRENTLY";
        break;
      case "AlterTableStmt":
        if (alterCmds(ast).some((c) => c.subtype === "AT_DetachPartition" && c.def?.PartitionCmd?.concurrent)) {
          [what, error] = ["DETACH PARTITION CONCURRENTLY", "ALTER TABLE ... DETACH CONCURRENTLY"];
          table = relKey(ast.relation);
        }
        break;
    }
    if (!what) return;
    const framework = ctx.migration.framework;
    const why = ctx.tx.explicit ? "it sits inside the BEGIN \u2026 COMMIT block of this file" : `${framework && framework !== "plain" ? framework : "the migration tool"} runs this file inside a transaction`;
    const how = HOW[framework] ?? "configure your migration tool to run that file outside a transaction";
    return {
      message: `${what} cannot run inside a transaction block, and ${why}: PostgreSQL rejects it with "${error} cannot run inside a transaction block" and the deploy fails.`,
      help: `Move it to a migration of its own that runs outside a transaction: ${ctx.tx.explicit ? "remove the BEGIN/COMMIT around it, or " : ""}${how}.`,
      ...table ? { table } : {},
      data: { statement: what, explicit: ctx.tx.explicit, framework }
    };
  }
});
function str2(n) {
  return n?.String?.sval;
}

// rules/postgres/ban-create-domain-with-constraint.ts
var ban_create_domain_with_constraint_default = defineRule({
  meta: {
    id: "ban-create-domain-with-constraint",
    severity: "warning",
    summary: "CREATE DOMAIN with a CHECK or NOT NULL constraint: domain constraints cannot be changed later without blocking writes to every table that uses the domain.",
    kinds: ["CreateDomainStmt"]
  },
  check(stmt) {
    const cons = (stmt.ast.constraints ?? []).map((c) => c.Constraint).filter(Boolean);
    const check = cons.some((c) => c.contype === "CONSTR_CHECK");
    const notNull = cons.some((c) => c.contype === "CONSTR_NOTNULL");
    if (!check && !notNull) return;
    const domain = names(stmt.ast.domainname).join(".");
    const kinds = [check && "CHECK", notNull && "NOT NULL"].filter(Boolean).join(" and ");
    return {
      message: `Domain \`${domain}\` carries a ${kinds} constraint. Changing it later means ALTER DOMAIN, which re-checks every column using the domain under a SHARE lock that blocks writes to all those tables (there is no online NOT VALID \u2192 VALIDATE path for domains), and converting an existing column to \`${domain}\` rewrites the whole table under an ACCESS EXCLUSIVE lock${notNull ? "; a NOT NULL domain is also not enforced everywhere (e.g. outer joins and composite fields can still produce NULLs)" : ""}.`,
      help: "Create the domain without constraints (or use the base type) and put CHECK / NOT NULL on the table columns, where they can be added NOT VALID and validated online.",
      data: { domain, check, notNull }
    };
  }
});

// rules/postgres/ban-drop-column.ts
var ban_drop_column_default = defineRule({
  meta: {
    id: "ban-drop-column",
    severity: "error",
    summary: "Dropping a column deletes its data and breaks running code that still uses it.",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (!altersExistingTable(ast, ctx)) return;
    const table = ctx.table(ast.relation);
    const issues = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype !== "AT_DropColumn") continue;
      const column2 = cmd.name;
      if (ctx.isReleaseColumn(ast.relation, column2)) continue;
      if (table && cmd.missing_ok && !table.columns.has(column2)) continue;
      const where = `\`${displayTable(ast.relation)}.${column2}\``;
      issues.push({
        message: `Dropping ${where} deletes its data for good, and app instances still running the old code fail on their next query that names it (ORMs often select every mapped column).`,
        help: "First ship code that no longer reads or writes the column (remove it from the ORM model), then drop it in a later migration; keep a backup if the data may be needed.",
        lock: "AccessExclusiveLock",
        table: relKey(ast.relation),
        data: { column: column2, cascade: cmd.behavior === "DROP_CASCADE" }
      });
    }
    return issues;
  }
});

// rules/postgres/ban-drop-database.ts
var ban_drop_database_default = defineRule({
  meta: {
    id: "ban-drop-database",
    severity: "error",
    summary: "DROP DATABASE deletes a whole database.",
    kinds: ["DropdbStmt"]
  },
  check(stmt) {
    const name6 = stmt.ast.dbname;
    return {
      message: `DROP DATABASE \`${name6}\` deletes every table and row in it for good; a migration is never the place for that.`,
      help: "Remove it from the migration; drop databases by hand, after a backup, outside the deploy pipeline.",
      data: { database: name6, force: (stmt.ast.options ?? []).length > 0 }
    };
  }
});

// rules/postgres/ban-drop-default.ts
var ban_drop_default_default = defineRule({
  meta: {
    id: "ban-drop-default",
    severity: "error",
    summary: "Dropping a column default breaks running code that inserts without the column: it gets NULL, or a NOT NULL violation.",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.objtype && ast.objtype !== "OBJECT_TABLE" || ctx.isReleaseTable(ast.relation)) return;
    const issues = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype !== "AT_ColumnDefault" || cmd.def) continue;
      const column2 = cmd.name;
      if (ctx.isReleaseColumn(ast.relation, column2)) continue;
      const col = ctx.column(ast.relation, column2);
      if (col && col.default === void 0 && !col.identity && !col.generated) continue;
      const where = `\`${displayTable(ast.relation)}.${column2}\``;
      const notNull = !!col?.notNull;
      issues.push({
        severity: notNull ? "error" : "warning",
        message: notNull ? `Dropping the default of ${where}, which is NOT NULL, makes every INSERT that leaves the column out fail; app instances still running the old code rely on the default and break until the new code is deployed everywhere.` : `Dropping the default of ${where} makes INSERTs that leave the column out store NULL instead; app instances still running the old code rely on the default and silently write NULLs until the new code is deployed everywhere.`,
        help: "First ship code that always writes the column, then drop the default in a later migration.",
        table: relKey(ast.relation),
        data: { column: column2, notNull }
      });
    }
    return issues;
  }
});

// src/dialects/postgres/dropped.ts
var NOUNS = {
  OBJECT_VIEW: ["view", "view"],
  OBJECT_MATVIEW: ["view", "materialized view"],
  OBJECT_FUNCTION: ["function", "function"],
  OBJECT_PROCEDURE: ["function", "procedure"],
  OBJECT_ROUTINE: ["function", "routine"],
  OBJECT_TYPE: ["type", "type"],
  OBJECT_DOMAIN: ["type", "domain"],
  OBJECT_TRIGGER: ["trigger", "trigger"]
};
function droppedObjects(ast) {
  const kind = NOUNS[ast?.removeType];
  if (!kind) return [];
  const [k, noun] = kind;
  const out = [];
  for (const obj of ast.objects ?? []) {
    if (k === "function") {
      const owa = obj.ObjectWithArgs;
      const parts2 = names(owa?.objname);
      if (!parts2.length) continue;
      const ref = { kind: k, key: qualifiedKey(parts2), display: parts2.join("."), noun };
      if (!owa.args_unspecified) ref.arity = (owa.objargs ?? []).length;
      out.push(ref);
    } else if (k === "type") {
      const parts2 = names(obj.TypeName?.names);
      if (parts2.length) out.push({ kind: k, key: qualifiedKey(parts2), display: parts2.join("."), noun });
    } else {
      const parts2 = names(obj.List?.items);
      if (!parts2.length) continue;
      if (k === "trigger") {
        if (parts2.length < 2) continue;
        const trig = parts2[parts2.length - 1];
        const tableParts = parts2.slice(0, -1);
        const table = tableParts.length > 1 ? { schemaname: tableParts[tableParts.length - 2], relname: tableParts[tableParts.length - 1] } : { relname: tableParts[0] };
        out.push({ kind: k, key: `${qualifiedKey(tableParts)}.${trig}`, display: trig, table, noun });
      } else out.push({ kind: k, key: qualifiedKey(parts2), display: parts2.join("."), noun });
    }
  }
  return out;
}
var relParts = (rv) => [rv?.schemaname, rv?.relname].filter((x) => !!x);
function created(stmt) {
  const a = stmt.ast;
  switch (stmt.kind) {
    case "ViewStmt":
      return { kind: "view", key: qualifiedKey(relParts(a.view)), replace: !!a.replace };
    case "CreateTableAsStmt":
      return a.objtype === "OBJECT_MATVIEW" ? { kind: "view", key: qualifiedKey(relParts(a.into?.rel)), replace: false } : void 0;
    case "CreateFunctionStmt": {
      const args = (a.parameters ?? []).filter((p) => {
        const mode = p.FunctionParameter?.mode;
        return mode !== "FUNC_PARAM_OUT" && mode !== "FUNC_PARAM_TABLE";
      });
      return { kind: "function", key: qualifiedKey(names(a.funcname)), arity: args.length, replace: !!a.replace };
    }
    case "CompositeTypeStmt":
      return { kind: "type", key: qualifiedKey(relParts(a.typevar)), replace: false };
    case "CreateEnumStmt":
      return { kind: "type", key: qualifiedKey(names(a.typeName)), replace: false };
    case "CreateRangeStmt":
      return { kind: "type", key: qualifiedKey(names(a.typeName)), replace: false };
    case "CreateDomainStmt":
      return { kind: "type", key: qualifiedKey(names(a.domainname)), replace: false };
    case "DefineStmt":
      return a.kind === "OBJECT_TYPE" ? { kind: "type", key: qualifiedKey(names(a.defnames)), replace: false } : void 0;
    case "CreateTrigStmt":
      return { kind: "trigger", key: `${qualifiedKey(relParts(a.relation))}.${a.trigname}`, replace: !!a.replace };
    default:
      return void 0;
  }
}
function matches(c, o) {
  if (c.kind !== o.kind || c.key !== o.key) return false;
  return o.arity === void 0 || c.arity === void 0 || c.arity === o.arity;
}
function createdEarlier(statements, index, o) {
  for (let i = index - 1; i >= 0; i--) {
    const s = statements[i];
    if (s.kind === "DropStmt" && droppedObjects(s.ast).some((d) => d.kind === o.kind && d.key === o.key)) return false;
    const c = created(s);
    if (c && matches(c, o)) return !c.replace;
  }
  return false;
}
function recreatedInSameTransaction(statements, index, o, inTransaction) {
  for (let i = index + 1; i < statements.length; i++) {
    const c = created(statements[i]);
    if (c && matches(c, o)) return sameTransaction(statements, index, i, inTransaction) ? statements[i] : void 0;
  }
  return void 0;
}
function dropIssues(stmt, ctx, kind, w) {
  const cascade = stmt.ast.behavior === "DROP_CASCADE";
  const issues = [];
  for (const o of droppedObjects(stmt.ast)) {
    if (o.kind !== kind) continue;
    if (createdEarlier(ctx.statements, stmt.index, o)) continue;
    if (o.table && ctx.isReleaseTable(o.table)) continue;
    const again = recreatedInSameTransaction(ctx.statements, stmt.index, o, ctx.tx.inTransaction);
    const data = { object: o.key, kind: o.noun, cascade };
    if (again && !cascade) {
      issues.push({
        severity: "warning",
        message: `The ${o.noun} \`${o.display}\` is dropped and created again in the same transaction (line ${again.span.line}), so no session sees it missing; but app instances still running the old code break if the new definition drops or changes anything they use.`,
        help: `Keep every column, argument and behaviour the running code relies on in the new definition${kind === "view" ? " (CREATE OR REPLACE VIEW can only add columns at the end, which proves it)" : ""}; remove the old parts in a later release.`,
        data
      });
      continue;
    }
    issues.push({
      message: w.harm(o, cascade),
      help: w.help(o),
      data,
      ...o.table ? { table: `${o.table.schemaname ?? DEFAULT_SCHEMA}.${o.table.relname}` } : {}
    });
  }
  return issues;
}

// rules/postgres/ban-drop-function.ts
var ban_drop_function_default = defineRule({
  meta: {
    id: "ban-drop-function",
    severity: "error",
    summary: "Dropping a function or procedure breaks running code, triggers and defaults that still call it.",
    kinds: ["DropStmt"]
  },
  check(stmt, ctx) {
    return dropIssues(stmt, ctx, "function", {
      harm: (o, cascade) => `Dropping the ${o.noun} \`${o.display}\` makes every call from app instances still running the old code fail until the new code is deployed everywhere${cascade ? "; CASCADE also drops the triggers, defaults, constraints and views that use it, silently" : ""}.`,
      help: () => "First ship code that no longer calls it, then drop it in a later migration; to change its body keep the signature and use CREATE OR REPLACE FUNCTION, and to change the signature add the new function beside the old one."
    });
  }
});

// rules/postgres/ban-drop-not-null.ts
var ban_drop_not_null_default = defineRule({
  meta: {
    id: "ban-drop-not-null",
    severity: "warning",
    summary: "Dropping NOT NULL lets NULLs into a column that running code assumes is always set.",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (!altersExistingTable(ast, ctx)) return;
    const issues = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype !== "AT_DropNotNull") continue;
      const column2 = cmd.name;
      if (ctx.isNewColumn(ast.relation, column2)) continue;
      const col = ctx.column(ast.relation, column2);
      if (col && !col.notNull) continue;
      issues.push({
        message: `Dropping NOT NULL on \`${displayTable(ast.relation)}.${column2}\` changes its contract: code, reports and other services that assume a value will meet NULLs once new code writes them.`,
        help: "Make every reader handle NULL before this ships (or keep the constraint); it is often the first step of dropping the column, which is fine once readers are ready.",
        lock: "AccessExclusiveLock",
        table: relKey(ast.relation),
        data: { column: column2 }
      });
    }
    return issues;
  }
});

// rules/postgres/ban-drop-table.ts
var ban_drop_table_default = defineRule({
  meta: {
    id: "ban-drop-table",
    severity: "error",
    summary: "Dropping a table deletes its data and breaks running code that still uses it.",
    kinds: ["DropStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.removeType !== "OBJECT_TABLE") return;
    const cascade = ast.behavior === "DROP_CASCADE";
    const issues = [];
    for (const obj of ast.objects ?? []) {
      const parts2 = names(obj.List?.items ?? (obj.String ? [obj] : []));
      if (!parts2.length) continue;
      const rel = parts2.length > 1 ? { schemaname: parts2[parts2.length - 2], relname: parts2[parts2.length - 1] } : { relname: parts2[0] };
      if (ctx.isReleaseTable(rel)) continue;
      const key = `${rel.schemaname ?? "public"}.${rel.relname}`;
      const t = displayTable(rel);
      issues.push({
        message: `Dropping table \`${t}\` deletes all its rows for good, and app instances still running the old code fail on their next query against it${cascade ? "; CASCADE also drops the views and foreign keys that depend on it" : ""}.`,
        help: "First ship code that no longer uses the table, then drop it in a later migration (rename it aside first if you want a way back).",
        lock: "AccessExclusiveLock",
        table: key,
        data: { cascade }
      });
    }
    return issues;
  }
});

// rules/postgres/ban-drop-trigger.ts
var ban_drop_trigger_default = defineRule({
  meta: {
    id: "ban-drop-trigger",
    severity: "warning",
    summary: "Dropping a trigger silently stops the work it did (audit rows, synced columns, counters) that running code relies on. Opt-in.",
    kinds: ["DropStmt"],
    optIn: true
  },
  check(stmt, ctx) {
    return dropIssues(stmt, ctx, "trigger", {
      harm: (o) => `Dropping the trigger \`${o.display}\` on \`${o.table?.schemaname ? `${o.table.schemaname}.` : ""}${o.table?.relname}\` silently stops what it did on every write (audit rows, a synced column, a counter); app instances still running the old code keep writing as if it were there, and nothing fails to tell you.`,
      help: () => "Move the work into application code (or a replacement trigger) and ship that first, then drop the trigger in a later migration; to change it, CREATE OR REPLACE TRIGGER (PostgreSQL 14+) swaps it in one step."
    });
  }
});

// rules/postgres/ban-drop-type.ts
var ban_drop_type_default = defineRule({
  meta: {
    id: "ban-drop-type",
    severity: "error",
    summary: "Dropping a type or domain breaks running code that casts to it; with CASCADE it also drops every column of that type.",
    kinds: ["DropStmt"]
  },
  check(stmt, ctx) {
    return dropIssues(stmt, ctx, "type", {
      harm: (o, cascade) => cascade ? `Dropping the ${o.noun} \`${o.display}\` with CASCADE also drops every table column of that type, deleting its data for good, and every function that takes or returns it; app instances still running the old code fail on their next query that uses any of them.` : `Dropping the ${o.noun} \`${o.display}\` breaks every query of app instances still running the old code that casts to it or calls a function using it (and the migration fails if a column still has that type).`,
      help: () => "First ship code that no longer uses the type, move any column off it, then drop it in a later migration; never drop a type with CASCADE."
    });
  }
});

// rules/postgres/ban-drop-view.ts
var ban_drop_view_default = defineRule({
  meta: {
    id: "ban-drop-view",
    severity: "error",
    summary: "Dropping a view (or materialized view) breaks running code that still queries it.",
    kinds: ["DropStmt"]
  },
  check(stmt, ctx) {
    return dropIssues(stmt, ctx, "view", {
      harm: (o, cascade) => `Dropping the ${o.noun} \`${o.display}\` makes every query of app instances still running the old code fail with "relation does not exist" until the new code is deployed everywhere${cascade ? "; CASCADE also drops the views built on it" : ""}.`,
      help: () => "First ship code that no longer reads the view, then drop it in a later migration; to change its definition, use CREATE OR REPLACE VIEW (it keeps the existing columns)."
    });
  }
});

// rules/postgres/ban-duplicate-column-assignments.ts
var SQL_VALUE_FUNCTIONS = {
  SVFOP_CURRENT_DATE: "current_date",
  SVFOP_CURRENT_TIME: "current_time",
  SVFOP_CURRENT_TIME_N: "current_time",
  SVFOP_CURRENT_TIMESTAMP: "current_timestamp",
  SVFOP_CURRENT_TIMESTAMP_N: "current_timestamp",
  SVFOP_LOCALTIME: "localtime",
  SVFOP_LOCALTIME_N: "localtime",
  SVFOP_LOCALTIMESTAMP: "localtimestamp",
  SVFOP_LOCALTIMESTAMP_N: "localtimestamp",
  SVFOP_CURRENT_ROLE: "current_role",
  SVFOP_CURRENT_USER: "current_user",
  SVFOP_USER: "user",
  SVFOP_SESSION_USER: "session_user",
  SVFOP_CURRENT_CATALOG: "current_catalog",
  SVFOP_CURRENT_SCHEMA: "current_schema"
};
function figureColname(node) {
  if (!node || typeof node !== "object") return void 0;
  const [k, v] = Object.entries(node)[0];
  switch (k) {
    case "ColumnRef": {
      const last = v.fields?.[v.fields.length - 1];
      return last?.String ? [last.String.sval, 2] : void 0;
    }
    case "A_Indirection": {
      const last = v.indirection?.[v.indirection.length - 1];
      if (last?.String) return [last.String.sval, 2];
      if (last?.A_Star) return void 0;
      return figureColname(v.arg);
    }
    case "FuncCall":
      return [names(v.funcname).at(-1) ?? "?column?", 2];
    case "A_Expr":
      return v.kind === "AEXPR_NULLIF" ? ["nullif", 2] : ["?column?", 0];
    case "TypeCast": {
      const inner = figureColname(v.arg);
      if (inner && inner[1] > 1) return inner;
      if (!inner && !v.arg?.A_Const) return void 0;
      const t = names(v.typeName?.names).at(-1);
      return t ? [t, 1] : inner;
    }
    case "CollateClause":
      return figureColname(v.arg);
    case "GroupingFunc":
      return ["grouping", 2];
    case "SubLink":
      if (v.subLinkType === "EXISTS_SUBLINK") return ["exists", 2];
      if (v.subLinkType === "ARRAY_SUBLINK") return ["array", 2];
      if (v.subLinkType === "EXPR_SUBLINK" || v.subLinkType === "MULTIEXPR_SUBLINK") return void 0;
      return ["?column?", 0];
    case "CaseExpr":
      return ["case", 1];
    case "A_ArrayExpr":
      return ["array", 2];
    case "RowExpr":
      return ["row", 2];
    case "CoalesceExpr":
      return ["coalesce", 2];
    case "MinMaxExpr":
      return [v.op === "IS_LEAST" ? "least" : "greatest", 2];
    case "SQLValueFunction":
      return SQL_VALUE_FUNCTIONS[v.op] ? [SQL_VALUE_FUNCTIONS[v.op], 2] : void 0;
    case "A_Const":
    case "ParamRef":
    case "BoolExpr":
    case "NullTest":
    case "BooleanTest":
      return ["?column?", 0];
    default:
      return void 0;
  }
}
function selectNames(sel) {
  if (!sel) return [];
  if (sel.op && sel.op !== "SETOP_NONE") return selectNames(sel.larg);
  if (sel.valuesLists?.length)
    return (sel.valuesLists[0].List?.items ?? []).map((_, i) => `column${i + 1}`);
  return (sel.targetList ?? []).map((t) => {
    const rt = t.ResTarget;
    if (!rt) return void 0;
    if (rt.name) return rt.name;
    return figureColname(rt.val)?.[0];
  });
}
function duplicateAssignments(list4) {
  const by = /* @__PURE__ */ new Map();
  for (const a of list4) by.set(a.name, [...by.get(a.name) ?? [], a]);
  return [...by].filter(([, xs]) => xs.length > 1 && !xs.every((x) => x.partial)).map(([n]) => n);
}
function duplicateNames(list4) {
  const seen = /* @__PURE__ */ new Set();
  const dup = /* @__PURE__ */ new Set();
  for (const n of list4) {
    if (n === void 0) continue;
    if (seen.has(n)) dup.add(n);
    seen.add(n);
  }
  return [...dup];
}
var assignments = (targets) => (targets ?? []).map((t) => t.ResTarget).filter((rt) => rt?.name).map((rt) => ({ name: rt.name, partial: !!rt.indirection?.length }));
var list = (xs) => xs.map((x) => `\`${x}\``).join(", ");
var ban_duplicate_column_assignments_default = defineRule({
  meta: {
    id: "ban-duplicate-column-assignments",
    severity: "error",
    summary: "The same column assigned or defined twice in one statement: PostgreSQL rejects the statement and the migration fails."
  },
  check(stmt) {
    const ast = stmt.ast;
    const issues = [];
    const assign = (dups, where, table) => {
      if (!dups.length) return;
      issues.push({
        message: `${where} assigns ${list(dups)} more than once${table ? ` on \`${displayTable(table)}\`` : ""}: PostgreSQL rejects it with "multiple assignments to same column", so the migration fails here.`,
        help: "Keep one assignment per column (combine the expressions if both were meant).",
        data: { columns: dups }
      });
    };
    const define = (dups, what) => {
      if (!dups.length) return;
      issues.push({
        message: `${what} names column ${list(dups)} more than once: PostgreSQL rejects it with "column \u2026 specified more than once", so the migration fails here.`,
        help: "Give every output column a distinct name (add AS aliases, or a column list).",
        data: { columns: dups }
      });
    };
    switch (stmt.kind) {
      case "UpdateStmt":
        assign(duplicateAssignments(assignments(ast.targetList)), "UPDATE \u2026 SET", ast.relation);
        break;
      case "InsertStmt":
        assign(duplicateAssignments(assignments(ast.cols)), "The INSERT column list", ast.relation);
        assign(
          duplicateAssignments(assignments(ast.onConflictClause?.targetList)),
          "ON CONFLICT DO UPDATE SET",
          ast.relation
        );
        break;
      case "MergeStmt":
        for (const w of ast.mergeWhenClauses ?? []) {
          const c = w.MergeWhenClause;
          if (c?.commandType === "CMD_UPDATE")
            assign(duplicateAssignments(assignments(c.targetList)), "MERGE \u2026 UPDATE SET", ast.relation);
          if (c?.commandType === "CMD_INSERT")
            assign(duplicateAssignments(assignments(c.targetList)), "MERGE \u2026 INSERT", ast.relation);
        }
        break;
      case "CreateStmt":
      case "CreateForeignTableStmt": {
        const base = stmt.kind === "CreateStmt" ? ast : ast.base;
        const cols = (base?.tableElts ?? []).map((e) => e.ColumnDef?.colname).filter(Boolean);
        const what = stmt.kind === "CreateStmt" ? "CREATE TABLE" : "CREATE FOREIGN TABLE";
        define(duplicateNames(cols), `${what} \`${displayTable(base?.relation)}\``);
        break;
      }
      case "ViewStmt":
      case "CreateTableAsStmt": {
        const aliases = ((stmt.kind === "ViewStmt" ? ast.aliases : ast.into?.colNames) ?? []).map(
          (a) => a.String?.sval
        );
        const selected = selectNames(ast.query?.SelectStmt);
        const out = selected.map((n, i) => aliases[i] ?? n);
        for (let i = selected.length; i < aliases.length; i++) out.push(aliases[i]);
        const rel = stmt.kind === "ViewStmt" ? ast.view : ast.into?.rel;
        const what = stmt.kind === "ViewStmt" ? "CREATE VIEW" : ast.objtype === "OBJECT_MATVIEW" ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE \u2026 AS";
        define(duplicateNames(out), `${what} \`${displayTable(rel)}\``);
        break;
      }
      case "SelectStmt":
        if (ast.intoClause)
          define(duplicateNames(selectNames(ast)), `SELECT \u2026 INTO \`${displayTable(ast.intoClause.rel)}\``);
        break;
      default:
        break;
    }
    return issues;
  }
});

// rules/postgres/ban-reindex-system.ts
var ban_reindex_system_default = defineRule({
  meta: {
    id: "ban-reindex-system",
    severity: "error",
    summary: "REINDEX SYSTEM rebuilds every system catalog index with no concurrent form: DDL, new connections and catalog lookups wait.",
    kinds: ["ReindexStmt"]
  },
  check(stmt) {
    if (stmt.ast.kind !== "REINDEX_OBJECT_SYSTEM") return;
    return {
      message: "REINDEX SYSTEM rebuilds every index of the system catalogs, holding a SHARE lock on each catalog (every CREATE, ALTER, DROP, and every temporary table, waits) and an ACCESS EXCLUSIVE lock on each catalog index while it rebuilds it: new connections and every query that has to look up the catalog wait too. It has no CONCURRENTLY form.",
      help: "Take it out of the migration: reindex the system catalogs by hand in a maintenance window, only when corruption or bloat calls for it.",
      lock: "AccessExclusiveLock",
      data: { tableLock: "ShareLock", indexLock: "AccessExclusiveLock" }
    };
  }
});

// rules/postgres/ban-server-program-or-file-access.ts
var HELP = {
  program: "Remove it: load data with COPY \u2026 FROM STDIN from your migration tool or application, and install extensions or languages with a trusted one (plpgsql) or by hand, outside migrations.",
  "server-file": "Remove it: load or export data with COPY \u2026 FROM STDIN / TO STDOUT (psql \\copy) from the client, never through files on the database server.",
  connection: "Remove it: set up foreign servers, user mappings, dblink and subscriptions by hand, with the credentials kept out of the repository."
};
var ban_server_program_or_file_access_default = defineRule({
  meta: {
    id: "ban-server-program-or-file-access",
    severity: "error",
    summary: "COPY \u2026 PROGRAM, COPY to or from a server file, server file functions, untrusted languages and outside connections (dblink, foreign servers, subscriptions) reach beyond the database."
  },
  check(stmt) {
    const r = outsideReach(stmt).find((x) => x.category in HELP);
    if (!r) return;
    return {
      message: `${r.what} ${r.why}: a migration that does this runs with the database server's rights wherever it is applied, and a pull request that adds it can reach the machine, not just the schema.`,
      help: HELP[r.category],
      data: { category: r.category, what: r.what }
    };
  }
});

// rules/postgres/ban-truncate-cascade.ts
function cascaded(catalog, start) {
  const seen = new Set(start);
  const out = [];
  for (let i = 0; i < start.length + out.length; i++) {
    const target = i < start.length ? start[i] : out[i - start.length];
    for (const [key, t] of catalog.tables) {
      if (seen.has(key)) continue;
      if ([...t.constraints.values()].some((c) => c.type === "foreign" && c.references === target)) {
        seen.add(key);
        out.push(key);
      }
    }
  }
  return out;
}
var ban_truncate_cascade_default = defineRule({
  meta: {
    id: "ban-truncate-cascade",
    severity: "error",
    summary: "TRUNCATE \u2026 CASCADE also empties every table that references the truncated ones.",
    kinds: ["TruncateStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.behavior !== "DROP_CASCADE") return;
    const rels = (ast.relations ?? []).map((r) => r.RangeVar).filter(Boolean);
    const keys = rels.map((r) => relKey(r));
    const also = cascaded(ctx.catalog, keys);
    if ([...keys, ...also].every((k) => ctx.isNewTable(k))) return;
    const named = rels.map((r) => `\`${displayTable(r)}\``).join(", ");
    const extra = also.length ? ` (here: ${also.map((k) => `\`${displayTable(k)}\``).join(", ")})` : "";
    return {
      message: `TRUNCATE ${named} CASCADE also empties every table with a foreign key to ${rels.length > 1 ? "them" : "it"}, recursively${extra}: rows you did not name are deleted, under an ACCESS EXCLUSIVE lock on each table.`,
      help: "Remove CASCADE and list exactly the tables to empty; TRUNCATE then fails instead of deleting more than you meant.",
      lock: "AccessExclusiveLock",
      table: keys[0],
      data: { tables: keys, cascadesTo: also }
    };
  }
});

// rules/postgres/ban-uncommitted-transaction.ts
function openBegin(statements) {
  let open;
  for (const s of statements) {
    const k = txKind(s);
    if (k === "begin") open ??= s;
    else if ((k === "commit" || k === "rollback") && !chained(s)) open = void 0;
    else if (k === "prepare") open = void 0;
  }
  return open;
}
var ban_uncommitted_transaction_default = defineRule({
  meta: {
    id: "ban-uncommitted-transaction",
    severity: "error",
    summary: "The file opens a transaction with BEGIN and never commits it."
  },
  checkFile(ctx) {
    if (!ctx.tx.explicit) return;
    if (ctx.migration.transaction === "wrapped" && !SCRIPT_TOOLS.has(ctx.migration.framework)) return;
    const begin = openBegin(ctx.statements);
    if (!begin) return;
    return {
      statement: begin,
      message: `The transaction opened on line ${begin.span.line} is never committed: when the migration ends, the tool either leaves it open, holding every lock the migration took (all traffic to those tables stops), or disconnects and silently rolls the whole migration back while recording it as applied.`,
      help: "Add COMMIT; at the end of the file (or ROLLBACK; if the file is meant to be a dry run)."
    };
  }
});

// rules/postgres/breaks-running-code.ts
var INTS = { int2: 1, int4: 2, int8: 3 };
var STRINGS2 = /* @__PURE__ */ new Set(["text", "varchar", "bpchar", "citext"]);
var LIMITED = /* @__PURE__ */ new Set(["varchar", "bpchar", "varbit", "bit"]);
function narrowing(from, to) {
  if (from.arrayDims !== to.arrayDims || from.schema || to.schema) return void 0;
  const f = from.name;
  const t = to.name;
  const lim = (x) => x.mods[0];
  if (LIMITED.has(t) && lim(to) !== void 0 && (f === t || STRINGS2.has(f) && STRINGS2.has(t))) {
    const before2 = LIMITED.has(f) ? lim(from) : void 0;
    if (before2 === void 0 || before2 > lim(to)) return `values longer than ${lim(to)} characters are rejected`;
    return void 0;
  }
  if (INTS[f] !== void 0 && INTS[t] !== void 0)
    return INTS[t] < INTS[f] ? `numbers beyond the range of ${typeToSql(to)} are rejected` : void 0;
  if ((f === "numeric" || f === "float4" || f === "float8") && INTS[t] !== void 0)
    return `fractions are rounded and numbers beyond the range of ${typeToSql(to)} are rejected`;
  if (f === "float8" && t === "float4") return "values lose precision and large ones are rejected";
  if (t === "numeric" && to.mods.length) {
    const digits = (x) => x.mods[0] - (x.mods[1] ?? 0);
    if (INTS[f] !== void 0 || f.startsWith("float") || f === "numeric" && !from.mods.length)
      return `numbers with more than ${digits(to)} digits before the decimal point are rejected`;
    if (f === "numeric" && digits(to) < digits(from))
      return `numbers with more than ${digits(to)} digits before the decimal point are rejected`;
    return void 0;
  }
  if (STRINGS2.has(f) && !STRINGS2.has(t)) return `text that does not read as ${typeToSql(to)} is rejected`;
  return void 0;
}
var breaks_running_code_default = defineRule({
  meta: {
    id: "breaks-running-code",
    severity: "error",
    summary: "A change the application version still running during the deploy cannot cope with: a required column it does not write, a narrowed type.",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.objtype && ast.objtype !== "OBJECT_TABLE") return;
    const rel = ast.relation;
    if (ctx.isReleaseTable(rel)) return;
    const table = displayTable(rel);
    const cmds = alterCmds(ast);
    const issues = [];
    const push = (column2, message, help, severity, hazard = "required", change = "not-null") => issues.push({
      message,
      help,
      table: relKey(rel),
      data: { column: column2, hazard, change },
      ...severity ? { severity } : {}
    });
    const defaulted = new Set(cmds.filter((c) => c.subtype === "AT_ColumnDefault" && c.def).map((c) => c.name));
    for (const cmd of cmds) {
      if (cmd.subtype === "AT_AddColumn") {
        const def = cmd.def?.ColumnDef;
        if (!def?.colname || cmd.missing_ok && ctx.column(rel, def.colname)) continue;
        if (!requiredWithoutDefault(def, ctx.catalog.domains)) continue;
        push(
          def.colname,
          `New column \`${table}.${def.colname}\` is NOT NULL with no DEFAULT: app instances still running the old code do not know the column, so every INSERT they make into \`${table}\` fails until the new code is deployed everywhere.`,
          `Expand/contract: add it with a DEFAULT (or nullable), ship code that writes it, and only then drop the default or SET NOT NULL in a later release.`,
          void 0,
          "required",
          "add-column"
        );
      } else if (cmd.subtype === "AT_SetNotNull" || notNullCheck(cmd)) {
        const column2 = cmd.subtype === "AT_SetNotNull" ? cmd.name : notNullCheck(cmd);
        const what = cmd.subtype === "AT_SetNotNull" ? "SET NOT NULL" : `CHECK (${column2} IS NOT NULL)`;
        const col = ctx.column(rel, column2);
        if (!col || col.notNull || col.default !== void 0 || col.identity || col.generated || defaulted.has(column2))
          continue;
        if (ctx.isReleaseColumn(rel, column2))
          push(
            column2,
            `${what} on \`${table}.${column2}\`, a column added in this release with no DEFAULT: app instances still running the old code never write it, so every INSERT they make into \`${table}\` fails until the new code is deployed everywhere.`,
            `Expand/contract: keep the column nullable (or give it a DEFAULT) in this release, and add ${what} in a later one, once every running instance writes it.`
          );
        else
          push(
            column2,
            `${what} on \`${table}.${column2}\`, which has no DEFAULT: if the release running now leaves it out of an INSERT (or writes NULL) anywhere, those writes fail from the moment this commits.`,
            `Check that the code running now writes \`${column2}\` on every INSERT (or add a DEFAULT first); otherwise ship that code in one release and add ${what} in the next.`,
            "warning"
          );
      } else if (cmd.subtype === "AT_ColumnDefault" && !cmd.def) {
        const column2 = cmd.name;
        const col = ctx.column(rel, column2);
        if (!col?.notNull || col.default === void 0 || !ctx.isReleaseColumn(rel, column2)) continue;
        push(
          column2,
          `Dropping the default of \`${table}.${column2}\`, a NOT NULL column added in this release: app instances still running the old code never write it, so every INSERT they make into \`${table}\` fails until the new code is deployed everywhere.`,
          `Expand/contract: keep the default in this release, and drop it in a later one, once every running instance writes the column.`,
          void 0,
          "required",
          "drop-default"
        );
      } else if (cmd.subtype === "AT_AlterColumnType") {
        const column2 = cmd.name;
        const col = ctx.column(rel, column2);
        const def = cmd.def?.ColumnDef;
        if (!col || !def?.typeName || ctx.isReleaseColumn(rel, column2)) continue;
        const to = typeRef(def.typeName);
        const why = narrowing(col.type, to);
        if (!why) continue;
        push(
          column2,
          `Changing \`${table}.${column2}\` from ${typeToSql(col.type)} to ${typeToSql(to)} narrows it: ${why}, and app instances still running the old code keep writing the values they always wrote, so those writes fail (or the migration fails on rows that already hold them).`,
          `Expand/contract: add a new ${typeToSql(to)} column, write both and backfill, move the code to the new column, then drop the old one in a later release; or keep the wider type and enforce the limit with a CHECK \u2026 NOT VALID once the code respects it.`,
          void 0,
          "narrowing",
          "type"
        );
      }
    }
    return issues;
  }
});
function requiredWithoutDefault(def, domains) {
  const cons = columnConstraints(def);
  const typeNames = names(def.typeName?.names);
  const last = typeNames[typeNames.length - 1] ?? "";
  const domain = domains.get(typeNames.length > 1 ? `${typeNames[typeNames.length - 2]}.${last}` : `public.${last}`);
  const notNull = !!def.is_not_null || !!domain?.notNull || cons.some((c) => c.contype === "CONSTR_NOTNULL" || c.contype === "CONSTR_PRIMARY");
  if (!notNull) return false;
  const filled2 = cons.some(
    (c) => c.contype === "CONSTR_DEFAULT" || c.contype === "CONSTR_IDENTITY" || c.contype === "CONSTR_GENERATED"
  );
  return !filled2 && !typeRef(def.typeName).serial && !domain?.hasDefault;
}
function notNullCheck(cmd) {
  if (cmd.subtype !== "AT_AddConstraint") return void 0;
  const con = cmd.def?.Constraint;
  const test = con?.contype === "CONSTR_CHECK" ? con.raw_expr?.NullTest : void 0;
  if (test?.nulltesttype !== "IS_NOT_NULL") return void 0;
  const fields = names(test.arg?.ColumnRef?.fields);
  return fields.length === 1 ? fields[0] : void 0;
}

// rules/postgres/changing-column-type.ts
var LOCK = "AccessExclusiveLock";
var UTC = /* @__PURE__ */ new Set([
  "utc",
  "etc/utc",
  "gmt",
  "etc/gmt",
  "z",
  "zulu",
  "universal",
  "etc/universal",
  "uct",
  "etc/uct",
  "gmt0",
  "greenwich"
]);
function sessionIsUtc(statements, before2) {
  let utc = false;
  for (const s of statements) {
    if (s.index >= before2) break;
    if (s.kind !== "VariableSetStmt") continue;
    if (s.ast.kind === "VAR_RESET_ALL") utc = false;
    if (s.ast.name !== "timezone") continue;
    if (s.ast.kind !== "VAR_SET_VALUE") {
      utc = false;
      continue;
    }
    const c = s.ast.args?.[0]?.A_Const;
    const v = c?.sval?.sval;
    utc = typeof v === "string" && UTC.has(v.toLowerCase()) || c && "ival" in c && !c.ival?.ival;
  }
  return utc;
}
function addsLimit(from, to) {
  if (from.arrayDims || to.arrayDims || !to.mods.length) return false;
  const strings = ["text", "varchar", "citext", "bpchar"];
  if (to.name === "varchar" && strings.includes(from.name)) return true;
  return false;
}
var changing_column_type_default = defineRule({
  meta: {
    id: "changing-column-type",
    severity: "error",
    summary: "ALTER COLUMN \u2026 TYPE that rewrites the table, rebuilds its indexes or scans it under an ACCESS EXCLUSIVE lock.",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (!altersExistingTable(ast, ctx)) return;
    const table = ctx.table(ast.relation);
    const tableKey = table ? `${table.schema}.${table.name}` : `${ast.relation?.schemaname ?? "public"}.${ast.relation?.relname}`;
    const shown = displayTable(ast.relation);
    const issues = [];
    const cmds = ast.cmds ?? [];
    cmds.forEach((wrapped, i) => {
      const cmd = wrapped?.AlterTableCmd;
      if (cmd?.subtype !== "AT_AlterColumnType") return;
      const def = cmd.def?.ColumnDef;
      if (!def?.typeName) return;
      const column2 = cmd.name;
      const target = typeRef(def.typeName);
      const col = ctx.column(ast.relation, column2);
      const usingExpr = def.raw_default;
      const using = usingExpr ? usingText(stmt, i) : null;
      const where = `\`${shown}.${column2}\``;
      const to = typeToSql(target);
      const base = { column: column2, to, using };
      if (!col || col.type.name === "unknown") {
        issues.push({
          severity: "warning",
          message: `Could not check the type change of ${where} to ${to}: its current type is unknown from the migration history. Unless the change is metadata-only (such as widening a varchar), it rewrites \`${shown}\` under an ACCESS EXCLUSIVE lock that blocks every read and write.`,
          help: "Lint with the migrations that create this column, or try the change on a copy of the table: a rewrite shows as a new pg_class.relfilenode.",
          lock: LOCK,
          table: tableKey,
          data: { ...base, from: null, rewrite: null }
        });
        return;
      }
      const from = typeToSql(col.type);
      const collation = def.collClause ? (def.collClause.collname ?? []).map(str).join(".") : void 0;
      const casts = usingExpr ? usingCasts(usingExpr, column2) : [];
      let cost = "none";
      let domain;
      if (casts === null) cost = "rewrite";
      else {
        let prev = resolveDomain(col.type, ctx.catalog).type;
        for (const step of [...casts, target]) {
          const r = resolveDomain(step, ctx.catalog);
          if (r.constrainedDomain) {
            domain = r.constrainedDomain;
            cost = "rewrite";
            break;
          }
          cost = maxCost(cost, typeChangeCost(prev, r.type, ctx.pgVersion));
          prev = r.type;
        }
      }
      if (collation !== void 0 && collation !== "default") cost = maxCost(cost, "index");
      if (cost === "timezone" && sessionIsUtc(ctx.statements, stmt.index)) cost = "index";
      const indexes2 = ctx.catalog.indexesOf(tableKey).filter((ix) => ix.columns.includes(column2)).map((ix) => ix.name);
      const checks = [...table?.constraints.values() ?? []].filter(
        (c) => c.type === "check" && c.validated && (c.columns.includes(column2) || mentionsColumn(c.expr, column2))
      ).map((c) => c.name);
      const data = { ...base, from, rewrite: cost === "rewrite", indexes: indexes2, checks };
      const change = `Changing ${where} from ${from} to ${to}`;
      const waits = `every read and write on \`${shown}\` waits meanwhile`;
      const ixList = indexes2.map((n) => `\`${n}\``).join(", ");
      const ixWord = indexes2.length === 1 ? "index" : "indexes";
      if (cost === "rewrite") {
        const why = casts === null ? `${change} with USING ${using ?? "an expression"} computes a new value for every row, so PostgreSQL rewrites` : domain ? `${change} checks domain \`${domain}\`'s constraints on every row and rewrites` : `${change} rewrites`;
        const limit2 = addsLimit(col.type, target) && casts !== null;
        issues.push({
          message: `${why} the whole table and all its indexes under an ACCESS EXCLUSIVE lock: ${waits}, for minutes on a large table.`,
          help: limit2 ? `Keep ${from} and add CHECK (char_length(${column2}) <= ${target.mods[0]}) NOT VALID, then VALIDATE CONSTRAINT in a later step: neither blocks reads or writes for long.` : "Add a new column of the new type, backfill it in batches and keep it in sync with a trigger, then swap the columns in one short transaction.",
          lock: LOCK,
          table: tableKey,
          data
        });
        return;
      }
      if (cost === "timezone") {
        issues.push({
          message: `${change} rewrites the whole table under an ACCESS EXCLUSIVE lock unless the session TimeZone is UTC (PostgreSQL 12+ then only ${indexes2.length ? `rebuilds ${ixWord} ${ixList}` : "updates the catalog"}); ${waits}.`,
          help: "Run SET TIME ZONE 'UTC' earlier in the same migration, after checking the stored values are meant as UTC; otherwise go through a new timestamptz column backfilled in batches.",
          lock: LOCK,
          table: tableKey,
          data: { ...data, rewrite: true }
        });
        return;
      }
      if (cost === "index" && indexes2.length) {
        const what = collation !== void 0 && collation !== "default" ? `${change} COLLATE "${collation}" changes the collation` : `${change}`;
        issues.push({
          message: `${what}: no table rewrite, but PostgreSQL rebuilds ${ixWord} ${ixList} under an ACCESS EXCLUSIVE lock, and ${waits}.`,
          help: "Drop the index CONCURRENTLY, change the type, then CREATE INDEX CONCURRENTLY again; for a primary key or unique index, go through a new column instead.",
          lock: LOCK,
          table: tableKey,
          data
        });
        return;
      }
      if (checks.length) {
        const cl = checks.map((n) => `\`${n}\``).join(", ");
        issues.push({
          message: `${change} needs no rewrite, but PostgreSQL re-checks CHECK constraint ${cl} by scanning every row under an ACCESS EXCLUSIVE lock: ${waits}.`,
          help: "Drop the CHECK constraint first, change the type, then add it back NOT VALID and run VALIDATE CONSTRAINT in a separate step.",
          lock: LOCK,
          table: tableKey,
          data
        });
      }
    });
    return issues;
  }
});

// rules/postgres/constraint-missing-not-valid.ts
function notValidAdd(statements, before2, key, name6) {
  for (let i = before2 - 1; i >= 0; i--) {
    const s = statements[i];
    if (s.kind !== "AlterTableStmt" || relKey(s.ast.relation) !== key) continue;
    for (const cmd of alterCmds(s.ast)) {
      const con = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : void 0;
      if (con?.skip_validation && con.conname === name6) return { stmt: s, con };
    }
  }
  return void 0;
}
var CHECK_STOPS = /* @__PURE__ */ new Set([
  "NOT",
  "NO",
  "CONSTRAINT",
  "PRIMARY",
  "UNIQUE",
  "REFERENCES",
  "DEFAULT",
  "COLLATE",
  "GENERATED",
  "DEFERRABLE",
  "INITIALLY"
]);
var constraint_missing_not_valid_default = defineRule({
  meta: {
    id: "constraint-missing-not-valid",
    severity: "error",
    summary: "ADD CHECK constraint without NOT VALID scans the table under an ACCESS EXCLUSIVE lock; VALIDATE in the same transaction as the NOT VALID add defeats it.",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (!altersExistingTable(ast, ctx)) return;
    const table = displayTable(ast.relation);
    const key = relKey(ast.relation);
    const issues = [];
    const waits = `every read and write on \`${table}\` waits while the whole table is scanned`;
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype === "AT_AddConstraint") {
        const con = cmd.def?.Constraint;
        if (con?.contype !== "CONSTR_CHECK" || con.skip_validation) continue;
        const name6 = con.conname ? `\`${con.conname}\` ` : "";
        const expr = exprSql(stmt, con.location, { after: "CHECK", stops: CHECK_STOPS });
        issues.push({
          message: `Adding CHECK constraint ${name6}on \`${table}\` checks every existing row under an ACCESS EXCLUSIVE lock: ${waits}.`,
          help: `Add it with NOT VALID (instant; new rows are checked at once), then \`ALTER TABLE ${quoteRel(ast.relation)} VALIDATE CONSTRAINT ${con.conname ? quoteIdent(con.conname) : "<name>"}\` in a separate transaction (SHARE UPDATE EXCLUSIVE: reads and writes go on).`,
          lock: "AccessExclusiveLock",
          table: key,
          data: { constraint: con.conname ?? null, check: expr ?? null }
        });
      } else if (cmd.subtype === "AT_AddColumn") {
        const def = cmd.def?.ColumnDef;
        if (!def?.colname || cmd.missing_ok && ctx.column(ast.relation, def.colname)) continue;
        const check = columnConstraints(def).find((c) => c.contype === "CONSTR_CHECK");
        if (!check) continue;
        if (addColumnRewrite(def, {
          pgVersion: ctx.pgVersion,
          functions: ctx.catalog.functions,
          domains: ctx.catalog.domains
        }))
          continue;
        const expr = exprSql(stmt, check.location, { after: "CHECK", stops: CHECK_STOPS });
        issues.push({
          message: `ADD COLUMN \`${def.colname}\` with an inline CHECK ${expr ? shortSql(expr) : ""} on \`${table}\` makes PostgreSQL check every existing row under the ACCESS EXCLUSIVE lock of the ALTER TABLE (inline column constraints cannot be NOT VALID): ${waits}.`.replace(
            "  ",
            " "
          ),
          help: `Add the column without the CHECK, then add it as a table constraint with NOT VALID and VALIDATE CONSTRAINT it in a separate transaction.`,
          lock: "AccessExclusiveLock",
          table: key,
          data: { column: def.colname, check: expr ?? null }
        });
      } else if (cmd.subtype === "AT_ValidateConstraint" && cmd.name) {
        const added2 = notValidAdd(ctx.statements, stmt.index, key, cmd.name);
        if (!added2 || !sameTransaction(ctx.statements, added2.stmt.index, stmt.index, ctx.tx.inTransaction)) continue;
        const fk = added2.con.contype === "CONSTR_FOREIGN";
        const target = fk ? displayTable(added2.con.pktable) : void 0;
        const held = fk ? `SHARE ROW EXCLUSIVE locks on \`${table}\` and \`${target}\` stay held for the whole validation scan, so every write to both tables waits` : `ACCESS EXCLUSIVE lock on \`${table}\` stays held for the whole validation scan, so every read and write waits`;
        issues.push({
          message: `VALIDATE CONSTRAINT \`${cmd.name}\` runs in the same transaction as the NOT VALID add at line ${added2.stmt.span.line}: that statement's ${held}, exactly what NOT VALID was meant to avoid.`,
          help: `Commit after adding the constraint NOT VALID and run VALIDATE CONSTRAINT in a separate transaction (a later migration, or after COMMIT).`,
          lock: fk ? "ShareRowExclusiveLock" : "AccessExclusiveLock",
          table: key,
          data: { constraint: cmd.name, addedAtLine: added2.stmt.span.line }
        });
      }
    }
    if (!ctx.ruleEnabled("adding-foreign-key-constraint")) issues.push(...unvalidatedForeignKeys(stmt, ctx));
    return mergeIssues(
      issues,
      (i) => i.data.references ? foreignKeyLabel(i) : i.data.constraint ? `\`${i.data.constraint}\`` : i.data.column ? `\`${i.data.column}\`` : "another CHECK"
    );
  }
});

// rules/postgres/disallowed-unique-constraint.ts
var disallowed_unique_constraint_default = defineRule({
  meta: {
    id: "disallowed-unique-constraint",
    severity: "error",
    summary: "ADD CONSTRAINT \u2026 UNIQUE without USING INDEX builds the index under an ACCESS EXCLUSIVE lock.",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    const table = displayTable(ast.relation);
    const issues = [];
    for (const { con, column: column2 } of addedConstraints(ctx, stmt, { inline: true })) {
      if (con?.contype !== "CONSTR_UNIQUE" || con.indexname) continue;
      const cols = column2 ? [column2] : names(con.keys);
      const name6 = con.conname ?? `${ast.relation.relname}_${cols.join("_")}_key`;
      const indexName = con.conname ? `${con.conname}_idx` : name6;
      const rel = quoteRel(ast.relation);
      issues.push({
        message: `Adding UNIQUE constraint ${con.conname ? `\`${con.conname}\` ` : ""}on \`${table}\` (${cols.join(", ")}) builds its index while ALTER TABLE holds an ACCESS EXCLUSIVE lock: every read and write on \`${table}\` waits for the whole build.`,
        help: `${column2 ? "Add the column without UNIQUE, then " : ""}\`CREATE UNIQUE INDEX CONCURRENTLY ${quoteIdent(indexName)} ON ${rel} (${cols.map(quoteIdent).join(", ")})\` outside a transaction, then \`ALTER TABLE ${rel} ADD CONSTRAINT ${quoteIdent(name6)} UNIQUE USING INDEX ${quoteIdent(indexName)}\` (instant).`,
        lock: "AccessExclusiveLock",
        table: relKey(ast.relation),
        data: { constraint: name6, columns: cols, index: indexName, ...column2 ? { inline: true } : {} }
      });
    }
    return issues;
  }
});

// rules/postgres/enum-value-in-transaction.ts
var sval = (n) => n?.A_Const?.sval?.sval;
function enumKey(list4) {
  const n = names(list4);
  const name6 = n[n.length - 1] ?? "";
  return { key: n.length > 1 ? `${n[n.length - 2]}.${name6}` : `${DEFAULT_SCHEMA}.${name6}`, name: name6 };
}
function enumValueAdded(s) {
  return s.kind === "AlterEnumStmt" && s.ast.newVal && !s.ast.oldVal ? ["add"] : void 0;
}
function addedInSameTransaction(statements, index, catalog, origin) {
  const out = [];
  for (let i = index - 1; i >= 0; i--) {
    const s = statements[i];
    const k = txKind(s);
    if (k !== void 0) {
      if (k === "savepoint" || k === "release" || k === "rollback-to") continue;
      break;
    }
    if (s.kind !== "AlterEnumStmt" || !s.ast.newVal || s.ast.oldVal) continue;
    const { key, name: name6 } = enumKey(s.ast.typeName);
    if (catalog.enums.get(key)?.createdIn === origin) continue;
    out.push({ stmt: s, key, name: name6, value: s.ast.newVal });
  }
  return out;
}
function enumColumns(catalog, key) {
  const [schema, name6] = key.split(".");
  const out = /* @__PURE__ */ new Map();
  for (const [tk, t] of catalog.tables) {
    for (const c of t.columns.values()) {
      if (c.type.name === name6 && (c.type.schema ?? DEFAULT_SCHEMA) === schema && !c.type.arrayDims) {
        if (!out.has(tk)) out.set(tk, /* @__PURE__ */ new Set());
        out.get(tk).add(c.name);
      }
    }
  }
  return out;
}
function findUse(s, a, catalog) {
  const cols = enumColumns(catalog, a.key);
  const rels = /* @__PURE__ */ new Set();
  const collectRels = (n) => {
    if (!n || typeof n !== "object") return;
    if (Array.isArray(n)) return n.forEach(collectRels);
    for (const [k, v] of Object.entries(n)) {
      if (k === "RangeVar") rels.add(relKey(v));
      else if ((k === "relation" || k === "table") && v?.relname) rels.add(relKey(v));
      collectRels(v);
    }
  };
  collectRels(s.ast);
  const isEnumCol = (name6) => !!name6 && [...rels].some((r) => cols.get(r)?.has(name6));
  const isEnumType = (tn) => {
    const n = names(tn?.names);
    return n[n.length - 1] === a.name && !tn?.arrayBounds?.length;
  };
  const isValue3 = (n) => sval(n) === a.value || sval(n?.TypeCast?.arg) === a.value && isEnumType(n.TypeCast.typeName);
  const colName2 = (n) => {
    const f = names(n?.ColumnRef?.fields);
    return f[f.length - 1];
  };
  let found;
  const visit = (n) => {
    if (found || !n || typeof n !== "object") return;
    if (Array.isArray(n)) return n.forEach(visit);
    for (const [k, v] of Object.entries(n)) {
      if (found) return;
      if (k === "TypeCast" && sval(v.arg) === a.value && isEnumType(v.typeName))
        found = `the cast ${quoteLiteral(a.value)}::${a.name}`;
      else if (k === "A_Expr") {
        const sides = [v.lexpr, v.rexpr];
        const hasValue = sides.some((x) => isValue3(x) || (x?.List?.items ?? []).some(isValue3));
        const col = sides.map(colName2).find(isEnumCol);
        if (hasValue && col) found = `the comparison with column ${col}`;
      } else if (k === "ColumnDef" && isEnumType(v.typeName)) {
        const d = (v.constraints ?? []).find((c) => c.Constraint?.contype === "CONSTR_DEFAULT");
        if (d && isValue3(d.Constraint.raw_expr)) found = `the default of column ${v.colname}`;
      } else if (k === "AlterTableCmd" && v.subtype === "AT_ColumnDefault" && isValue3(v.def) && isEnumCol(v.name)) {
        found = `the default of column ${v.name}`;
      } else if (k === "ResTarget" && v.name && isEnumCol(v.name) && isValue3(v.val)) {
        found = `the assignment to column ${v.name}`;
      }
      if (!found) visit(v);
    }
  };
  visit(s.ast);
  if (found) return found;
  if (s.kind === "InsertStmt") {
    const target = relKey(s.ast.relation);
    const enumCols = cols.get(target);
    if (!enumCols) return void 0;
    const list4 = (s.ast.cols ?? []).map((c) => c.ResTarget?.name).filter(Boolean);
    const order = list4.length ? list4 : [...catalog.table(target)?.columns.keys() ?? []];
    for (const row of s.ast.selectStmt?.SelectStmt?.valuesLists ?? []) {
      const items = row.List?.items ?? [];
      for (let i = 0; i < items.length; i++)
        if (isValue3(items[i]) && enumCols.has(order[i] ?? "")) return `the value for column ${order[i]}`;
    }
  }
  return void 0;
}
var enum_value_in_transaction_default = defineRule({
  meta: {
    id: "enum-value-in-transaction",
    severity: "error",
    summary: "ALTER TYPE \u2026 ADD VALUE inside a transaction: fails before PostgreSQL 12, and the new value cannot be used until that transaction commits."
  },
  check(stmt, ctx) {
    if (!ctx.tx.inTransaction) return;
    const origin = ctx.migration.absPath;
    if (stmt.kind === "AlterEnumStmt" && stmt.ast.newVal && !stmt.ast.oldVal && ctx.pgVersion < 12) {
      const { key, name: name6 } = enumKey(stmt.ast.typeName);
      if (ctx.catalog.enums.get(key)?.createdIn === origin) return;
      return {
        message: `Before PostgreSQL 12, ALTER TYPE \u2026 ADD VALUE cannot run inside a transaction block, and this statement runs in one: the migration fails with "ALTER TYPE ... ADD cannot run inside a transaction block" (enum \`${name6}\`).`,
        help: "Move ADD VALUE to a migration that does not run in a transaction (or target PostgreSQL 12+).",
        data: { type: name6, value: stmt.ast.newVal }
      };
    }
    if (ctx.pgVersion < 12 || !keysBefore(ctx.statements, stmt.index, enumValueAdded).has("add")) return;
    for (const a of addedInSameTransaction(ctx.statements, stmt.index, ctx.catalog, origin)) {
      const use = findUse(stmt, a, ctx.catalog);
      if (!use) continue;
      return {
        message: `${quoteLiteral(a.value)} was added to enum \`${a.name}\` on line ${a.stmt.span.line} in this same transaction, and ${use} uses it: PostgreSQL refuses a new enum value until the transaction that added it commits, so this statement fails with "unsafe use of new value ${JSON.stringify(a.value)} of enum type ${a.name}".`,
        help: "Commit in between: put ALTER TYPE \u2026 ADD VALUE in its own migration (or COMMIT right after it) and use the value in a later one.",
        data: { type: a.name, value: a.value, addedOnLine: a.stmt.span.line }
      };
    }
    return;
  }
});

// rules/postgres/identifier-too-long.ts
var MAX_BYTES = 63;
var bytes = (s) => Buffer.byteLength(s, "utf8");
function truncateIdentifier(name6) {
  let out = "";
  let n = 0;
  for (const ch of name6) {
    const b = bytes(ch);
    if (n + b > MAX_BYTES) break;
    out += ch;
    n += b;
  }
  return out;
}
function definedNames(kind, ast) {
  const out = /* @__PURE__ */ new Map();
  const def = (name6, role) => {
    if (name6 && !out.has(name6)) out.set(name6, role);
  };
  const constraints = (list4) => {
    for (const c of list4 ?? []) def(c.Constraint?.conname, "constraint");
  };
  const column2 = (cd) => {
    if (!cd) return;
    def(cd.colname, "column");
    constraints(cd.constraints);
  };
  const targets = (query) => {
    for (const t of query?.SelectStmt?.targetList ?? []) def(t.ResTarget?.name, "column");
  };
  switch (kind) {
    case "CreateStmt":
      def(ast.relation?.relname, "table");
      for (const e of ast.tableElts ?? []) {
        column2(e.ColumnDef);
        if (e.Constraint) constraints([e]);
      }
      break;
    case "AlterTableStmt":
      for (const c of ast.cmds ?? []) {
        const cmd = c.AlterTableCmd;
        if (cmd?.subtype === "AT_AddColumn") column2(cmd.def?.ColumnDef);
        if (cmd?.subtype === "AT_AddConstraint") constraints([cmd.def]);
      }
      break;
    case "IndexStmt":
      def(ast.idxname, "index");
      break;
    case "RenameStmt":
      def(
        ast.newname,
        String(ast.renameType ?? "OBJECT").replace(/^OBJECT_/, "").replace("TABCONSTRAINT", "constraint").replace(/_/g, " ").toLowerCase()
      );
      break;
    case "ViewStmt":
      def(ast.view?.relname, "view");
      for (const a of ast.aliases ?? []) def(a.String?.sval, "column");
      targets(ast.query);
      break;
    case "CreateTableAsStmt":
      def(ast.into?.rel?.relname, ast.objtype === "OBJECT_MATVIEW" ? "materialized view" : "table");
      for (const a of ast.into?.colNames ?? []) def(a.String?.sval, "column");
      targets(ast.query);
      break;
    case "CreateSeqStmt":
      def(ast.sequence?.relname, "sequence");
      break;
    case "CreateEnumStmt":
    case "CreateRangeStmt":
      def(names(ast.typeName).at(-1), "type");
      break;
    case "CompositeTypeStmt":
      def(ast.typevar?.relname, "type");
      for (const c of ast.coldeflist ?? []) def(c.ColumnDef?.colname, "attribute");
      break;
    case "CreateDomainStmt":
      def(names(ast.domainname).at(-1), "domain");
      constraints(ast.constraints);
      break;
    case "AlterDomainStmt":
      if (ast.subtype === "C") constraints([ast.def]);
      break;
    case "CreateFunctionStmt":
      def(names(ast.funcname).at(-1), ast.is_procedure ? "procedure" : "function");
      break;
    case "CreateTrigStmt":
      def(ast.trigname, "trigger");
      break;
    case "CreatePolicyStmt":
      def(ast.policy_name, "policy");
      break;
    case "CreateSchemaStmt":
      def(ast.schemaname, "schema");
      break;
    case "RuleStmt":
      def(ast.rulename, "rule");
      break;
    case "CreateStatsStmt":
      def(names(ast.defnames).at(-1), "statistics object");
      break;
    default:
      break;
  }
  return out;
}
var LONG_WORD = /"(?:[^"]|"")+"|[\p{L}\p{N}_$]+/gu;
var ASCII_LONG_WORD = /[\w$]{64}/;
function mayHaveLongIdentifier(text) {
  const n = bytes(text);
  if (n <= MAX_BYTES) return false;
  if (n === text.length && !text.includes('"')) return ASCII_LONG_WORD.test(text);
  for (const m of text.matchAll(LONG_WORD)) if (m[0].length * 3 > MAX_BYTES && bytes(m[0]) > MAX_BYTES) return true;
  return false;
}
function longIdentifiers(text) {
  const out = [];
  let tokens;
  try {
    tokens = scanSync(text).tokens ?? [];
  } catch {
    return out;
  }
  for (const t of tokens) {
    if (t.tokenName !== "IDENT" || !t.text) continue;
    const name6 = t.text.startsWith('"') ? t.text.slice(1, -1).replace(/""/g, '"') : t.text.replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (bytes(name6) > MAX_BYTES && !out.includes(name6)) out.push(name6);
  }
  return out;
}
var identifier_too_long_default = defineRule({
  meta: {
    id: "identifier-too-long",
    severity: "warning",
    summary: "A name longer than 63 bytes: PostgreSQL silently truncates it, so later references by the full name break and long names can collide."
  },
  check(stmt) {
    const defined = definedNames(stmt.kind, stmt.ast);
    if (![...defined.keys()].some((name6) => name6.length * 3 >= MAX_BYTES - 3 && bytes(name6) >= MAX_BYTES - 3)) return;
    if (!mayHaveLongIdentifier(stmt.text)) return;
    const long = longIdentifiers(stmt.text);
    if (!long.length) return;
    const issues = [];
    for (const name6 of long) {
      const kept = truncateIdentifier(name6);
      const role = defined.get(kept);
      if (!role) continue;
      issues.push({
        message: `The ${role} name \`${name6}\` is ${bytes(name6)} bytes; PostgreSQL silently truncates identifiers to 63 bytes and creates it as \`${kept}\`. Code or later migrations that compare the full name (ORMs, schema diff tools, pg_catalog queries) will not find it, and another long name sharing those first 63 bytes collides with it.`,
        help: `Choose a name of at most 63 bytes for this ${role}.`,
        data: { name: name6, truncated: kept, bytes: bytes(name6), role }
      });
    }
    return issues;
  }
});

// rules/postgres/index-same-step-as-add-column.ts
var list2 = (cols) => cols.map((c) => `\`${c}\``).join(", ");
function filledByDefault(def) {
  if (!def) return false;
  if (/^(small|big)?serial[248]?$/.test(def.typeName?.names?.at(-1)?.String?.sval ?? "")) return true;
  return columnConstraints(def).some(
    (c) => c.contype === "CONSTR_DEFAULT" && !c.raw_expr?.A_Const?.isnull || c.contype === "CONSTR_IDENTITY" || c.contype === "CONSTR_GENERATED"
  );
}
function columnDef(stmt, column2) {
  if (!stmt) return void 0;
  return alterCmds(stmt.ast).find((c) => c.subtype === "AT_AddColumn" && c.def?.ColumnDef?.colname === column2)?.def?.ColumnDef;
}
var index_same_step_as_add_column_default = defineRule({
  meta: {
    id: "index-same-step-as-add-column",
    severity: "error",
    summary: "An index or unique/primary key on a column added by the same migration: it must wait until the column is backfilled, in its own step, built concurrently.",
    kinds: ["IndexStmt", "AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    const rel = ast.relation;
    if (!rel || ctx.isNewTable(rel)) return;
    const table = displayTable(rel);
    const key = relKey(rel);
    if (stmt.kind === "IndexStmt") {
      const cols = /* @__PURE__ */ new Set();
      for (const p of [...ast.indexParams ?? [], ...ast.indexIncludingParams ?? []]) {
        const e = p.IndexElem;
        if (!e) continue;
        if (e.name) cols.add(e.name);
        else for (const c of columnRefs(e.expr)) cols.add(c);
      }
      const fresh = [...cols].filter((c) => isFreshColumn(ctx, stmt, rel, c));
      if (!fresh.length) return;
      const added2 = addColumnStatement(ctx.statements, stmt, rel, fresh[0]);
      const empty = fresh.filter(
        (c) => !filledByDefault(columnDef(addColumnStatement(ctx.statements, stmt, rel, c), c))
      );
      const where = added2 ? `line ${added2.span.line}` : "earlier in this file";
      const name6 = ast.idxname ? `\`${ast.idxname}\` ` : "";
      const what = `${ast.unique ? "unique " : ""}index ${name6}on \`${table}\``;
      const heldOver = !!added2 && sameTransaction(ctx.statements, added2.index, stmt.index, ctx.tx.inTransaction);
      const notYet = empty.length ? `, and ${list2(empty)} is not even backfilled yet` : "";
      let message;
      let lock;
      if (heldOver) {
        lock = "AccessExclusiveLock";
        message = `The ${what} covers ${list2(fresh)}, added at ${where} in the same transaction: the ACCESS EXCLUSIVE lock of that ADD COLUMN is held for the whole index build, so every read and write on \`${table}\` waits${notYet}.`;
      } else if (!empty.length) {
        return;
      } else if (ast.concurrent) {
        lock = "ShareUpdateExclusiveLock";
        message = `The ${what} covers ${list2(empty)}, which this migration only adds at ${where}: built before the column is backfilled, it makes the backfill update the index for every row (no HOT updates), which slows it down and bloats the index.`;
      } else {
        lock = "ShareLock";
        message = `The ${what} covers ${list2(empty)}, which this migration only adds at ${where}: the build blocks every write to \`${table}\` for a full table scan before the column holds any data, and the backfill will then update the index row by row.`;
      }
      return {
        message,
        help: `Add the column in this migration, ${empty.length ? "backfill it, then " : "then "}build the index with CREATE ${ast.unique ? "UNIQUE " : ""}INDEX CONCURRENTLY in its own migration, outside a transaction.`,
        severity: ast.concurrent && !heldOver ? "warning" : void 0,
        lock,
        table: key,
        data: {
          columns: fresh,
          index: ast.idxname ?? null,
          kind: ast.unique ? "unique-index" : "index",
          addedAtLine: added2?.span.line ?? null,
          concurrent: !!ast.concurrent,
          backfilled: !empty.length
        }
      };
    }
    if (ast.objtype && ast.objtype !== "OBJECT_TABLE") return;
    const issues = [];
    const addedHere = /* @__PURE__ */ new Map();
    const defOf = (c) => addedHere.get(c) ?? columnDef(addColumnStatement(ctx.statements, stmt, rel, c), c);
    const whereAdded = (c) => {
      if (addedHere.has(c)) return "in this same statement";
      const s = addColumnStatement(ctx.statements, stmt, rel, c);
      return s ? `at line ${s.span.line}` : "earlier in this file";
    };
    const lineOf = (c) => addedHere.has(c) ? stmt.span.line : addColumnStatement(ctx.statements, stmt, rel, c)?.span.line ?? null;
    const report = (con, fresh) => {
      if (!fresh.length) return;
      const name6 = con.conname ? `\`${con.conname}\` ` : "";
      const where = whereAdded(fresh[0]);
      const empty = fresh.filter((c) => !filledByDefault(defOf(c)));
      const notYet = empty.length ? `, and ${list2(empty)} is not even backfilled yet` : "";
      const backfill = empty.length ? "backfill it, then " : "then ";
      const data = {
        columns: fresh,
        constraint: con.conname ?? null,
        addedAtLine: lineOf(fresh[0]),
        backfilled: !empty.length
      };
      const pk = con.contype === "CONSTR_PRIMARY";
      issues.push({
        message: `The ${pk ? "PRIMARY KEY" : "UNIQUE"} constraint ${name6}on \`${table}\` builds its index on ${list2(fresh)}, a column added ${where}: ALTER TABLE holds an ACCESS EXCLUSIVE lock for the whole build, so every read and write on \`${table}\` waits${notYet}.`,
        help: `Add the column in this migration, ${backfill}CREATE UNIQUE INDEX CONCURRENTLY in its own migration and attach it with ADD CONSTRAINT \u2026 ${pk ? "PRIMARY KEY" : "UNIQUE"} USING INDEX.`,
        lock: "AccessExclusiveLock",
        table: key,
        data: { ...data, kind: pk ? "primary" : "unique" }
      });
    };
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype === "AT_AddColumn") {
        const def = cmd.def?.ColumnDef;
        if (!def?.colname) continue;
        if (cmd.missing_ok && ctx.column(rel, def.colname)) continue;
        addedHere.set(def.colname, def);
        for (const con of columnConstraints(def)) {
          if (con.contype === "CONSTR_UNIQUE" || con.contype === "CONSTR_PRIMARY") report(con, [def.colname]);
        }
      } else if (cmd.subtype === "AT_AddConstraint") {
        const con = cmd.def?.Constraint;
        if (!con) continue;
        const indexed = (con.contype === "CONSTR_UNIQUE" || con.contype === "CONSTR_PRIMARY") && !con.indexname;
        if (indexed) report(con, freshConstraintColumns(ctx, stmt, con, new Set(addedHere.keys())));
      }
    }
    return mergeIssues(issues, (i) => `\`${i.data.columns.join("`, `")}\``);
  }
});

// rules/postgres/prefer-bigint-over-int.ts
var prefer_bigint_over_int_default = defineRule({
  meta: {
    id: "prefer-bigint-over-int",
    severity: "warning",
    summary: "An integer primary key, identity/serial column, column named id, or foreign key to a bigint runs out at 2,147,483,647.",
    kinds: ["CreateStmt", "AlterTableStmt"],
    options: {
      type: "object",
      additionalProperties: false,
      properties: { everyColumn: { type: "boolean" } }
    }
  },
  check(stmt, ctx) {
    const issues = [];
    const ast = stmt.ast;
    const tablePk = /* @__PURE__ */ new Set();
    const constraints = stmt.kind === "CreateStmt" ? (ast.tableElts ?? []).map((elt) => elt.Constraint) : alterCmds(ast).map((cmd) => cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : void 0);
    for (const con of constraints) {
      if (con?.contype === "CONSTR_PRIMARY" && con.keys?.length === 1) tablePk.add(names(con.keys)[0]);
    }
    const flagged = /* @__PURE__ */ new Set();
    for (const site of columnSites(stmt)) {
      if (site.type.name !== "int4" || site.type.schema) continue;
      const where = `\`${displayTable(site.rel)}.${site.column}\``;
      let role;
      if (site.type.arrayDims) {
        if (ctx.options.everyColumn !== true || site.type.serial) continue;
      } else if (site.via === "alter") {
        const col = ctx.column(site.rel, site.column);
        const pk = [...ctx.table(site.rel)?.constraints.values() ?? []].some(
          (c) => c.type === "primary" && c.columns.length === 1 && c.columns[0] === site.column
        );
        const seq = col?.default?.FuncCall && names(col.default.FuncCall.funcname).includes("nextval");
        if (pk) role = "primary key";
        else if (col?.identity) role = "identity column";
        else if (seq) role = "sequence-backed column";
      } else {
        const cons = columnConstraints(site.def);
        if (cons.some((c) => c.contype === "CONSTR_PRIMARY") || tablePk.has(site.column)) role = "primary key";
        else if (cons.some((c) => c.contype === "CONSTR_IDENTITY")) role = "identity column";
        else if (site.type.serial) role = "serial column";
      }
      if (!role && !site.type.arrayDims && site.column.toLowerCase() === "id") role = "key (a column named id)";
      if (!role && ctx.options.everyColumn === true) {
        flagged.add(site.column);
        const type = site.type.arrayDims ? "integer[]" : "integer";
        issues.push({
          message: `${where} is ${type}: it tops out at 2,147,483,647, and widening it later rewrites the table under an ACCESS EXCLUSIVE lock (this project asks for bigint everywhere: option everyColumn).`,
          help: "Declare it bigint: 8 bytes instead of 4.",
          table: relKey(site.rel),
          data: { column: site.column, type, role: "column" }
        });
        continue;
      }
      if (!role) continue;
      flagged.add(site.column);
      const written = site.type.serial ? "serial" : "integer";
      issues.push({
        message: `${where} is ${written === "serial" ? "a" : "an"} ${written} ${role}: it runs out at 2,147,483,647 and inserts fail, and moving it to bigint later rewrites the table and every referencing column under an ACCESS EXCLUSIVE lock.`,
        help: site.type.serial ? "Use bigint GENERATED BY DEFAULT AS IDENTITY (or bigserial): 8 bytes instead of 4, no migration ever." : "Declare it bigint now: 8 bytes instead of 4, and no migration ever.",
        table: relKey(site.rel),
        data: { column: site.column, type: written, role }
      });
    }
    for (const fk of foreignKeyPairs(stmt, ctx)) {
      if (fk.type?.name !== "int4" || fk.type.arrayDims || fk.refType?.name !== "int8" || flagged.has(fk.column))
        continue;
      const where = `\`${displayTable(fk.rel)}.${fk.column}\``;
      const ref = `\`${displayTable(fk.refRel)}.${fk.refColumn}\``;
      issues.push({
        message: `${where} is integer but references bigint ${ref}: once ${ref} passes 2,147,483,647, rows pointing at it cannot be inserted.`,
        help: `Declare ${fk.column} as bigint, the same type as the column it references.`,
        table: relKey(fk.rel),
        data: {
          column: fk.column,
          type: "integer",
          role: "foreign key",
          references: `${relKey(fk.refRel)}.${fk.refColumn}`
        }
      });
    }
    return issues;
  }
});

// rules/postgres/prefer-bigint-over-smallint.ts
var prefer_bigint_over_smallint_default = defineRule({
  meta: {
    id: "prefer-bigint-over-smallint",
    severity: "warning",
    summary: "smallint/smallserial columns overflow at 32,767.",
    kinds: ["CreateStmt", "AlterTableStmt"]
  },
  check(stmt) {
    const issues = [];
    for (const site of columnSites(stmt)) {
      if (site.type.name !== "int2" || site.type.schema) continue;
      const written = site.type.serial ? "smallserial" : "smallint";
      issues.push({
        message: `\`${displayTable(site.rel)}.${site.column}\` is ${written}: it overflows at 32,767, a limit counters, ids and quantities reach quickly, and widening it later rewrites the table under an ACCESS EXCLUSIVE lock.`,
        help: site.type.serial ? "Use bigint GENERATED BY DEFAULT AS IDENTITY; alignment padding usually eats the 6 bytes smallint saves." : "Use bigint (or integer for values that are truly bounded); alignment padding usually eats the bytes smallint saves.",
        table: relKey(site.rel),
        data: { column: site.column, type: written }
      });
    }
    return issues;
  }
});

// rules/postgres/prefer-identity.ts
var IDENTITY = { int2: "smallint", int4: "integer", int8: "bigint" };
var SERIAL = { int2: "smallserial", int4: "serial", int8: "bigserial" };
var prefer_identity_default = defineRule({
  meta: {
    id: "prefer-identity",
    severity: "warning",
    summary: "serial/bigserial/smallserial columns: use GENERATED \u2026 AS IDENTITY instead.",
    kinds: ["CreateStmt", "AlterTableStmt"]
  },
  check(stmt) {
    const issues = [];
    for (const site of columnSites(stmt)) {
      if (!site.type.serial || site.via === "alter") continue;
      const serial = SERIAL[site.type.name] ?? "serial";
      const base = site.type.name === "int4" ? "bigint" : IDENTITY[site.type.name] ?? "bigint";
      issues.push({
        message: `\`${displayTable(site.rel)}.${site.column}\` is ${serial}: its sequence is a separate object with its own owner and grants, so GRANTs, ownership changes and copies of the table (CREATE TABLE \u2026 LIKE) need extra steps, and nothing stops manual ids from colliding with it later.`,
        help: `Use ${quoteIdent(site.column)} ${base} GENERATED ALWAYS AS IDENTITY (or BY DEFAULT if you insert explicit ids): the sequence then belongs to the column.`,
        table: relKey(site.rel),
        data: { column: site.column, type: serial, replacement: `${base} GENERATED ALWAYS AS IDENTITY` }
      });
    }
    return issues;
  }
});

// rules/postgres/prefer-pg-repack.ts
var prefer_pg_repack_default = defineRule({
  meta: {
    id: "prefer-pg-repack",
    severity: "warning",
    summary: "VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock; before PostgreSQL 19, use pg_repack outside the migration.",
    kinds: ["VacuumStmt", "ClusterStmt"]
  },
  check: (stmt, ctx) => ctx.pgVersion < 19 ? tableRewrite(stmt, ctx) : void 0
});

// rules/postgres/prefer-repack.ts
var prefer_repack_default = defineRule({
  meta: {
    id: "prefer-repack",
    severity: "warning",
    summary: "VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock; on PostgreSQL 19+ use REPACK (CONCURRENTLY).",
    kinds: ["VacuumStmt", "ClusterStmt"]
  },
  // before 19 there is no REPACK: prefer-pg-repack reports the same statements (squawk's rule is quiet there too)
  check: (stmt, ctx) => ctx.pgVersion >= 19 ? tableRewrite(stmt, ctx) : void 0
});

// rules/postgres/prefer-robust-stmts.ts
function droppedKeys(s) {
  const out = [];
  if (s.kind === "DropStmt" && s.ast.missing_ok) {
    for (const o of s.ast.objects ?? []) {
      const n = o.List ? stringList(o.List.items) : o.String ? [o.String.sval] : o.TypeName ? stringList(o.TypeName.names) : [];
      if (n.length) out.push(`${s.ast.removeType}:${n[n.length - 1]}`);
    }
  } else if (s.kind === "AlterTableStmt") {
    for (const cmd of alterCmds(s.ast))
      if (cmd.subtype === "AT_DropConstraint" && cmd.missing_ok) out.push(`OBJECT_TABCONSTRAINT:${cmd.name}`);
  }
  return out;
}
function laterCanFail(statements, index) {
  for (let i = index + 1; i < statements.length; i++) {
    const k = statements[i].kind;
    if (k !== "VariableSetStmt" && k !== "VariableShowStmt" && k !== "TransactionStmt") return true;
  }
  return false;
}
var exists = (what) => `fails with "${what} already exists"`;
var missing = (what) => `fails with "${what} does not exist"`;
function constraintEvents(s) {
  if (s.kind !== "AlterTableStmt") return void 0;
  const out = [];
  for (const cmd of alterCmds(s.ast)) {
    if (cmd.subtype === "AT_DropConstraint" && cmd.name) out.push([cmd.name, !!cmd.missing_ok]);
    else if (cmd.subtype === "AT_AddConstraint" && cmd.def?.Constraint?.conname)
      out.push([cmd.def.Constraint.conname, false]);
  }
  return out;
}
function droppedSinceAdded(statements, index, name6) {
  return lastEventBefore(statements, index, name6, constraintEvents) === true;
}
var real = (s) => s.kind !== "VariableSetStmt" && s.kind !== "VariableShowStmt" && s.kind !== "TransactionStmt";
function twoReal(statements) {
  let n = 0;
  for (const s of statements) if (real(s) && ++n === 2) return true;
  return false;
}
function problem(stmt, dropped, statements) {
  const ast = stmt.ast;
  switch (stmt.kind) {
    case "CreateStmt":
    case "CreateTableAsStmt": {
      const rel = stmt.kind === "CreateStmt" ? ast.relation : ast.into?.rel;
      if (ast.if_not_exists || !rel) return void 0;
      const matview = ast.objtype === "OBJECT_MATVIEW";
      if (dropped.has(`${matview ? "OBJECT_MATVIEW" : "OBJECT_TABLE"}:${rel.relname}`)) return void 0;
      if (rel.relpersistence === "t") {
        if (ast.oncommit === "ONCOMMIT_DROP") return void 0;
        return {
          rerun: `fails with "relation ${rel.relname} already exists" when it runs on the same session (a retry on the same connection, or a pooler in transaction mode that hands the session on with the temporary table still in it)`,
          help: `Write CREATE TEMP TABLE IF NOT EXISTS ${quoteRel(rel)} \u2026 or add ON COMMIT DROP.`,
          data: { table: rel.relname, temporary: true }
        };
      }
      return {
        rerun: exists(`relation ${rel.relname}`),
        help: `Write CREATE ${matview ? "MATERIALIZED VIEW" : "TABLE"} IF NOT EXISTS ${quoteRel(rel)}.`,
        data: { table: rel.relname }
      };
    }
    case "IndexStmt": {
      const concurrently = ast.concurrent ? " CONCURRENTLY" : "";
      if (!ast.idxname) {
        return {
          rerun: `creates a second, duplicate index under a generated name (every write then maintains both)${ast.concurrent ? ", and a failed build leaves an INVALID index behind" : ""}`,
          help: `Name the index and write CREATE INDEX${concurrently} IF NOT EXISTS <name> ON ${quoteRel(ast.relation)} (\u2026).`,
          partial: !!ast.concurrent
        };
      }
      if (ast.if_not_exists || dropped.has(`OBJECT_INDEX:${ast.idxname}`)) return void 0;
      if (ast.concurrent) {
        return {
          rerun: exists(`relation ${ast.idxname}`),
          message: `CREATE INDEX CONCURRENTLY is not atomic: a build that fails or is cancelled (deadlock, unique violation, timeout) leaves the INVALID index \`${ast.idxname}\` behind, and re-running the migration then fails with "relation ${ast.idxname} already exists".`,
          help: `Precede it with DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(ast.idxname)}; (IF NOT EXISTS alone would keep an INVALID index from a failed build).`,
          partial: true,
          data: { index: ast.idxname }
        };
      }
      return {
        rerun: exists(`relation ${ast.idxname}`),
        help: `Write CREATE INDEX IF NOT EXISTS ${quoteIdent(ast.idxname)}.`,
        data: { index: ast.idxname }
      };
    }
    case "CreateSeqStmt":
      if (ast.if_not_exists || dropped.has(`OBJECT_SEQUENCE:${ast.sequence?.relname}`)) return void 0;
      return { rerun: exists(`relation ${ast.sequence?.relname}`), help: "Write CREATE SEQUENCE IF NOT EXISTS." };
    case "CreateSchemaStmt":
      if (ast.if_not_exists || dropped.has(`OBJECT_SCHEMA:${ast.schemaname}`)) return void 0;
      return { rerun: exists(`schema ${ast.schemaname}`), help: "Write CREATE SCHEMA IF NOT EXISTS." };
    case "CreateExtensionStmt":
      if (ast.if_not_exists) return void 0;
      return { rerun: exists(`extension ${ast.extname}`), help: "Write CREATE EXTENSION IF NOT EXISTS." };
    case "ViewStmt":
      if (ast.replace || dropped.has(`OBJECT_VIEW:${ast.view?.relname}`)) return void 0;
      return { rerun: exists(`relation ${ast.view?.relname}`), help: "Write CREATE OR REPLACE VIEW." };
    case "CreateFunctionStmt": {
      const fn = names(ast.funcname).at(-1);
      if (ast.replace || dropped.has(`${ast.is_procedure ? "OBJECT_PROCEDURE" : "OBJECT_FUNCTION"}:${fn}`))
        return void 0;
      return {
        rerun: `fails with "${ast.is_procedure ? "procedure" : "function"} ${fn} already exists"`,
        help: `Write CREATE OR REPLACE ${ast.is_procedure ? "PROCEDURE" : "FUNCTION"}.`
      };
    }
    case "CreateTrigStmt":
      if (ast.replace || dropped.has(`OBJECT_TRIGGER:${ast.trigname}`)) return void 0;
      return {
        rerun: exists(`trigger ${ast.trigname}`),
        help: `Precede it with DROP TRIGGER IF EXISTS ${quoteIdent(ast.trigname)} ON ${quoteRel(ast.relation)}; (or use CREATE OR REPLACE TRIGGER on PostgreSQL 14+).`
      };
    case "CreatePolicyStmt":
      if (dropped.has(`OBJECT_POLICY:${ast.policy_name}`)) return void 0;
      return {
        rerun: exists(`policy ${ast.policy_name}`),
        help: `Precede it with DROP POLICY IF EXISTS ${quoteIdent(ast.policy_name)} ON ${quoteRel(ast.table)};.`
      };
    case "CreateEnumStmt":
    case "CompositeTypeStmt":
    case "CreateRangeStmt":
    case "CreateDomainStmt": {
      const n = names(
        stmt.kind === "CreateDomainStmt" ? ast.domainname : stmt.kind === "CompositeTypeStmt" ? [{ String: { sval: ast.typevar?.relname } }] : ast.typeName
      ).at(-1);
      const type = stmt.kind === "CreateDomainStmt" ? "OBJECT_DOMAIN" : "OBJECT_TYPE";
      if (dropped.has(`${type}:${n}`)) return void 0;
      return {
        rerun: exists(`type ${n}`),
        help: `PostgreSQL has no IF NOT EXISTS here: create it in a DO block that catches duplicate_object, or run this file in a transaction.`
      };
    }
    case "DropStmt": {
      if (ast.missing_ok) return void 0;
      const what = String(ast.removeType ?? "OBJECT").replace(/^OBJECT_/, "").replace(/_/g, " ").toLowerCase();
      return { rerun: `fails with "${what} \u2026 does not exist"`, help: `Write DROP ${what.toUpperCase()} IF EXISTS.` };
    }
    case "AlterTableStmt": {
      for (const cmd of alterCmds(ast)) {
        switch (cmd.subtype) {
          case "AT_AddColumn": {
            const col = cmd.def?.ColumnDef?.colname;
            if (!cmd.missing_ok)
              return {
                rerun: exists(`column ${col} of relation ${ast.relation?.relname}`),
                help: "Write ADD COLUMN IF NOT EXISTS.",
                data: { column: col }
              };
            break;
          }
          case "AT_DropColumn":
            if (!cmd.missing_ok)
              return {
                rerun: missing(`column ${cmd.name} of relation ${ast.relation?.relname}`),
                help: "Write DROP COLUMN IF EXISTS.",
                data: { column: cmd.name }
              };
            break;
          case "AT_DropConstraint":
            if (!cmd.missing_ok)
              return {
                rerun: missing(`constraint ${cmd.name} of relation ${ast.relation?.relname}`),
                help: "Write DROP CONSTRAINT IF EXISTS.",
                data: { constraint: cmd.name }
              };
            break;
          case "AT_AddConstraint": {
            const con = cmd.def?.Constraint;
            if (!con) break;
            if (!con.conname) {
              return {
                rerun: con.contype === "CONSTR_PRIMARY" ? 'fails with "multiple primary keys are not allowed"' : "adds a second, duplicate constraint under a generated name",
                help: `Name the constraint and precede it with ALTER TABLE ${quoteRel(ast.relation)} DROP CONSTRAINT IF EXISTS <name>;.`
              };
            }
            if (!droppedSinceAdded(statements, stmt.index, con.conname)) {
              return {
                rerun: exists(`constraint ${con.conname} for relation ${ast.relation?.relname}`),
                help: `Precede it with ALTER TABLE ${quoteRel(ast.relation)} DROP CONSTRAINT IF EXISTS ${quoteIdent(con.conname)}; (PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS).`,
                data: { constraint: con.conname }
              };
            }
            break;
          }
          default:
            break;
        }
      }
      return void 0;
    }
    case "RenameStmt": {
      const from = ast.subname ?? ast.relation?.relname;
      if (!from || ![
        "OBJECT_COLUMN",
        "OBJECT_TABLE",
        "OBJECT_TABCONSTRAINT",
        "OBJECT_INDEX",
        "OBJECT_VIEW",
        "OBJECT_SEQUENCE"
      ].includes(ast.renameType))
        return void 0;
      if (ast.missing_ok && ast.renameType !== "OBJECT_COLUMN" && ast.renameType !== "OBJECT_TABCONSTRAINT")
        return void 0;
      return {
        rerun: `fails because ${from} was already renamed to ${ast.newname}`,
        help: "Guard the rename in a DO block that checks the catalog first, or run this file in a transaction."
      };
    }
    case "AlterEnumStmt":
      if (ast.oldVal || ast.skipIfNewValExists || !ast.newVal) return void 0;
      return { rerun: `fails with "enum label ${ast.newVal} already exists"`, help: "Write ADD VALUE IF NOT EXISTS." };
    default:
      return void 0;
  }
}
var prefer_robust_stmts_default = defineRule({
  meta: {
    id: "prefer-robust-stmts",
    severity: "warning",
    summary: "In a migration that does not run in a transaction, a statement that fails when the migration is re-run after a partial failure."
  },
  check(stmt, ctx) {
    if (ctx.tx.inTransaction) return;
    const p = problem(stmt, keysBefore(ctx.statements, stmt.index, droppedKeys), ctx.statements);
    if (!p) return;
    if (!p.partial && !twoReal(ctx.statements)) return;
    const later = laterCanFail(ctx.statements, stmt.index);
    const table = stmt.ast.relation ?? stmt.ast.into?.rel;
    return {
      message: p.message ? p.message : p.partial ? `This runs outside a transaction and is not atomic: re-running the migration after a failure ${p.rerun}.` : later ? `This migration does not run in a transaction: if a later statement fails, this one stays applied, and re-running the migration ${p.rerun}.` : `This migration does not run in a transaction: if the run stops after this last statement but before the tool records the migration as applied (a lost connection, a killed deploy), the earlier statements and this one stay applied, and re-running the migration ${p.rerun}.`,
      help: p.help,
      table: table?.relname ? `${table.schemaname ?? "public"}.${table.relname}` : void 0,
      data: { ...p.data, ...table?.relname ? { relation: displayTable(table) } : {} }
    };
  }
});

// rules/postgres/prefer-text-field.ts
var prefer_text_field_default = defineRule({
  meta: {
    id: "prefer-text-field",
    severity: "warning",
    summary: "varchar(n) puts a business rule in the column type; use text with a CHECK constraint.",
    kinds: ["CreateStmt", "AlterTableStmt"]
  },
  check(stmt, ctx) {
    const issues = [];
    for (const site of columnSites(stmt)) {
      if (site.type.name !== "varchar" || site.type.schema || !site.type.mods.length) continue;
      if (site.via === "alter") {
        const cur = ctx.column(site.rel, site.column)?.type;
        if (cur && cur.name === "varchar" && cur.mods.length) continue;
      }
      const n = site.type.mods[0];
      const written = typeToSql(site.type);
      issues.push({
        message: `\`${displayTable(site.rel)}.${site.column}\` is ${written}: raising the limit later is quick but still takes an ACCESS EXCLUSIVE lock, lowering it rewrites the whole table, and the limit buys no speed or space over text.`,
        help: `Use text with CHECK (char_length(${site.column}) <= ${n}): the limit can then be changed with ADD CONSTRAINT \u2026 NOT VALID and VALIDATE CONSTRAINT, without a rewrite.`,
        table: relKey(site.rel),
        data: { column: site.column, type: written, limit: n }
      });
    }
    return issues;
  }
});

// rules/postgres/prefer-timestamptz.ts
var prefer_timestamptz_default = defineRule({
  meta: {
    id: "prefer-timestamptz",
    severity: "warning",
    summary: "timestamp without time zone columns store wall-clock time with no offset; use timestamptz.",
    kinds: ["CreateStmt", "AlterTableStmt"]
  },
  check(stmt) {
    const issues = [];
    for (const site of columnSites(stmt)) {
      if (site.type.name !== "timestamp" || site.type.schema) continue;
      const written = typeToSql(site.type);
      const better = written.replace(/^timestamp/, "timestamptz");
      issues.push({
        message: `\`${displayTable(site.rel)}.${site.column}\` is ${written} (without time zone): it stores wall-clock time with no offset, so values written by sessions in different time zones cannot be compared, and comparing them with now() depends on the session's TimeZone.`,
        help: `Use ${better}: it stores an absolute instant (still 8 bytes) and shows it in each session's time zone.`,
        table: relKey(site.rel),
        data: { column: site.column, type: written, replacement: better }
      });
    }
    return issues;
  }
});

// rules/postgres/renaming-column.ts
var renaming_column_default = defineRule({
  meta: {
    id: "renaming-column",
    severity: "error",
    summary: "Renaming a column breaks every running app instance that still uses the old name.",
    kinds: ["RenameStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.renameType !== "OBJECT_COLUMN" || ast.relationType !== "OBJECT_TABLE") return;
    if (ctx.isReleaseColumn(ast.relation, ast.subname)) return;
    const table = displayTable(ast.relation);
    return {
      message: `Renaming \`${table}.${ast.subname}\` to \`${ast.newname}\` breaks every app instance still running the old code: its queries on \`${ast.subname}\` fail from the moment this commits until the new code is deployed everywhere.`,
      help: `Add \`${ast.newname}\`, write to both columns and backfill, move reads over, then drop \`${ast.subname}\` in a later release.`,
      lock: "AccessExclusiveLock",
      table: relKey(ast.relation),
      data: { column: ast.subname, newName: ast.newname }
    };
  }
});

// rules/postgres/renaming-table.ts
var renaming_table_default = defineRule({
  meta: {
    id: "renaming-table",
    severity: "error",
    summary: "Renaming a table breaks every running app instance that still uses the old name.",
    kinds: ["RenameStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.renameType !== "OBJECT_TABLE") return;
    if (ctx.isReleaseTable(ast.relation)) return;
    const old = relKey(ast.relation);
    const bridged = ctx.statements.some(
      (s) => s.index > stmt.index && s.kind === "ViewStmt" && relKey(s.ast.view) === old
    );
    if (bridged) return;
    const table = displayTable(ast.relation);
    const newRel = { schemaname: ast.relation?.schemaname, relname: ast.newname };
    return {
      message: `Renaming table \`${table}\` to \`${ast.newname}\` breaks every app instance still running the old code: its queries on \`${table}\` fail from the moment this commits until the new code is deployed everywhere.`,
      help: `In the same transaction, add CREATE VIEW ${quoteRel(ast.relation)} AS SELECT * FROM ${quoteRel(newRel)}; (a simple view stays writable), and drop the view once no code uses the old name.`,
      lock: "AccessExclusiveLock",
      table: old,
      data: { newName: ast.newname }
    };
  }
});

// rules/postgres/require-concurrent-index-creation.ts
var require_concurrent_index_creation_default = defineRule({
  meta: {
    id: "require-concurrent-index-creation",
    severity: "error",
    summary: "CREATE INDEX without CONCURRENTLY blocks writes to the table while the index builds.",
    kinds: ["IndexStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.concurrent) return;
    if (ctx.isNewTable(ast.relation)) return;
    const table = displayTable(ast.relation);
    return {
      message: `CREATE INDEX on \`${table}\` takes a SHARE lock and blocks every INSERT, UPDATE and DELETE until the index is built, which takes minutes on a large table.`,
      help: "Use CREATE INDEX CONCURRENTLY, in a migration that does not run inside a transaction.",
      lock: "ShareLock",
      table: `${ast.relation?.schemaname ?? "public"}.${ast.relation?.relname}`,
      data: { index: ast.idxname, unique: !!ast.unique }
    };
  }
});

// rules/postgres/require-concurrent-index-deletion.ts
var require_concurrent_index_deletion_default = defineRule({
  meta: {
    id: "require-concurrent-index-deletion",
    severity: "error",
    summary: "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table.",
    kinds: ["DropStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.removeType !== "OBJECT_INDEX" || ast.concurrent) return;
    const origin = ctx.migration.absPath;
    const indexes2 = (ast.objects ?? []).map((o) => stringList(o.List?.items ?? (o.String ? [o] : [])));
    const tables = /* @__PURE__ */ new Set();
    const names2 = [];
    for (const n of indexes2) {
      if (!n.length) continue;
      const key = qualifiedKey(n);
      const ix = ctx.catalog.indexes.get(key);
      if (ix && (ix.createdIn === origin || ctx.isNewTable(ix.table))) continue;
      names2.push(n.join("."));
      if (ix) tables.add(ix.table);
    }
    if (!names2.length) return;
    const on = tables.size ? [...tables].map((t) => `\`${displayTable(t)}\``).join(", ") : "its table";
    const what = names2.map((n) => `\`${n}\``).join(", ");
    const table = tables.size === 1 ? [...tables][0] : void 0;
    return {
      message: `DROP INDEX ${what} takes an ACCESS EXCLUSIVE lock on ${on}: it first waits for every running query on the table, and while it waits every new read and write queues behind it.`,
      help: `Use DROP INDEX CONCURRENTLY${names2.length > 1 ? " (one index per statement)" : ""}${ast.behavior === "DROP_CASCADE" ? " (CASCADE is not allowed with it)" : ""}, in a migration that does not run inside a transaction.`,
      lock: "AccessExclusiveLock",
      ...table ? { table } : {},
      data: { indexes: names2, ifExists: !!ast.missing_ok }
    };
  }
});

// rules/postgres/require-concurrent-partition-detach.ts
var require_concurrent_partition_detach_default = defineRule({
  meta: {
    id: "require-concurrent-partition-detach",
    severity: "error",
    summary: "DETACH PARTITION without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the partitioned table (PostgreSQL 14+ has CONCURRENTLY).",
    kinds: ["AlterTableStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ctx.isNewTable(ast.relation)) return;
    const parent = displayTable(ast.relation);
    const issues = [];
    for (const cmd of alterCmds(ast)) {
      if (cmd.subtype !== "AT_DetachPartition") continue;
      const pc = cmd.def?.PartitionCmd;
      if (!pc || pc.concurrent) continue;
      if (pc.finalize || ctx.isNewTable(pc.name)) continue;
      const part = displayTable(pc.name);
      const message = `DETACH PARTITION \`${part}\` takes an ACCESS EXCLUSIVE lock on \`${parent}\` (and on \`${part}\`): it waits for every running query on the partitioned table, and while it waits every new read and write on \`${parent}\` queues behind it.`;
      const old = ctx.pgVersion < 14;
      issues.push({
        message: old ? `${message} (PostgreSQL ${ctx.pgVersion} has no DETACH PARTITION CONCURRENTLY.)` : message,
        help: old ? "Set a short lock_timeout and retry, or run it in a quiet window; PostgreSQL 14+ can DETACH PARTITION \u2026 CONCURRENTLY." : `Use \`ALTER TABLE ${quoteRel(ast.relation)} DETACH PARTITION ${quoteRel(pc.name)} CONCURRENTLY\` (SHARE UPDATE EXCLUSIVE on the parent), in a migration that does not run inside a transaction.`,
        severity: old ? "warning" : void 0,
        lock: "AccessExclusiveLock",
        table: relKey(ast.relation),
        data: { partition: relKey(pc.name) }
      });
    }
    return issues;
  }
});

// rules/postgres/require-concurrent-reindex.ts
var isConcurrent = (ast) => (ast.params ?? []).some((p) => p.DefElem?.defname === "concurrently" && p.DefElem.arg?.String?.sval !== "false");
var require_concurrent_reindex_default = defineRule({
  meta: {
    id: "require-concurrent-reindex",
    severity: "error",
    summary: "REINDEX without CONCURRENTLY blocks writes to the table and, through the planner, nearly every query on it.",
    kinds: ["ReindexStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (isConcurrent(ast) || ast.kind === "REINDEX_OBJECT_SYSTEM") return;
    const origin = ctx.migration.absPath;
    let what;
    let table;
    switch (ast.kind) {
      case "REINDEX_OBJECT_INDEX": {
        const ix = ctx.catalog.indexes.get(relKey(ast.relation));
        if (ix && (ix.createdIn === origin || ctx.isNewTable(ix.table))) return;
        table = ix?.table;
        what = `REINDEX INDEX \`${displayTable(ast.relation)}\``;
        break;
      }
      case "REINDEX_OBJECT_TABLE":
        if (ctx.isNewTable(ast.relation)) return;
        table = relKey(ast.relation);
        what = `REINDEX TABLE \`${displayTable(ast.relation)}\``;
        break;
      case "REINDEX_OBJECT_SCHEMA":
        what = `REINDEX SCHEMA \`${ast.name ?? DEFAULT_SCHEMA}\``;
        break;
      default:
        what = "REINDEX DATABASE";
    }
    const on = table ? `\`${displayTable(table)}\`` : "each table";
    const message = `${what} holds a SHARE lock on ${on} (every write waits) and an ACCESS EXCLUSIVE lock on each index it rebuilds; the planner needs a lock on every index of a table, so nearly every query on ${on} waits too until the rebuild ends.`;
    if (ctx.pgVersion < 12) {
      return {
        message: `${message} (PostgreSQL ${ctx.pgVersion} has no REINDEX CONCURRENTLY.)`,
        help: "Build a replacement with CREATE INDEX CONCURRENTLY, drop the old index with DROP INDEX CONCURRENTLY, then rename the new one \u2014 or run REINDEX in a quiet window.",
        severity: "warning",
        lock: "AccessExclusiveLock",
        ...table ? { table } : {},
        data: { tableLock: "ShareLock", indexLock: "AccessExclusiveLock" }
      };
    }
    const concurrent = {
      REINDEX_OBJECT_INDEX: `REINDEX INDEX CONCURRENTLY ${ast.relation ? quoteRel(ast.relation) : ""}`,
      REINDEX_OBJECT_TABLE: `REINDEX TABLE CONCURRENTLY ${ast.relation ? quoteRel(ast.relation) : ""}`,
      REINDEX_OBJECT_SCHEMA: `REINDEX SCHEMA CONCURRENTLY ${quoteIdent(ast.name ?? DEFAULT_SCHEMA)}`,
      REINDEX_OBJECT_DATABASE: "REINDEX DATABASE CONCURRENTLY"
    };
    const safe = concurrent[ast.kind];
    return {
      message,
      help: `Use \`${safe}\` (PostgreSQL 12+), in a migration that does not run inside a transaction.`,
      lock: "AccessExclusiveLock",
      ...table ? { table } : {},
      data: { tableLock: "ShareLock", indexLock: "AccessExclusiveLock" }
    };
  }
});

// rules/postgres/require-enum-value-ordering.ts
var require_enum_value_ordering_default = defineRule({
  meta: {
    id: "require-enum-value-ordering",
    severity: "warning",
    summary: "ALTER TYPE \u2026 ADD VALUE without BEFORE or AFTER: the value lands at the end of the enum\u2019s sort order, whether or not that is where it belongs.",
    kinds: ["AlterEnumStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (!ast.newVal || ast.oldVal || ast.newValNeighbor) return;
    const typeNames = names(ast.typeName);
    const type = typeNames.join(".");
    const key = typeNames.length > 1 ? type : `public.${type}`;
    const known = ctx.catalog.enums.get(key);
    if (ast.skipIfNewValExists && known?.values.includes(ast.newVal)) return;
    const last = known?.values.at(-1);
    return {
      message: `ADD VALUE ${quoteLiteral(ast.newVal)} appends it after ${last !== void 0 ? quoteLiteral(last) : "the last value"} of enum \`${type}\`: enum values compare in declaration order, so ORDER BY, <, > and BETWEEN on this type now put it last, which is easy to get wrong and cannot be changed later without recreating the type.`,
      help: last !== void 0 ? `State the position: ADD VALUE ${quoteLiteral(ast.newVal)} BEFORE \u2026 / AFTER \u2026 (AFTER ${quoteLiteral(last)} if last is intended).` : `State the position: ADD VALUE ${quoteLiteral(ast.newVal)} BEFORE '\u2026' or AFTER '\u2026'.`,
      data: { type, value: ast.newVal, ...last !== void 0 ? { after: last } : {} }
    };
  }
});

// rules/postgres/require-lock-timeout.ts
var ID = "require-lock-timeout";
var require_lock_timeout_default = defineRule({
  meta: {
    id: ID,
    severity: "warning",
    summary: "A statement that waits for a lock blocking reads or writes on an existing table, with no lock_timeout set: while it waits, all traffic queues behind it."
  },
  check(stmt, ctx) {
    if (ctx.tx.lockTimeout) return;
    const locks = statementLocks(stmt.kind, stmt.ast, { pgVersion: ctx.pgVersion, catalog: ctx.catalog });
    if (!locks.length) return;
    const created2 = createdBefore(ctx.statements, stmt.index);
    const blocking = locks.filter(
      (l) => blocksTraffic(l.mode) && !(l.rel && (ctx.isNewTable(l.rel) || created2.has(l.rel)))
    );
    if (!blocking.length) return;
    const last = lastSetting(ctx.statements, stmt.index, "lock_timeout");
    if (setsZero(last)) return;
    if (!firstInFile(ID, ctx, stmt)) return;
    const mode = blocking.map((l) => l.mode).reduce(strongerLock);
    const target = blocking.find((l) => l.mode === mode);
    const others = blocking.filter((l) => l !== target).map((l) => l.what);
    const label = commandLabel(stmt.kind, stmt.ast);
    const where = target.what;
    let because = "no lock_timeout is set";
    if (last?.ast.is_local && last.ast.kind === "VAR_SET_VALUE") {
      because = `the SET LOCAL lock_timeout on line ${last.span.line} no longer applies (it lasts only until the end of its transaction and does nothing outside one)`;
    } else if (last) {
      because = `lock_timeout was reset on line ${last.span.line}`;
    }
    return {
      message: `${label} needs ${aLock(mode)} on ${where}${others.length ? `, plus a lock on ${others.join(" and ")}` : ""}, and ${because}. If any transaction holds a lock there, even a long SELECT, this statement waits, and ${lockImpact(mode)}${mode === "AccessExclusiveLock" ? "" : " (reads continue)"} arriving meanwhile queues behind it: an outage until the blocker finishes.`,
      help: "Start the migration with `SET lock_timeout = '2s';` so the statement gives up instead of queueing traffic, and retry the migration.",
      lock: mode,
      table: target.rel,
      data: { setting: "lock_timeout", locks: blocking.map((l) => ({ rel: l.rel, mode: l.mode })) }
    };
  }
});

// rules/postgres/require-statement-timeout.ts
var ID2 = "require-statement-timeout";
function addColumnWork(def, ctx) {
  const cons = columnConstraints(def);
  if (cons.some((c) => c.contype === "CONSTR_GENERATED" && c.generated_kind !== "v"))
    return "rewrites the table to fill a stored generated column";
  if (cons.some((c) => c.contype === "CONSTR_IDENTITY")) return "rewrites the table to fill an identity column";
  const tn = names(def.typeName?.names);
  if (["serial", "bigserial", "smallserial", "serial2", "serial4", "serial8"].includes(tn[tn.length - 1] ?? ""))
    return "rewrites the table to fill a serial column";
  const dflt = cons.find((c) => c.contype === "CONSTR_DEFAULT");
  if (dflt) {
    if (ctx.pgVersion < 11) return "rewrites the table to store the default in every row (before PostgreSQL 11)";
    if (volatility(dflt.raw_expr, ctx.catalog.functions) === "volatile")
      return "rewrites the table to evaluate a volatile default for every row";
  }
  if (cons.some((c) => c.contype === "CONSTR_PRIMARY" || c.contype === "CONSTR_UNIQUE"))
    return "builds a unique index over every row";
  if (cons.some((c) => c.contype === "CONSTR_CHECK" || c.contype === "CONSTR_FOREIGN"))
    return "scans every row to validate the new constraint";
  return void 0;
}
function hasNotNullCheck(ctx, rel, column2) {
  if (ctx.pgVersion < 12) return false;
  for (const con of ctx.table(rel)?.constraints.values() ?? []) {
    if (con.type !== "check" || !con.validated) continue;
    const t = con.expr?.NullTest;
    if (t?.nulltesttype === "IS_NOT_NULL" && names(t.arg?.ColumnRef?.fields).at(-1) === column2) return true;
  }
  return false;
}
function alterTableWork(stmt, ctx) {
  const rel = stmt.ast.relation;
  for (const cmd of alterCmds(stmt.ast)) {
    switch (cmd.subtype) {
      case "AT_AlterColumnType": {
        const col = ctx.column(rel, cmd.name);
        const def = cmd.def?.ColumnDef;
        if (col && def?.typeName && !def.raw_default) {
          const from = resolveDomain(col.type, ctx.catalog);
          const to = resolveDomain(typeRef(def.typeName), ctx.catalog);
          if (!to.constrainedDomain && typeChangeCost(from.type, to.type, ctx.pgVersion) === "none") break;
        }
        return `rewrites or re-checks every row to change the type of column ${cmd.name}`;
      }
      case "AT_AddColumn": {
        const w = addColumnWork(cmd.def?.ColumnDef, ctx);
        if (w) return w;
        break;
      }
      case "AT_AddConstraint": {
        const con = cmd.def?.Constraint;
        if (!con) break;
        if ((con.contype === "CONSTR_CHECK" || con.contype === "CONSTR_FOREIGN") && !con.skip_validation)
          return "scans every row to validate the new constraint";
        if ((con.contype === "CONSTR_PRIMARY" || con.contype === "CONSTR_UNIQUE") && !con.indexname)
          return "builds a unique index over every row";
        if (con.contype === "CONSTR_EXCLUSION") return "builds an exclusion index over every row";
        break;
      }
      case "AT_SetNotNull":
        if (!hasNotNullCheck(ctx, rel, cmd.name)) return `scans every row to check that ${cmd.name} has no NULLs`;
        break;
      case "AT_SetLogged":
      case "AT_SetUnLogged":
      case "AT_SetTableSpace":
      case "AT_SetAccessMethod":
        return "rewrites the whole table";
      case "AT_AttachPartition":
        return `scans partition ${displayTable(cmd.def?.PartitionCmd?.name)} to check its rows fit the partition bound`;
      default:
        break;
    }
  }
  return void 0;
}
var isConstant = (n) => !!(n?.A_Const || n?.ParamRef || n?.TypeCast && isConstant(n.TypeCast.arg));
function pinsUniqueKey(ctx, rel, where) {
  if (!where) return false;
  const conjuncts = [];
  const flatten = (n) => {
    if (n?.BoolExpr?.boolop === "AND_EXPR") n.BoolExpr.args.forEach(flatten);
    else conjuncts.push(n);
  };
  flatten(where);
  const pinned = /* @__PURE__ */ new Set();
  for (const c of conjuncts) {
    const e = c?.A_Expr;
    if (!e) continue;
    const col = (n) => names(n?.ColumnRef?.fields).at(-1);
    if (e.kind === "AEXPR_OP" && names(e.name).join() === "=") {
      if (col(e.lexpr) && isConstant(e.rexpr)) pinned.add(col(e.lexpr));
      else if (col(e.rexpr) && isConstant(e.lexpr)) pinned.add(col(e.rexpr));
    } else if (e.kind === "AEXPR_IN" && col(e.lexpr) && (e.rexpr?.List?.items ?? []).every(isConstant)) {
      pinned.add(col(e.lexpr));
    }
  }
  if (!pinned.size) return false;
  const key = relKey(rel);
  const keys = [];
  for (const ix of ctx.catalog.indexesOf(key))
    if (ix.unique && ix.columns.every((c) => c !== null)) keys.push(ix.columns);
  for (const con of ctx.table(rel)?.constraints.values() ?? [])
    if (con.type === "primary" || con.type === "unique") keys.push(con.columns);
  return keys.some((k) => k.length > 0 && k.every((c) => pinned.has(c)));
}
function longWork(stmt, ctx) {
  const ast = stmt.ast;
  let work;
  let rel;
  switch (stmt.kind) {
    case "IndexStmt":
      if (!ast.concurrent) [work, rel] = ["builds an index over every row", ast.relation];
      break;
    case "AlterTableStmt":
      if ((ast.objtype ?? "OBJECT_TABLE") === "OBJECT_TABLE") [work, rel] = [alterTableWork(stmt, ctx), ast.relation];
      break;
    case "ClusterStmt":
      if (ast.relation) [work, rel] = ["rewrites the whole table in index order", ast.relation];
      break;
    case "RefreshMatViewStmt":
      if (!ast.concurrent) [work, rel] = ["re-runs the view query and rewrites the materialized view", ast.relation];
      break;
    case "UpdateStmt":
    case "DeleteStmt":
      if (pinsUniqueKey(ctx, ast.relation, ast.whereClause)) return void 0;
      [work, rel] = [
        `${stmt.kind === "DeleteStmt" ? "deletes" : "updates"} every matching row, locking each one until the transaction ends`,
        ast.relation
      ];
      break;
    case "MergeStmt":
      [work, rel] = ["merges every matching row, locking each one until the transaction ends", ast.relation];
      break;
    case "InsertStmt": {
      const sel = ast.selectStmt?.SelectStmt;
      if (sel?.fromClause?.length) [work, rel] = ["copies every row the SELECT returns", ast.relation];
      break;
    }
    default: {
      const locks2 = statementLocks(stmt.kind, ast, { pgVersion: ctx.pgVersion, catalog: ctx.catalog });
      if (stmt.kind === "VacuumStmt" && locks2.some((l) => l.mode === "AccessExclusiveLock")) {
        const l = locks2[0];
        return {
          work: "rewrites the whole table (VACUUM FULL)",
          rel: l.rel,
          display: l.rel ? `\`${displayTable(l.rel)}\`` : l.what,
          lock: l.mode
        };
      }
      if (stmt.kind === "ReindexStmt" && locks2.some((l) => l.mode === "AccessExclusiveLock")) {
        const l = locks2[0];
        return {
          work: "rebuilds indexes from every row",
          rel: l.rel,
          display: l.rel ? `\`${displayTable(l.rel)}\`` : l.what,
          lock: l.mode
        };
      }
      if (stmt.kind === "AlterDomainStmt" && locks2.length) {
        const l = locks2[0];
        return {
          work: "scans every column that uses the domain",
          rel: l.rel,
          display: l.rel ? `\`${displayTable(l.rel)}\`` : l.what,
          lock: l.mode
        };
      }
      return void 0;
    }
  }
  if (!work || !rel?.relname || ctx.isNewTable(rel)) return void 0;
  const locks = statementLocks(stmt.kind, ast, { pgVersion: ctx.pgVersion, catalog: ctx.catalog });
  const key = relKey(rel);
  const mode = locks.filter((l) => l.rel === key).map((l) => l.mode).reduce(strongerLock, "RowExclusiveLock");
  return { work, rel: key, display: `\`${displayTable(key)}\``, lock: mode };
}
var require_statement_timeout_default = defineRule({
  meta: {
    id: ID2,
    severity: "warning",
    summary: "A statement that can run for a long time on an existing table (rewrite, scan, index build, backfill) with no statement_timeout set."
  },
  check(stmt, ctx) {
    if (ctx.tx.statementTimeout) return;
    const long = longWork(stmt, ctx);
    if (!long) return;
    const last = lastSetting(ctx.statements, stmt.index, "statement_timeout");
    if (setsZero(last)) return;
    if (!firstInFile(ID2, ctx, stmt)) return;
    const label = commandLabel(stmt.kind, stmt.ast);
    const table = long.display;
    const dml = ["UpdateStmt", "DeleteStmt", "MergeStmt", "InsertStmt"].includes(stmt.kind);
    const holds = dml ? `it holds its row locks${ctx.tx.inTransaction ? ", and every lock taken earlier in this transaction," : ""} for as long as it runs` : `it holds ${aLock(long.lock)} on ${table} the whole time, so ${lockImpact(long.lock)} waits`;
    return {
      message: `${label} on ${table} ${long.work}, and no statement_timeout is set: on a large table it can run for minutes or hours, and ${holds}, with nothing to stop it.`,
      help: "Set `SET statement_timeout = '\u2026';` before it, sized for the table, so a runaway statement is cancelled instead of holding its locks (not for CONCURRENTLY builds or VALIDATE CONSTRAINT, which must not be cut short).",
      lock: long.lock,
      table: long.rel,
      data: { setting: "statement_timeout", work: long.work }
    };
  }
});

// rules/postgres/require-table-schema.ts
function unqualified(kind, ast) {
  switch (kind) {
    case "CreateStmt":
      return ast.relation?.relpersistence === "t" || ast.relation?.schemaname ? [] : [ast.relation.relname];
    case "CreateTableAsStmt": {
      const rel = ast.into?.rel;
      if (ast.objtype !== "OBJECT_TABLE" || !rel || rel.relpersistence === "t" || rel.schemaname) return [];
      return [rel.relname];
    }
    case "AlterTableStmt":
      return ast.objtype !== "OBJECT_TABLE" || ast.relation?.schemaname ? [] : [ast.relation.relname];
    case "DropStmt":
      if (ast.removeType !== "OBJECT_TABLE") return [];
      return (ast.objects ?? []).map((o) => (o.List?.items ?? []).map((i) => i.String?.sval)).filter((parts2) => parts2.length === 1).map((parts2) => parts2[0]);
    default:
      return [];
  }
}
var require_table_schema_default = defineRule({
  meta: {
    id: "require-table-schema",
    severity: "warning",
    summary: "A table name without its schema resolves through search_path, which can differ between the migration runner and the application. Opt-in.",
    kinds: ["CreateStmt", "CreateTableAsStmt", "AlterTableStmt", "DropStmt"],
    optIn: true
  },
  check(stmt) {
    const names2 = unqualified(stmt.kind, stmt.ast);
    if (!names2.length) return;
    const list4 = names2.map((n) => `\`${n}\``).join(", ");
    return {
      message: `${names2.length > 1 ? `Tables ${list4} are` : `Table ${list4} is`} not schema-qualified: PostgreSQL finds ${names2.length > 1 ? "them" : "it"} through \`search_path\`, so the same migration can create, change or drop a table in another schema when the runner's role or connection sets a different path.`,
      help: `Write ${names2.map((n) => `\`public.${quoteIdent(n)}\``).join(", ")} (or the schema you mean).`,
      data: { tables: names2 }
    };
  }
});

// rules/postgres/transaction-nesting.ts
var ends = (s) => {
  const k = txKind(s);
  return k === "commit" || k === "rollback";
};
function openingBegin(statements, index) {
  let open;
  for (let i = 0; i < index; i++) {
    const s = statements[i];
    const k = txKind(s);
    if (k === "begin") open ??= s;
    else if (ends(s) && !chained(s)) open = void 0;
    else if (k === "prepare") open = void 0;
  }
  return open;
}
function closing(statements, index) {
  for (let i = index + 1; i < statements.length; i++) {
    const s = statements[i];
    if (ends(s) && !chained(s)) return s;
  }
  return void 0;
}
var word = (s) => txKind(s) === "rollback" ? "ROLLBACK" : "COMMIT";
var transaction_nesting_default = defineRule({
  meta: {
    id: "transaction-nesting",
    severity: "warning",
    summary: "BEGIN inside a transaction that is already open, COMMIT/ROLLBACK that ends the migration tool\u2019s own transaction early, or one with no transaction to end.",
    kinds: ["TransactionStmt"]
  },
  check(stmt, ctx) {
    const kind = txKind(stmt);
    const script = ctx.migration.transaction === "wrapped" && SCRIPT_TOOLS.has(ctx.migration.framework);
    const tool = ctx.migration.framework && ctx.migration.framework !== "plain" ? ctx.migration.framework : "the migration tool";
    if (kind === "begin") {
      if (ctx.tx.explicit) {
        const outer = openingBegin(ctx.statements, stmt.index);
        return {
          message: `This BEGIN runs inside the transaction already opened${outer ? ` on line ${outer.span.line}` : ""}: PostgreSQL does not nest transactions, ignores it with a WARNING, and the next COMMIT ends both \u2014 statements you meant to group run in the outer transaction, and those after that COMMIT run without one.`,
          help: "Remove the inner BEGIN (use SAVEPOINT for a nested unit), or COMMIT the first transaction before starting the next."
        };
      }
      if (ctx.tx.inTransaction && !script) {
        const end = closing(ctx.statements, stmt.index);
        return {
          message: `${tool === "the migration tool" ? "The migration tool" : tool} already runs this file inside a transaction, so this BEGIN is ignored with a WARNING` + (end ? `, and the ${word(end)} on line ${end.span.line} ends the tool's transaction early: every statement after it runs outside a transaction and is not rolled back if the migration fails.` : ": it adds nothing, and suggests the file expects transaction control the tool does not give it."),
          help: "Remove BEGIN/COMMIT from the file and let the tool manage the transaction, or mark the file as non-transactional for the tool."
        };
      }
      return;
    }
    if (ends(stmt) && !ctx.tx.explicit && ctx.tx.inTransaction && !script) {
      return {
        message: `This ${word(stmt)} ends the transaction ${tool} wraps around the file` + (kind === "rollback" ? ", undoing every statement before it" : "") + ": every statement after it runs outside a transaction (a failure no longer rolls the migration back), and the tool\u2019s own COMMIT then finds no transaction in progress.",
        help: "Remove it and let the tool commit, or mark the file as non-transactional for the tool if it must control transactions itself."
      };
    }
    if (ends(stmt) && !ctx.tx.inTransaction && !chained(stmt)) {
      const w = word(stmt);
      return {
        message: `This ${w} finds no transaction in progress (PostgreSQL only warns and does nothing): ` + (closing(ctx.statements.slice(0, stmt.index), -1) ? "an earlier COMMIT/ROLLBACK already ended the transaction, so the statements between the two ran outside one, each committed on its own." : "no BEGIN opened one, so the statements before it already ran and committed one by one \u2014 whatever they were meant to group was never atomic.") + (w === "ROLLBACK" ? " Nothing is rolled back." : ""),
        help: "Remove the stray statement, or add the BEGIN it was meant to close so the group runs in one transaction."
      };
    }
    return;
  }
});

// rules/postgres/unbatched-backfill.ts
var ID_LIKE = /^(id|ctid|uuid|guid|pk|key|slug|code|email|username|handle|token|sku)$|(_id|_uuid|_key|Id|Uuid|ID)$/;
function colName(n) {
  const ref = n?.ColumnRef;
  if (!ref) return void 0;
  const f = names(ref.fields);
  if (!f.length) return void 0;
  return { name: f[f.length - 1], qualifier: f.length > 1 ? f[f.length - 2] : void 0 };
}
var isKey = (env, c) => !!c && (env.unique.has(c.name) || ID_LIKE.test(c.name));
function isValue(n) {
  if (!n || typeof n !== "object") return true;
  if (n.ColumnRef) return false;
  if (n.SubLink) return n.SubLink.subLinkType === "EXPR_SUBLINK";
  if (Array.isArray(n)) return n.every(isValue);
  return Object.values(n).every(isValue);
}
function limitedSelect(sel, env) {
  const s = sel?.SelectStmt;
  if (!s) return false;
  if (s.limitCount && !s.limitCount.A_Const?.isnull) return true;
  if (s.valuesLists?.length) return true;
  if (s.op && s.op !== "SETOP_NONE")
    return limitedSelect({ SelectStmt: s.larg }, env) && limitedSelect({ SelectStmt: s.rarg }, env);
  for (const f of s.fromClause ?? []) if (f.RangeVar && env.limitedCtes.has(f.RangeVar.relname)) return true;
  return !!s.whereClause && bounded(s.whereClause, { ...env, unique: /* @__PURE__ */ new Set() });
}
function bounded(n, env) {
  if (!n) return false;
  if (n.CurrentOfExpr) return true;
  if (n.BoolExpr) {
    const { boolop, args = [] } = n.BoolExpr;
    if (boolop === "OR_EXPR") return args.length > 0 && args.every((a) => bounded(a, env));
    if (boolop === "AND_EXPR")
      return args.some((a) => bounded(a, env)) || keyRange(args, env) || coversComposite(args, env);
    return false;
  }
  if (n.SubLink) {
    const l = n.SubLink;
    return l.subLinkType === "ANY_SUBLINK" && limitedSelect(l.subselect, env);
  }
  const e = n.A_Expr;
  if (!e) return false;
  const op = str(e.name?.[0]);
  const left = colName(e.lexpr);
  const right = colName(e.rexpr);
  switch (e.kind) {
    case "AEXPR_OP":
      if (op !== "=") return false;
      if (isKey(env, left) && isValue(e.rexpr) || isKey(env, right) && isValue(e.lexpr)) return true;
      return !!left?.qualifier && env.limitedAliases.has(left.qualifier) && !!right || !!right?.qualifier && env.limitedAliases.has(right.qualifier) && !!left;
    case "AEXPR_IN":
      return op === "=" && isKey(env, left) && isValue(e.rexpr);
    case "AEXPR_OP_ANY": {
      if (op !== "=" || !left) return false;
      const sub = e.rexpr?.SubLink;
      if (sub?.subLinkType === "ARRAY_SUBLINK") return limitedSelect(sub.subselect, env);
      return isKey(env, left) && isValue(e.rexpr);
    }
    case "AEXPR_BETWEEN":
    case "AEXPR_BETWEEN_SYM":
      return isKey(env, left) && isValue(e.rexpr);
    default:
      return false;
  }
}
function keyRange(args, env) {
  const lower = /* @__PURE__ */ new Set();
  const upper = /* @__PURE__ */ new Set();
  for (const a of args) {
    const e = a.A_Expr;
    if (e?.kind !== "AEXPR_OP") continue;
    const op = str(e.name?.[0]);
    const left = colName(e.lexpr);
    const right = colName(e.rexpr);
    let col;
    let dir;
    if (isKey(env, left) && isValue(e.rexpr)) {
      col = left.name;
      dir = op === ">" || op === ">=" ? "lo" : op === "<" || op === "<=" ? "hi" : void 0;
    } else if (isKey(env, right) && isValue(e.lexpr)) {
      col = right.name;
      dir = op === "<" || op === "<=" ? "lo" : op === ">" || op === ">=" ? "hi" : void 0;
    }
    if (col && dir === "lo") lower.add(col);
    if (col && dir === "hi") upper.add(col);
  }
  return [...lower].some((c) => upper.has(c));
}
function coversComposite(args, env) {
  const eq = /* @__PURE__ */ new Set();
  for (const a of args) {
    const e = a.A_Expr;
    if (e?.kind !== "AEXPR_OP" || str(e.name?.[0]) !== "=") continue;
    const left = colName(e.lexpr);
    const right = colName(e.rexpr);
    if (left && isValue(e.rexpr)) eq.add(left.name);
    if (right && isValue(e.lexpr)) eq.add(right.name);
  }
  return env.composite.some((cols) => cols.every((c) => eq.has(c)));
}
function environment(ctx, ast) {
  const env = { unique: /* @__PURE__ */ new Set(), composite: [], limitedCtes: /* @__PURE__ */ new Set(), limitedAliases: /* @__PURE__ */ new Set() };
  const key = relKey(ast.relation);
  const table = ctx.table(ast.relation);
  const sets = [];
  for (const c of table?.constraints.values() ?? [])
    if (c.type === "primary" || c.type === "unique") sets.push(c.columns);
  for (const ix of ctx.catalog.indexesOf(key))
    if (ix.unique && ix.columns.every((c) => c)) sets.push(ix.columns);
  for (const s of sets) {
    if (s.length === 1) env.unique.add(s[0]);
    else if (s.length > 1) env.composite.push(s);
  }
  for (const cte of ast.withClause?.ctes ?? []) {
    const c = cte.CommonTableExpr;
    if (c && limitedSelect(c.ctequery, env)) env.limitedCtes.add(c.ctename);
  }
  for (const f of [...ast.fromClause ?? [], ...ast.usingClause ?? []]) {
    if (f.RangeSubselect && limitedSelect(f.RangeSubselect.subquery, env)) {
      const alias = f.RangeSubselect.alias?.aliasname;
      if (alias) env.limitedAliases.add(alias);
    } else if (f.RangeVar && env.limitedCtes.has(f.RangeVar.relname)) {
      env.limitedAliases.add(f.RangeVar.alias?.aliasname ?? f.RangeVar.relname);
    }
  }
  return env;
}
var DDL = /* @__PURE__ */ new Set(["AlterTableStmt", "IndexStmt", "RenameStmt"]);
function heldDdl(ctx, stmt, key) {
  if (!ctx.tx.inTransaction) return void 0;
  let alter;
  let same3;
  let other;
  for (let i = stmt.index - 1; i >= 0; i--) {
    const s = ctx.statements[i];
    if (s.kind === "TransactionStmt") break;
    if (!DDL.has(s.kind)) continue;
    if (s.kind === "IndexStmt" && s.ast.concurrent) continue;
    if (s.ast.relation && relKey(s.ast.relation) === key) {
      if (s.kind === "AlterTableStmt") alter ??= s;
      else same3 ??= s;
    } else other ??= s;
  }
  const held = alter ?? same3;
  if (held) return { stmt: held, sameTable: true };
  return other ? { stmt: other, sameTable: false } : void 0;
}
var unbatched_backfill_default = defineRule({
  meta: {
    id: "unbatched-backfill",
    severity: "error",
    summary: "UPDATE or DELETE of an unbounded set of rows of an existing table in one statement (a backfill that should run in batches).",
    kinds: ["UpdateStmt", "DeleteStmt"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    const rel = ast.relation;
    if (!rel?.relname || rel.relpersistence === "t") return;
    if (rel.relname.startsWith("pg_") || rel.schemaname === "pg_catalog" || rel.schemaname === "information_schema")
      return;
    if (ctx.isNewTable(rel)) return;
    const where = ast.whereClause;
    if (where && bounded(where, environment(ctx, ast))) return;
    const table = displayTable(rel);
    const key = relKey(rel);
    const verb = stmt.kind === "UpdateStmt" ? "UPDATE" : "DELETE";
    const whereSql = where ? clauseSql(stmt, "WHERE", ["RETURNING"]) : void 0;
    const setSql = stmt.kind === "UpdateStmt" ? clauseSql(stmt, "SET", ["FROM", "WHERE", "RETURNING"]) : void 0;
    const scope = where ? `${verb} on \`${table}\` WHERE ${whereSql ? shortSql(whereSql) : "\u2026"} is not bounded to one batch` : `${verb} on \`${table}\` has no WHERE: it ${verb === "UPDATE" ? "rewrites" : "deletes"} every row in one statement`;
    const cost = verb === "UPDATE" ? "it holds a row lock on every row it touches until it commits (concurrent writes to those rows wait), writes a new version of each row (table and WAL bloat, replica lag), and on a large table runs for minutes" : "it holds a row lock on every row it deletes until it commits (concurrent writes to those rows wait), generates WAL for each row (replica lag), and on a large table runs for minutes";
    let message = `${scope}: ${cost}.`;
    const held = heldDdl(ctx, stmt, key);
    if (held?.sameTable) {
      message += ` Worse, it runs in the same transaction as the ${held.stmt.kind === "IndexStmt" ? "CREATE INDEX" : "ALTER TABLE"} at line ${held.stmt.span.line}, so that statement's ${held.stmt.kind === "IndexStmt" ? "SHARE lock (all writes wait)" : "ACCESS EXCLUSIVE lock (all reads and writes wait)"} on \`${table}\` is held for the whole ${verb}.`;
    } else if (held) {
      message += ` Worse, it runs in the same transaction as the DDL at line ${held.stmt.span.line}, whose locks stay held for the whole ${verb}.`;
    }
    return {
      message,
      help: `Run it in batches of a few thousand rows by key (e.g. WHERE id >= $1 AND id < $2, or WHERE id IN (SELECT id \u2026 LIMIT 5000)), each batch in its own transaction, outside the schema migration.`,
      lock: "RowExclusiveLock",
      table: key,
      data: {
        table: key,
        set: setSql ?? null,
        where: where ? whereSql ?? null : null,
        statement: verb.toLowerCase(),
        inTransactionWithDdl: held ? held.stmt.span.line : null
      }
    };
  }
});

// rules/postgres/index.ts
var allRules = [
  adding_field_with_default_default,
  adding_foreign_key_constraint_default,
  adding_not_nullable_field_default,
  adding_required_field_default,
  adding_serial_primary_key_field_default,
  ban_alter_domain_validation_default,
  ban_alter_domain_with_add_constraint_default,
  ban_char_field_default,
  ban_cluster_level_statement_default,
  ban_concurrent_index_creation_in_transaction_default,
  ban_create_domain_with_constraint_default,
  ban_drop_column_default,
  ban_drop_database_default,
  ban_drop_default_default,
  ban_drop_function_default,
  ban_drop_not_null_default,
  ban_drop_table_default,
  ban_drop_trigger_default,
  ban_drop_type_default,
  ban_drop_view_default,
  ban_duplicate_column_assignments_default,
  ban_reindex_system_default,
  ban_server_program_or_file_access_default,
  ban_truncate_cascade_default,
  ban_uncommitted_transaction_default,
  breaks_running_code_default,
  changing_column_type_default,
  constraint_missing_not_valid_default,
  disallowed_unique_constraint_default,
  enum_value_in_transaction_default,
  identifier_too_long_default,
  index_same_step_as_add_column_default,
  prefer_bigint_over_int_default,
  prefer_bigint_over_smallint_default,
  prefer_identity_default,
  prefer_pg_repack_default,
  prefer_repack_default,
  prefer_robust_stmts_default,
  prefer_text_field_default,
  prefer_timestamptz_default,
  renaming_column_default,
  renaming_table_default,
  require_concurrent_index_creation_default,
  require_concurrent_index_deletion_default,
  require_concurrent_partition_detach_default,
  require_concurrent_reindex_default,
  require_enum_value_ordering_default,
  require_lock_timeout_default,
  require_statement_timeout_default,
  require_table_schema_default,
  transaction_nesting_default,
  unbatched_backfill_default
];

// src/dialects/postgres/session.ts
function settingValue(args) {
  const c = args?.[0]?.A_Const;
  if (!c) return void 0;
  if (c.sval) return c.sval.sval;
  if (c.ival) return c.ival.ival ?? 0;
  if ("ival" in c) return 0;
  return void 0;
}
function isZero(v) {
  if (v === void 0) return true;
  if (typeof v === "number") return v === 0;
  return /^\s*0+\s*(ms|s|min|h|d)?\s*$/i.test(v);
}
var PgSession = class {
  tx;
  /** the migration tool runs the current region of the file in a transaction */
  wrapped;
  // a SET LOCAL is in force until COMMIT/ROLLBACK, then the session-level value comes back
  localLock = false;
  localStatement = false;
  sessionLock = false;
  sessionStatement = false;
  constructor(wrapped) {
    this.wrapped = wrapped;
    this.tx = { inTransaction: wrapped, explicit: false, depth: 0, lockTimeout: false, statementTimeout: false };
  }
  get state() {
    return this.tx;
  }
  enterRegion(wrapped) {
    if (this.tx.depth !== 0) return;
    this.wrapped = wrapped;
    this.tx.inTransaction = wrapped;
  }
  after(stmt) {
    const tx = this.tx;
    const k = txKind(stmt);
    if (k !== void 0) {
      if (k === "begin") {
        tx.depth++;
        tx.explicit = true;
        tx.inTransaction = true;
      } else if (k === "commit" || k === "rollback" || k === "prepare") {
        const chain = chained(stmt) && tx.explicit;
        tx.depth = chain ? 1 : 0;
        tx.explicit = chain;
        tx.inTransaction = chain || this.wrapped;
        if (this.localLock) tx.lockTimeout = this.sessionLock;
        if (this.localStatement) tx.statementTimeout = this.sessionStatement;
        this.localLock = this.localStatement = false;
      }
    } else if (stmt.kind === "VariableSetStmt") {
      const name6 = stmt.ast.name;
      const on = stmt.ast.kind === "VAR_SET_VALUE" && !isZero(settingValue(stmt.ast.args));
      const local = !!stmt.ast.is_local;
      if (local && !tx.inTransaction) {
      } else if (name6 === "lock_timeout") {
        tx.lockTimeout = on;
        this.localLock = local;
        if (!local) this.sessionLock = on;
      } else if (name6 === "statement_timeout") {
        tx.statementTimeout = on;
        this.localStatement = local;
        if (!local) this.sessionStatement = on;
      } else if (stmt.ast.kind === "VAR_RESET_ALL") {
        tx.lockTimeout = tx.statementTimeout = false;
        this.sessionLock = this.sessionStatement = false;
      }
    }
  }
};

// src/dialects/parts.ts
function partsLoader(name6, load) {
  let parts2;
  let loading;
  return {
    load: () => loading ??= load().then(
      (p) => {
        parts2 = p;
      },
      (err) => {
        loading = void 0;
        throw err;
      }
    ),
    get() {
      if (!parts2) throw new Error(`internal error: ${name6}'s shadow or plan was read before Dialect.loadParts()`);
      return parts2;
    }
  };
}

// src/dialects/postgres/stats.ts
var TABLES = `
SELECT n.nspname AS schema, c.relname AS name, c.oid::bigint AS oid,
       c.reltuples::float8 AS reltuples,
       pg_relation_size(c.oid)::float8 AS table_bytes,
       pg_indexes_size(c.oid)::float8 AS index_bytes,
       pg_total_relation_size(c.oid)::float8 AS total_bytes,
       s.n_live_tup::float8 AS live, s.n_dead_tup::float8 AS dead,
       to_char(greatest(s.last_analyze, s.last_autoanalyze) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS analyzed,
       (s.n_tup_ins + s.n_tup_upd + s.n_tup_del)::float8 AS writes
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
 WHERE c.relkind IN ('r', 'p', 'm')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname !~ '^pg_(toast|temp)'
 ORDER BY 1, 2`;
var INDEXES = `
SELECT x.indrelid::bigint AS table_oid, n.nspname AS schema, i.relname AS name, pg_relation_size(i.oid)::float8 AS bytes
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  JOIN pg_namespace n ON n.oid = i.relnamespace
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'
 ORDER BY 2, 3`;
var RESET = `
SELECT extract(epoch FROM now() - stats_reset)::float8 AS seconds
  FROM pg_stat_database WHERE datname = current_database()`;
async function exportPostgresStats(url) {
  registerSecretUrl(url);
  const client = await pgClient({ connectionString: url, statement_timeout: 6e4 });
  client.on("error", () => {
  });
  try {
    await client.connect();
  } catch (err) {
    throw new UsageError(`cannot connect to ${displayConnection(url)}: ${err.message}`);
  }
  try {
    await client.query("BEGIN READ ONLY");
    const server = (await client.query("SELECT current_setting('server_version') AS v")).rows[0].v;
    const tables = (await client.query(TABLES)).rows;
    const indexes2 = (await client.query(INDEXES)).rows;
    const resetSeconds = (await client.query(RESET)).rows[0]?.seconds ?? null;
    await client.query("ROLLBACK");
    const byTable = /* @__PURE__ */ new Map();
    for (const i of indexes2) {
      const list4 = byTable.get(i.table_oid) ?? [];
      list4.push({ name: `${i.schema}.${i.name}`, bytes: i.bytes });
      byTable.set(i.table_oid, list4);
    }
    return {
      zerodownStats: STATS_VERSION,
      dialect: "postgres",
      server: `PostgreSQL ${server.split(" ")[0]}`,
      exportedAt: (/* @__PURE__ */ new Date()).toISOString().replace(/\.\d+Z$/, "Z"),
      tables: tables.map((t) => {
        const rows = t.reltuples > 0 ? t.reltuples : Math.max(0, t.live ?? 0);
        return {
          table: `${t.schema}.${t.name}`,
          rows: Math.round(rows),
          tableBytes: t.table_bytes,
          indexBytes: t.index_bytes,
          totalBytes: t.total_bytes,
          ...t.dead !== null ? { deadRows: t.dead } : {},
          lastAnalyze: t.analyzed,
          ...t.writes !== null && resetSeconds && resetSeconds > 0 ? { writesPerSecond: Math.round(t.writes / resetSeconds * 1e3) / 1e3 } : {},
          indexes: byTable.get(t.oid) ?? []
        };
      })
    };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`reading stats from ${displayConnection(url)} failed: ${err.message}`);
  } finally {
    await client.end().catch(() => {
    });
  }
}

// src/dialects/postgres/index.ts
function pgRelationKey(rel) {
  if (typeof rel === "string") return rel.includes(".") ? rel : `${DEFAULT_SCHEMA}.${rel}`;
  return relKey(rel);
}
var parts = partsLoader("PostgreSQL", async () => {
  const [{ postgresShadow }, { postgresPlanner }] = await Promise.all([
    import("./shadow-YTP7XG4O.js"),
    import("./plan-EPX2DBHB.js")
  ]);
  return { shadow: postgresShadow, plan: postgresPlanner };
});
var postgres = {
  id: "postgres",
  name: "PostgreSQL",
  defaultVersion: DEFAULT_PG_VERSION,
  load: loadParser,
  parse: (migration) => parseMigration(migration),
  newCatalog: () => new Catalog(),
  // the catalog is maps of plain objects (parse-tree fragments for defaults and CHECKs): its own fields are the data
  catalogData: { save: (c) => ({ ...c }), load: (d) => Object.assign(new Catalog(), d) },
  relationKey: pgRelationKey,
  session: (wrapped) => new PgSession(wrapped),
  rules: allRules,
  quote: { ident: quoteIdent, literal: quoteLiteral, comment: sqlComment },
  locks: {
    strength: lockStrength,
    effect: (mode) => mode in LOCKS ? LOCKS[mode] : void 0
  },
  get shadow() {
    return parts.get().shadow;
  },
  get plan() {
    return parts.get().plan;
  },
  loadParts: parts.load,
  exportStats: exportPostgresStats
};

// src/dialects/mysql/rule.ts
var defineRule2 = ruleDefiner("mysql");

// src/dialects/mysql/rule-util.ts
function relKey2(t) {
  return (t.schema ? `${t.schema}.${t.name}` : t.name).toLowerCase();
}
function showTable(t) {
  return t.schema ? `${t.schema}.${t.name}` : t.name;
}
function list3(names2) {
  return names2.map((n) => `\`${n}\``).join(", ");
}
var same = (a, b) => a.toLowerCase() === b.toLowerCase();
function sameTable(a, b) {
  if (!same(a.name, b.name)) return false;
  return !a.schema || !b.schema || same(a.schema, b.schema);
}
function astOf(stmt, type) {
  return stmt.ast.type === type ? stmt.ast : void 0;
}
function before(statements, stmt) {
  return statements.slice(0, stmt.index);
}
function createdInFile(statements, stmt, table) {
  let created2 = false;
  for (const s of before(statements, stmt)) {
    const a = s.ast;
    if (a.type === "create_table" && sameTable(a.table, table)) created2 = true;
    else if (a.type === "drop_table" && a.tables.some((t) => sameTable(t, table))) created2 = false;
    else if (a.type === "rename_table") {
      for (const p of a.pairs) {
        if (sameTable(p.to, table)) created2 = createdInFile(statements, s, p.from);
        else if (sameTable(p.from, table)) created2 = false;
      }
    } else if (a.type === "alter_table") {
      for (const op of a.ops) {
        if (op.op !== "renameTable") continue;
        if (sameTable(op.to, table)) created2 = createdInFile(statements, s, a.table);
        else if (sameTable(a.table, table)) created2 = false;
      }
    }
  }
  return created2;
}
function isNew(ctx, stmt, table) {
  return ctx.isNewTable(relKey2(table)) || createdInFile(ctx.statements, stmt, table);
}
function alterOfExisting(stmt, ctx) {
  const ast = stmt.ast;
  if (ast.type !== "alter_table" || isNew(ctx, stmt, ast.table)) return void 0;
  return { ast, key: relKey2(ast.table), t: showTable(ast.table) };
}
function addedEarlier(statements, stmt, table, column2) {
  let found;
  for (const s of before(statements, stmt)) {
    const a = astOf(s, "alter_table");
    if (!a || !sameTable(a.table, table)) continue;
    for (const op of a.ops) {
      if (op.op === "addColumn" && same(op.column.name, column2)) found = { stmt: s, column: op.column };
      else if (op.op === "dropColumn" && same(op.name, column2)) found = void 0;
    }
  }
  return found;
}
function opsOf(ast, op) {
  return ast.ops.filter((o) => o.op === op);
}
function serverText(v) {
  const name6 = v.flavor === "mariadb" ? "MariaDB" : "MySQL";
  return `${name6} ${v.major}.${v.minor}${v.flavor === "mysql" && v.patch ? `.${v.patch}` : ""}`;
}
function bytesPerChar(charset) {
  if (!charset) return void 0;
  const cs = charset.toLowerCase();
  if (cs === "utf8mb4" || cs === "utf16" || cs === "utf16le" || cs === "utf32" || cs === "gb18030") return 4;
  if (cs === "utf8" || cs === "utf8mb3" || cs === "ujis" || cs === "eucjpms") return 3;
  if (cs === "ucs2" || cs === "big5" || cs === "gbk" || cs === "gb2312" || cs === "sjis" || cs === "cp932" || cs === "euckr")
    return 2;
  if (cs === "binary" || /^(latin\d|ascii|cp12\d\d|cp8\d\d|koi8[ru]|hebrew|greek|tis620|armscii8|swe7|dec8|hp8|keybcs2|macce|macroman|geostd8|cp1250|cp1251|cp1256|cp1257)$/.test(
    cs
  ))
    return 1;
  return void 0;
}
var ALIASES = {
  integer: "int",
  bool: "tinyint",
  boolean: "tinyint",
  dec: "decimal",
  numeric: "decimal",
  fixed: "decimal",
  real: "double",
  "double precision": "double",
  "character varying": "varchar",
  character: "char",
  nvarchar: "varchar",
  nchar: "char"
};
var INTEGER = /* @__PURE__ */ new Set(["tinyint", "smallint", "mediumint", "int", "bigint"]);
function baseType(t) {
  const n = t.name.toLowerCase();
  return ALIASES[n] ?? n;
}
function typeDiffers(a, b) {
  const x = baseType(a);
  const y = baseType(b);
  if (x !== y) return true;
  if (!!a.unsigned !== !!b.unsigned) return true;
  if (INTEGER.has(x) || x === "enum" || x === "set") return false;
  return (a.args ?? []).join(",") !== (b.args ?? []).join(",");
}
function ident(name6) {
  return `\`${name6.replace(/`/g, "``")}\``;
}
function identTable(t) {
  return t.schema ? `${ident(t.schema)}.${ident(t.name)}` : ident(t.name);
}
function codeOnly(text) {
  return text.replace(
    /'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"|`(?:[^`]|``)*`|--[^\n]*|#[^\n]*|\/\*(?!!)[\s\S]*?\*\//g,
    " "
  );
}
function onlineOf(ast, table, server) {
  const p = ast.type === "alter_table" ? predictAlter(ast, table, server) : predictCreateIndex(ast, table, server);
  return p.lock === "NONE" ? void 0 : { algorithm: p.algorithm, lock: p.lock, basis: "predicted" };
}

// rules/mysql/adding-auto-increment-column.ts
var adding_auto_increment_column_default = defineRule2({
  meta: {
    id: "adding-auto-increment-column",
    severity: "error",
    summary: "Adding an AUTO_INCREMENT column to an existing table rebuilds it while blocking writes (ALGORITHM=INPLACE, LOCK=SHARED).",
    kinds: ["AlterTable"]
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const online = onlineOf(ast, ctx.table(key), ctx.server);
    const issues = [];
    for (const op of opsOf(ast, "addColumn")) {
      if (!op.column.autoIncrement) continue;
      if (op.ifNotExists && ctx.column(key, op.column.name)) continue;
      issues.push({
        message: `Adding AUTO_INCREMENT column \`${op.column.name}\` to \`${t}\` numbers every existing row, so the server rebuilds the whole table (ALGORITHM=INPLACE, LOCK=SHARED at best): reads continue but every INSERT, UPDATE and DELETE on \`${t}\` waits until the rebuild ends, and replicas then replay it as one long statement.`,
        help: "On a big table run it with gh-ost or pt-online-schema-change; or add a plain nullable column, fill it in batches, then make it the key in a later step with an online tool.",
        table: key,
        data: { column: op.column.name },
        online
      });
    }
    return issues;
  }
});

// src/dialects/mysql/online/index.ts
var OFF = /^(0|off|false)$/i;
function foreignKeyChecksBefore(statements, index) {
  let on = true;
  for (const s of statements) {
    if (s.index >= index) break;
    if (s.ast.type !== "set") continue;
    for (const v of s.ast.vars) {
      if (v.scope === "global" || v.scope === "persist" || v.scope === "persist_only" || v.scope === "user") continue;
      if (v.name.toLowerCase().replace(/^@@(session\.|local\.)?/, "") === "foreign_key_checks")
        on = !OFF.test(v.value.trim().replace(/^'(.*)'$/, "$1"));
    }
  }
  return on;
}
function predictStatement(stmt, ctx) {
  const ast = stmt.ast;
  switch (ast.type) {
    case "alter_table":
      return predictAlter(ast, ctx.table(ast.table), ctx.server, {
        foreignKeyChecks: foreignKeyChecksBefore(ctx.statements, stmt.index)
      });
    case "create_index":
      return predictCreateIndex(ast, ctx.table(ast.table), ctx.server);
    case "drop_index":
      return predictDropIndex(ast, ctx.table(ast.table), ctx.server);
    default:
      return void 0;
  }
}
var onlineOf2 = (p) => ({
  algorithm: p.algorithm,
  lock: p.lock,
  basis: "predicted"
});
function lockEffect2(p) {
  if (p.lock === "EXCLUSIVE") return "blocks reads and writes";
  if (p.lock === "SHARED")
    return p.algorithm === "COPY" ? "copies the table and blocks writes for the whole copy" : "blocks writes";
  return p.algorithm === "INSTANT" ? "changes metadata only" : "lets reads and writes go on";
}
function clausesText(p) {
  return p.algorithm === "INSTANT" ? "ALGORITHM=INSTANT" : `ALGORITHM=${p.algorithm}, LOCK=${p.lock}`;
}
var serverText2 = (s) => versionText(s);

// rules/mysql/adding-field-with-default.ts
var name = (t) => t.schema ? `${t.schema}.${t.name}` : t.name;
var adding_field_with_default_default2 = defineRule2({
  meta: {
    id: "adding-field-with-default",
    severity: "error",
    summary: "ADD COLUMN with a default that the target MySQL/MariaDB cannot add INSTANT (an expression default, FIRST/AFTER before MySQL 8.0.29, MySQL before 8.0.12, a FULLTEXT or COMPRESSED table): the table is rebuilt or copied.",
    kinds: ["AlterTable"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== "alter_table" || ctx.isNewTable(ast.table)) return;
    const p = predictStatement(stmt, ctx);
    const server = serverText2(ctx.server);
    const table = name(ast.table);
    const issues = [];
    for (const op of p.ops) {
      const clause = ast.ops[op.index];
      if (clause?.op !== "addColumn" || !clause.column.default || clause.column.default.kind === "null") continue;
      if (op.algorithm === "INSTANT") continue;
      const col = clause.column;
      const dflt = clause.column.default.text;
      const blocks = op.lock !== "NONE";
      const help = op.kind === "addColumnExprDefault" || op.kind === "addColumnConstExprDefault" ? `Add \`${col.name}\` with a constant default or none (INSTANT), backfill existing rows in batches, then \`ALTER TABLE \u2026 ALTER COLUMN ${col.name} SET DEFAULT ${dflt}\` for new rows.` : op.kind === "addColumnMiddle" ? `Add the column at the end (drop ${clause.position && "first" in clause.position ? "FIRST" : "AFTER \u2026"}): INSTANT from MySQL 8.0.12 / MariaDB 10.3; column order rarely matters to code that names its columns.` : "Run it with gh-ost or pt-online-schema-change (`zerodown plan` writes the command), or upgrade to a version that adds columns INSTANT (MySQL 8.0.12+, MariaDB 10.3+).";
      issues.push({
        message: `Adding column \`${col.name}\` with DEFAULT ${dflt} to \`${table}\` is not INSTANT on ${server}: ${op.why}. The server needs ${clausesText(op)}${op.basis === "assumed" ? " (no vendor table states this; zerodown assumes the cautious answer)" : ""}, which ${blocks ? lockEffect2(op) : "rebuilds the whole table (reads and writes go on, but it takes as long as a copy and the replicas lag behind it)"}.`,
        help,
        severity: blocks ? void 0 : "warning",
        table,
        lock: op.lock,
        online: blocks ? onlineOf2(op) : void 0,
        data: {
          column: col.name,
          default: dflt,
          kind: op.kind,
          online: onlineOf2(op),
          rebuilds: op.rebuilds,
          manual: op.manual
        }
      });
    }
    return issues;
  }
});

// rules/mysql/adding-foreign-key-constraint.ts
var name2 = (t) => t.schema ? `${t.schema}.${t.name}` : t.name;
var adding_foreign_key_constraint_default2 = defineRule2({
  meta: {
    id: "adding-foreign-key-constraint",
    severity: "error",
    summary: "ALTER TABLE \u2026 ADD FOREIGN KEY with foreign_key_checks=1: MySQL and MariaDB check every existing row with ALGORITHM=COPY, blocking writes for the whole copy.",
    kinds: ["AlterTable"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== "alter_table" || ctx.isNewTable(ast.table)) return;
    const p = predictStatement(stmt, ctx);
    const issues = [];
    const table = name2(ast.table);
    for (const op of p.ops) {
      const clause = ast.ops[op.index];
      if (clause?.op !== "addForeignKey" || op.kind !== "addForeignKey") continue;
      const fk = clause.fk;
      const ref = name2(fk.refTable);
      issues.push({
        message: `Adding foreign key ${fk.name ? `\`${fk.name}\` ` : ""}(${fk.columns.join(", ")}) \u2192 \`${ref}\` on \`${table}\` with foreign_key_checks=1 needs ${clausesText(op)} on ${serverText2(ctx.server)}: the server ${lockEffect2(op)} on \`${table}\` to check every existing row.`,
        help: `Check for orphans first (\`SELECT \u2026 FROM ${table} LEFT JOIN ${ref} \u2026 WHERE ${ref}.\u2026 IS NULL\`), then run \`SET foreign_key_checks = 0;\` before the ALTER (INPLACE, LOCK=NONE: existing rows are not checked) and \`SET foreign_key_checks = 1;\` right after.`,
        table,
        lock: op.lock,
        online: onlineOf2(op),
        data: {
          constraint: fk.name ?? null,
          columns: fk.columns,
          refTable: ref,
          refColumns: fk.refColumns,
          online: onlineOf2(op),
          manual: op.manual
        }
      });
    }
    return issues;
  }
});

// rules/mysql/adding-fulltext-or-spatial-index.ts
var adding_fulltext_or_spatial_index_default = defineRule2({
  meta: {
    id: "adding-fulltext-or-spatial-index",
    severity: "error",
    summary: "A FULLTEXT or SPATIAL index on an existing table is built while writes are blocked (ALGORITHM=INPLACE, LOCK=SHARED); the first FULLTEXT index also rebuilds the table.",
    kinds: ["AlterTable", "CreateIndex"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    let table;
    let indexes2;
    if (ast.type === "alter_table") {
      table = ast.table;
      indexes2 = ast.ops.flatMap((o) => o.op === "addIndex" ? [o.index] : []);
    } else if (ast.type === "create_index") {
      table = ast.table;
      indexes2 = [ast.index];
    } else return;
    indexes2 = indexes2.filter((i) => i.kind === "fulltext" || i.kind === "spatial");
    if (!indexes2.length || isNew(ctx, stmt, table)) return;
    const key = relKey2(table);
    const t = showTable(table);
    const known = ctx.table(key);
    const online = onlineOf(ast, known, ctx.server);
    let hasFulltext = !!known?.indexes.some((i) => i.kind === "fulltext");
    const issues = [];
    for (const idx of indexes2) {
      const kind = idx.kind === "fulltext" ? "FULLTEXT" : "SPATIAL";
      const first = idx.kind === "fulltext" && !hasFulltext && !!known;
      const maybeFirst = idx.kind === "fulltext" && !known;
      if (idx.kind === "fulltext") hasFulltext = true;
      const rebuild = first ? " It is the first FULLTEXT index of the table, so InnoDB also rebuilds the whole table to add its hidden FTS_DOC_ID column." : maybeFirst ? " If it is the first FULLTEXT index of the table, InnoDB also rebuilds the whole table to add its hidden FTS_DOC_ID column." : "";
      const instant = idx.kind === "fulltext" && ctx.server.flavor === "mysql" ? " On MySQL, a table with a FULLTEXT index can no longer add or drop columns with ALGORITHM=INSTANT." : "";
      issues.push({
        message: `Building the ${kind} index ${idx.name ? `\`${idx.name}\` ` : ""}on ${list3(idx.columns.map((c) => c.name))} of \`${t}\` reads the whole table and cannot run with LOCK=NONE (ALGORITHM=INPLACE, LOCK=SHARED): reads continue, but every INSERT, UPDATE and DELETE on \`${t}\` waits until the build ends.${rebuild}${instant}`,
        help: "On a big table build it with gh-ost or pt-online-schema-change, or when writes can pause; for search on a hot table consider a separate search service.",
        table: key,
        data: {
          index: idx.name ?? null,
          kind: idx.kind,
          rebuild: first
        },
        online
      });
    }
    return issues;
  }
});

// rules/mysql/adding-stored-generated-column.ts
var adding_stored_generated_column_default = defineRule2({
  meta: {
    id: "adding-stored-generated-column",
    severity: "error",
    summary: "Adding a STORED (PERSISTENT) generated column to an existing table copies it while blocking writes (ALGORITHM=COPY).",
    kinds: ["AlterTable"]
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const online = onlineOf(ast, ctx.table(key), ctx.server);
    const issues = [];
    for (const op of opsOf(ast, "addColumn")) {
      if (!op.column.generated?.stored) continue;
      if (op.ifNotExists && ctx.column(key, op.column.name)) continue;
      issues.push({
        message: `Adding the STORED generated column \`${op.column.name}\` to \`${t}\` computes and writes it for every existing row: the server copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy, and replicas then replay it as one long statement.`,
        help: "Add it as a VIRTUAL generated column (instant; index it with ADD INDEX, which runs with LOCK=NONE) unless it must be stored; on a big table run the STORED one with gh-ost or pt-online-schema-change.",
        table: key,
        data: { column: op.column.name },
        online
      });
    }
    return issues;
  }
});

// rules/mysql/alter-table-not-online.ts
function withoutClauses(stmt) {
  const a = stmt.ast;
  if (a.type !== "alter_table" && a.type !== "create_index" && a.type !== "drop_index") return stmt;
  const { algorithm: _a, lock: _l, online: _o, ...rest } = a;
  return { ...stmt, ast: rest };
}
var name3 = (t) => t.schema ? `${t.schema}.${t.name}` : t.name;
var alter_table_not_online_default = defineRule2({
  meta: {
    id: "alter-table-not-online",
    severity: "error",
    summary: "ALTER TABLE / CREATE INDEX that the target MySQL or MariaDB cannot run with LOCK=NONE (ALGORITHM=COPY, or INPLACE with LOCK=SHARED): writes to the table wait for the whole operation.",
    kinds: ["AlterTable", "CreateIndex", "DropIndex"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== "alter_table" && ast.type !== "create_index" && ast.type !== "drop_index") return;
    if (ctx.isNewTable(ast.table)) return;
    const server = serverText2(ctx.server);
    const table = name3(ast.table);
    const p = predictStatement(withoutClauses(stmt), ctx);
    const asWritten = predictStatement(stmt, ctx);
    const refused = asWritten.explicit?.refused;
    if (p.lock === "NONE" && !refused) return;
    const blocker = p.ops.find((o) => o.lock !== "NONE") ?? p.ops[0];
    const unsure = p.unknown.length > 0;
    const data = {
      online: onlineOf2(p),
      rebuilds: p.rebuilds,
      ops: p.ops.map(({ index, kind, algorithm, lock, why: why2, manual }) => ({
        index,
        kind,
        algorithm,
        lock,
        why: why2,
        manual
      })),
      unknown: p.unknown,
      ...refused ? { refused } : {}
    };
    if (p.lock === "NONE" && refused)
      return {
        message: `This statement fails on ${server}: it asks for ${asWritten.explicit.requested}, but ${refused}`,
        help: `Drop the ALGORITHM/LOCK clause or use ${clausesText(p)}, which ${server} supports for this change.`,
        table,
        lock: p.lock,
        data
      };
    const why = blocker ? blocker.why : "the change";
    const may = unsure ? " zerodown may be wrong here: it does not know " + p.unknown.join("; ") + "." : "";
    const assumed = blocker?.basis === "assumed" ? " (no vendor table states this; zerodown assumes the cautious answer)" : "";
    return {
      message: `\`${table}\` cannot be changed online on ${server}: ${why} needs ${clausesText(p)}${assumed}, which ${lockEffect2(p)} on \`${table}\`.${refused ? ` As written (${asWritten.explicit.requested}), the server refuses it (error 1846), so the migration fails here.` : ""}${may}`,
      help: p.algorithm === "COPY" ? "On a large table, run this change with gh-ost or pt-online-schema-change (`zerodown plan` writes the command), or split it so each step is INSTANT or INPLACE with LOCK=NONE." : "Schedule it for a quiet window with a short lock_wait_timeout, or run it with gh-ost or pt-online-schema-change (`zerodown plan` writes the command).",
      severity: unsure ? "warning" : void 0,
      table,
      lock: p.lock,
      online: onlineOf2(p),
      data
    };
  }
});

// rules/mysql/ban-cluster-level-statement.ts
var SYSTEM_DBS = /* @__PURE__ */ new Set(["mysql", "sys", "information_schema", "performance_schema"]);
function currentDb(statements, stmt) {
  let db;
  for (const s of before(statements, stmt)) if (s.ast.type === "database" && s.ast.action === "use") db = s.ast.name;
  return db?.toLowerCase();
}
function ddlTables(stmt) {
  const a = stmt.ast;
  switch (a.type) {
    case "alter_table":
      return [a.table, ...a.ops.flatMap((o) => o.op === "renameTable" ? [o.to] : [])];
    case "create_table":
    case "create_index":
    case "drop_index":
    case "truncate":
      return [a.table];
    case "drop_table":
      return a.tables;
    case "rename_table":
      return a.pairs.flatMap((p) => [p.from, p.to]);
    case "routine":
      return [a.name, ...a.table ? [a.table] : []];
    default:
      return [];
  }
}
var ban_cluster_level_statement_default2 = defineRule2({
  meta: {
    id: "ban-cluster-level-statement",
    severity: "error",
    summary: "Statements that change the server instead of the database: accounts and grants, SET GLOBAL/PERSIST, plugins, tablespaces, other databases."
  },
  check(stmt, ctx) {
    const a = stmt.ast;
    if (a.type === "account") {
      return {
        message: `\`${a.keyword}\` manages accounts, which belong to the whole server, not to this database: it outlives the database, fails on a server where the account already exists (or not), and changes who can do what without any schema review.`,
        help: "Manage users, roles and grants in infrastructure code or by hand; if this project deliberately keeps them here, say so with `-- zerodown-ignore ban-cluster-level-statement` before the statement.",
        severity: "warning",
        data: { statement: "account", keyword: a.keyword }
      };
    }
    if (a.type === "set") {
      const server = a.vars.filter((v) => v.scope === "global" || v.scope === "persist" || v.scope === "persist_only");
      if (!server.length) return;
      const names2 = server.map((v) => `${v.scope.toUpperCase()} ${v.name}`).join(", ");
      return {
        message: `SET ${names2} changes the setting for every connection to the server, every database on it${server.some((v) => v.scope !== "global") ? ", and PERSIST keeps it across restarts" : ""}: a migration should not reconfigure production.`,
        help: "Set it for this session only (SET SESSION \u2026), or change the server configuration in infrastructure code.",
        data: { statement: "set-global", vars: server.map((v) => v.name) }
      };
    }
    if (a.type === "server") {
      if (/^(SYSTEM|\\!)/i.test(a.keyword)) return;
      return {
        message: `\`${a.keyword}\` acts on the whole server (plugins, tablespaces, federated servers, other sessions, caches), not on this database: it changes what every other database and application on the server sees.`,
        help: "Keep server-level setup in infrastructure code or the managed service's settings, and run it by hand where it is needed.",
        data: { statement: "server", keyword: a.keyword }
      };
    }
    if (a.type === "database" && (a.action === "create" || a.action === "alter")) {
      return {
        message: `${a.action === "create" ? "CREATE" : "ALTER"} DATABASE \`${a.name}\` changes the server around the database the migrations run in: it fails on a server where the database already exists (or not), and its defaults (charset, collation) apply to every table created later.`,
        help: "Create databases and set their defaults in infrastructure code; keep migrations to the objects inside their own database.",
        data: { statement: "database", name: a.name }
      };
    }
    const tables = ddlTables(stmt).filter((t) => t.schema);
    if (!tables.length) return;
    const current = currentDb(ctx.statements, stmt);
    const issues = [];
    const seen = /* @__PURE__ */ new Set();
    for (const t of tables) {
      const db = t.schema.toLowerCase();
      if (db === current || seen.has(db)) continue;
      seen.add(db);
      const system = SYSTEM_DBS.has(db);
      if (!system && current === void 0) {
        issues.push({
          message: `This DDL names \`${showTable(t)}\`, a table of database \`${t.schema}\`. Migrations run against one database; if \`${t.schema}\` is not the one they run in, this changes another application's schema, out of sight of its own migrations.`,
          help: `Drop the \`${t.schema}.\` qualifier if it is this database; move changes to other databases into their own migrations.`,
          severity: "warning",
          data: { statement: "cross-database", database: t.schema }
        });
        continue;
      }
      issues.push({
        message: system ? `This DDL changes \`${showTable(t)}\` in the server's own \`${t.schema}\` database: it changes how the whole server works (accounts, settings, statistics), far outside this schema.` : `This DDL changes \`${showTable(t)}\` in database \`${t.schema}\`, although the file works in \`${current}\`: it changes another database's schema, out of sight of its own migrations.`,
        help: system ? "Remove it from the migration; server administration belongs in infrastructure code." : "Move changes to other databases into their own migrations.",
        data: { statement: "cross-database", database: t.schema }
      });
    }
    return issues;
  }
});

// rules/mysql/ban-drop-column.ts
var ban_drop_column_default2 = defineRule2({
  meta: {
    id: "ban-drop-column",
    severity: "error",
    summary: "Dropping a column deletes its data and breaks running code that still reads or writes it.",
    kinds: ["AlterTable"]
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const v = ctx.server;
    const instant = v.flavor === "mariadb" ? atLeast(v, 10, 4) : atLeast(v, 8, 0, 29);
    const how = instant ? `On ${serverText(v)} the drop itself is quick (ALGORITHM=INSTANT, metadata only)` : `On ${serverText(v)} the drop rebuilds the whole table (ALGORITHM=INPLACE; INSTANT only from ${v.flavor === "mariadb" ? "MariaDB 10.4" : "MySQL 8.0.29"}) and replicas apply it as one long statement`;
    const issues = [];
    for (const op of opsOf(ast, "dropColumn")) {
      if (addedEarlier(ctx.statements, stmt, ast.table, op.name) || ctx.isNewColumn(key, op.name)) continue;
      if (op.ifExists && ctx.table(key) && !ctx.column(key, op.name)) continue;
      issues.push({
        message: `Dropping column \`${op.name}\` of \`${t}\` deletes its data for good (DDL commits at once in MySQL and MariaDB), and app instances still running the old code fail on every query that names it (\`Unknown column '${op.name}'\`). ${how}.`,
        help: "First ship code that no longer reads or writes the column (and stop selecting it with SELECT *), then drop it in a later migration.",
        table: key,
        data: { column: op.name, instant }
      });
    }
    return issues;
  }
});

// rules/mysql/ban-drop-database.ts
var ban_drop_database_default2 = defineRule2({
  meta: {
    id: "ban-drop-database",
    severity: "error",
    summary: "DROP DATABASE (or DROP SCHEMA) deletes every table in it: never part of a migration.",
    kinds: ["Database"]
  },
  check(stmt) {
    const ast = stmt.ast;
    if (ast.type !== "database" || ast.action !== "drop") return;
    return {
      message: `DROP DATABASE \`${ast.name}\` deletes every table, view, routine and row in it, and commits at once: nothing can roll it back. In MySQL and MariaDB DATABASE and SCHEMA are the same thing.`,
      help: "Remove it from the migration; if a database really must go, drop it by hand after a verified backup, outside the migration history.",
      lock: "EXCLUSIVE"
    };
  }
});

// rules/mysql/ban-drop-primary-key.ts
var ban_drop_primary_key_default = defineRule2({
  meta: {
    id: "ban-drop-primary-key",
    severity: "error",
    summary: "Dropping or replacing the primary key of an existing table: a full table rebuild (a copy that blocks writes when the key is only dropped), and replication and online schema change tools need a primary key.",
    kinds: ["AlterTable"]
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    if (!opsOf(ast, "dropPrimaryKey").length) return;
    const added2 = opsOf(ast, "addIndex").find((o) => o.index.kind === "primary");
    const table = ctx.table(key);
    const old = table?.indexes.find((i) => i.kind === "primary");
    const oldCols = old ? ` (${list3(old.columns.map((c) => c.name))})` : "";
    if (added2) {
      const cols = list3(added2.index.columns.map((c) => c.name));
      return {
        message: `This ALTER replaces the primary key of \`${t}\`${oldCols} with one on ${cols}. InnoDB stores rows in primary key order, so the server rebuilds the whole table (ALGORITHM=INPLACE: writes continue, but it takes as long as a copy, needs the table's size again in free disk, and replicas then replay it as one long statement and lag), it fails half-way if ${cols} holds duplicates or NULLs, and every secondary index is rebuilt too.`,
        help: `Check for duplicates and NULLs in ${cols} first (SELECT \u2026 GROUP BY \u2026 HAVING COUNT(*) > 1); on a big table run the swap with gh-ost or pt-online-schema-change, keeping a unique key on the old columns if code relies on it.`,
        severity: "warning",
        table: key,
        data: { change: "replace", columns: added2.index.columns.map((c) => c.name) }
      };
    }
    const auto = old?.columns.length ? table?.columns.find((c) => c.autoIncrement && c.name.toLowerCase() === old.columns[0].name.toLowerCase()) : void 0;
    const refused = !!auto && !table?.indexes.some(
      (i) => i.kind !== "primary" && i.columns[0]?.name.toLowerCase() === auto.name.toLowerCase()
    ) && !opsOf(ast, "addIndex").some((o) => o.index.columns[0]?.name.toLowerCase() === auto.name.toLowerCase());
    if (refused)
      return {
        message: `Dropping the primary key of \`${t}\`${oldCols} fails: \`${auto.name}\` is AUTO_INCREMENT, and an AUTO_INCREMENT column must stay the first column of a key (error 1075, "there can be only one auto column and it must be defined as a key"). The migration stops here, half applied if earlier statements ran.`,
        help: "Drop and add the new primary key in the same ALTER TABLE (DROP PRIMARY KEY, ADD PRIMARY KEY (\u2026)), keeping a key that starts with the AUTO_INCREMENT column.",
        table: key,
        data: { change: "drop", refused: true }
      };
    const later = ctx.statements.slice(stmt.index + 1).find((s) => {
      const a = s.ast;
      if (a.type !== "alter_table" || !sameTable(a.table, ast.table)) return false;
      return a.ops.some(
        (o) => o.op === "addIndex" && o.index.kind === "primary" || o.op === "addColumn" && !!o.column.primaryKey
      );
    });
    const readded = later ? ` Line ${later.span.line} adds a new primary key in a separate statement, so the table is copied twice and has no primary key in between.` : " Afterwards the table has no primary key:";
    return {
      message: `Dropping the primary key of \`${t}\`${oldCols} without adding another in the same ALTER copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy.${readded}${later ? " Without one," : ""} row-based replicas must scan the table for every changed row (replica lag), gh-ost and pt-online-schema-change refuse to work on it (or need another unique key), and duplicates can creep in.`,
      help: "Drop and add the new primary key in the same ALTER TABLE (DROP PRIMARY KEY, ADD PRIMARY KEY (\u2026)), which the server does in place; or keep the key.",
      table: key,
      data: { change: "drop" },
      online: onlineOf(ast, table, ctx.server)
    };
  }
});

// rules/mysql/ban-drop-table.ts
var ban_drop_table_default2 = defineRule2({
  meta: {
    id: "ban-drop-table",
    severity: "error",
    summary: "Dropping a table deletes its data and breaks running code that still uses it.",
    kinds: ["DropTable"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== "drop_table" || ast.temporary) return;
    const issues = [];
    for (const t of ast.tables) {
      if (isNew(ctx, stmt, t)) continue;
      issues.push({
        message: `Dropping table \`${showTable(t)}\` deletes all its rows for good (DROP TABLE commits at once in MySQL and MariaDB: no rollback), and app instances still running the old code fail on their next query against it.`,
        help: "First ship code that no longer uses the table, then drop it in a later migration (RENAME TABLE it aside first if you want a way back).",
        lock: "EXCLUSIVE",
        table: relKey2(t)
      });
    }
    return issues;
  }
});

// rules/mysql/ban-explicit-copy-or-lock.ts
var name4 = (t) => t.schema ? `${t.schema}.${t.name}` : t.name;
function unforced(stmt) {
  const {
    algorithm: _a,
    lock: _l,
    online: _o,
    ...rest
  } = stmt.ast;
  return { ...stmt, ast: rest };
}
var ban_explicit_copy_or_lock_default = defineRule2({
  meta: {
    id: "ban-explicit-copy-or-lock",
    severity: "error",
    summary: "ALTER TABLE / CREATE INDEX / DROP INDEX with an explicit ALGORITHM=COPY or LOCK=SHARED|EXCLUSIVE: it blocks writes (EXCLUSIVE: reads too) even where the server could do it online.",
    kinds: ["AlterTable", "CreateIndex", "DropIndex"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== "alter_table" && ast.type !== "create_index" && ast.type !== "drop_index") return;
    const copy = ast.algorithm === "COPY";
    const lock = ast.lock === "SHARED" || ast.lock === "EXCLUSIVE" ? ast.lock : void 0;
    if (!copy && !lock) return;
    if (ctx.isNewTable(ast.table)) return;
    const server = serverText2(ctx.server);
    const table = name4(ast.table);
    const forced = predictStatement(stmt, ctx);
    const free = predictStatement(unforced(stmt), ctx);
    const asked = [copy && "ALGORITHM=COPY", lock && `LOCK=${lock}`].filter(Boolean).join(", ");
    const could = free.lock === "NONE" && free.unknown.length === 0 ? ` Without it, ${server} would run this change with ${clausesText(free)} (${lockEffect2(free)}).` : "";
    const result = forced.explicit?.refused ? free : forced;
    return {
      message: `${asked} on \`${table}\` ${lock === "EXCLUSIVE" ? "blocks reads and writes" : copy ? "copies the table and blocks writes for the whole copy" : "blocks writes"} until the statement ends.${could}`,
      help: could ? `Remove ${asked} (or write ${clausesText(free)}, so the server refuses instead of silently copying).` : "Run it with gh-ost or pt-online-schema-change instead (`zerodown plan` writes the command), or in a maintenance window.",
      table,
      lock: result.lock,
      online: result.lock === "NONE" ? void 0 : onlineOf2(result),
      data: { requested: asked, online: onlineOf2(result), couldBe: free.lock === "NONE" ? onlineOf2(free) : null }
    };
  }
});

// rules/mysql/ban-server-program-or-file-access.ts
var HELP2 = "Load data with INSERT statements in the migration (or a seed script run by the application), and export data outside the migration.";
var ban_server_program_or_file_access_default2 = defineRule2({
  meta: {
    id: "ban-server-program-or-file-access",
    severity: "error",
    summary: "Reads or writes files on the database server or the client's machine, or runs a shell command (LOAD DATA INFILE, SELECT \u2026 INTO OUTFILE/DUMPFILE, LOAD_FILE(), SYSTEM / \\!)."
  },
  check(stmt) {
    const ast = stmt.ast;
    if (ast.type === "load_data" || ast.type === "unparsed" && /^LOAD\s+(DATA|XML)\b/i.test(ast.keyword)) {
      const local = ast.type === "load_data" ? ast.local : /\bLOCAL\b/i.test(codeOnly(stmt.text));
      return {
        message: local ? "LOAD DATA LOCAL INFILE makes the client send a file from the machine that runs the migration (a CI runner, a deploy host) to the server: a migration from a pull request can read any file there, such as credentials, and store it in a table." : "LOAD DATA INFILE reads a file from the database server's own disk (with the FILE privilege): a migration can read server files such as configuration, and the result depends on files no review sees.",
        help: HELP2,
        data: { statement: "load-data", local }
      };
    }
    if (ast.type === "select" && ast.intoFile !== void 0) {
      return {
        message: `SELECT \u2026 INTO OUTFILE/DUMPFILE writes the file '${ast.intoFile}' on the database server's disk: a migration can leak data to a place outside the database, or plant a file the server (or a plugin directory) later reads.`,
        help: HELP2,
        data: { statement: "into-file" }
      };
    }
    if (ast.type === "server" && /^(SYSTEM|\\!)/i.test(ast.keyword)) {
      return {
        message: `\`${ast.keyword}\` is a mysql client command that runs a shell command on the machine that runs the migration: anything a pull request writes there runs with the deploy's credentials.`,
        help: "Remove it: migrations hold SQL only; run scripts in the deploy pipeline, where they are reviewed as code.",
        data: { statement: "shell" }
      };
    }
    if (/\bload_file\s*\(/i.test(codeOnly(stmt.text))) {
      return {
        message: "LOAD_FILE() reads a file from the database server's disk (with the FILE privilege) into the statement: a migration can copy server files such as configuration into a table.",
        help: HELP2,
        data: { statement: "load-file" }
      };
    }
  }
});

// rules/mysql/changing-column-type.ts
function crossesPrefix(ob, nb, flavor, redundant) {
  if (flavor === "mariadb") return !redundant && ob > 127 && ob <= 255 && nb > 255;
  return ob <= 255 && nb > 255;
}
var changing_column_type_default2 = defineRule2({
  meta: {
    id: "changing-column-type",
    severity: "error",
    summary: "Changing a column's data type copies the whole table while blocking writes (ALGORITHM=COPY), and can break or truncate existing values.",
    kinds: ["AlterTable"]
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const table = ctx.table(key);
    const online = onlineOf(ast, table, ctx.server);
    const issues = [];
    for (const op of ast.ops) {
      if (op.op !== "modifyColumn" && op.op !== "changeColumn") continue;
      const name6 = op.op === "changeColumn" ? op.from : op.column.name;
      if (addedEarlier(ctx.statements, stmt, ast.table, name6) || ctx.isNewColumn(key, name6)) continue;
      const old = ctx.column(key, name6);
      const to = op.column.type;
      if (!old) {
        if (table) continue;
        issues.push({
          message: `${op.op === "changeColumn" ? "CHANGE" : "MODIFY"} COLUMN \`${name6}\` of \`${t}\` sets its type to ${to.text}, and zerodown does not know the table, so it cannot tell whether the type changes. If it does, the server copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy.`,
          help: "Make sure the migration history that creates the table is in the linted folder, or check the current type by hand.",
          severity: "warning",
          table: key,
          data: { column: name6, to: to.text, from: null }
        });
        continue;
      }
      if (!typeDiffers(old.type, to)) continue;
      const from = old.type;
      const b = baseType(to);
      if (baseType(from) === b && (b === "varchar" || b === "varbinary")) {
        const [ol, nl] = [from.args?.[0] ?? 0, to.args?.[0] ?? 0];
        if (nl >= ol) {
          const charset = b === "varbinary" ? "binary" : to.charset ?? old.charset ?? table?.charset;
          const known = bytesPerChar(charset);
          const redundant = table?.rowFormat === "REDUNDANT";
          const verdicts = (known ? [known] : [1, 2, 3, 4]).map(
            (bpc) => crossesPrefix(ol * bpc, nl * bpc, ctx.server.flavor, redundant)
          );
          if (!verdicts.some(Boolean)) continue;
          const sure = verdicts.every(Boolean);
          const bytes2 = known ? ` (${ol * known} to ${nl * known} bytes in ${charset})` : "";
          issues.push({
            message: `Widening \`${name6}\` of \`${t}\` from ${from.text} to ${to.text}${bytes2} ${sure ? "crosses" : "can cross, depending on its charset,"} the 255-byte boundary where the length prefix of every stored value grows from 1 to 2 bytes: the server copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy.`,
            help: `Keep the new length on the same side of 255 bytes${known ? ` (at most ${Math.floor(255 / known)} characters in ${charset})` : ""}, or run the change with an online schema change tool (gh-ost, pt-online-schema-change) on a big table.`,
            severity: sure ? void 0 : "warning",
            table: key,
            data: { column: name6, from: from.text, to: to.text },
            online
          });
          continue;
        }
      }
      const shrink = baseType(from) === b && (to.args?.[0] ?? Number.POSITIVE_INFINITY) < (from.args?.[0] ?? Number.POSITIVE_INFINITY);
      issues.push({
        message: `Changing \`${name6}\` of \`${t}\` from ${from.text} to ${to.text} copies the whole table (ALGORITHM=COPY): writes are blocked for the whole copy, replicas then replay it as one long statement, and ${shrink ? "values that no longer fit make the ALTER fail in strict mode, or are silently truncated without it" : "app code that still reads or writes the old type may break"}.`,
        help: "Add a new column with the new type, backfill it in batches, switch the code, then drop the old column; or run the change with gh-ost / pt-online-schema-change on a big table.",
        table: key,
        data: {
          column: name6,
          from: from.text,
          to: to.text,
          shrink
        },
        online
      });
    }
    return issues;
  }
});

// rules/mysql/charset-conversion.ts
var charset_conversion_default = defineRule2({
  meta: {
    id: "charset-conversion",
    severity: "error",
    summary: "CONVERT TO CHARACTER SET, or a change of a column's charset: the whole table is copied while writes are blocked (ALGORITHM=COPY).",
    kinds: ["AlterTable"]
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const online = onlineOf(ast, ctx.table(key), ctx.server);
    const issues = [];
    for (const op of ast.ops) {
      if (op.op === "convertCharset") {
        issues.push({
          message: `CONVERT TO CHARACTER SET ${op.charset}${op.collation ? ` COLLATE ${op.collation}` : ""} rewrites every text column of \`${t}\`: the server copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy, replicas replay it as one long statement, and text columns and indexes may need more bytes per character (an index can exceed its key length limit and fail the ALTER half-way through a deploy).`,
          help: "Convert a big table with gh-ost or pt-online-schema-change; or change only the default (ALTER TABLE \u2026 DEFAULT CHARSET=\u2026, metadata only) so new columns use it, and convert columns one by one when it is quiet.",
          table: key,
          data: { charset: op.charset, collation: op.collation ?? null },
          online
        });
        continue;
      }
      if (op.op !== "modifyColumn" && op.op !== "changeColumn") continue;
      const wanted = op.column.type.charset;
      if (!wanted) continue;
      const name6 = op.op === "changeColumn" ? op.from : op.column.name;
      if (addedEarlier(ctx.statements, stmt, ast.table, name6) || ctx.isNewColumn(key, name6)) continue;
      const old = ctx.column(key, name6);
      if (old?.charset && old.charset.toLowerCase() === wanted.toLowerCase()) continue;
      issues.push({
        message: `Column \`${name6}\` of \`${t}\` ${old?.charset ? `changes from CHARACTER SET ${old.charset} to ${wanted}` : `gets CHARACTER SET ${wanted}${old ? " (its current charset is not known from the migrations)" : ""}`}: converting stored text copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy.`,
        help: "Add a new column with the charset, backfill it in batches and switch the code; or run the change with gh-ost or pt-online-schema-change on a big table.",
        severity: old?.charset ? void 0 : "warning",
        table: key,
        data: { column: name6, from: old?.charset ?? null, to: wanted },
        online
      });
    }
    return issues;
  }
});

// rules/mysql/drop-index-without-invisible.ts
var same2 = (a, b) => a.toLowerCase() === b.toLowerCase();
function addedInFile(statements, stmt, table, name6) {
  return before(statements, stmt).some((s) => {
    const a = s.ast;
    if (a.type === "create_index") return sameTable(a.table, table) && !!a.index.name && same2(a.index.name, name6);
    if (a.type !== "alter_table" || !sameTable(a.table, table)) return false;
    return a.ops.some(
      (o) => o.op === "addIndex" && !!o.index.name && same2(o.index.name, name6) || o.op === "renameIndex" && same2(o.to, name6)
    );
  });
}
function replacedHere(ast, name6, columns) {
  if (ast.type !== "alter_table") return false;
  return ast.ops.some((o) => {
    if (o.op !== "addIndex") return false;
    if (o.index.name && same2(o.index.name, name6)) return true;
    return !!columns?.length && columns.every((c, i) => !!o.index.columns[i] && same2(o.index.columns[i].name, c));
  });
}
var drop_index_without_invisible_default = defineRule2({
  meta: {
    id: "drop-index-without-invisible",
    severity: "warning",
    summary: "Dropping an index that was not first made INVISIBLE (MySQL 8.0+) or IGNORED (MariaDB 10.6+): if a query still needs it, there is no quick way back.",
    kinds: ["AlterTable", "DropIndex"]
  },
  check(stmt, ctx) {
    const v = ctx.server;
    const mariadb2 = v.flavor === "mariadb";
    if (mariadb2 ? !atLeast(v, 10, 6) : !atLeast(v, 8, 0)) return;
    const ast = stmt.ast;
    let table;
    let names2;
    if (ast.type === "drop_index") [table, names2] = [ast.table, [ast.name]];
    else if (ast.type === "alter_table")
      [table, names2] = [ast.table, ast.ops.flatMap((o) => o.op === "dropIndex" ? [o.name] : [])];
    else return;
    names2 = names2.filter((n) => !same2(n, "PRIMARY"));
    if (!names2.length || isNew(ctx, stmt, table)) return;
    const key = relKey2(table);
    const t = showTable(table);
    const known = ctx.table(key);
    const hide = mariadb2 ? "IGNORED" : "INVISIBLE";
    const issues = [];
    for (const name6 of names2) {
      if (addedInFile(ctx.statements, stmt, table, name6)) continue;
      const idx = known?.indexes.find((i) => same2(i.name, name6));
      if (known && !idx) continue;
      const hiddenHere = before(ctx.statements, stmt).some(
        (s) => s.ast.type === "alter_table" && sameTable(s.ast.table, table) && s.ast.ops.some((o) => o.op === "alterIndexVisibility" && !o.visible && same2(o.name, name6))
      );
      if (idx?.invisible && !hiddenHere) continue;
      if (replacedHere(
        ast,
        name6,
        idx?.columns.map((c) => c.name)
      ))
        continue;
      const rebuilt = ctx.statements.slice(stmt.index + 1).find((s) => {
        const a = s.ast;
        if (a.type === "create_index") return sameTable(a.table, table) && !!a.index.name && same2(a.index.name, name6);
        return a.type === "alter_table" && sameTable(a.table, table) && a.ops.some((o) => o.op === "addIndex" && !!o.index.name && same2(o.index.name, name6));
      });
      if (rebuilt) {
        issues.push({
          message: `Index \`${name6}\` of \`${t}\` is dropped here and built again on line ${rebuilt.span.line}: for the whole build, which reads the whole table, queries that used it have no index and turn into full table scans.`,
          help: `Build the new index under another name first, then drop \`${name6}\` (after making it ${hide} for a while if you can); rename it afterwards with RENAME INDEX if the name matters.`,
          table: key,
          data: { index: name6, rebuiltAtLine: rebuilt.span.line }
        });
        continue;
      }
      issues.push({
        message: `Dropping index \`${name6}\` of \`${t}\` ${hiddenHere ? `right after making it ${hide} in the same migration leaves no time to see whether` : "without first making it " + hide + " leaves no way to check whether"} a query still needs it. If one does, it turns into a full table scan the moment this commits, and getting the index back means rebuilding it on the whole table while the database is already struggling.`,
        help: `First run ALTER TABLE ${identTable(table)} ALTER INDEX ${ident(name6)} ${hide}; (${serverText(v)} keeps maintaining it, queries stop using it, and making it ${mariadb2 ? "NOT IGNORED" : "VISIBLE"} again is instant), watch the slow query log for a while, then drop it in a later migration.`,
        table: key,
        data: { index: name6, hiddenInSameFile: hiddenHere }
      });
    }
    return issues;
  }
});

// rules/mysql/enum-value-reorder.ts
var enum_value_reorder_default = defineRule2({
  meta: {
    id: "enum-value-reorder",
    severity: "error",
    summary: "An ENUM/SET change that reorders, renames or removes values: the table is copied while writes are blocked, and stored values can change meaning or be lost.",
    kinds: ["AlterTable"]
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const online = onlineOf(ast, ctx.table(key), ctx.server);
    const issues = [];
    for (const op of ast.ops) {
      if (op.op !== "modifyColumn" && op.op !== "changeColumn") continue;
      const name6 = op.op === "changeColumn" ? op.from : op.column.name;
      if (addedEarlier(ctx.statements, stmt, ast.table, name6) || ctx.isNewColumn(key, name6)) continue;
      const old = ctx.column(key, name6);
      const to = op.column.type;
      const kind = baseType(to);
      if (!old || baseType(old.type) !== kind || kind !== "enum" && kind !== "set") continue;
      const before2 = old.type.values ?? [];
      const after = to.values ?? [];
      if (before2.every((v, i) => after[i] === v)) continue;
      const removed = before2.filter((v) => !after.includes(v));
      const moved = before2.filter((v, i) => after.includes(v) && after[i] !== v);
      const what = removed.length ? `removes ${list3(removed)}` : `moves ${list3(moved)}`;
      issues.push({
        message: `The new ${kind.toUpperCase()} of \`${name6}\` on \`${t}\` ${what}. ${kind === "enum" ? "An ENUM stores the index of its value, so" : "A SET stores a bit per member, so"} the server cannot keep the stored data as it is: it copies the whole table (ALGORITHM=COPY), blocking writes for the whole copy${removed.length ? ", and rows holding a removed value make the ALTER fail in strict mode or become '' without it" : ", and old code that sends values by position (numbers) now means other values"}.`,
        help: `Only append new values at the end of the list (${kind === "enum" ? "ENUM('a','b','new')" : "SET('a','b','new')"}): that is instant. To drop a value, first move rows off it with a batched UPDATE and stop writing it; leave it in the list if you can.`,
        table: key,
        data: { column: name6, removed, moved },
        online
      });
    }
    return issues;
  }
});

// rules/mysql/index-same-step-as-add-column.ts
var KIND = {
  primary: "PRIMARY KEY",
  unique: "UNIQUE index",
  index: "index",
  fulltext: "FULLTEXT index",
  spatial: "SPATIAL index"
};
var filled = (c) => !!c.default && c.default.kind !== "null" || !!c.autoIncrement || !!c.generated;
var index_same_step_as_add_column_default2 = defineRule2({
  meta: {
    id: "index-same-step-as-add-column",
    severity: "error",
    summary: "An index or key on a column added by the same migration: it must come after the column is backfilled, in its own step.",
    kinds: ["AlterTable", "CreateIndex"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    let table;
    const indexes2 = [];
    const here = /* @__PURE__ */ new Map();
    if (ast.type === "create_index") {
      table = ast.table;
      indexes2.push(ast.index);
    } else if (ast.type === "alter_table") {
      table = ast.table;
      for (const op of ast.ops) {
        if (op.op === "addColumn") {
          here.set(op.column.name.toLowerCase(), op.column);
          if (op.column.primaryKey || op.column.unique)
            indexes2.push({ kind: op.column.primaryKey ? "primary" : "unique", columns: [{ name: op.column.name }] });
        } else if (op.op === "addIndex") indexes2.push(op.index);
      }
    } else return;
    if (!indexes2.length || isNew(ctx, stmt, table)) return;
    const key = relKey2(table);
    const t = showTable(table);
    const issues = [];
    for (const idx of indexes2) {
      const fresh = [];
      for (const c of idx.columns) {
        if (c.expression) continue;
        const mine = here.get(c.name.toLowerCase());
        if (mine) {
          fresh.push({ name: c.name, def: mine });
          continue;
        }
        const earlier = addedEarlier(ctx.statements, stmt, table, c.name);
        if (earlier) fresh.push({ name: c.name, def: earlier.column, line: earlier.stmt.span.line });
        else if (ctx.isNewColumn(key, c.name)) fresh.push({ name: c.name });
      }
      if (!fresh.length) continue;
      const names2 = fresh.map((f) => f.name);
      const empty = fresh.filter((f) => f.def && !filled(f.def)).map((f) => f.name);
      const sameAlter = fresh.some((f) => here.has(f.name.toLowerCase()));
      if (!sameAlter && !empty.length && fresh.every((f) => f.def)) continue;
      const where = sameAlter ? "in this same ALTER TABLE" : fresh[0].line !== void 0 ? `at line ${fresh[0].line}` : "earlier in this migration";
      const what = `${KIND[idx.kind]} ${idx.name ? `\`${idx.name}\` ` : ""}on \`${t}\``;
      const why = sameAlter ? `In one ALTER, the server runs every clause with one algorithm: the ADD COLUMN, which alone can be instant, now waits for a build that reads the whole table${idx.kind === "primary" ? " and rebuilds it" : ""}, and the migration holds the table's metadata lock for all of it` : `The build reads the whole table right after the column was added, before the data it indexes exists`;
      const notYet = empty.length ? `; ${list3(empty)} is not backfilled yet, so every batch of the backfill then also updates the index (slower, and the undo log and replicas carry both)` : "";
      const sameDefault = (idx.kind === "unique" || idx.kind === "primary") && fresh.length === idx.columns.length && fresh.every((f) => f.def?.default?.kind === "literal");
      issues.push({
        message: `The ${what} covers ${list3(names2)}, which this migration adds ${where}. ${why}${notYet}.${sameDefault ? " Every existing row gets the same default value, so the unique key fails at once on a table with more than one row." : ""}`,
        help: `Add the column in this migration, ${empty.length ? "backfill it in batches, then " : "then "}add the ${KIND[idx.kind]} in its own migration (ALTER TABLE \u2026 ADD INDEX \u2026, ALGORITHM=INPLACE, LOCK=NONE).`,
        table: key,
        data: {
          columns: names2,
          index: idx.name ?? null,
          kind: idx.kind,
          sameStatement: sameAlter,
          backfilled: !empty.length
        }
      });
    }
    return issues;
  }
});

// rules/mysql/instant-row-version-limit.ts
var name5 = (t) => t.schema ? `${t.schema}.${t.name}` : t.name;
var instant_row_version_limit_default = defineRule2({
  meta: {
    id: "instant-row-version-limit",
    severity: "warning",
    summary: "INSTANT ADD/DROP COLUMN on MySQL 8.0.29+ near or past the 64 row versions per table (255 from 9.1), after which MySQL refuses instant column changes (error 4092) until the table is rebuilt; and on MySQL 8.0.29\u20138.0.31, whose instant ADD/DROP COLUMN has data-corrupting bugs.",
    kinds: ["AlterTable"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== "alter_table" || ctx.isNewTable(ast.table)) return;
    const p = predictStatement(stmt, ctx);
    const server = serverText2(ctx.server);
    const table = name5(ast.table);
    const issues = [];
    const rv = p.rowVersions;
    if (rv && rv.after >= rv.limit - Math.ceil(rv.limit / 8)) {
      const over = rv.after > rv.limit;
      issues.push({
        message: over ? `\`${table}\` has used all ${rv.limit} instant row versions on ${server}: this ADD/DROP COLUMN cannot be INSTANT (with ALGORITHM=INSTANT it fails with error 4092) and rebuilds the whole table instead.` : `This INSTANT ADD/DROP COLUMN is row version ${rv.after} of ${rv.limit} for \`${table}\` on ${server}: once all ${rv.limit} are used, every later column change on the table fails with error 4092 (ALGORITHM=INSTANT) or rebuilds the table.`,
        help: "Rebuild the table in a quiet window to reset the count (`ALTER TABLE \u2026 FORCE`, INPLACE with LOCK=NONE, or with gh-ost/pt-online-schema-change), and fold several column changes into one ALTER: each ALTER uses one row version.",
        severity: over ? "error" : void 0,
        table,
        data: { rowVersions: rv }
      });
    }
    const buggy = p.warnings.find((w) => w.includes("known bugs in INSTANT"));
    if (buggy)
      issues.push({
        message: buggy,
        help: "Upgrade to MySQL 8.0.32 or later before adding or dropping columns instantly, or add ALGORITHM=INPLACE to this ALTER.",
        table,
        data: { server }
      });
    return issues;
  }
});

// rules/mysql/merge-alter-table.ts
function heavy(op) {
  switch (op.op) {
    case "addColumn":
      return !!op.column.autoIncrement || !!op.column.generated?.stored || !!op.column.primaryKey || !!op.column.unique;
    case "modifyColumn":
    case "changeColumn":
    case "addIndex":
    case "addForeignKey":
    case "addCheck":
    case "dropPrimaryKey":
    case "convertCharset":
    case "force":
    case "partition":
      return true;
    case "tableOption":
      return /^(ENGINE|ROW_FORMAT|KEY_BLOCK_SIZE)$/i.test(op.name);
    default:
      return false;
  }
}
var added = (a) => new Set(a.ops.flatMap((o) => o.op === "addColumn" ? [o.column.name.toLowerCase()] : []));
var indexes = (a, cols) => a.ops.some(
  (o) => o.op === "addIndex" && o.index.columns.some((c) => cols.has(c.name.toLowerCase())) || o.op === "addForeignKey" && o.fk.columns.some((c) => cols.has(c.toLowerCase()))
);
function dmlBetween(statements, from, to, a) {
  return statements.slice(from + 1, to).some((s) => {
    const x = s.ast;
    if (x.type === "update" || x.type === "delete") return x.tables.some((t) => sameTable(t, a.table));
    if (x.type === "insert") return sameTable(x.table, a.table);
    return x.type === "other" || x.type === "routine" || x.type === "select" || x.type === "unparsed";
  });
}
var merge_alter_table_default = defineRule2({
  meta: {
    id: "merge-alter-table",
    severity: "warning",
    summary: "Several ALTER TABLE statements on one existing table that each rebuild or scan it: one ALTER with all the clauses does the work once.",
    kinds: ["AlterTable"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== "alter_table" || !ast.ops.some(heavy) || isNew(ctx, stmt, ast.table)) return;
    const earlier = [...before(ctx.statements, stmt)].reverse().find((s) => s.ast.type === "alter_table" && sameTable(s.ast.table, ast.table));
    if (earlier?.ast.type !== "alter_table" || !earlier.ast.ops.some(heavy)) return;
    const prev = earlier.ast;
    if (prev.ops.some((o) => o.op === "renameTable")) return;
    if (dmlBetween(ctx.statements, earlier.index, stmt.index, ast)) return;
    if (indexes(ast, added(prev))) return;
    const t = showTable(ast.table);
    return {
      message: `This is another ALTER TABLE on \`${t}\` after the one on line ${earlier.span.line}, and both read or rebuild the whole table: the server does that work once per statement, each one waits again for the table's metadata lock (queueing traffic behind it while it waits), and replicas apply each one as its own long statement, adding up the lag.`,
      help: `Merge the clauses into one ALTER TABLE ${identTable(ast.table)} \u2026 , \u2026 statement, so the table is rebuilt and locked once.`,
      table: relKey2(ast.table),
      data: { previousLine: earlier.span.line }
    };
  }
});

// rules/mysql/renaming-column.ts
var renaming_column_default2 = defineRule2({
  meta: {
    id: "renaming-column",
    severity: "error",
    summary: "Renaming a column breaks every running instance of the app that still uses the old name.",
    kinds: ["AlterTable"]
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    const issues = [];
    for (const op of ast.ops) {
      let from;
      let to;
      if (op.op === "renameColumn") [from, to] = [op.from, op.to];
      else if (op.op === "changeColumn" && op.from.toLowerCase() !== op.column.name.toLowerCase())
        [from, to] = [op.from, op.column.name];
      else continue;
      if (addedEarlier(ctx.statements, stmt, ast.table, from) || ctx.isNewColumn(key, from)) continue;
      const how = op.op === "changeColumn" ? "CHANGE COLUMN" : "RENAME COLUMN";
      issues.push({
        message: `${how} renames \`${from}\` to \`${to}\` on \`${t}\`. The rename itself is a quick metadata change, but app instances still running the old code fail on every query that names \`${from}\` (\`Unknown column\`) from the moment it commits until the last of them is gone: the whole rollout, and again on a rollback.`,
        help: `Expand and contract: add \`${to}\`, write both and backfill in batches, switch reads to \`${to}\`, then drop \`${from}\` in a later release.`,
        table: key,
        data: { from, to }
      });
    }
    return issues;
  }
});

// rules/mysql/renaming-table.ts
var renaming_table_default2 = defineRule2({
  meta: {
    id: "renaming-table",
    severity: "error",
    summary: "Renaming a table breaks every running instance of the app that still uses the old name.",
    kinds: ["AlterTable", "RenameTable"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    const pairs = [];
    if (ast.type === "rename_table") pairs.push(...ast.pairs);
    else if (ast.type === "alter_table") {
      for (const op of ast.ops) if (op.op === "renameTable") pairs.push({ from: ast.table, to: op.to });
    }
    const issues = [];
    for (const { from, to } of pairs) {
      if (isNew(ctx, stmt, from)) continue;
      if (pairs.some((p) => sameTable(p.to, from))) continue;
      issues.push({
        message: `Renaming \`${showTable(from)}\` to \`${showTable(to)}\` is a quick metadata change (it waits for the table's metadata lock like any DDL), but app instances still running the old code fail on every query that names \`${showTable(from)}\` (\`Table doesn't exist\`) from the moment it commits until the last of them is gone.`,
        help: `Ship code that works with both names first (or create a view \`${showTable(from)}\` over the new table for the transition), then rename, then drop the view in a later release.`,
        table: relKey2(from),
        data: { from: relKey2(from), to: relKey2(to) }
      });
    }
    return issues;
  }
});

// rules/mysql/require-lock-timeout.ts
var ID3 = "require-lock-timeout";
var DEFAULT_WAIT = 31536e3;
var bare = (name6) => name6.toLowerCase().replace(/^@@/, "").replace(/^(session|local)\./, "");
function ddl(stmt) {
  const a = stmt.ast;
  switch (a.type) {
    case "alter_table":
      return { label: "ALTER TABLE", tables: [a.table], wait: a.wait };
    case "create_index":
      return { label: "CREATE INDEX", tables: [a.table], wait: a.wait };
    case "drop_index":
      return { label: "DROP INDEX", tables: [a.table], wait: a.wait };
    case "drop_table":
      return a.temporary ? void 0 : { label: "DROP TABLE", tables: a.tables };
    case "rename_table":
      return { label: "RENAME TABLE", tables: a.pairs.map((p) => p.from) };
    case "truncate":
      return { label: "TRUNCATE TABLE", tables: [a.table] };
    case "routine":
      return a.object === "trigger" && a.table ? { label: `${a.action.toUpperCase()} TRIGGER`, tables: [a.table] } : void 0;
    default:
      return void 0;
  }
}
function lastSetting2(statements, stmt, name6) {
  let found;
  for (const s of before(statements, stmt)) {
    if (s.ast.type !== "set") continue;
    for (const v of s.ast.vars)
      if ((v.scope === "session" || v.scope === "global" || v.scope === "persist") && bare(v.name) === name6)
        found = v.scope === "session" ? { stmt: s, value: v.value } : found;
  }
  return found;
}
var setStatement = (text) => /^\s*SET\s+STATEMENT\b[\s\S]*?\block_wait_timeout\s*=\s*\d+[\s\S]*?\bFOR\b/i.test(text);
var require_lock_timeout_default2 = defineRule2({
  meta: {
    id: ID3,
    severity: "warning",
    summary: "DDL on an existing table with no lock_wait_timeout set first: while it waits for the metadata lock (up to a year by default), every query on the table queues behind it."
  },
  check(stmt, ctx) {
    const d = ddl(stmt);
    if (!d) return;
    if (d.wait !== void 0 || setStatement(stmt.text)) return;
    const tables = d.tables.filter((t2) => !isNew(ctx, stmt, t2));
    if (!tables.length) return;
    const set = lastSetting2(ctx.statements, stmt, "lock_wait_timeout");
    const value = set ? Number(set.value.replace(/^'|'$/g, "")) : Number.NaN;
    if (set && !(Number.isFinite(value) && value >= DEFAULT_WAIT) && set.value.toUpperCase() !== "DEFAULT") return;
    const first = ctx.statements.find((s) => {
      const o = ddl(s);
      if (!o || o.wait !== void 0 || setStatement(s.text) || s.ignoreAll || s.ignored.has(ID3)) return false;
      return o.tables.some((t2) => !isNew(ctx, s, t2));
    });
    if (first && first.index !== stmt.index) return;
    const innodb = lastSetting2(ctx.statements, stmt, "innodb_lock_wait_timeout");
    const t = tables[0];
    const because = set ? `lock_wait_timeout is set back to ${set.value} on line ${set.stmt.span.line}` : `no lock_wait_timeout is set, so it waits up to its default of 31,536,000 seconds (one year)${innodb ? ` (the innodb_lock_wait_timeout on line ${innodb.stmt.span.line} only bounds row-lock waits, not this one)` : ""}`;
    return {
      message: `${d.label} on \`${showTable(t)}\` needs the table's metadata lock, and ${because}. If any transaction has touched the table, even a long SELECT or an idle open transaction, this statement waits, and every query on \`${showTable(t)}\` arriving meanwhile queues behind it: an outage until the blocker ends.`,
      help: `Start the migration with \`SET SESSION lock_wait_timeout = 5;\`${ctx.server.flavor === "mariadb" ? " (or write `WAIT 5` after the table name)" : ""} so the statement gives up instead of queueing traffic, and retry the migration.`,
      lock: "EXCLUSIVE",
      table: relKey2(t),
      data: { setting: "lock_wait_timeout", tables: tables.map(relKey2) }
    };
  }
});

// src/dialects/mysql/where.ts
var ID_LIKE2 = /^(id|uuid|guid|pk|key|slug|code|email|username|handle|token|sku)$|(_id|_uuid|_key|Id|Uuid|ID)$/;
function tokenize(s) {
  const out = [];
  const re = /\s+|(--[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*")|(`(?:[^`]|``)*`)|(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|(@@?[\w.$]+|\?|:\w+)|([A-Za-z_$][\w$]*)|(<=>|<=|>=|<>|!=|=|<|>)|(\()|(\))|(,)|(\.)|(\S)/gy;
  for (let m = re.exec(s); m && m[0] !== ""; m = re.exec(s)) {
    if (m[2]) out.push({ t: "str", v: m[2] });
    else if (m[3]) out.push({ t: "ident", v: m[3].slice(1, -1).replace(/``/g, "`") });
    else if (m[4]) out.push({ t: "num", v: m[4] });
    else if (m[5]) out.push({ t: "param", v: m[5] });
    else if (m[6]) out.push({ t: "word", v: m[6] });
    else if (m[7]) out.push({ t: "op", v: m[7] });
    else if (m[8]) out.push({ t: "open", v: "(" });
    else if (m[9]) out.push({ t: "close", v: ")" });
    else if (m[10]) out.push({ t: "comma", v: "," });
    else if (m[11]) out.push({ t: "op", v: "." });
    else if (m[12]) out.push({ t: "op", v: m[12] });
  }
  return out;
}
var kw = (tok, w) => tok?.t === "word" && tok.v.toUpperCase() === w;
function split(toks, word2) {
  const parts2 = [[]];
  let depth = 0;
  let between = false;
  for (const tok of toks) {
    if (tok.t === "open") depth++;
    else if (tok.t === "close") depth--;
    if (depth === 0 && kw(tok, "BETWEEN")) between = true;
    if (depth === 0 && kw(tok, word2)) {
      if (word2 === "AND" && between && kw(tok, "AND")) {
        between = false;
      } else {
        parts2.push([]);
        continue;
      }
    }
    parts2.at(-1).push(tok);
  }
  return parts2.filter((p) => p.length);
}
function unwrap(toks) {
  while (toks.length >= 2 && toks[0].t === "open" && toks.at(-1).t === "close") {
    let depth = 0;
    let closesAtEnd = true;
    for (let i = 0; i < toks.length; i++) {
      if (toks[i].t === "open") depth++;
      else if (toks[i].t === "close") depth--;
      if (depth === 0 && i < toks.length - 1) closesAtEnd = false;
    }
    if (!closesAtEnd) break;
    toks = toks.slice(1, -1);
  }
  return toks;
}
function column(toks, at) {
  let i = at;
  let name6;
  for (; ; ) {
    const tok = toks[i];
    if (!tok || tok.t !== "word" && tok.t !== "ident") return void 0;
    name6 = tok.v;
    i++;
    if (toks[i]?.t === "op" && toks[i].v === ".") i++;
    else break;
  }
  return { name: name6, next: i };
}
var isValue2 = (tok) => !!tok && (tok.t === "num" || tok.t === "str" || tok.t === "param" || kw(tok, "TRUE") || kw(tok, "FALSE"));
function valueLen(toks, at) {
  if (toks[at]?.t === "op" && toks[at].v === "-" && toks[at + 1]?.t === "num") return 2;
  if (isValue2(toks[at])) return 1;
  return 0;
}
function limitedSubquery(toks) {
  return kw(toks[0], "SELECT") && toks.some((t) => kw(t, "LIMIT"));
}
var isKey2 = (name6, facts) => facts.unique.has(name6.toLowerCase()) || ID_LIKE2.test(name6);
function atom(toks, facts) {
  toks = unwrap(toks);
  const c = column(toks, 0);
  if (!c || !isKey2(c.name, facts)) {
    const n = valueLen(toks, 0);
    if (n && toks[n]?.t === "op" && (toks[n].v === "=" || toks[n].v === "<=>")) {
      const r = column(toks, n + 1);
      return !!r && r.next === toks.length && isKey2(r.name, facts);
    }
    return false;
  }
  let i = c.next;
  const op = toks[i];
  if (op?.t === "op") {
    const n = valueLen(toks, i + 1);
    if (!n || i + 1 + n !== toks.length) return false;
    if (op.v === "=" || op.v === "<=>") return true;
    if (op.v === ">" || op.v === ">=") return { col: c.name.toLowerCase(), side: "lo" };
    if (op.v === "<" || op.v === "<=") return { col: c.name.toLowerCase(), side: "hi" };
    return false;
  }
  if (kw(op, "BETWEEN")) {
    i++;
    const a = valueLen(toks, i);
    if (!a || !kw(toks[i + a], "AND")) return false;
    const b = valueLen(toks, i + a + 1);
    return !!b && i + a + 1 + b === toks.length;
  }
  if (kw(op, "IN") && toks[i + 1]?.t === "open" && toks.at(-1)?.t === "close") {
    const inner = toks.slice(i + 2, -1);
    if (limitedSubquery(inner)) return true;
    return inner.every((t, k) => k % 2 === 0 ? isValue2(t) : t.t === "comma") && inner.length > 0;
  }
  return false;
}
function boundedWhere(where, facts) {
  return bounded2(tokenize(where), facts);
}
function bounded2(toks, facts) {
  toks = unwrap(toks);
  const ors = split(toks, "OR");
  if (ors.length > 1) return ors.every((p) => bounded2(p, facts));
  const ands = split(toks, "AND");
  if (ands.length === 1) {
    const a = atom(ands[0], facts);
    return a === true;
  }
  const ranges = [];
  for (const part of ands) {
    const inner = unwrap(part);
    if (split(inner, "OR").length > 1 || split(inner, "AND").length > 1) {
      if (bounded2(inner, facts)) return true;
      continue;
    }
    const a = atom(inner, facts);
    if (a === true) return true;
    if (a) ranges.push(a);
  }
  return ranges.some((r) => r.side === "lo" && ranges.some((s) => s.side === "hi" && s.col === r.col));
}

// rules/mysql/unbatched-backfill.ts
var unbatched_backfill_default2 = defineRule2({
  meta: {
    id: "unbatched-backfill",
    severity: "error",
    summary: "An UPDATE or DELETE of an existing table with no LIMIT or key-range batching: one huge transaction that locks every row it touches and lags the replicas.",
    kinds: ["Update", "Delete"]
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.type !== "update" && ast.type !== "delete") return;
    if (ast.limit !== void 0) return;
    const target = ast.tables[0];
    if (!target || ast.tables.every((t2) => isNew(ctx, stmt, t2))) return;
    const key = relKey2(target);
    const table = ctx.table(key);
    const unique = /* @__PURE__ */ new Set();
    for (const i of table?.indexes ?? [])
      if ((i.kind === "primary" || i.kind === "unique") && i.columns.length === 1 && !i.columns[0].expression)
        unique.add(i.columns[0].name.toLowerCase());
    if (ast.where !== void 0 && boundedWhere(ast.where, { unique })) return;
    const verb = ast.type === "update" ? "UPDATE" : "DELETE";
    const t = showTable(target);
    const scope = ast.where === void 0 ? "every row of" : "every matching row of";
    const pk = table?.indexes.find((i) => i.kind === "primary")?.columns.map((c) => c.name) ?? [];
    const keyCol = pk.length === 1 ? pk[0] : "id";
    const issues = [
      {
        message: `This ${verb} ${verb === "UPDATE" ? "changes" : "deletes"} ${scope} \`${t}\` in one statement, so in one transaction: InnoDB holds a lock on each row it touches (and, with a WHERE that no index covers, on every row it scans) until it commits, so concurrent writes to those rows wait or deadlock; the undo log grows with every row and cannot be purged meanwhile; and replicas apply the whole change as one big event after it commits, lagging by as long as it ran.`,
        help: `Batch it: repeat \`${verb} \u2026 WHERE \u2026 ORDER BY ${keyCol} LIMIT 1000\` until ROW_COUNT() = 0 (or walk key ranges, \`WHERE ${keyCol} BETWEEN n AND n + 999\`), committing after each batch, with a WHERE that skips rows already done.`,
        table: key,
        data: { statement: verb.toLowerCase(), where: ast.where ?? null }
      }
    ];
    return issues;
  }
});

// rules/mysql/index.ts
var allRules2 = [
  adding_auto_increment_column_default,
  adding_field_with_default_default2,
  adding_foreign_key_constraint_default2,
  adding_fulltext_or_spatial_index_default,
  adding_stored_generated_column_default,
  alter_table_not_online_default,
  ban_cluster_level_statement_default2,
  ban_drop_column_default2,
  ban_drop_database_default2,
  ban_drop_primary_key_default,
  ban_drop_table_default2,
  ban_explicit_copy_or_lock_default,
  ban_server_program_or_file_access_default2,
  changing_column_type_default2,
  charset_conversion_default,
  drop_index_without_invisible_default,
  enum_value_reorder_default,
  index_same_step_as_add_column_default2,
  instant_row_version_limit_default,
  merge_alter_table_default,
  renaming_column_default2,
  renaming_table_default2,
  require_lock_timeout_default2,
  unbatched_backfill_default2
];

// src/dialects/mysql/session.ts
var IMPLICIT_COMMIT = /* @__PURE__ */ new Set([
  "alter_table",
  "create_table",
  "create_index",
  "drop_index",
  "drop_table",
  "rename_table",
  "truncate",
  "routine",
  "account"
]);
var LOCK_WAIT_DEFAULT = 31536e3;
function limits(value, max = Number.POSITIVE_INFINITY) {
  const v = value.trim().replace(/^'(.*)'$/, "$1");
  if (!/^\d+(\.\d+)?$/.test(v)) return false;
  const n = Number(v);
  return n > 0 && n < max;
}
var MySession = class {
  tx;
  /** the migration tool runs the current region in a transaction, and no DDL has ended it yet */
  wrappedOpen;
  autocommitOff = false;
  /** a DDL statement implicitly committed the transaction the migration tool wrapped the file in */
  ddlEndedWrap = false;
  /** `innodb_lock_wait_timeout` was set below its maximum (row locks only) */
  rowLockTimeout = false;
  /** MySQL `max_execution_time` was set (read-only SELECT statements only) */
  selectTimeout = false;
  constructor(wrapped) {
    this.wrappedOpen = wrapped;
    this.tx = { inTransaction: wrapped, explicit: false, depth: 0, lockTimeout: false, statementTimeout: false };
  }
  get state() {
    return this.tx;
  }
  enterRegion(wrapped) {
    if (this.tx.explicit) return;
    this.wrappedOpen = wrapped;
    this.sync();
  }
  sync() {
    this.tx.inTransaction = this.tx.explicit || this.wrappedOpen || this.autocommitOff;
  }
  after(stmt) {
    const ast = stmt.ast;
    const tx = this.tx;
    const commits = IMPLICIT_COMMIT.has(ast.type) && !(ast.type === "create_table" && ast.temporary) || ast.type === "database" && ast.action !== "use";
    if (commits) {
      if (this.wrappedOpen) this.ddlEndedWrap = true;
      tx.explicit = false;
      tx.depth = 0;
      this.wrappedOpen = false;
    } else if (ast.type === "transaction") {
      if (ast.action === "begin") {
        tx.explicit = true;
        tx.depth = 1;
      } else {
        tx.explicit = !!ast.chain;
        tx.depth = ast.chain ? 1 : 0;
      }
      this.wrappedOpen = false;
    } else if (ast.type === "other" && /^(LOCK|UNLOCK)\b/.test(ast.keyword) && tx.explicit) {
      tx.explicit = false;
      tx.depth = 0;
    } else if (ast.type === "set") this.set(ast);
    this.sync();
  }
  set(ast) {
    for (const v of ast.vars) {
      if (v.scope !== "session") continue;
      const name6 = v.name.replace(/^session\./, "");
      if (name6 === "lock_wait_timeout") this.tx.lockTimeout = limits(v.value, LOCK_WAIT_DEFAULT);
      else if (name6 === "innodb_lock_wait_timeout") this.rowLockTimeout = limits(v.value, 1073741824);
      else if (name6 === "max_statement_time") this.tx.statementTimeout = limits(v.value);
      else if (name6 === "max_execution_time") this.selectTimeout = limits(v.value);
      else if (name6 === "autocommit") {
        const off = /^(0|off|false|'off')$/i.test(v.value.trim());
        if (!off && this.autocommitOff) {
          this.tx.explicit = false;
          this.tx.depth = 0;
        }
        this.autocommitOff = off;
      }
    }
  }
};

// src/dialects/mysql/stats.ts
var TABLES2 = `
SELECT TABLE_SCHEMA AS s, TABLE_NAME AS n, COALESCE(TABLE_ROWS, 0) AS r_, COALESCE(DATA_LENGTH, 0) AS d,
       COALESCE(INDEX_LENGTH, 0) AS i
  FROM information_schema.TABLES
 WHERE TABLE_TYPE = 'BASE TABLE'
   AND TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')
   AND (? IS NULL OR TABLE_SCHEMA = ?)
 ORDER BY 1, 2`;
var ANALYZED = `
SELECT database_name AS s, table_name AS n, DATE_FORMAT(CONVERT_TZ(last_update, @@session.time_zone, '+00:00'), '%Y-%m-%dT%H:%i:%sZ') AS t
  FROM mysql.innodb_table_stats`;
async function exportMysqlStats(url) {
  registerSecretUrl(url);
  let login;
  try {
    login = parseMysqlUrl(url);
  } catch (err) {
    throw new UsageError(err.message.replace("--shadow-url", "--url"));
  }
  let conn;
  try {
    conn = await connect(login, login.database);
  } catch (err) {
    throw new UsageError(`cannot connect to ${displayConnection(url)}: ${err.message}`);
  }
  try {
    await conn.query("START TRANSACTION READ ONLY");
    const [[version]] = await conn.query("SELECT VERSION() AS v");
    const only = login.database ?? null;
    const [tables] = await conn.query(TABLES2, [only, only]);
    const analyzed = /* @__PURE__ */ new Map();
    try {
      const [rows] = await conn.query(ANALYZED);
      for (const r of rows) if (r.t) analyzed.set(`${r.s}.${r.n}`, r.t);
    } catch {
    }
    await conn.query("ROLLBACK");
    const v = version?.v ?? "";
    const maria = /mariadb/i.test(v);
    return {
      zerodownStats: STATS_VERSION,
      dialect: maria ? "mariadb" : "mysql",
      server: `${maria ? "MariaDB" : "MySQL"} ${v.split("-")[0]}`,
      exportedAt: (/* @__PURE__ */ new Date()).toISOString().replace(/\.\d+Z$/, "Z"),
      tables: tables.map((t) => {
        const d = Number(t.d);
        const i = Number(t.i);
        return {
          table: `${t.s}.${t.n}`,
          rows: Number(t.r_),
          tableBytes: d,
          indexBytes: i,
          totalBytes: d + i,
          lastAnalyze: analyzed.get(`${t.s}.${t.n}`) ?? null
        };
      })
    };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`reading stats from ${displayConnection(url)} failed: ${err.message}`);
  } finally {
    await conn.end().catch(() => {
    });
  }
}

// src/dialects/mysql/index.ts
function makeDialect(flavor) {
  const name6 = flavor === "mysql" ? "MySQL" : "MariaDB";
  const parts2 = partsLoader(name6, async () => {
    const [shadow, plan] = await Promise.all([import("./shadow-X2XLBDF5.js"), import("./plan-WOR4LU2D.js")]);
    return {
      shadow: flavor === "mysql" ? shadow.mysqlShadow : shadow.mariadbShadow,
      plan: flavor === "mysql" ? plan.mysqlPlanner : plan.mariadbPlanner
    };
  });
  return {
    id: flavor,
    name: name6,
    defaultVersion: flavor === "mysql" ? DEFAULT_MYSQL_VERSION : DEFAULT_MARIADB_VERSION,
    // the grammar is plain TypeScript; node-sql-parser (which judges DML syntax) is a chunk loaded here
    load: loadMysqlParser,
    parse: (migration) => parseMigration2(migration, flavor),
    newCatalog: () => new MyCatalog(),
    relationKey: (rel) => mysqlRelationKey(rel),
    session: (wrapped) => new MySession(wrapped),
    rules: allRules2,
    quote: { ident: quoteIdent2, literal: quoteLiteral2, comment: sqlComment2 },
    locks: { strength: lockStrength2, effect: lockEffect },
    parseVersion: (text) => parseMysqlVersion(text, flavor),
    versionText: mysqlVersionText,
    ruleContext: (version) => ({ server: serverVersionOf(version, flavor) }),
    get shadow() {
      return parts2.get().shadow;
    },
    get plan() {
      return parts2.get().plan;
    },
    loadParts: parts2.load,
    exportStats: exportMysqlStats
  };
}
var mysql = makeDialect("mysql");
var mariadb = makeDialect("mariadb");

// src/dialects/index.ts
var DIALECTS = /* @__PURE__ */ new Map([
  [postgres.id, postgres],
  [mysql.id, mysql],
  [mariadb.id, mariadb]
]);
var DEFAULT_DIALECT = "postgres";
function dialectFor(id = DEFAULT_DIALECT) {
  const d = DIALECTS.get(id);
  if (!d) throw new UsageError(`unknown dialect "${id}" (known: ${DIALECT_IDS.join(", ")})`);
  return d;
}
function dialectOf(migrations, fallback = DEFAULT_DIALECT) {
  const ids = new Set(migrations.map((m) => m.dialect));
  if (ids.size > 1)
    throw new UsageError(`migrations in more than one dialect (${[...ids].join(", ")}): lint them in separate runs`);
  return dialectFor(ids.values().next().value ?? fallback);
}
function shadowOf(dialect) {
  if (!dialect.shadow) throw new UsageError(`${dialect.name} migrations cannot be run on a shadow database yet`);
  return dialect.shadow;
}
async function loadedShadowOf(dialect) {
  await dialect.loadParts?.();
  return shadowOf(dialect);
}
function dialectOfUrl(url) {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return dialectFor(scheme === "mariadb" ? "mariadb" : scheme === "mysql" ? "mysql" : "postgres");
}

export {
  DEFAULT_DIALECT,
  dialectFor,
  dialectOf,
  shadowOf,
  loadedShadowOf,
  dialectOfUrl
};
