import rule from '../../../rules/postgres/ban-create-domain-with-constraint.js';
import { ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    {
      sql: 'CREATE DOMAIN posint AS numeric(15, 5) CHECK (VALUE > 0);',
      message: /`posint` carries a CHECK constraint/,
    },
    {
      name: 'NOT NULL',
      sql: 'CREATE DOMAIN app.id AS bigint NOT NULL;',
      message: /NOT NULL constraint.*not enforced everywhere/,
    },
    {
      name: 'several constraints: one finding',
      sql: 'CREATE DOMAIN d AS int NOT NULL CONSTRAINT d_pos CHECK (VALUE > 0) CHECK (VALUE < 100);',
      message: /CHECK and NOT NULL/,
    },
  ],
  valid: [
    'CREATE DOMAIN email AS text;',
    { name: 'a default is not a constraint', sql: "CREATE DOMAIN label AS varchar(100) DEFAULT 'none';" },
    { name: 'explicit NULL is not a constraint', sql: 'CREATE DOMAIN maybe_int AS int NULL;' },
    { name: 'collation only', sql: 'CREATE DOMAIN ci AS text COLLATE "C";' },
  ],
});
