/**
 * `--format sarif`: SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`)
 * and any other SARIF viewer. Validated against the official schema in test/report/sarif.test.ts.
 *
 * Paths relative to the working directory become relative URIs against `%SRCROOT%` (what code
 * scanning expects: paths from the repository root); absolute paths become `file://` URIs.
 * Columns are UTF-16 code units, SARIF's default `columnKind`; `endColumn` is exclusive.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Dialect } from '../dialect.js';
import type { FileResult, LintResult } from '../model.js';
import { VERSION } from '../version.js';
import { dialectFor } from '../dialects/index.js';
import { sizeLines } from './estimate.js';
import { jsonArrayWriter } from './json-array.js';

export const DOCS_BASE = 'https://github.com/zerodown/zerodown/blob/main/docs/rules/';
export const SRCROOT = '%SRCROOT%';

/** The documentation page of a rule (`docs/rules/<id>.md`), as SARIF, code scanning and the editor (`zerodown lsp`) link it. */
export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${encodeURIComponent(id)}.md`;
}

export interface SarifOptions {
  /** directory the relative paths are relative to (default: process.cwd()) */
  cwd?: string;
}

const SYNTAX_ERROR: ReportingDescriptor = {
  id: 'syntax-error',
  name: 'SyntaxError',
  shortDescription: { text: 'The migration file does not parse as PostgreSQL.' },
  fullDescription: {
    text: "PostgreSQL's own parser (libpg-query) rejected the file at this position (nothing else in the file is checked until it parses), or the file holds bytes PostgreSQL rejects: a NUL, invalid UTF-8, or no text at all (the statements around them are still checked; the file is never run on the shadow).",
  },
  help: { text: 'Fix the SQL at the reported position.' },
  defaultConfiguration: { level: 'error' },
  properties: { tags: ['postgresql', 'migration'] },
};

const DRY_RUN_ERROR: ReportingDescriptor = {
  id: 'dry-run-error',
  name: 'DryRunError',
  shortDescription: { text: 'The statement failed on the shadow database, so it would fail in production too.' },
  fullDescription: {
    text: 'With --dry-run, zerodown runs the migration on a throwaway PostgreSQL built from the earlier migrations and seeded with rows; this statement raised an error there (SQLSTATE and message in the result).',
  },
  help: { text: 'Fix the statement so that it runs on the current schema and data.' },
  defaultConfiguration: { level: 'error' },
  properties: { tags: ['postgresql', 'migration', 'dry-run'] },
};

/** The tag code scanning files a dialect's results under (`postgresql`, `mysql`, `mariadb`). */
const dialectTag = (d: Dialect) => (d.id === 'postgres' ? 'postgresql' : d.id);

/**
 * The two descriptors of findings no rule gives, in the words of `d`: MySQL and MariaDB are read statement by
 * statement (src/dialects/mysql/parse.ts), and their dry run needs a server of theirs.
 */
function builtinDescriptors(d: Dialect): ReportingDescriptor[] {
  if (d.id === 'postgres') return [SYNTAX_ERROR, DRY_RUN_ERROR];
  const tag = dialectTag(d);
  return [
    {
      ...SYNTAX_ERROR,
      shortDescription: { text: `A statement of the migration file does not parse as ${d.name}.` },
      fullDescription: {
        text: `zerodown could not read this statement as ${d.name}, so no rule checked it (the statements around it still are; one it cannot read that changes the schema is an error, as it may lock or rewrite a table), or the file holds bytes ${d.name} rejects: a NUL, invalid UTF-8, or no text at all.`,
      },
      properties: { tags: [tag, 'migration'] },
    },
    {
      ...DRY_RUN_ERROR,
      fullDescription: {
        text: `With --dry-run and a ${d.name} server's URL, zerodown runs the migration in a throwaway database on that server, built from the earlier migrations and seeded with rows; this statement raised an error there (error code and message in the result).`,
      },
      properties: { tags: [tag, 'migration', 'dry-run'] },
    },
  ];
}

/** `ban-drop-column` → `BanDropColumn` (SARIF `name` is meant to be a readable identifier). */
function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, ch: string) => ch.toUpperCase());
}

function descriptors(dialect: string | undefined): ReportingDescriptor[] {
  const d = dialectFor(dialect);
  const tag = dialectTag(d);
  const list: ReportingDescriptor[] = d.rules.map((r) => ({
    id: r.meta.id,
    name: pascal(r.meta.id),
    shortDescription: { text: r.meta.summary },
    help: {
      text: `${r.meta.summary} See ${ruleDocUrl(r.meta.id)}`,
      markdown: `${r.meta.summary} [Documentation](${ruleDocUrl(r.meta.id)})`,
    },
    helpUri: ruleDocUrl(r.meta.id),
    // an opt-in rule is off unless the config names it (SARIF: `enabled: false`)
    defaultConfiguration: r.meta.optIn ? { level: r.meta.severity, enabled: false } : { level: r.meta.severity },
    properties: { tags: [tag, 'migration'] },
  }));
  list.push(...builtinDescriptors(d));
  return list;
}

/** Percent-encodes each path segment of a relative path (spaces, `#`, `%`, non-ASCII…). */
function relativeUri(p: string): string {
  return p
    .split(/[\\/]/)
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

export function artifactUri(p: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(p)) return { uri: pathToFileURL(p).href };
  return { uri: relativeUri(p), uriBaseId: SRCROOT };
}

/** The SARIF results of one file's findings (`index`: each rule descriptor's place in the run's list). */
function fileResults(file: FileResult, index: ReadonlyMap<string, number>): Result[] {
  const results: Result[] = [];
  for (const f of file.findings) {
    const r: Result = {
      ruleId: f.rule,
      level: f.severity,
      message: { text: [`${f.message} Fix: ${f.help}`, ...sizeLines(f)].join(' ') },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactUri(f.path),
            region: {
              startLine: f.line,
              startColumn: f.column,
              endLine: f.endLine,
              endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column + 1 : 1),
            },
          },
        },
      ],
    };
    const i = index.get(f.rule);
    if (i !== undefined) r.ruleIndex = i;
    const props: Record<string, unknown> = {};
    if (f.lock) props.lock = f.lock;
    if (f.estimate) props.estimate = f.estimate;
    if (f.table) props.table = f.table;
    if (f.confirmed !== undefined) props.confirmedByDryRun = f.confirmed;
    if (Object.keys(props).length) r.properties = props;
    results.push(r);
  }
  return results;
}

/** The log around the results, listing `rules` (`descriptors` of the first file's dialect). */
function sarifLog(rules: ReportingDescriptor[], results: Result[], version: string, opts: SarifOptions): Log {
  const root = pathToFileURL(opts.cwd ?? process.cwd()).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'zerodown',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/zerodown/zerodown',
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
        invocations: [{ executionSuccessful: true }],
        columnKind: 'utf16CodeUnits',
        // the last key: the streamed report (`sarifParts`) writes the log up to here, then the results as they come
        results,
      },
    ],
  };
}

/** The rules of `dialect` (PostgreSQL's when there is no file to name one), and each one's place in that list. */
function rulesOf(dialect: string | undefined): { rules: ReportingDescriptor[]; index: ReadonlyMap<string, number> } {
  const rules = descriptors(dialect);
  return { rules, index: new Map(rules.map((d, i) => [d.id, i])) };
}

export function toSarif(result: LintResult, version = VERSION, opts: SarifOptions = {}): Log {
  const { rules, index } = rulesOf(result.files[0]?.migration.dialect);
  return sarifLog(
    rules,
    result.files.flatMap((f) => fileResults(f, index)),
    version,
    opts,
  );
}

export function formatSarif(result: LintResult, version?: string): string {
  return JSON.stringify(toSarif(result, version), null, 2) + '\n';
}

/**
 * `formatSarif`'s bytes a file at a time (src/report/stream.ts): the log up to its results comes with the first file
 * (whose dialect names the rules), each finding as its file comes, and the rest of the log at the end.
 */
export function sarifParts(
  version = VERSION,
  opts: SarifOptions = {},
): {
  head(): string;
  file(f: FileResult): string;
  end(): string;
} {
  // the log with no result, cut where the results go: `… "results": [` | `]\n    }\n  ]\n}`
  let tail: string | undefined;
  let index: ReadonlyMap<string, number> = new Map();
  // `results` sits three levels in: log, runs, run
  const results = jsonArrayWriter(2, 3);
  const open = (dialect: string | undefined) => {
    const named = rulesOf(dialect);
    const text = JSON.stringify(sarifLog(named.rules, [], version, opts), null, 2);
    const at = text.lastIndexOf('"results": []') + '"results": ['.length;
    tail = text.slice(at);
    index = named.index;
    return text.slice(0, at);
  };
  return {
    head: () => '',
    file(f) {
      let out = tail === undefined ? open(f.migration.dialect) : '';
      for (const r of fileResults(f, index)) out += results.element(r);
      return out;
    },
    end() {
      const head = tail === undefined ? open(undefined) : '';
      return `${head}${results.close()}${tail}\n`;
    },
  };
}
