/** Expand/contract rewrites: column type changes that rewrite the table, and column renames. */
import type { Statement } from '../model.js';
import type { RewriteContext } from './context.js';
import type { StmtSource } from './sqltext.js';
import type { AlterInput, Group } from './rewrite.js';

export function alterColumnType(_inp: AlterInput, _cmd: any): Group[] | undefined {
  return undefined;
}

export function renameColumn(_stmt: Statement, _ctx: RewriteContext, _src: StmtSource): Group[] | undefined {
  return undefined;
}
