/** The MySQL splitter: statement spans as the mysql client cuts them (DELIMITER, versioned comments, quotes, comments). */
import { describe, expect, it } from 'vitest';
import { splitMysql } from '../../../src/dialects/mysql/split.js';

/** the statements' texts */
function texts(sql: string): string[] {
  return splitMysql(sql).statements.map((s) => sql.slice(s.start, s.end));
}

describe('splitMysql', () => {
  it('ends the client shell escape (\\! cmd, system cmd) at its line end, as the mysql client does', () => {
    const sql =
      'SELECT 1;\n\\! ls /etc\nFLUSH TABLES;\nsystem rm -rf /tmp/x\nALTER TABLE t ADD c INT;\nSELECT system_user();\n';
    expect(texts(sql)).toEqual([
      'SELECT 1',
      '\\! ls /etc',
      'FLUSH TABLES',
      'system rm -rf /tmp/x',
      'ALTER TABLE t ADD c INT',
      'SELECT system_user()',
    ]);
  });

  it('cuts at semicolons, with exact offsets and no trailing blanks', () => {
    const sql = 'CREATE TABLE a (id INT);\n  ALTER TABLE a ADD b INT ;\n';
    const { statements } = splitMysql(sql);
    expect(statements).toEqual([
      { start: 0, end: 23 },
      { start: 27, end: 50 },
    ]);
    expect(sql.slice(27, 50)).toBe('ALTER TABLE a ADD b INT');
  });

  it('keeps a procedure or trigger body between DELIMITER lines as one statement; DELIMITER lines are not statements', () => {
    const sql = [
      'DELIMITER $$',
      'CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN',
      '  SET NEW.x = 1;',
      '  SET NEW.y = 2;',
      'END$$',
      'DELIMITER ;',
      'SELECT 1;',
    ].join('\n');
    expect(texts(sql)).toEqual([
      'CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN\n  SET NEW.x = 1;\n  SET NEW.y = 2;\nEND',
      'SELECT 1',
    ]);
  });

  it('accepts DELIMITER in any case and a multi-character delimiter, and ends an unterminated body at the next DELIMITER line', () => {
    expect(texts('delimiter //\nCREATE PROCEDURE p() BEGIN SELECT 1; END //\ndelimiter ;\nSELECT 2;')).toEqual([
      'CREATE PROCEDURE p() BEGIN SELECT 1; END',
      'SELECT 2',
    ]);
    expect(texts('DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END\nDELIMITER ;\nSELECT 2;')).toEqual([
      'CREATE PROCEDURE p() BEGIN SELECT 1; END',
      'SELECT 2',
    ]);
  });

  it('keeps versioned comments as code, a ; inside one ends nothing', () => {
    const sql = '/*!40101 SET NAMES utf8 */;\n/*!80013 ALTER TABLE a ADD b INT; */;\nSELECT 1;';
    expect(texts(sql)).toEqual(['/*!40101 SET NAMES utf8 */', '/*!80013 ALTER TABLE a ADD b INT; */', 'SELECT 1']);
  });

  it('does not cut inside quotes: backslash escapes, doubled quotes, `identifiers`', () => {
    const sql = 'INSERT INTO a VALUES (\'x;\\\'y\', "p;""q");\nSELECT `we;ird``name` FROM a;';
    expect(texts(sql)).toEqual(['INSERT INTO a VALUES (\'x;\\\'y\', "p;""q")', 'SELECT `we;ird``name` FROM a']);
  });

  it('skips comments between statements: -- with a space, #, /* */; --x is not a comment', () => {
    const sql = '-- one;\n# two;\n/* three; */ SELECT 1;\nSELECT 5--1;\n';
    expect(texts(sql)).toEqual(['SELECT 1', 'SELECT 5--1']);
    expect(texts('SELECT 1 -- trailing; comment\n;')).toEqual(['SELECT 1 -- trailing; comment']);
  });

  it('reports an unterminated quote and still returns the statement up to the end', () => {
    const r = splitMysql("SELECT 1;\nSELECT 'oops;\n");
    expect(r.statements).toHaveLength(2);
    expect(r.unterminated).toEqual({ offset: 17, what: 'a quoted string' });
  });

  it('splits only inside the range it is given (segments)', () => {
    const sql = 'SELECT 0; SELECT 1; SELECT 2;';
    expect(splitMysql(sql, 10, 19).statements).toEqual([{ start: 10, end: 18 }]);
  });
});
