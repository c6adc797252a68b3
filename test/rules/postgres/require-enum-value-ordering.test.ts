import rule from '../../../rules/postgres/require-enum-value-ordering.js';
import { ruleTester } from '../../helpers.js';

const history = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');";

ruleTester(rule, {
  invalid: [
    { sql: "ALTER TYPE mood ADD VALUE 'ecstatic';", history, message: /appends it after 'happy' of enum `mood`/ },
    { name: 'IF NOT EXISTS for a new value', sql: "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh';", history },
    {
      name: 'enum unknown to the replay',
      sql: "ALTER TYPE app.status ADD VALUE 'archived';",
      message: /after the last value of enum `app.status`/,
    },
  ],
  valid: [
    { sql: "ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';", history },
    { sql: "ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';", history },
    { name: 'RENAME VALUE', sql: "ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';", history },
    {
      name: 'IF NOT EXISTS for a value that already exists does nothing',
      sql: "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';",
      history,
    },
    { name: 'CREATE TYPE states the order itself', sql: "CREATE TYPE size AS ENUM ('s', 'm', 'l');" },
  ],
});
