import { expect, it } from 'vitest';
import rule from '../../rules/disallowed-unique-constraint.js';
import { lintSql, ruleTester } from '../helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, tenant int);';

ruleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
      history,
      message:
        /UNIQUE constraint `users_email_key` on `users` \(email\) builds its index while ALTER TABLE holds an ACCESS EXCLUSIVE lock/,
    },
    { name: 'unnamed, multi-column', sql: 'ALTER TABLE users ADD UNIQUE (tenant, email);', history },
    {
      name: 'table unknown to the replay counts as existing',
      sql: '\nALTER TABLE table_name ADD CONSTRAINT field_name_constraint UNIQUE (field_name);',
      line: 2,
    },
    {
      name: 'column added by an earlier migration is not new',
      sql: 'ALTER TABLE users ADD CONSTRAINT users_code_key UNIQUE (code);',
      history: [history, 'ALTER TABLE users ADD COLUMN code text;'],
    },
  ],
  valid: [
    {
      name: 'attach an index built concurrently',
      sql: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;',
      history,
    },
    {
      name: 'table created in the same file',
      sql: 'BEGIN;\nCREATE TABLE products (id bigint, sku text NOT NULL);\nALTER TABLE products ADD CONSTRAINT sku_constraint UNIQUE (sku);\nCOMMIT;',
    },
    {
      name: 'inline UNIQUE on a new column: index-same-step-as-add-column reports it',
      sql: 'ALTER TABLE users ADD COLUMN code text UNIQUE;',
      history,
    },
    {
      name: 'UNIQUE on a column added earlier in this file: index-same-step-as-add-column reports it',
      sql: 'ALTER TABLE users ADD COLUMN code text;\nALTER TABLE users ADD CONSTRAINT users_code_key UNIQUE (code);',
      history,
    },
    {
      name: 'PRIMARY KEY is adding-serial-primary-key-field',
      sql: 'ALTER TABLE users ADD PRIMARY KEY (email);',
      history,
    },
    { sql: 'ALTER TABLE users DROP CONSTRAINT users_email_key;', history },
  ],
});

it('writes the concurrent replacement with quoted names', async () => {
  const [f] = await lintSql('ALTER TABLE "Users" ADD CONSTRAINT "Users_email_key" UNIQUE ("Email");', {
    history: 'CREATE TABLE "Users" ("Email" text);',
    ruleSet: [rule],
  });
  expect(f!.help).toContain('CREATE UNIQUE INDEX CONCURRENTLY "Users_email_key_idx" ON "Users" ("Email")');
  expect(f!.help).toContain(
    'ALTER TABLE "Users" ADD CONSTRAINT "Users_email_key" UNIQUE USING INDEX "Users_email_key_idx"',
  );
  expect(f).toMatchObject({
    lock: 'AccessExclusiveLock',
    table: 'public.Users',
    data: { constraint: 'Users_email_key', columns: ['Email'], index: 'Users_email_key_idx' },
  });
});
