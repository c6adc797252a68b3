/**
 * What the planner needs from the online-DDL prediction (src/dialects/mysql/online/): for one
 * ALTER TABLE, the algorithm and lock the server will use. The planner never trusts a prediction
 * blindly: an online one becomes an explicit ALGORITHM clause the server enforces (it refuses
 * rather than copies when the prediction is wrong).
 */
import type { AlterTableAst, MyTable, ServerVersion } from '../ast.js';

export interface Prediction {
  algorithm: 'INSTANT' | 'INPLACE' | 'COPY';
  lock: 'NONE' | 'SHARED' | 'EXCLUSIVE';
  /** why, for a person */
  why?: string;
}

/** The prediction for one ALTER against the table as the catalog knows it; undefined when it cannot tell. */
export type Predict = (
  ast: AlterTableAst,
  table: MyTable | undefined,
  server: ServerVersion,
  opts?: { foreignKeyChecks?: boolean },
) => Prediction | undefined;

/** The change can run without blocking writes for its duration. */
export const isOnline = (p: Prediction | undefined): boolean => !!p && (p.algorithm === 'INSTANT' || p.lock === 'NONE');
