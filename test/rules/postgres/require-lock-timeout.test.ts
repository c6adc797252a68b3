import { describe, expect, it } from 'vitest';
import rule from '../../../rules/postgres/require-lock-timeout.js';
import { LintEngine } from '../../../src/engine/lint.js';
import { postgres } from '../../../src/dialects/postgres/index.js';
import { loadParser, parseMigration } from '../../../src/dialects/postgres/parse.js';
import { lintSql, migration, ruleTester } from '../../helpers.js';

const history = [
  'CREATE TABLE users (id bigint PRIMARY KEY, email text);',
  'CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id), title text);',
  'CREATE INDEX posts_title_idx ON posts (title);',
  'CREATE DOMAIN posint AS int; CREATE TABLE scores (id bigint, points posint);',
];

ruleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users ADD COLUMN bio text;',
      history,
      message: /ACCESS EXCLUSIVE lock on table `users`.*every read and write arriving/,
    },
    {
      name: 'index build blocks writes only',
      sql: 'CREATE INDEX users_email_idx ON users (email);',
      history,
      message: /a SHARE lock on table `users`.*every write \(reads continue\)/,
    },
    {
      name: 'one finding per file, on the first blocking statement',
      sql: 'SELECT 1;\nALTER TABLE users ADD COLUMN bio text;\nALTER TABLE posts DROP COLUMN title;\nCREATE INDEX ON users (email);',
      history,
      line: 2,
    },
    {
      name: 'a new table with a foreign key locks the referenced table against writes',
      sql: 'CREATE TABLE comments (id bigint PRIMARY KEY, post_id bigint REFERENCES posts (id));',
      history,
      message: /SHARE ROW EXCLUSIVE lock on table `posts` \(referenced by a foreign key\)/,
    },
    {
      name: 'DROP INDEX locks the table it belongs to',
      sql: 'DROP INDEX posts_title_idx;',
      history,
      message: /table `posts` \(index `posts_title_idx`\)/,
    },
    {
      name: 'DROP TABLE locks the tables its foreign keys reference',
      sql: 'DROP TABLE posts;',
      history,
      message: /, plus a lock on table `users` \(referenced by `posts`\), and no lock_timeout/,
    },
    { name: 'renames take ACCESS EXCLUSIVE', sql: 'ALTER TABLE users RENAME COLUMN email TO email_address;', history },
    {
      name: 'ALTER DOMAIN … ADD CONSTRAINT locks the tables using the domain',
      sql: 'ALTER DOMAIN posint ADD CONSTRAINT posint_positive CHECK (VALUE > 0);',
      history,
      message: /SHARE lock on table `scores` \(column of domain `posint`\)/,
    },
    {
      name: 'CREATE TRIGGER',
      sql: 'CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION f();',
      history,
    },
    {
      name: 'an ignore comment moves the finding to the next blocking statement',
      sql: '-- zerodown-ignore require-lock-timeout\nALTER TABLE users ADD COLUMN bio text;\nALTER TABLE posts ADD COLUMN body text;',
      history,
      line: 3,
    },
    { name: 'table unknown to the replay counts as existing', sql: 'ALTER TABLE accounts ADD COLUMN note text;' },
    {
      name: 'SET LOCAL outside a transaction does nothing',
      sql: "SET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN bio text;",
      history,
      message: /SET LOCAL lock_timeout on line 1 no longer applies/,
    },
    {
      name: 'SET LOCAL expires at COMMIT',
      sql: "BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a text;\nCOMMIT;\nALTER TABLE users ADD COLUMN b text;",
      history,
      line: 5,
    },
    {
      name: 'RESET lock_timeout turns it off again',
      sql: "SET lock_timeout = '2s';\nRESET lock_timeout;\nALTER TABLE users ADD COLUMN bio text;",
      history,
      message: /reset on line 2/,
    },
    {
      name: 'a lock_timeout set in an earlier file does not carry over',
      sql: 'TRUNCATE users;',
      history: [...history, "SET lock_timeout = '1s';"],
    },
  ],
  valid: [
    { sql: "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN bio text;", history },
    {
      name: 'SET LOCAL inside the transaction',
      sql: "BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;",
      history,
    },
    {
      name: 'SET LOCAL in a file the tool wraps in a transaction',
      sql: "SET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN bio text;",
      history,
      transaction: 'wrapped',
    },
    {
      name: 'table created in the same file',
      sql: 'CREATE TABLE tags (id bigint PRIMARY KEY, name text);\nALTER TABLE tags ADD COLUMN slug text;\nCREATE INDEX tags_name_idx ON tags (name);',
    },
    {
      name: 'new table referencing another new table',
      sql: 'CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (id bigint PRIMARY KEY, a_id bigint REFERENCES a (id));',
    },
    {
      name: 'CONCURRENTLY builds take SHARE UPDATE EXCLUSIVE, which blocks no traffic',
      sql: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nDROP INDEX CONCURRENTLY posts_title_idx;',
      history,
    },
    {
      name: 'VALIDATE CONSTRAINT and COMMENT take SHARE UPDATE EXCLUSIVE',
      sql: "ALTER TABLE posts VALIDATE CONSTRAINT posts_user_id_fkey;\nCOMMENT ON TABLE users IS 'people';",
      history,
    },
    {
      name: 'DML and new objects that lock nothing existing',
      sql: "INSERT INTO users (id) VALUES (1);\nUPDATE users SET email = 'x' WHERE id = 1;\nCREATE TYPE mood AS ENUM ('a');\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\nCREATE VIEW v AS SELECT * FROM users;",
      history,
    },
    {
      name: 'ALTER INDEX RENAME takes SHARE UPDATE EXCLUSIVE since PostgreSQL 12',
      sql: 'ALTER INDEX posts_title_idx RENAME TO posts_title_index;',
      history,
    },
    {
      name: 'explicit opt-out with lock_timeout = 0',
      sql: 'SET lock_timeout = 0;\nALTER TABLE users ADD COLUMN bio text;',
      history,
    },
    {
      name: 'ignore comment',
      sql: '-- zerodown-ignore require-lock-timeout\nALTER TABLE users ADD COLUMN bio text;',
      history,
    },
  ],
});

describe('require-lock-timeout across versions and passes', () => {
  it('ALTER INDEX RENAME blocks traffic before PostgreSQL 12', async () => {
    const f = await lintSql('ALTER INDEX posts_title_idx RENAME TO posts_title_index;', {
      history,
      pgVersion: 11,
      ruleSet: [rule],
    });
    expect(f.map((x) => x.lock)).toEqual(['AccessExclusiveLock']);
    expect(f[0]!.table).toBe('public.posts');
  });

  it('reports again when the same parsed file is linted by a second engine', async () => {
    await loadParser();
    const parsed = parseMigration(
      migration('ALTER TABLE users ADD COLUMN bio text;\nALTER TABLE users ADD COLUMN age int;'),
    );
    const lines = [1, 2].map(() =>
      new LintEngine(postgres, { ruleSet: [rule] }).processFile(parsed).findings.map((f) => f.line),
    );
    expect(lines).toEqual([[1], [1]]);
  });
});
