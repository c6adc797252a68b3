import { defineRule } from '../../src/dialects/mysql/rule.js';
import { codeOnly } from '../../src/dialects/mysql/rule-util.js';

const HELP =
  'Load data with INSERT statements in the migration (or a seed script run by the application), and export data outside the migration.';

export default defineRule({
  meta: {
    id: 'ban-server-program-or-file-access',
    severity: 'error',
    summary:
      "Reads or writes files on the database server or the client's machine, or runs a shell command (LOAD DATA INFILE, SELECT … INTO OUTFILE/DUMPFILE, LOAD_FILE(), SYSTEM / \\!).",
  },
  check(stmt) {
    const ast = stmt.ast;
    // MySQL 8.0 reference manual: 15.2.9 "LOAD DATA Statement" (reads a server file with the FILE
    // privilege; LOCAL reads a file of the CLIENT's machine), 15.2.13.1 "SELECT … INTO Statement"
    // (writes a new file on the server host), 14.8 "String Functions" LOAD_FILE() (reads a server
    // file), 6.5.1.2 "mysql Client Commands" `system` / `\!` (runs a shell command where the client runs).
    if (ast.type === 'load_data' || (ast.type === 'unparsed' && /^LOAD\s+(DATA|XML)\b/i.test(ast.keyword))) {
      const local = ast.type === 'load_data' ? ast.local : /\bLOCAL\b/i.test(codeOnly(stmt.text));
      return {
        message: local
          ? 'LOAD DATA LOCAL INFILE makes the client send a file from the machine that runs the migration (a CI runner, a deploy host) to the server: a migration from a pull request can read any file there, such as credentials, and store it in a table.'
          : "LOAD DATA INFILE reads a file from the database server's own disk (with the FILE privilege): a migration can read server files such as configuration, and the result depends on files no review sees.",
        help: HELP,
        data: { statement: 'load-data', local },
      };
    }
    if (ast.type === 'select' && ast.intoFile !== undefined) {
      return {
        message: `SELECT … INTO OUTFILE/DUMPFILE writes the file '${ast.intoFile}' on the database server's disk: a migration can leak data to a place outside the database, or plant a file the server (or a plugin directory) later reads.`,
        help: HELP,
        data: { statement: 'into-file' },
      };
    }
    if (ast.type === 'server' && /^(SYSTEM|\\!)/i.test(ast.keyword)) {
      return {
        message: `\`${ast.keyword}\` is a mysql client command that runs a shell command on the machine that runs the migration: anything a pull request writes there runs with the deploy's credentials.`,
        help: 'Remove it: migrations hold SQL only; run scripts in the deploy pipeline, where they are reviewed as code.',
        data: { statement: 'shell' },
      };
    }
    if (/\bload_file\s*\(/i.test(codeOnly(stmt.text))) {
      return {
        message:
          "LOAD_FILE() reads a file from the database server's disk (with the FILE privilege) into the statement: a migration can copy server files such as configuration into a table.",
        help: HELP,
        data: { statement: 'load-file' },
      };
    }
  },
});
