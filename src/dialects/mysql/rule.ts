/**
 * The rule contract as MySQL/MariaDB rules see it (rules/mysql/*.ts import from here, never from
 * src/rules/api.ts directly): the generic contract with this dialect's statement, catalog, table
 * and column types, plus the target server (flavor and version).
 */
import { ruleDefiner, type FileContext, type Issue as CoreIssue, type Rule, type RuleContext } from '../../rules/api.js';
import type { MyColumn, MyStatement, MyTable, ServerVersion, TableName } from './ast.js';
import type { MyCatalog } from './catalog.js';

export type { RuleMeta, TxState } from '../../rules/api.js';
export type { MyStatement } from './ast.js';

/** How MySQL rules name a table: the AST's `TableName`, or `db.table` / `table` text. */
export type MyRel = TableName | string | undefined;

export interface MyRuleContext extends RuleContext<MyStatement, MyCatalog, MyTable, MyColumn, MyRel> {
  /** the target server: flavor (mysql | mariadb) and version (`--mysql-version`) */
  server: ServerVersion;
}

export interface MyFileContext extends FileContext<MyStatement, MyCatalog> {
  server: ServerVersion;
}

export type Issue = CoreIssue<MyStatement>;

export type MyRule = Rule<MyRuleContext, MyFileContext>;

/** Defines a MySQL/MariaDB rule: typed contexts, and `meta.dialect` set to `mysql` (both flavors use rules/mysql/). */
export const defineRule: (rule: MyRule) => MyRule = ruleDefiner<MyRuleContext, MyFileContext>('mysql');
