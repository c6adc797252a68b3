/**
 * What discovery decides from a migration's text, each a named test of the text: which tool's file it is (a goose
 * or dbmate annotation, SQLx's `-- no-transaction`, a Liquibase header) and which dialect it is written in. Named,
 * so that a run which reuses a discovery (src/pipeline/discovery-cache.ts) can ask a changed file under review the
 * same questions and see whether the answers, hence the discovery, still hold.
 */
const GOOSE_UP = /^--\s*\+goose\s+up\s*$/im;
export const LIQUIBASE_HEADER = /^\s*--\s*liquibase\s+formatted\s+sql\b/i;
const DBMATE_UP = /^--\s*migrate:up\b/m;

/** characters of a file the dialect's evidence is looked for in */
const DIALECT_CHARS = 64 * 1024;
const MYSQL_SQL: [RegExp, string][] = [
  [/`[^`\n]+`/, 'backticks'],
  [/\bENGINE\s*=/i, 'ENGINE='],
  [/\bAUTO_INCREMENT\b/i, 'AUTO_INCREMENT'],
];
const POSTGRES_SQL = [
  /\b(BIG|SMALL)?SERIAL\b/i,
  /::\s*[a-z_]+/i,
  /\$\$/,
  /\bJSONB\b/i,
  /\bCREATE\s+EXTENSION\b/i,
  /\bCREATE\s+(OR\s+REPLACE\s+)?FUNCTION\b[\s\S]*LANGUAGE\s+plpgsql/i,
];

export const MARKERS = {
  'goose-up': (text: string) => GOOSE_UP.test(text),
  'dbmate-up': (text: string) => DBMATE_UP.test(text),
  'sqlx-no-transaction': (text: string) => text.startsWith('-- no-transaction'),
  'liquibase-header': (text: string) => LIQUIBASE_HEADER.test(text.slice(0, 200)),
  /**
   * The dialect's evidence in the SQL, outside string literals: `postgres` for anything PostgreSQL-only, else the
   * MySQL syntax found (`backticks ENGINE=`), else ''.
   */
  dialect: (text: string): string => {
    const sql = text.slice(0, DIALECT_CHARS).replace(/'(?:[^'\\]|\\.|'')*'/g, "''");
    if (POSTGRES_SQL.some((re) => re.test(sql))) return 'postgres';
    return MYSQL_SQL.filter(([re]) => re.test(sql))
      .map(([, name]) => name)
      .join(' ');
  },
} satisfies Record<string, (text: string) => boolean | string>;

export type MarkerName = keyof typeof MARKERS;
export type MarkerValue = boolean | string;

/** `name`'s answer for `text`; undefined for a name this build does not know (a saved answer from another build). */
export function markerOf(name: string, text: string): MarkerValue | undefined {
  return Object.hasOwn(MARKERS, name) ? MARKERS[name as MarkerName](text) : undefined;
}
