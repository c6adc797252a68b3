import { defineRule } from '../../src/dialects/postgres/rule.js';
import { domainScan } from '../../src/dialects/postgres/rule-findings.js';

/**
 * ALTER DOMAIN … SET NOT NULL and VALIDATE CONSTRAINT scan like ADD CONSTRAINT does, under the same lock. squawk's
 * ban-alter-domain-with-add-constraint leaves them alone, so they have their own name here: a squawk config that
 * turns that rule off means the same in zerodown.
 */
export default defineRule({
  meta: {
    id: 'ban-alter-domain-validation',
    severity: 'error',
    summary:
      'ALTER DOMAIN … SET NOT NULL / VALIDATE CONSTRAINT checks every column that uses the domain while blocking writes to those tables.',
    kinds: ['AlterDomainStmt'],
  },
  check(stmt, ctx) {
    const ast = stmt.ast;
    if (ast.subtype === 'O') return domainScan(stmt, ctx, 'SET NOT NULL');
    if (ast.subtype === 'V') return domainScan(stmt, ctx, `VALIDATE CONSTRAINT ${ast.name}`);
    return undefined;
  },
});
