import { defineRule } from '../../src/dialects/postgres/rule.js';
import { domainScan } from '../../src/dialects/postgres/rule-findings.js';

export default defineRule({
  meta: {
    id: 'ban-alter-domain-with-add-constraint',
    severity: 'error',
    summary:
      'ALTER DOMAIN … ADD CONSTRAINT checks every column that uses the domain while blocking writes to those tables.',
    kinds: ['AlterDomainStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    const con = ast.def?.Constraint;
    // SET NOT NULL and VALIDATE CONSTRAINT are ban-alter-domain-validation's (squawk's rule of this name leaves them alone)
    if (ast.subtype !== 'C' || !con) return;
    // NOT VALID only checks new values: no scan, no lock on the tables
    if (con.skip_validation) return;
    return domainScan(
      stmt,
      ctx,
      con.contype === 'CONSTR_NOTNULL' ? 'ADD NOT NULL' : `ADD CONSTRAINT${con.conname ? ` ${con.conname}` : ''}`,
    );
  },
});
