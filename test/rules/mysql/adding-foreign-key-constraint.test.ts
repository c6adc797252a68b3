/** MariaDB: COPY with foreign_key_checks=1, INSTANT with 0 (measured); MySQL 15.12.1 "Foreign Key Operations". */
import rule from '../../../rules/mysql/adding-foreign-key-constraint.js';
import { onlineRuleTester } from './online-tester.js';

onlineRuleTester(rule, {
  invalid: [
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id);',
      message: /foreign_key_checks=1 needs ALGORITHM=COPY/,
    },
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id);',
      flavor: 'mariadb',
    },
    { sql: 'ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;', version: '5.7' },
    {
      name: 'checks turned back on before the ALTER',
      sql: 'SET foreign_key_checks = 0;\nSET foreign_key_checks = 1;\nALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id);',
    },
  ],
  valid: [
    'SET foreign_key_checks = 0;\nALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id);',
    {
      sql: 'SET SESSION FOREIGN_KEY_CHECKS = OFF;\nALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id);',
      flavor: 'mariadb',
    },
    'CREATE TABLE items (id INT PRIMARY KEY, order_id BIGINT, FOREIGN KEY (order_id) REFERENCES orders (id));',
    {
      name: 'a table created in the same file is empty',
      sql: 'CREATE TABLE t (a BIGINT);\nALTER TABLE t ADD FOREIGN KEY (a) REFERENCES users (id);',
    },
    'ALTER TABLE orders DROP FOREIGN KEY fk_user;',
  ],
});
