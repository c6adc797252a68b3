import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/adding-serial-primary-key-field.js';
import { lintSql, ruleTester } from '../../helpers.js';

const history = 'CREATE TABLE items (id bigint, code text NOT NULL);';

ruleTester(rule, {
  invalid: [
    {
      name: 'inline PRIMARY KEY on a new column (index-same-step-as-add-column reports the timing too)',
      sql: 'ALTER TABLE items ADD COLUMN n bigserial PRIMARY KEY;',
      history,
      message:
        /Adding PRIMARY KEY on `items` \(n\) builds its unique index while ALTER TABLE holds an ACCESS EXCLUSIVE lock/,
    },
    {
      sql: 'ALTER TABLE items ADD PRIMARY KEY (id);',
      history,
      message:
        /PRIMARY KEY on `items` \(id\) builds its unique index, after scanning the whole table to check `id` for NULLs while ALTER TABLE holds an ACCESS EXCLUSIVE lock/,
    },
    {
      name: 'NOT NULL column: the index build alone',
      sql: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY (code);',
      history,
      message: /builds its unique index while/,
    },
    { name: 'table unknown to the replay', sql: 'ALTER TABLE a ADD PRIMARY KEY (b);' },
    {
      name: 'USING INDEX on a nullable column must SET NOT NULL (full scan)',
      sql: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_id_idx;',
      history: [history, 'CREATE UNIQUE INDEX items_id_idx ON items (id);'],
      message: /must first SET NOT NULL on `id`/,
    },
  ],
  valid: [
    {
      name: 'USING INDEX on NOT NULL columns',
      sql: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_code_idx;',
      history: [history, 'CREATE UNIQUE INDEX items_code_idx ON items (code);'],
    },
    {
      name: 'USING INDEX with a validated CHECK (id IS NOT NULL)',
      sql: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_id_idx;',
      history: [
        history,
        'CREATE UNIQUE INDEX items_id_idx ON items (id);',
        'ALTER TABLE items ADD CONSTRAINT id_nn CHECK (id IS NOT NULL);',
      ],
    },
    {
      name: 'USING INDEX of an index the replay does not know',
      sql: 'ALTER TABLE items ADD CONSTRAINT items_pk PRIMARY KEY USING INDEX items_pk;',
    },
    { name: 'table created in the same file', sql: 'CREATE TABLE t (id int);\nALTER TABLE t ADD PRIMARY KEY (id);' },
    {
      name: 'inline PRIMARY KEY on a table created in the same file',
      sql: 'CREATE TABLE t (x int);\nALTER TABLE t ADD COLUMN n bigserial PRIMARY KEY;',
    },
    { name: 'UNIQUE is disallowed-unique-constraint', sql: 'ALTER TABLE items ADD UNIQUE (id);', history },
  ],
});

it('plans CREATE UNIQUE INDEX CONCURRENTLY + USING INDEX with quoted names', async () => {
  const [f] = await lintSql('ALTER TABLE "Items" ADD PRIMARY KEY ("Id");', {
    history: 'CREATE TABLE "Items" ("Id" bigint NOT NULL);',
    ruleSet: [rule],
  });
  expect(f!.help).toContain('CREATE UNIQUE INDEX CONCURRENTLY "Items_pkey_idx" ON "Items" ("Id")');
  expect(f!.help).toContain('ALTER TABLE "Items" ADD CONSTRAINT "Items_pkey" PRIMARY KEY USING INDEX "Items_pkey_idx"');
  expect(f).toMatchObject({
    lock: 'AccessExclusiveLock',
    table: 'public.Items',
    data: { columns: ['Id'], nullable: [] },
  });
});
