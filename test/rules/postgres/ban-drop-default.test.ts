import rule from '../../../rules/postgres/ban-drop-default.js';
import { ruleTester } from '../../helpers.js';

const history =
  "CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'new', note text DEFAULT '', plain text);";

ruleTester(rule, {
  invalid: [
    {
      name: 'NOT NULL column: inserts fail',
      sql: 'ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;',
      history,
      message: /which is NOT NULL, makes every INSERT that leaves the column out fail/,
    },
    {
      name: 'nullable column: NULLs instead (a warning)',
      sql: 'ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;',
      history,
      message: /store NULL instead/,
    },
    { name: 'unknown table', sql: 'ALTER TABLE invoices ALTER COLUMN state DROP DEFAULT;' },
    {
      name: 'a default the history set later',
      sql: 'ALTER TABLE orders ALTER COLUMN plain DROP DEFAULT;',
      history: [history, "ALTER TABLE orders ALTER COLUMN plain SET DEFAULT 'x';"],
    },
  ],
  valid: [
    { name: 'the column has no default: a no-op', sql: 'ALTER TABLE orders ALTER COLUMN plain DROP DEFAULT;', history },
    {
      name: 'column added in the same file',
      sql: "ALTER TABLE orders ADD COLUMN tag text DEFAULT 'a';\nALTER TABLE orders ALTER COLUMN tag DROP DEFAULT;",
      history,
    },
    {
      name: 'column added earlier in this release',
      sql: 'ALTER TABLE orders ALTER COLUMN tag DROP DEFAULT;',
      history,
      release: "ALTER TABLE orders ADD COLUMN tag text DEFAULT 'a';",
    },
    {
      name: 'table created in the same file',
      sql: "CREATE TABLE t (a text DEFAULT 'x');\nALTER TABLE t ALTER COLUMN a DROP DEFAULT;",
    },
    { name: 'SET DEFAULT', sql: "ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'x';", history },
    { name: 'DROP NOT NULL is another rule', sql: 'ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;', history },
  ],
});
