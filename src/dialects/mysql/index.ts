/**
 * MySQL and MariaDB as two `Dialect`s (src/dialect.ts) from one folder: the same splitter,
 * grammar, catalog, session model and rules (rules/mysql/), with a flavor that picks the
 * server whose behaviour the prediction and the messages follow. The core reaches them only
 * through this module (and only the dialect registry imports it).
 */
import type { Dialect, RelArg } from '../../dialect.js';
import { allRules } from '../../../rules/mysql/index.js';
import type { Flavor, MyAst } from './ast.js';
import { MyCatalog, mysqlRelationKey } from './catalog.js';
import { lockEffect, lockStrength } from './locks.js';
import { loadMysqlParser, parseMigration } from './parse.js';
import { quoteIdent, quoteLiteral, sqlComment } from './quote.js';
import { MySession } from './session.js';
import { partsLoader } from '../parts.js';
import { exportMysqlStats } from './stats.js';
import {
  DEFAULT_MARIADB_VERSION,
  DEFAULT_MYSQL_VERSION,
  mysqlVersionText,
  parseMysqlVersion,
  serverVersionOf,
} from './version.js';

/** One of the two dialect objects. */
function makeDialect(flavor: Flavor): Dialect<MyAst, MyCatalog> {
  const name = flavor === 'mysql' ? 'MySQL' : 'MariaDB';
  // the shadow and the planner: chunks of their own, loaded by a dry run or a plan
  const parts = partsLoader(name, async () => {
    const [shadow, plan] = await Promise.all([import('./shadow/index.js'), import('./plan/index.js')]);
    return {
      shadow: flavor === 'mysql' ? shadow.mysqlShadow : shadow.mariadbShadow,
      plan: flavor === 'mysql' ? plan.mysqlPlanner : plan.mariadbPlanner,
    };
  });
  return {
    id: flavor,
    name,
    defaultVersion: flavor === 'mysql' ? DEFAULT_MYSQL_VERSION : DEFAULT_MARIADB_VERSION,
    // the grammar is plain TypeScript; node-sql-parser (which judges DML syntax) is a chunk loaded here
    load: loadMysqlParser,
    parse: (migration) => parseMigration(migration, flavor),
    newCatalog: () => new MyCatalog(),
    relationKey: (rel: RelArg) => mysqlRelationKey(rel as Parameters<typeof mysqlRelationKey>[0]),
    session: (wrapped) => new MySession(wrapped),
    rules: allRules,
    quote: { ident: quoteIdent, literal: quoteLiteral, comment: sqlComment },
    locks: { strength: lockStrength, effect: lockEffect },
    parseVersion: (text) => parseMysqlVersion(text, flavor),
    versionText: mysqlVersionText,
    ruleContext: (version) => ({ server: serverVersionOf(version, flavor) }),
    get shadow() {
      return parts.get().shadow;
    },
    get plan() {
      return parts.get().plan;
    },
    loadParts: parts.load,
    exportStats: exportMysqlStats,
  };
}

export const mysql = makeDialect('mysql');
export const mariadb = makeDialect('mariadb');

export { MyCatalog, mysqlRelationKey, isCharacterType } from './catalog.js';
export { MySession } from './session.js';
export { loadMysqlParser, parseMigration, parseSql, parseStatementText, type MyParsedMigration } from './parse.js';
export { splitMysql } from './split.js';
export { quoteIdent, quoteLiteral, quoteTable, sqlComment } from './quote.js';
export {
  DEFAULT_MARIADB_VERSION,
  DEFAULT_MYSQL_VERSION,
  atLeast,
  mysqlVersionText,
  parseMysqlVersion,
  serverVersionOf,
} from './version.js';
export type * from './ast.js';
