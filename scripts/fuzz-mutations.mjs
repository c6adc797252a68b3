// Mutations for `npm run fuzz` (scripts/fuzz.mjs): each takes the bytes of one real migration and
// returns hostile bytes. Everything random comes from the case's seeded PRNG, so a case is
// reproducible from (seed, case number) alone.
import { createRequire } from 'node:module';

const pg = createRequire(import.meta.url)('libpg-query');
export const loadParser = () => pg.loadModule();

/** mulberry32 over a string hash of the seed: small, fast, and good enough to pick mutations. */
export function prng(...parts) {
  let h = 1779033703;
  for (const ch of parts.join(':')) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
  let a = (h ^ (h >>> 16)) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  return { next, int, pick };
}

/** Function whose call must never appear as a statement of generated SQL (the injection canary). */
export const CANARY_FN = 'zd_pwned';

// Quoted identifiers and string literals that try to break out of comments, quotes and lines.
const HOSTILE = [
  `a"b`,
  `x\n;SELECT ${CANARY_FN}();--`,
  `x\r\nSELECT ${CANARY_FN}();--`,
  `*/ SELECT ${CANARY_FN}(); /*`,
  `$$; SELECT ${CANARY_FN}(); $$`,
  `-- ${CANARY_FN}`,
  `x\u2028SELECT ${CANARY_FN}();--`,
  `x\u2029y\u0085z`,
  `\u001b[2J\u001b]0;pwned\u0007x`,
  `x'; SELECT ${CANARY_FN}(); --`,
  `\\'; SELECT ${CANARY_FN}(); --`,
  `ünï çødé ✓`,
];

/**
 * Statements a pull request could sneak in; `canary` is a path that must never be created. Nothing here
 * may change a server outside the throwaway database (no ALTER SYSTEM, no CREATE ROLE): the harness
 * could not undo it on a shared server while the shadow still runs as a superuser.
 */
const HOSTILE_STATEMENTS = (t, canary) => [
  `COPY ${t.table} FROM PROGRAM 'touch ${canary}';`,
  `COPY ${t.table} TO PROGRAM 'touch ${canary}';`,
  `COPY (SELECT 1) TO '${canary}';`,
  `SELECT pg_read_file('/etc/passwd');`,
  `SELECT pg_sleep(3600);`,
  `DO $$BEGIN LOOP END LOOP; END$$;`,
  `\\! touch ${canary}`,
  `\\i /etc/passwd`,
  `CREATE EXTENSION IF NOT EXISTS plpython3u;`,
  `SET statement_timeout = 0; SET lock_timeout = 0;`,
];

const te = new TextEncoder();
const bytes = (s) => Buffer.from(te.encode(s));
const esc = (s, q) => s.split(q).join(q + q);
const ident = (s) => `"${esc(s, '"')}"`;
const literal = (s) => `'${esc(s, "'")}'`;

/** Statement spans (byte offsets) of `buf`, by the real parser; by `;` + newline when it does not parse. */
function statementSpans(buf) {
  try {
    const { stmts } = pg.parseSync(buf.toString('utf8'));
    return stmts.map((s) => {
      const start = s.stmt_location ?? 0;
      return [start, s.stmt_len ? start + s.stmt_len : buf.length];
    });
  } catch {
    const spans = [];
    let start = 0;
    const text = buf.toString('latin1'); // 1 char per byte, so indexes are byte offsets
    for (const m of text.matchAll(/;[ \t]*\r?\n/g)) {
      spans.push([start, m.index + 1]);
      start = m.index + m[0].length;
    }
    if (start < buf.length) spans.push([start, buf.length]);
    return spans;
  }
}

function tokens(buf) {
  try {
    return pg.scanSync(buf.toString('utf8')).tokens;
  } catch {
    return [];
  }
}

const insertAt = (buf, at, ins) => Buffer.concat([buf.subarray(0, at), ins, buf.subarray(at)]);

/** A byte offset at a statement boundary (so an inserted statement stays a statement). */
function boundary(rng, buf) {
  const ends = statementSpans(buf).map(([, e]) => e);
  const at = ends.length ? rng.pick([...ends, buf.length]) : buf.length;
  // after the `;` that ends the statement
  return buf[at] === 0x3b ? at + 1 : at;
}

function nested(_rng, kind, depth) {
  if (kind === 'parens') return '('.repeat(depth) + '1' + ')'.repeat(depth);
  if (kind === 'array') return 'ARRAY['.repeat(depth) + '1' + ']'.repeat(depth);
  return 'CASE WHEN true THEN '.repeat(depth) + '1' + ' ELSE 0 END'.repeat(depth);
}

/**
 * The mutations, by name. `ctx`: { rng, table: {table, column}, canary, maxBytes }.
 * Each returns the new bytes and a short note of what it did (shown with a failure).
 */
export const MUTATIONS = {
  truncate(buf, { rng }) {
    const at = rng.int(0, Math.max(0, buf.length - 1));
    return [buf.subarray(0, at), `cut at byte ${at} of ${buf.length}`];
  },
  flip(buf, { rng }) {
    const out = Buffer.from(buf);
    const n = rng.int(1, 8);
    for (let i = 0; i < n && out.length; i++) out[rng.int(0, out.length - 1)] ^= rng.int(1, 255);
    return [out, `${n} byte flips`];
  },
  shuffle(buf, { rng }) {
    const parts = statementSpans(buf).map(([s, e]) => buf.subarray(s, e));
    for (let i = parts.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [parts[i], parts[j]] = [parts[j], parts[i]];
    }
    const sep = bytes(';\n');
    return [Buffer.concat(parts.flatMap((p) => [p, sep])), `${parts.length} statements shuffled`];
  },
  nest(buf, { rng, table }) {
    const kind = rng.pick(['parens', 'array', 'case']);
    const depth = rng.int(500, 5000);
    const e = nested(rng, kind, depth);
    const type = kind === 'array' ? 'int[]' : 'int';
    const stmt = rng.pick([
      `SELECT ${e};`,
      `UPDATE ${table.table} SET ${table.column} = ${table.column} WHERE ${e} IS NOT NULL;`,
      `ALTER TABLE ${table.table} ADD COLUMN zd_nested ${type} DEFAULT ${e};`,
      `ALTER TABLE ${table.table} ADD COLUMN zd_nested ${type} NOT NULL DEFAULT ${e};`,
      `CREATE INDEX zd_nested_idx ON ${table.table} ((${e}));`,
      `ALTER TABLE ${table.table} ADD CONSTRAINT zd_nested_check CHECK (${e} IS NOT NULL);`,
    ]);
    return [insertAt(buf, boundary(rng, buf), bytes(`\n${stmt}\n`)), `${depth} nested ${kind}: ${stmt.slice(0, 60)}…`];
  },
  huge(buf, { rng, maxBytes }) {
    const target = rng.int(Math.floor(maxBytes / 4), maxBytes);
    const oneStatement = rng.next() < 0.3;
    const head = 'CREATE TABLE zd_big (id bigint PRIMARY KEY, note text, at timestamptz);\n';
    const row = (i) => `(${i}, 'row ${i} of a huge migration file ${'x'.repeat(i % 40)}', now())`;
    const parts = [head, oneStatement ? 'INSERT INTO zd_big (id, note, at) VALUES\n' : ''];
    let size = head.length;
    for (let i = 1; size < target; i++) {
      const line = oneStatement
        ? `${i > 1 ? ',\n' : ''}${row(i)}`
        : `INSERT INTO zd_big (id, note, at) VALUES ${row(i)};\n`;
      parts.push(line);
      size += line.length;
    }
    if (oneStatement) parts.push(';\n');
    const big = bytes(parts.join(''));
    return [
      Buffer.concat([buf, bytes('\n'), big]),
      `${(big.length / 1e6).toFixed(1)} MB of INSERTs${oneStatement ? ' in one statement' : ''}`,
    ];
  },
  nul(buf, { rng }) {
    const n = rng.int(1, 3);
    let out = buf;
    for (let i = 0; i < n; i++) out = insertAt(out, rng.int(0, out.length), Buffer.from([0]));
    return [out, `${n} NUL bytes`];
  },
  utf8(buf, { rng }) {
    const bad = [
      [0xff],
      [0xfe],
      [0xc3],
      [0xe2, 0x82],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0x80],
    ];
    const n = rng.int(1, 4);
    let out = buf;
    for (let i = 0; i < n; i++) out = insertAt(out, rng.int(0, out.length), Buffer.from(rng.pick(bad)));
    return [out, `${n} invalid UTF-8 sequences`];
  },
  crlf(buf, { rng }) {
    const how = rng.pick(['crlf', 'cr', 'mixed']);
    const text = buf.toString('latin1');
    const out =
      how === 'crlf'
        ? text.replace(/\r?\n/g, '\r\n')
        : how === 'cr'
          ? text.replace(/\r?\n/g, '\r')
          : text.replace(/\r?\n/g, () => rng.pick(['\n', '\r\n', '\r']));
    return [Buffer.from(out, 'latin1'), `line endings: ${how}`];
  },
  bom(buf, { rng }) {
    const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
    const inside = rng.next() < 0.3;
    const out = Buffer.concat([BOM, inside ? insertAt(buf, boundary(rng, buf), BOM) : buf]);
    return [out, inside ? 'BOM at the start and between statements' : 'BOM at the start'];
  },
  control(buf, { rng }) {
    const seqs = [
      '\u001b[2J\u001b[H',
      '\u001b[31m',
      '\u001b]0;pwned\u0007',
      '\u001b]8;;http://x\u001b\\',
      '\b\b\b',
      '\r',
      '\u0007',
      '\u009b31m',
      '\u007f',
      '\u000b\u000c',
    ];
    const toks = tokens(buf).filter((t) => /SCONST|IDENT|COMMENT/.test(t.tokenName));
    const n = rng.int(1, 4);
    let out = buf;
    const notes = [];
    for (let i = 0; i < n; i++) {
      const seq = rng.pick(seqs);
      // inside a literal, identifier or comment (what a report quotes back), else anywhere
      const t = toks.length && rng.next() < 0.7 ? rng.pick(toks) : undefined;
      const at = t ? rng.int(t.start + 1, Math.max(t.start + 1, t.end - 1)) : rng.int(0, out.length);
      if (at > out.length) continue;
      out = insertAt(out, at, bytes(seq));
      notes.push(JSON.stringify(seq));
      if (t) break; // token offsets are stale after the first insertion into a token
    }
    return [out, `control characters ${notes.join(' ')}`];
  },
  identifiers(buf, { rng, table }) {
    const h = rng.pick(HOSTILE);
    const toks = tokens(buf);
    const names = [
      ...new Set(
        toks.filter((t) => t.tokenName === 'IDENT' && !t.text.startsWith('"')).map((t) => t.text.toLowerCase()),
      ),
    ];
    const lits = toks.filter((t) => t.tokenName === 'SCONST' && t.text.startsWith("'"));
    const how = rng.pick(['rename', 'literal', 'statement']);
    if (how === 'rename' && names.length) {
      // every unquoted occurrence of one name becomes the same hostile quoted name
      const name = rng.pick(names);
      const parts = [];
      let last = 0;
      for (const t of toks)
        if (t.tokenName === 'IDENT' && t.text.toLowerCase() === name) {
          parts.push(buf.subarray(last, t.start), bytes(ident(h)));
          last = t.end;
        }
      parts.push(buf.subarray(last));
      return [Buffer.concat(parts), `identifier ${name} renamed ${JSON.stringify(ident(h))}`];
    }
    if (how === 'literal' && lits.length) {
      const t = rng.pick(lits);
      return [
        Buffer.concat([buf.subarray(0, t.start), bytes(literal(h)), buf.subarray(t.end)]),
        `literal ${t.text.slice(0, 30)} replaced by ${JSON.stringify(literal(h))}`,
      ];
    }
    // statements the planner rewrites, so the hostile name reaches generated SQL and its comments
    const T = table.table;
    const C = table.column;
    const stmt = rng.pick([
      `CREATE INDEX ${ident(h)} ON ${T} (${C});`,
      `CREATE UNIQUE INDEX ${ident(h)} ON ${T} (${C});`,
      `ALTER TABLE ${T} ADD COLUMN ${ident(h)} text NOT NULL DEFAULT ${literal(h)};`,
      `ALTER TABLE ${T} ADD COLUMN ${ident(h)} text DEFAULT md5(random()::text);`,
      `ALTER TABLE ${T} ADD CONSTRAINT ${ident(h)} CHECK (${C} IS NOT NULL);`,
      `ALTER TABLE ${T} ADD CONSTRAINT ${ident(h)} UNIQUE (${C});`,
      `ALTER TABLE ${T} ADD CONSTRAINT ${ident(h)} FOREIGN KEY (${C}) REFERENCES ${T} (${C});`,
      `ALTER TABLE ${T} ALTER COLUMN ${C} SET NOT NULL;\nCOMMENT ON TABLE ${T} IS ${literal(h)};`,
      `UPDATE ${T} SET ${C} = ${C} WHERE ${literal(h)} <> '';`,
      `ALTER TABLE ${T} RENAME COLUMN ${C} TO ${ident(h)};`,
      `CREATE TABLE ${ident(h)} (id int);\nALTER TABLE ${ident(h)} ADD COLUMN ${ident(h + '2')} int NOT NULL DEFAULT 1;`,
    ]);
    return [
      insertAt(buf, boundary(rng, buf), bytes(`\n${stmt}\n`)),
      `hostile statement ${JSON.stringify(stmt.slice(0, 80))}`,
    ];
  },
  statements(buf, { rng, table, canary }) {
    const stmt = rng.pick(HOSTILE_STATEMENTS(table, canary));
    return [insertAt(buf, boundary(rng, buf), bytes(`\n${stmt}\n`)), `hostile statement ${JSON.stringify(stmt)}`];
  },
};

/** Tables (with one column each) that `CREATE TABLE` statements in these files make. */
export function tablesOf(texts) {
  const out = [];
  for (const text of texts) {
    let stmts = [];
    try {
      stmts = pg.parseSync(text).stmts;
    } catch {
      continue;
    }
    for (const s of stmts) {
      const c = s.stmt?.CreateStmt;
      const col = c?.tableElts?.find((e) => e.ColumnDef)?.ColumnDef?.colname;
      if (c?.relation?.relname && col && !c.partbound && !c.inhRelations) {
        const q = (n) => (/^[a-z_][a-z0-9_]*$/.test(n) ? n : ident(n));
        out.push({
          table: [c.relation.schemaname, c.relation.relname].filter(Boolean).map(q).join('.'),
          column: q(col),
        });
      }
    }
  }
  return out;
}

/** Statement count of `sql` by the real parser (throws on a syntax error). */
export function countStatements(sql) {
  return sql.trim() ? pg.parseSync(sql).stmts.length : 0; // libpg-query rejects an empty string
}

/** True when a statement of `sql` calls the canary function outside quotes (an injected statement). */
export function callsCanary(sql) {
  if (!sql.trim()) return false;
  // iterative: a plan keeps a hostile statement nested thousands of levels deep as written
  const stack = [pg.parseSync(sql).stmts];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      if (node.FuncCall?.funcname?.some((n) => n.String?.sval === CANARY_FN)) return true;
      stack.push(...Object.values(node));
    }
  }
  return false;
}
