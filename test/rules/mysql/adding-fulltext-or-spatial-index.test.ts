import rule from '../../../rules/mysql/adding-fulltext-or-spatial-index.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE users ADD FULLTEXT INDEX ft_bio (bio);',
      history,
      message: /FULLTEXT index `ft_bio` on `bio` of `users`.*LOCK=SHARED.*first FULLTEXT index.*INSTANT/,
    },
    {
      name: 'CREATE FULLTEXT INDEX',
      sql: 'CREATE FULLTEXT INDEX ft_bio ON users (bio);',
      history,
    },
    {
      name: 'not the first FULLTEXT index: no rebuild said',
      sql: 'ALTER TABLE users ADD FULLTEXT INDEX ft_name (name);',
      history: [history, 'ALTER TABLE users ADD FULLTEXT INDEX ft_bio (bio);'],
      message: /^(?![\s\S]*first FULLTEXT)/,
    },
    {
      name: 'SPATIAL',
      sql: 'ALTER TABLE places ADD SPATIAL INDEX sp_loc (loc);',
      history: 'CREATE TABLE places (id INT PRIMARY KEY, loc POINT NOT NULL SRID 4326);',
      message: /SPATIAL index/,
    },
    { name: 'MariaDB', sql: 'ALTER TABLE users ADD FULLTEXT (bio);', history, flavor: 'mariadb' },
  ],
  valid: [
    { name: 'an ordinary index', sql: 'ALTER TABLE users ADD INDEX idx_name (name);', history },
    { name: 'table created in this file', sql: 'CREATE TABLE t (b TEXT);\nALTER TABLE t ADD FULLTEXT INDEX ft (b);' },
  ],
});
