import { defineRule } from '../../src/dialects/postgres/rule.js';
import { tablesUsingType } from '../../src/dialects/postgres/locks.js';
import { displayTable, names } from '../../src/dialects/postgres/util.js';
import { DEFAULT_SCHEMA } from '../../src/dialects/postgres/catalog.js';

export default defineRule({
  meta: {
    id: 'ban-alter-domain-with-add-constraint',
    severity: 'error',
    summary:
      'ALTER DOMAIN … ADD CONSTRAINT / SET NOT NULL / VALIDATE CONSTRAINT checks every column that uses the domain while blocking writes to those tables.',
    kinds: ['AlterDomainStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    const con = ast.def?.Constraint;
    let what: string;
    if (ast.subtype === 'C' && con) {
      // NOT VALID only checks new values: no scan, no lock on the tables
      if (con.skip_validation) return;
      what =
        con.contype === 'CONSTR_NOTNULL' ? 'ADD NOT NULL' : `ADD CONSTRAINT${con.conname ? ` ${con.conname}` : ''}`;
    } else if (ast.subtype === 'O') {
      what = 'SET NOT NULL';
    } else if (ast.subtype === 'V') {
      what = `VALIDATE CONSTRAINT ${ast.name}`;
    } else {
      return;
    }
    const n = names(ast.typeName);
    const domain = n.join('.');
    const key = n.length > 1 ? `${n[n.length - 2]}.${n[n.length - 1]}` : `${DEFAULT_SCHEMA}.${n[0]}`;
    // a domain created earlier in this file has no rows behind it yet
    for (const s of ctx.statements.slice(0, stmt.index)) {
      if (s.kind === 'CreateDomainStmt') {
        const d = names(s.ast.domainname);
        const k = d.length > 1 ? `${d[d.length - 2]}.${d[d.length - 1]}` : `${DEFAULT_SCHEMA}.${d[0]}`;
        if (k === key) return;
      }
    }
    const tables = tablesUsingType(ctx.catalog, key).filter((t) => !ctx.isNewTable(t));
    // the replay knows the domain and no existing table uses it: nothing to scan
    if (ctx.catalog.domains.has(key) && !tables.length) return;
    const on = tables.length
      ? tables.map((t) => `\`${displayTable(t)}\``).join(', ')
      : 'every table with a column of this domain';
    return {
      message:
        `ALTER DOMAIN \`${domain}\` ${what} checks every existing value of the domain, holding a SHARE lock on ${on} for the whole scan: ` +
        'every INSERT, UPDATE and DELETE on those tables waits until it finishes. Unlike a table constraint, a domain constraint has no online path: VALIDATE CONSTRAINT on a domain takes the same lock.',
      help: 'Use a CHECK constraint on each table column instead: ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT (which blocks no traffic).',
      lock: 'ShareLock',
      table: tables[0],
      data: { domain, tables },
    };
  },
});
