import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  chained,
  outsideReach,
  relKey,
  txKind
} from "./chunk-RB5SEY6D.js";

// src/dialects/postgres/shadow/statements.ts
function txControl(stmt) {
  const k = txKind(stmt);
  if (k === void 0) return void 0;
  if (k === "begin") return "begin";
  if (k === "commit") return chained(stmt) ? "commit-chain" : "commit";
  if (k === "rollback") return chained(stmt) ? "rollback-chain" : "rollback";
  if (k === "prepare") return "commit";
  return "other";
}
function hasDefElem(list, name) {
  return (list ?? []).some((d) => d?.DefElem?.defname === name);
}
function doBody(ast) {
  for (const a of ast?.args ?? []) {
    if (a?.DefElem?.defname === "as") return a.DefElem.arg?.String?.sval ?? "";
  }
  return "";
}
function notInTransaction(stmt, serverVersion) {
  const a = stmt.ast;
  switch (stmt.kind) {
    case "IndexStmt":
      return a?.concurrent ? "CREATE INDEX CONCURRENTLY" : void 0;
    case "DropStmt":
      return a?.concurrent ? "DROP INDEX CONCURRENTLY" : void 0;
    case "ReindexStmt":
      if (hasDefElem(a?.params, "concurrently")) return "REINDEX CONCURRENTLY";
      return a?.kind === "REINDEX_OBJECT_DATABASE" || a?.kind === "REINDEX_OBJECT_SYSTEM" ? "REINDEX DATABASE" : void 0;
    case "VacuumStmt":
      return a?.is_vacuumcmd ? "VACUUM" : void 0;
    case "ClusterStmt":
      return a?.relation ? void 0 : "CLUSTER without a table";
    case "CreatedbStmt":
      return "CREATE DATABASE";
    case "DropdbStmt":
      return "DROP DATABASE";
    case "CreateTableSpaceStmt":
      return "CREATE TABLESPACE";
    case "DropTableSpaceStmt":
      return "DROP TABLESPACE";
    case "AlterSystemStmt":
      return "ALTER SYSTEM";
    case "CreateSubscriptionStmt":
    case "DropSubscriptionStmt":
      return "subscription commands";
    case "AlterEnumStmt":
      return serverVersion < 12 && a?.newVal ? "ALTER TYPE \u2026 ADD VALUE (before PostgreSQL 12)" : void 0;
    case "AlterTableStmt":
      for (const c of a?.cmds ?? []) {
        if (c?.AlterTableCmd?.subtype === "AT_DetachPartition" && c.AlterTableCmd.def?.PartitionCmd?.concurrent) {
          return "DETACH PARTITION CONCURRENTLY";
        }
      }
      return void 0;
    case "DoStmt":
      return /\b(commit|rollback)\b/i.test(doBody(a)) ? "a DO block with COMMIT" : void 0;
    case "CallStmt":
      return "CALL (the procedure may commit)";
    default:
      return void 0;
  }
}
function refusedOnShadow(stmt, kind) {
  const r = outsideReach(stmt).find((x) => !(kind === "pglite" && x.category === "role"));
  return r ? `${r.what} ${r.why}` : void 0;
}
function breaksBatch(stmt, serverVersion, alone = false) {
  if (stmt.kind === "TransactionStmt") return true;
  if (stmt.kind === "VariableSetStmt" && stmt.ast?.is_local) return true;
  if (stmt.kind === "AlterEnumStmt" && !alone) return true;
  return notInTransaction(stmt, serverVersion) !== void 0;
}
function documentedLocks(stmt) {
  const a = stmt.ast;
  const rel = (rv) => relKey(rv);
  switch (stmt.kind) {
    case "IndexStmt":
      return a?.relation ? [{ relation: rel(a.relation), mode: "ShareUpdateExclusiveLock" }] : [];
    case "DropStmt":
      return (a?.objects ?? []).map((o) => {
        const parts = (o?.List?.items ?? []).map((i) => i?.String?.sval).filter(Boolean);
        return {
          relation: parts.length > 1 ? parts.join(".") : `public.${parts[0]}`,
          mode: "ShareUpdateExclusiveLock"
        };
      });
    case "ReindexStmt":
      return a?.relation ? [{ relation: rel(a.relation), mode: "ShareUpdateExclusiveLock" }] : [];
    case "VacuumStmt": {
      const full = hasDefElem(a?.options, "full");
      return (a?.rels ?? []).map((r) => ({
        relation: rel(r?.VacuumRelation?.relation),
        mode: full ? "AccessExclusiveLock" : "ShareUpdateExclusiveLock"
      }));
    }
    case "AlterTableStmt": {
      const out = [];
      for (const c of a?.cmds ?? []) {
        const pc = c?.AlterTableCmd?.def?.PartitionCmd;
        if (c?.AlterTableCmd?.subtype === "AT_DetachPartition" && pc?.concurrent) {
          out.push({ relation: rel(a.relation), mode: "ShareUpdateExclusiveLock" });
          out.push({ relation: rel(pc.name), mode: "ShareUpdateExclusiveLock" });
        }
      }
      return out;
    }
    default:
      return [];
  }
}

export {
  txControl,
  notInTransaction,
  refusedOnShadow,
  breaksBatch,
  documentedLocks
};
