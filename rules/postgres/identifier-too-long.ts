import { scanSync } from '../../src/dialects/postgres/parse.js'; // zerodown's one parser instance, loaded by loadParser() (libpg-query's own loads asynchronously and may not be ready)
import { defineRule } from '../../src/dialects/postgres/rule.js';
import { names } from '../../src/dialects/postgres/util.js';

/** NAMEDATALEN - 1: the longest identifier PostgreSQL keeps, in bytes. */
const MAX_BYTES = 63;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The name PostgreSQL keeps: cut to 63 bytes at a character boundary (pg_mbcliplen). */
export function truncateIdentifier(name: string): string {
  let out = '';
  let n = 0;
  for (const ch of name) {
    const b = bytes(ch);
    if (n + b > MAX_BYTES) break;
    out += ch;
    n += b;
  }
  return out;
}

/** Names the statement defines (already truncated by the parser, as PostgreSQL stores them), with what they name. */
function definedNames(kind: string, ast: any): Map<string, string> {
  const out = new Map<string, string>();
  const def = (name: string | undefined, role: string) => {
    if (name && !out.has(name)) out.set(name, role);
  };
  const constraints = (list: any[] | undefined) => {
    for (const c of list ?? []) def(c.Constraint?.conname, 'constraint');
  };
  const column = (cd: any) => {
    if (!cd) return;
    def(cd.colname, 'column');
    constraints(cd.constraints);
  };
  const targets = (query: any) => {
    for (const t of query?.SelectStmt?.targetList ?? []) def(t.ResTarget?.name, 'column');
  };
  switch (kind) {
    case 'CreateStmt':
      def(ast.relation?.relname, 'table');
      for (const e of ast.tableElts ?? []) {
        column(e.ColumnDef);
        if (e.Constraint) constraints([e]);
      }
      break;
    case 'AlterTableStmt':
      for (const c of ast.cmds ?? []) {
        const cmd = c.AlterTableCmd;
        if (cmd?.subtype === 'AT_AddColumn') column(cmd.def?.ColumnDef);
        if (cmd?.subtype === 'AT_AddConstraint') constraints([cmd.def]);
      }
      break;
    case 'IndexStmt':
      def(ast.idxname, 'index');
      break;
    case 'RenameStmt':
      def(
        ast.newname,
        String(ast.renameType ?? 'OBJECT')
          .replace(/^OBJECT_/, '')
          .replace('TABCONSTRAINT', 'constraint')
          .replace(/_/g, ' ')
          .toLowerCase(),
      );
      break;
    case 'ViewStmt':
      def(ast.view?.relname, 'view');
      for (const a of ast.aliases ?? []) def(a.String?.sval, 'column');
      targets(ast.query);
      break;
    case 'CreateTableAsStmt':
      def(ast.into?.rel?.relname, ast.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table');
      for (const a of ast.into?.colNames ?? []) def(a.String?.sval, 'column');
      targets(ast.query);
      break;
    case 'CreateSeqStmt':
      def(ast.sequence?.relname, 'sequence');
      break;
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      def(names(ast.typeName).at(-1), 'type');
      break;
    case 'CompositeTypeStmt':
      def(ast.typevar?.relname, 'type');
      for (const c of ast.coldeflist ?? []) def(c.ColumnDef?.colname, 'attribute');
      break;
    case 'CreateDomainStmt':
      def(names(ast.domainname).at(-1), 'domain');
      constraints(ast.constraints);
      break;
    case 'AlterDomainStmt':
      if (ast.subtype === 'C') constraints([ast.def]);
      break;
    case 'CreateFunctionStmt':
      def(names(ast.funcname).at(-1), ast.is_procedure ? 'procedure' : 'function');
      break;
    case 'CreateTrigStmt':
      def(ast.trigname, 'trigger');
      break;
    case 'CreatePolicyStmt':
      def(ast.policy_name, 'policy');
      break;
    case 'CreateSchemaStmt':
      def(ast.schemaname, 'schema');
      break;
    case 'RuleStmt':
      def(ast.rulename, 'rule');
      break;
    case 'CreateStatsStmt':
      def(names(ast.defnames).at(-1), 'statistics object');
      break;
    default:
      break;
  }
  return out;
}

/** A word or quoted identifier longer than 63 bytes somewhere in the text (cheap pre-check before scanning). */
const LONG_WORD = /"(?:[^"]|"")+"|[\p{L}\p{N}_$]+/gu;
const ASCII_LONG_WORD = /[\w$]{64}/;
function mayHaveLongIdentifier(text: string): boolean {
  const n = bytes(text);
  if (n <= MAX_BYTES) return false;
  // ASCII without a quote (most statements): every match of LONG_WORD is a whole run of [\w$], so a
  // regex without Unicode classes answers the same
  if (n === text.length && !text.includes('"')) return ASCII_LONG_WORD.test(text);
  // a UTF-16 unit is at most 3 UTF-8 bytes: a match of 21 units or fewer is short
  for (const m of text.matchAll(LONG_WORD)) if (m[0].length * 3 > MAX_BYTES && bytes(m[0]) > MAX_BYTES) return true;
  return false;
}

/** Identifier tokens of the statement longer than 63 bytes, as PostgreSQL reads them (quoted: as written; unquoted: lower-cased). */
function longIdentifiers(text: string): string[] {
  const out: string[] = [];
  let tokens: { text?: string; tokenName?: string }[];
  try {
    tokens = (scanSync(text) as any).tokens ?? [];
  } catch {
    return out;
  }
  for (const t of tokens) {
    if (t.tokenName !== 'IDENT' || !t.text) continue;
    const name = t.text.startsWith('"')
      ? t.text.slice(1, -1).replace(/""/g, '"')
      : t.text.replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (bytes(name) > MAX_BYTES && !out.includes(name)) out.push(name);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'identifier-too-long',
    severity: 'warning',
    summary:
      'A name longer than 63 bytes: PostgreSQL silently truncates it, so later references by the full name break and long names can collide.',
  },
  check(stmt) {
    // the parser keeps names as PostgreSQL does, cut to 63 bytes at a character boundary: a name that was cut is at
    // least 60 bytes (63 less a character of up to 4), so a statement that defines none that long has no finding
    // (most statements define no name at all), whatever its text holds
    const defined = definedNames(stmt.kind, stmt.ast);
    if (![...defined.keys()].some((name) => name.length * 3 >= MAX_BYTES - 3 && bytes(name) >= MAX_BYTES - 3)) return;
    if (!mayHaveLongIdentifier(stmt.text)) return;
    const long = longIdentifiers(stmt.text);
    if (!long.length) return;
    const issues = [];
    for (const name of long) {
      const kept = truncateIdentifier(name);
      const role = defined.get(kept);
      if (!role) continue; // only where the name is created: a reference is truncated the same way and still matches
      issues.push({
        message:
          `The ${role} name \`${name}\` is ${bytes(name)} bytes; PostgreSQL silently truncates identifiers to 63 bytes and creates it as \`${kept}\`. ` +
          'Code or later migrations that compare the full name (ORMs, schema diff tools, pg_catalog queries) will not find it, and another long name sharing those first 63 bytes collides with it.',
        help: `Choose a name of at most 63 bytes for this ${role}.`,
        data: { name, truncated: kept, bytes: bytes(name), role },
      });
    }
    return issues;
  },
});
