import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  DEFAULT_PG_VERSION
} from "./chunk-K6RS4U4B.js";
import {
  DEFAULT_SCHEMA,
  LOCKS,
  LOCK_MODES,
  keysBefore,
  lockStrength,
  qualifiedKey,
  relKey,
  stringList
} from "./chunk-RB5SEY6D.js";

// src/dialects/postgres/locks.ts
function strongerLock(a, b) {
  return lockStrength(a) >= lockStrength(b) ? a : b;
}
function blocksTraffic(mode) {
  return LOCKS[mode].blocksReads || LOCKS[mode].blocksWrites;
}
function lockName(mode) {
  return mode.replace(/Lock$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
}
function aLock(mode) {
  const n = lockName(mode);
  return `${/^[AEIOU]/.test(n) ? "an" : "a"} ${n} lock`;
}
function lockImpact(mode) {
  if (LOCKS[mode].blocksReads) return "every read and write";
  if (LOCKS[mode].blocksWrites) return "every write";
  return "other schema changes";
}
function keyOfNames(list) {
  if (!list.length) return void 0;
  return qualifiedKey(list);
}
var short = (key) => "`" + (key.startsWith(`${DEFAULT_SCHEMA}.`) ? key.slice(DEFAULT_SCHEMA.length + 1) : key) + "`";
function alterCmdMode(cmd, pgVersion) {
  switch (cmd.subtype) {
    case "AT_SetStatistics":
    case "AT_SetOptions":
    case "AT_ResetOptions":
    case "AT_ClusterOn":
    case "AT_DropCluster":
    case "AT_SetRelOptions":
    case "AT_ResetRelOptions":
    case "AT_ValidateConstraint":
    case "AT_DetachPartitionFinalize":
      return "ShareUpdateExclusiveLock";
    case "AT_AttachPartition":
      return pgVersion >= 12 ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
    case "AT_DetachPartition":
      return cmd.def?.PartitionCmd?.concurrent ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
    case "AT_EnableTrig":
    case "AT_EnableAlwaysTrig":
    case "AT_EnableReplicaTrig":
    case "AT_EnableTrigAll":
    case "AT_EnableTrigUser":
    case "AT_DisableTrig":
    case "AT_DisableTrigAll":
    case "AT_DisableTrigUser":
      return "ShareRowExclusiveLock";
    case "AT_AddConstraint":
      return cmd.def?.Constraint?.contype === "CONSTR_FOREIGN" ? "ShareRowExclusiveLock" : "AccessExclusiveLock";
    default:
      return "AccessExclusiveLock";
  }
}
function foreignKeys(nodes) {
  const out = [];
  for (const n of nodes ?? []) {
    if (n.Constraint?.contype === "CONSTR_FOREIGN") out.push(n.Constraint);
    for (const c of n.ColumnDef?.constraints ?? [])
      if (c.Constraint?.contype === "CONSTR_FOREIGN") out.push(c.Constraint);
  }
  return out;
}
function tablesUsingType(catalog, typeKey) {
  if (!catalog) return [];
  const [schema, name] = typeKey.split(".");
  const out = [];
  for (const [key, t] of catalog.tables) {
    for (const c of t.columns.values()) {
      if (c.type.name === name && (c.type.schema ?? DEFAULT_SCHEMA) === schema) {
        out.push(key);
        break;
      }
    }
  }
  return out;
}
function indexTable(catalog, indexKey) {
  return catalog?.indexes.get(indexKey)?.table;
}
function statementLocks(kind, ast, opts = {}) {
  const pgVersion = opts.pgVersion ?? DEFAULT_PG_VERSION;
  const catalog = opts.catalog;
  const out = /* @__PURE__ */ new Map();
  const add = (rel, mode, what) => {
    const k = rel ?? `?${what}`;
    const prev = out.get(k);
    if (prev) prev.mode = strongerLock(prev.mode, mode);
    else out.set(k, rel === void 0 ? { mode, what } : { rel, mode, what });
  };
  const table = (rv, mode, noun = "table") => {
    if (!rv?.relname) return;
    const k = relKey(rv);
    add(k, mode, `${noun} ${short(k)}`);
  };
  const index = (key, mode) => {
    const t = indexTable(catalog, key);
    if (t) add(t, mode, `table ${short(t)} (index ${short(key)})`);
    else add(key, mode, `index ${short(key)}`);
  };
  const referenced = (fks, self) => {
    for (const fk of fks) {
      if (!fk.pktable) continue;
      const k = relKey(fk.pktable);
      if (k !== self) add(k, "ShareRowExclusiveLock", `table ${short(k)} (referenced by a foreign key)`);
    }
  };
  const knownConstraint = (relation, name) => name ? catalog?.table(relation)?.constraints.get(name) : void 0;
  switch (kind) {
    case "CreateStmt": {
      const self = relKey(ast.relation);
      referenced(foreignKeys(ast.tableElts), self);
      for (const p of ast.inhRelations ?? []) {
        table(p.RangeVar, ast.partbound ? "AccessExclusiveLock" : "ShareUpdateExclusiveLock");
      }
      break;
    }
    case "AlterTableStmt": {
      const objtype = ast.objtype ?? "OBJECT_TABLE";
      const noun = objtype === "OBJECT_VIEW" ? "view" : objtype === "OBJECT_MATVIEW" ? "materialized view" : objtype === "OBJECT_SEQUENCE" ? "sequence" : "table";
      const self = relKey(ast.relation);
      for (const c of ast.cmds ?? []) {
        const cmd = c.AlterTableCmd;
        if (!cmd) continue;
        const mode = alterCmdMode(cmd, pgVersion);
        if (objtype === "OBJECT_INDEX") index(self, mode);
        else table(ast.relation, mode, noun);
        if (cmd.subtype === "AT_AddConstraint") referenced(foreignKeys([cmd.def]), self);
        if (cmd.subtype === "AT_AddColumn") referenced(foreignKeys(cmd.def?.ColumnDef?.constraints), self);
        if (cmd.subtype === "AT_AttachPartition") table(cmd.def?.PartitionCmd?.name, "AccessExclusiveLock");
        if (cmd.subtype === "AT_DetachPartition") table(cmd.def?.PartitionCmd?.name, mode);
        if (cmd.subtype === "AT_DropConstraint") {
          const con = knownConstraint(self, cmd.name);
          if (con?.type === "foreign" && con.references && con.references !== self) {
            add(
              con.references,
              "AccessExclusiveLock",
              `table ${short(con.references)} (referenced by \`${cmd.name}\`)`
            );
          }
        }
      }
      break;
    }
    case "IndexStmt":
      table(ast.relation, ast.concurrent ? "ShareUpdateExclusiveLock" : "ShareLock");
      break;
    case "DropStmt": {
      const objs = (ast.objects ?? []).map(
        (o) => o.List ? stringList(o.List.items) : o.String ? [o.String.sval] : o.TypeName ? stringList(o.TypeName.names) : []
      );
      for (const n of objs) {
        const key = keyOfNames(n);
        if (!key) continue;
        switch (ast.removeType) {
          case "OBJECT_TABLE": {
            add(key, "AccessExclusiveLock", `table ${short(key)}`);
            const t = catalog?.table(key);
            for (const con of t?.constraints.values() ?? []) {
              if (con.type === "foreign" && con.references && con.references !== key) {
                add(
                  con.references,
                  "AccessExclusiveLock",
                  `table ${short(con.references)} (referenced by ${short(key)})`
                );
              }
            }
            if (ast.behavior === "DROP_CASCADE" && catalog) {
              for (const [other, ot] of catalog.tables) {
                if (other === key) continue;
                for (const con of ot.constraints.values()) {
                  if (con.type === "foreign" && con.references === key)
                    add(other, "AccessExclusiveLock", `table ${short(other)} (its foreign key is dropped)`);
                }
              }
            }
            break;
          }
          case "OBJECT_INDEX":
            index(key, ast.concurrent ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock");
            break;
          case "OBJECT_VIEW":
            add(key, "AccessExclusiveLock", `view ${short(key)}`);
            break;
          case "OBJECT_MATVIEW":
            add(key, "AccessExclusiveLock", `materialized view ${short(key)}`);
            break;
          case "OBJECT_SEQUENCE":
            add(key, "AccessExclusiveLock", `sequence ${short(key)}`);
            break;
          case "OBJECT_FOREIGN_TABLE":
            add(key, "AccessExclusiveLock", `foreign table ${short(key)}`);
            break;
          case "OBJECT_TRIGGER":
          case "OBJECT_POLICY":
          case "OBJECT_RULE": {
            const rel = keyOfNames(n.slice(0, -1));
            if (rel) add(rel, "AccessExclusiveLock", `table ${short(rel)}`);
            break;
          }
          case "OBJECT_TYPE":
          case "OBJECT_DOMAIN":
            if (ast.behavior === "DROP_CASCADE")
              for (const t of tablesUsingType(catalog, key)) add(t, "AccessExclusiveLock", `table ${short(t)}`);
            break;
          default:
            break;
        }
      }
      break;
    }
    case "RenameStmt": {
      switch (ast.renameType) {
        case "OBJECT_INDEX":
          index(relKey(ast.relation), pgVersion >= 12 ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock");
          break;
        case "OBJECT_TABLE":
        case "OBJECT_COLUMN":
        case "OBJECT_TABCONSTRAINT":
        case "OBJECT_TRIGGER":
        case "OBJECT_POLICY":
        case "OBJECT_RULE":
          table(
            ast.relation,
            "AccessExclusiveLock",
            ast.relationType === "OBJECT_VIEW" ? "view" : ast.relationType === "OBJECT_MATVIEW" ? "materialized view" : "table"
          );
          break;
        case "OBJECT_VIEW":
          table(ast.relation, "AccessExclusiveLock", "view");
          break;
        case "OBJECT_MATVIEW":
          table(ast.relation, "AccessExclusiveLock", "materialized view");
          break;
        case "OBJECT_SEQUENCE":
          table(ast.relation, "AccessExclusiveLock", "sequence");
          break;
        case "OBJECT_FOREIGN_TABLE":
          table(ast.relation, "AccessExclusiveLock", "foreign table");
          break;
        default:
          break;
      }
      break;
    }
    case "AlterObjectSchemaStmt":
      if (ast.relation) table(ast.relation, "AccessExclusiveLock", ast.objectType === "OBJECT_VIEW" ? "view" : "table");
      break;
    case "TruncateStmt":
      for (const r of ast.relations ?? []) table(r.RangeVar, "AccessExclusiveLock");
      break;
    case "LockStmt":
      for (const r of ast.relations ?? []) table(r.RangeVar, LOCK_MODES[(ast.mode ?? 8) - 1] ?? "AccessExclusiveLock");
      break;
    case "RefreshMatViewStmt":
      table(ast.relation, ast.concurrent ? "ExclusiveLock" : "AccessExclusiveLock", "materialized view");
      break;
    case "ReindexStmt": {
      const concurrent = optionOn(ast.params, "concurrently");
      const mode = concurrent ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
      if (ast.kind === "REINDEX_OBJECT_INDEX" && ast.relation) index(relKey(ast.relation), mode);
      else if (ast.kind === "REINDEX_OBJECT_TABLE") table(ast.relation, mode);
      break;
    }
    case "ClusterStmt":
      table(ast.relation, "AccessExclusiveLock");
      break;
    case "VacuumStmt": {
      const full = ast.is_vacuumcmd && optionOn(ast.options, "full");
      for (const r of ast.rels ?? [])
        table(r.VacuumRelation?.relation, full ? "AccessExclusiveLock" : "ShareUpdateExclusiveLock");
      break;
    }
    case "CreateTrigStmt":
      table(ast.relation, "ShareRowExclusiveLock");
      break;
    case "CreatePolicyStmt":
    case "AlterPolicyStmt":
      table(ast.table, "AccessExclusiveLock");
      break;
    case "RuleStmt":
      table(ast.relation, "AccessExclusiveLock");
      break;
    case "ViewStmt":
      if (ast.replace) table(ast.view, "AccessExclusiveLock", "view");
      break;
    case "AlterSeqStmt":
      table(ast.sequence, "ShareRowExclusiveLock", "sequence");
      break;
    case "AlterDomainStmt": {
      const validates = ast.subtype === "C" && ast.def?.Constraint && !ast.def.Constraint.skip_validation || ast.subtype === "O" || ast.subtype === "V";
      if (!validates) break;
      const key = keyOfNames(stringList(ast.typeName));
      if (!key) break;
      const users = tablesUsingType(catalog, key);
      for (const t of users) add(t, "ShareLock", `table ${short(t)} (column of domain ${short(key)})`);
      if (!users.length) add(void 0, "ShareLock", `tables using domain ${short(key)}`);
      break;
    }
    case "CommentStmt":
      break;
    case "CreateStatsStmt":
      for (const r of ast.relations ?? []) table(r.RangeVar, "ShareUpdateExclusiveLock");
      break;
    case "UpdateStmt":
    case "DeleteStmt":
    case "InsertStmt":
    case "MergeStmt":
      table(ast.relation, "RowExclusiveLock");
      break;
    default:
      break;
  }
  return [...out.values()];
}
function optionOn(options, name) {
  return (options ?? []).some(
    (o) => o.DefElem?.defname === name && !["false", "off", "0"].includes(String(defElemValue(o.DefElem)).toLowerCase())
  );
}
function defElemValue(d) {
  const a = d?.arg;
  if (a === void 0) return true;
  if (a.String) return a.String.sval;
  if (a.Integer) return a.Integer.ival ?? 0;
  if (a.Boolean) return a.Boolean.boolval ?? false;
  if (a.A_Const) return a.A_Const.sval?.sval ?? a.A_Const.ival?.ival ?? a.A_Const.boolval?.boolval ?? 0;
  return true;
}
function commandLabel(kind, ast) {
  const obj = (t, dflt) => t ? t.replace(/^OBJECT_/, "").replace(/_/g, " ").replace("MATVIEW", "MATERIALIZED VIEW") : dflt;
  switch (kind) {
    case "AlterTableStmt":
      return `ALTER ${obj(ast.objtype, "TABLE")}`;
    case "IndexStmt":
      return ast.concurrent ? "CREATE INDEX CONCURRENTLY" : "CREATE INDEX";
    case "CreateStmt":
      return "CREATE TABLE";
    case "DropStmt":
      return `DROP ${obj(ast.removeType, "OBJECT")}`;
    case "RenameStmt":
      return `ALTER ${obj(ast.renameType === "OBJECT_COLUMN" || ast.renameType === "OBJECT_TABCONSTRAINT" ? ast.relationType : ast.renameType, "TABLE")} \u2026 RENAME`;
    case "AlterObjectSchemaStmt":
      return `ALTER ${obj(ast.objectType, "TABLE")} \u2026 SET SCHEMA`;
    case "TruncateStmt":
      return "TRUNCATE";
    case "LockStmt":
      return "LOCK TABLE";
    case "RefreshMatViewStmt":
      return ast.concurrent ? "REFRESH MATERIALIZED VIEW CONCURRENTLY" : "REFRESH MATERIALIZED VIEW";
    case "ReindexStmt":
      return "REINDEX";
    case "ClusterStmt":
      return "CLUSTER";
    case "VacuumStmt":
      return ast.is_vacuumcmd ? "VACUUM" : "ANALYZE";
    case "CreateTrigStmt":
      return "CREATE TRIGGER";
    case "CreatePolicyStmt":
      return "CREATE POLICY";
    case "AlterPolicyStmt":
      return "ALTER POLICY";
    case "RuleStmt":
      return "CREATE RULE";
    case "ViewStmt":
      return ast.replace ? "CREATE OR REPLACE VIEW" : "CREATE VIEW";
    case "AlterSeqStmt":
      return "ALTER SEQUENCE";
    case "AlterDomainStmt":
      return "ALTER DOMAIN";
    case "UpdateStmt":
      return "UPDATE";
    case "DeleteStmt":
      return "DELETE";
    case "InsertStmt":
      return "INSERT";
    case "MergeStmt":
      return "MERGE";
    default:
      return kind.replace(/Stmt$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
  }
}
function createdRelation(s) {
  const rv = s.kind === "CreateStmt" ? s.ast.relation : s.kind === "ViewStmt" ? s.ast.view : s.kind === "CreateSeqStmt" ? s.ast.sequence : s.kind === "CreateTableAsStmt" ? s.ast.into?.rel : void 0;
  return rv?.relname ? [relKey(rv)] : void 0;
}
function createdBefore(statements, before) {
  return keysBefore(statements, before, createdRelation);
}
var settingsIn = /* @__PURE__ */ new WeakMap();
function lastSetting(statements, before, name) {
  let byName = settingsIn.get(statements);
  if (!byName) settingsIn.set(statements, byName = /* @__PURE__ */ new Map());
  let at = byName.get(name);
  if (!at) {
    at = [];
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i];
      if (s.kind === "VariableSetStmt" && (s.ast.name === name || s.ast.kind === "VAR_RESET_ALL")) at.push(i);
    }
    byName.set(name, at);
  }
  const limit = Math.min(before, statements.length);
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (at[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? statements[at[lo - 1]] : void 0;
}
function setsZero(s) {
  if (s?.ast.kind !== "VAR_SET_VALUE") return false;
  const c = s.ast.args?.[0]?.A_Const;
  if (!c) return false;
  if (c.ival) return (c.ival.ival ?? 0) === 0;
  if ("ival" in c) return true;
  if (c.sval) return /^\s*0+\s*(ms|s|min|h|d)?\s*$/i.test(c.sval.sval ?? "");
  return false;
}
var reportedIn = /* @__PURE__ */ new WeakMap();
function firstInFile(ruleId, ctx, stmt) {
  let m = reportedIn.get(ctx.statements);
  if (!m) reportedIn.set(ctx.statements, m = /* @__PURE__ */ new Map());
  const prev = m.get(ruleId);
  if (prev && prev.catalog === ctx.catalog && prev.index < stmt.index) return false;
  m.set(ruleId, { catalog: ctx.catalog, index: stmt.index });
  return true;
}
var SCRIPT_TOOLS = /* @__PURE__ */ new Set(["prisma", "golang-migrate"]);

export {
  strongerLock,
  blocksTraffic,
  aLock,
  lockImpact,
  tablesUsingType,
  statementLocks,
  optionOn,
  commandLabel,
  createdBefore,
  lastSetting,
  setsZero,
  firstInFile,
  SCRIPT_TOOLS
};
