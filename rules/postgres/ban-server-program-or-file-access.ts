import { defineRule } from '../../src/dialects/postgres/rule.js';
import { outsideReach } from '../../src/dialects/postgres/outside.js';

const HELP: Record<string, string> = {
  program:
    'Remove it: load data with COPY … FROM STDIN from your migration tool or application, and install extensions or languages with a trusted one (plpgsql) or by hand, outside migrations.',
  'server-file':
    'Remove it: load or export data with COPY … FROM STDIN / TO STDOUT (psql \\copy) from the client, never through files on the database server.',
  connection:
    'Remove it: set up foreign servers, user mappings, dblink and subscriptions by hand, with the credentials kept out of the repository.',
};

export default defineRule({
  meta: {
    id: 'ban-server-program-or-file-access',
    severity: 'error',
    summary:
      'COPY … PROGRAM, COPY to or from a server file, server file functions, untrusted languages and outside connections (dblink, foreign servers, subscriptions) reach beyond the database.',
  },
  check(stmt) {
    const r = outsideReach(stmt).find((x) => x.category in HELP);
    if (!r) return;
    return {
      message: `${r.what} ${r.why}: a migration that does this runs with the database server's rights wherever it is applied, and a pull request that adds it can reach the machine, not just the schema.`,
      help: HELP[r.category]!,
      data: { category: r.category, what: r.what },
    };
  },
});
