import rule from '../../../rules/postgres/require-statement-timeout.js';
import { ruleTester } from '../../helpers.js';

const history = [
  'CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100), age int, status text, CONSTRAINT users_age_nn CHECK (age IS NOT NULL));',
  'CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint, title text);',
  'CREATE DOMAIN posint AS int; CREATE TABLE scores (id bigint, points posint);',
];

ruleTester(rule, {
  invalid: [
    {
      sql: 'CREATE INDEX posts_user_idx ON posts (user_id);',
      history,
      message: /builds an index over every row.*SHARE lock on `posts`.*every write waits/,
    },
    {
      name: 'type change that rewrites',
      sql: 'ALTER TABLE users ALTER COLUMN age TYPE bigint;',
      history,
      message: /change the type of column age.*ACCESS EXCLUSIVE lock on `users`.*every read and write/,
    },
    {
      name: 'validated CHECK constraint scans the table',
      sql: 'ALTER TABLE posts ADD CONSTRAINT title_len CHECK (length(title) < 200);',
      history,
      message: /scans every row to validate/,
    },
    {
      name: 'foreign key without NOT VALID',
      sql: 'ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
      history,
    },
    {
      name: 'SET NOT NULL scans',
      sql: 'ALTER TABLE posts ALTER COLUMN title SET NOT NULL;',
      history,
      message: /title has no NULLs/,
    },
    {
      name: 'ADD COLUMN with a volatile default rewrites',
      sql: 'ALTER TABLE posts ADD COLUMN token uuid DEFAULT gen_random_uuid();',
      history,
      message: /volatile default/,
    },
    {
      name: 'ADD COLUMN with an inline foreign key scans (measured)',
      sql: 'ALTER TABLE posts ADD COLUMN editor_id bigint REFERENCES users (id);',
      history,
    },
    {
      name: 'any default rewrites before PostgreSQL 11',
      sql: "ALTER TABLE posts ADD COLUMN lang text DEFAULT 'en';",
      history,
      pgVersion: 10,
    },
    { name: 'UPDATE by a non-unique column', sql: "UPDATE posts SET title = '' WHERE user_id = 7;", history },
    {
      name: 'backfill UPDATE',
      sql: "UPDATE users SET status = 'active' WHERE status IS NULL;",
      history,
      message: /updates every matching row/,
    },
    {
      name: 'INSERT … SELECT into an existing table',
      sql: 'INSERT INTO posts (id, user_id) SELECT id, id FROM users;',
      history,
    },
    {
      name: 'ALTER DOMAIN scans the columns that use it',
      sql: 'ALTER DOMAIN posint ADD CONSTRAINT posint_pos CHECK (VALUE > 0);',
      history,
      message: /`scores`/,
    },
    { name: 'VACUUM FULL', sql: 'VACUUM FULL users;', history },
    {
      name: 'one finding per file, on the first long statement; earlier instant DDL does not count',
      sql: "ALTER TABLE users ADD COLUMN bio text;\nUPDATE users SET bio = '';\nCREATE INDEX ON users (bio);",
      history,
      line: 2,
    },
    {
      name: 'SET LOCAL expired at COMMIT',
      sql: "BEGIN;\nSET LOCAL statement_timeout = '1min';\nCOMMIT;\nDELETE FROM posts WHERE title IS NULL;",
      history,
      line: 4,
    },
  ],
  valid: [
    { sql: "SET statement_timeout = '5min';\nCREATE INDEX posts_user_idx ON posts (user_id);", history },
    {
      name: 'CONCURRENTLY builds must not be cut short',
      sql: 'CREATE INDEX CONCURRENTLY posts_user_idx ON posts (user_id);',
      history,
    },
    {
      name: 'VALIDATE CONSTRAINT blocks nothing and must not be cut short',
      sql: 'ALTER TABLE posts VALIDATE CONSTRAINT posts_user_fk;',
      history,
    },
    {
      name: 'NOT VALID constraints do not scan',
      sql: 'ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;',
      history,
    },
    {
      name: 'catalog-only changes',
      sql: "ALTER TABLE users ADD COLUMN bio text;\nALTER TABLE users ADD COLUMN lang text DEFAULT 'en';\nALTER TABLE users ALTER COLUMN email TYPE varchar(200);\nALTER TABLE users DROP COLUMN status;",
      history,
    },
    {
      name: 'SET NOT NULL backed by a validated IS NOT NULL check (PostgreSQL 12+)',
      sql: 'ALTER TABLE users ALTER COLUMN age SET NOT NULL;',
      history,
    },
    {
      name: 'tables created in the same file are empty',
      sql: 'CREATE TABLE tags (id bigint, name text);\nCREATE INDEX ON tags (name);\nUPDATE tags SET name = lower(name);',
    },
    {
      name: 'UPDATE/DELETE of rows picked by primary or unique key',
      sql: "UPDATE users SET status = 'x' WHERE id = 1;\nDELETE FROM posts WHERE id IN (1, 2, 3) AND title IS NULL;\nUPDATE tags SET n = 1 WHERE slug = 'a';",
      history: [
        ...history,
        'CREATE TABLE tags (id bigint, slug text, n int);\nCREATE UNIQUE INDEX tags_slug ON tags (slug);',
      ],
    },
    { name: 'INSERT … VALUES is short', sql: "INSERT INTO users (id, email) VALUES (1, 'a@b.c');", history },
    {
      name: 'explicit statement_timeout = 0 is a deliberate choice',
      sql: "SET LOCAL statement_timeout = 0;\nUPDATE users SET status = 'x';",
      history,
      transaction: 'wrapped',
    },
  ],
});
