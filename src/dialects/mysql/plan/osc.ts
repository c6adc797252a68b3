/**
 * gh-ost and pt-online-schema-change commands for a change the server can only make by copying the
 * table (ALGORITHM=COPY, or INPLACE only with LOCK=SHARED): both tools copy into a shadow table
 * while reads and writes go on, then swap the tables in a short cut-over.
 *
 * Flags and preconditions, from the tools' own documentation:
 * - gh-ost, doc/command-line-flags.md and doc/requirements-and-limitations.md: no `--execute` is a
 *   no-op rehearsal; `--max-load`/`--critical-load` on status variables; `--max-lag-millis`;
 *   `--cut-over-lock-timeout-seconds` (default 3); `--postpone-cut-over-flag-file`; it needs ROW
 *   binlogs with a FULL row image, refuses foreign keys (either side) and triggers, and needs a
 *   PRIMARY or UNIQUE key without NULLs shared by the old and the new table.
 * - pt-online-schema-change (Percona Toolkit manual): `--dry-run` / `--execute`; `--chunk-size`
 *   (default 1000); `--max-load` (default Threads_running=25) and `--critical-load` (default
 *   Threads_running=50); `--max-lag` (default 1s); `--alter-foreign-keys-method` when foreign keys
 *   point at the table; `--preserve-triggers` when the table has triggers; it refuses to add a
 *   UNIQUE index (`--check-unique-key-change`) because its INSERT IGNORE copy would silently drop
 *   duplicate rows; it needs a PRIMARY or UNIQUE key for its DELETE trigger.
 * Both copy rows with INSERT IGNORE, so a new UNIQUE index loses duplicates silently either way.
 */
import type { ForeignKeyDef, MyTable, TableName } from '../ast.js';
import type { ToolCommand } from '../../../plan/types.js';
import { commandLine, flag, shellQuote } from './shell.js';

/** What the commands are written from: the table, the ALTER's clauses, and the catalog's facts about it. */
export interface OscInput {
  table: TableName;
  /** the ALTER's clauses after the table name, without ALGORITHM/LOCK (`AlterTableAst.body`) */
  body: string;
  /** the table as the replayed catalog knows it (undefined: unknown, so its preconditions are "check") */
  catalogTable?: MyTable;
  /** foreign keys of other tables that point at this one */
  referencedBy: { table: TableName; fk: ForeignKeyDef }[];
  /** the change adds a UNIQUE or PRIMARY key */
  addsUnique: boolean;
  /** the change adds a foreign key */
  addsForeignKey?: boolean;
  /** rows per copy chunk */
  chunkSize: number;
  /** how long the cut-over may wait for its table lock, seconds */
  lockWaitSeconds: number;
}

type Precondition = ToolCommand['preconditions'][number];

// connection settings come from the environment, never from the migration; the password is asked for
const CONNECT = ['--host="$MYSQL_HOST"', `--port="\${MYSQL_PORT:-3306}"`, '--user="$MYSQL_USER"', '--ask-pass'];

const BINLOG_CHECK =
  'needs ROW binary logs with a FULL row image on the server it reads (SELECT @@global.binlog_format, @@global.binlog_row_image; must say ROW, FULL)';

/** A PRIMARY or UNIQUE key whose columns are all NOT NULL, by name; undefined when there is none. */
export function nonNullUniqueKey(t: MyTable): string | undefined {
  for (const ix of t.indexes) {
    if (ix.kind !== 'primary' && ix.kind !== 'unique') continue;
    const cols = ix.columns.map((c) => t.columns.find((x) => x.name.toLowerCase() === c.name.toLowerCase()));
    if (ix.columns.every((c) => !c.expression) && cols.every((c) => c && (!c.nullable || ix.kind === 'primary')))
      return ix.name;
  }
  return undefined;
}

const nameOf = (t: TableName) => (t.schema ? `${t.schema}.${t.name}` : t.name);

/** A file name for gh-ost's postpone flag, from safe characters only (the table name is input). */
function flagFile(t: TableName): string {
  const safe = nameOf(t)
    .replace(/[^A-Za-z0-9_]/g, '_')
    .slice(0, 60);
  return `/tmp/gh-ost.${safe}.postpone`;
}

/** The gh-ost command pair and its preconditions. */
export function ghostCommand(inp: OscInput): ToolCommand {
  const t = inp.catalogTable;
  const pre: Precondition[] = [];
  if (t) {
    pre.push(
      t.foreignKeys.length
        ? {
            met: false,
            text: `gh-ost refuses tables with foreign keys: ${nameOf(inp.table)} has ${t.foreignKeys.length}`,
          }
        : { met: true, text: 'no foreign keys on the table' },
    );
    pre.push(
      t.triggers.length
        ? {
            met: false,
            text: `gh-ost refuses tables with triggers (${t.triggers.join(', ')}); recent releases can carry them with --include-triggers`,
          }
        : { met: true, text: 'no triggers on the table' },
    );
    const key = nonNullUniqueKey(t);
    pre.push(
      key
        ? { met: true, text: `copies by the NOT NULL unique key ${key}` }
        : { met: false, text: 'gh-ost needs a PRIMARY or UNIQUE key with no NULL columns; the table has none' },
    );
  } else {
    pre.push({
      met: null,
      text: 'the table is not in the replayed migrations: check it has no foreign keys or triggers and has a PRIMARY or NOT NULL UNIQUE key',
    });
  }
  if (inp.referencedBy.length)
    pre.push({
      met: false,
      text: `gh-ost refuses tables that foreign keys point at: ${inp.referencedBy.map((r) => nameOf(r.table)).join(', ')}`,
    });
  pre.push({ met: null, text: BINLOG_CHECK });
  pre.push({
    met: null,
    text: 'connects to a replica and finds the primary by default; add --allow-on-master to run it against the primary directly',
  });
  if (inp.addsForeignKey)
    pre.push({
      met: false,
      text: 'the change adds a foreign key, and gh-ost does not support foreign keys: its ghost table would be swapped in without it',
    });
  if (inp.addsUnique)
    pre.push({
      met: null,
      text: 'the change adds a UNIQUE key and gh-ost copies rows with INSERT IGNORE: duplicate rows would be dropped silently. Run the pre-flight query first; it must return no rows',
    });
  const words = [
    'gh-ost',
    ...CONNECT,
    inp.table.schema ? flag('database', inp.table.schema) : '--database="$MYSQL_DATABASE"',
    flag('table', inp.table.name),
    flag('alter', inp.body),
    flag('chunk-size', inp.chunkSize),
    flag('max-load', 'Threads_running=25'),
    flag('critical-load', 'Threads_running=100'),
    flag('critical-load-interval-millis', 2000),
    flag('max-lag-millis', 1500),
    flag('cut-over', 'default'),
    flag('cut-over-lock-timeout-seconds', Math.max(1, inp.lockWaitSeconds)),
    flag('postpone-cut-over-flag-file', flagFile(inp.table)),
    '--exact-rowcount',
    '--concurrent-rowcount',
    '--verbose',
  ];
  return {
    tool: 'gh-ost',
    dryRun: commandLine(words),
    command: commandLine([...words, '--execute']),
    preconditions: pre,
  };
}

/** The pt-online-schema-change command pair and its preconditions. */
export function ptOscCommand(inp: OscInput): ToolCommand {
  const t = inp.catalogTable;
  const pre: Precondition[] = [];
  const extra: string[] = [];
  if (t) {
    const hasKey = t.indexes.some((i) => i.kind === 'primary' || i.kind === 'unique');
    pre.push(
      hasKey
        ? { met: true, text: 'has a PRIMARY or UNIQUE key (its DELETE trigger needs one)' }
        : { met: false, text: 'pt-osc needs a PRIMARY or UNIQUE key on the table; it has none' },
    );
    if (t.triggers.length) {
      extra.push('--preserve-triggers');
      pre.push({
        met: true,
        text: `the table has triggers (${t.triggers.join(', ')}): --preserve-triggers copies them to the new table`,
      });
    }
  } else {
    pre.push({
      met: null,
      text: 'the table is not in the replayed migrations: check it has a PRIMARY or UNIQUE key, and add --preserve-triggers if it has triggers',
    });
  }
  if (inp.referencedBy.length) {
    extra.push('--alter-foreign-keys-method=rebuild_constraints');
    pre.push({
      met: true,
      text: `foreign keys point at the table from ${inp.referencedBy.map((r) => nameOf(r.table)).join(', ')}: --alter-foreign-keys-method=rebuild_constraints re-points them with an ALTER of each child table after the swap (a large child table makes that ALTER long)`,
    });
  }
  if (inp.addsForeignKey)
    pre.push({
      met: null,
      text: 'the change adds a foreign key: pt-osc creates it on the new table under a name with a leading underscore (`_name`), so later migrations that drop it by name must use that name',
    });
  if (/[,=]/.test(inp.table.name) || /[,=]/.test(inp.table.schema ?? ''))
    pre.push({
      met: false,
      text: "pt-osc takes the table in a DSN (D=…,t=…), which cannot hold a name with ',' or '='",
    });
  if (inp.addsUnique)
    pre.push({
      met: false,
      text: 'the change adds a UNIQUE key: pt-osc refuses it (--check-unique-key-change) because its INSERT IGNORE copy drops duplicate rows silently. Run the pre-flight query; only when it returns no rows, add --no-check-unique-key-change',
    });
  const words = [
    'pt-online-schema-change',
    ...CONNECT,
    flag('alter', inp.body),
    flag('chunk-size', inp.chunkSize),
    flag('max-load', 'Threads_running=25'),
    flag('critical-load', 'Threads_running=50'),
    flag('max-lag', 1),
    ...extra,
  ];
  const dsn = inp.table.schema
    ? shellQuote(`D=${inp.table.schema},t=${inp.table.name}`)
    : `D="$MYSQL_DATABASE",${shellQuote(`t=${inp.table.name}`)}`;
  return {
    tool: 'pt-online-schema-change',
    dryRun: commandLine([...words, '--dry-run', dsn]),
    command: commandLine([...words, '--execute', dsn]),
    preconditions: pre,
  };
}

/** Both tools' commands for one COPY-only ALTER. */
export function oscCommands(inp: OscInput): ToolCommand[] {
  return [ghostCommand(inp), ptOscCommand(inp)];
}
