/**
 * ALTER TABLE on an existing table: each sub-command goes to the rewrite for its
 * subtype; sub-commands no rewrite takes are kept as written, each in its own
 * group, so the independent parts of one statement do not wait for each other.
 */
import type { PgStatement } from '../statement.js';
import { relKey } from '../catalog.js';
import { alterCmds } from '../util.js';
import { addColumnRewrite } from './add-column.js';
import { bigintKeyRewrite } from './bigint-key.js';
import { alterColumnTypeRewrite } from './column-type.js';
import { addNotValidRewrite, addUniqueRewrite } from './constraints.js';
import { colKey, isNewTable, step, tablesOf } from './context.js';
import { setNotNullRewrite } from './not-null.js';
import { REASONS } from './reasons.js';
import type { StmtSource } from './sqltext.js';
import type { AlterCommandRewrite, AlterInput, Group, RewriteContext, RewriteInfo } from './types.js';

/** The ALTER TABLE sub-command rewrites; for one sub-command, the first that returns a plan wins. */
export const ALTER_COMMAND_REWRITES: readonly AlterCommandRewrite[] = [
  addColumnRewrite,
  setNotNullRewrite,
  addNotValidRewrite,
  addUniqueRewrite,
  bigintKeyRewrite,
  alterColumnTypeRewrite,
];

/** Runs `fn` as rewrite `r`: what it records is attributed to `r` (`RewriteContext.answered`). */
export function as<T>(ctx: RewriteContext, r: RewriteInfo, fn: () => T): T {
  const before = ctx.current;
  ctx.current = r;
  try {
    return fn();
  } finally {
    ctx.current = before;
  }
}

function rewriteCommand(inp: AlterInput, cmd: any): Group[] | undefined {
  for (const r of ALTER_COMMAND_REWRITES) {
    if (r.subtype !== cmd.subtype) continue;
    const out = as(inp.ctx, r, () => r.rewrite(inp, cmd));
    if (out) return out;
  }
  return undefined;
}

export function alterTable(stmt: PgStatement, ctx: RewriteContext, src: StmtSource): Group[] | undefined {
  const ast = stmt.ast;
  if (ast.objtype && ast.objtype !== 'OBJECT_TABLE') return undefined;
  const rel = ast.relation;
  const key = relKey(rel);
  if (isNewTable(ctx, key)) return undefined;
  const table = ctx.catalog.table(key);
  const cmds = alterCmds(ast);
  const parts = src.alterTableParts();
  if (!parts) return undefined;
  const planned = cmds.map((cmd, i) => {
    const part = parts.cmds[i]!;
    const inp: AlterInput = {
      stmt,
      ctx,
      rel,
      key,
      table,
      src,
      header: parts.header,
      cmdText: part.text,
      cmdStart: part.start,
      cmdEnd: part.end,
    };
    return rewriteCommand(inp, cmd);
  });
  if (planned.every((p) => !p)) return undefined;
  const groups: Group[] = [];
  cmds.forEach((cmd, i) => {
    const p = planned[i];
    if (p) groups.push(...p);
    else {
      const keys =
        cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef
          ? [colKey(key, cmd.def.ColumnDef.colname)]
          : tablesOf(stmt);
      groups.push([step('expand', `${parts.header} ${parts.cmds[i]!.text}`, keys, REASONS.same)]);
    }
  });
  return groups;
}
