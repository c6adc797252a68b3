import { defineRule } from '../../src/dialects/postgres/rule.js';
import { names } from '../../src/dialects/postgres/util.js';

export default defineRule({
  meta: {
    id: 'ban-create-domain-with-constraint',
    severity: 'warning',
    summary:
      'CREATE DOMAIN with a CHECK or NOT NULL constraint: domain constraints cannot be changed later without blocking writes to every table that uses the domain.',
    kinds: ['CreateDomainStmt'],
  },
  check(stmt) {
    const cons = (stmt.ast.constraints ?? []).map((c: any) => c.Constraint).filter(Boolean);
    const check = cons.some((c: any) => c.contype === 'CONSTR_CHECK');
    const notNull = cons.some((c: any) => c.contype === 'CONSTR_NOTNULL');
    if (!check && !notNull) return;
    const domain = names(stmt.ast.domainname).join('.');
    const kinds = [check && 'CHECK', notNull && 'NOT NULL'].filter(Boolean).join(' and ');
    return {
      message:
        `Domain \`${domain}\` carries a ${kinds} constraint. Changing it later means ALTER DOMAIN, which re-checks every column using the domain under a SHARE lock that blocks writes to all those tables (there is no online NOT VALID → VALIDATE path for domains), ` +
        `and converting an existing column to \`${domain}\` rewrites the whole table under an ACCESS EXCLUSIVE lock${notNull ? '; a NOT NULL domain is also not enforced everywhere (e.g. outer joins and composite fields can still produce NULLs)' : ''}.`,
      help: 'Create the domain without constraints (or use the base type) and put CHECK / NOT NULL on the table columns, where they can be added NOT VALID and validated online.',
      data: { domain, check, notNull },
    };
  },
});
