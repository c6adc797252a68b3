/**
 * dbmate: `<version>_<name>.sql` files (the version is the leading digits) in one
 * directory, applied in file-name order. Each file has a `-- migrate:up` block
 * and a `-- migrate:down` block; recent dbmate accepts several up/down sections
 * per file and runs them one after the other (pkg/dbmate/migration.go,
 * `getMigrationSectionSubstrings`). Down blocks are never linted.
 *
 * Transactions (pkg/dbmate/db.go, `Migrate`): each up block runs in its own
 * transaction unless its directive says `transaction:false`
 * (`-- migrate:up transaction:false`). Then dbmate calls `Exec` with the whole
 * block as ONE string through lib/pq — PostgreSQL runs that multi-statement
 * string in one implicit transaction, so CONCURRENTLY only works when it is the
 * block's only statement (amacneil/dbmate#126, #182, #285: "if I run a single
 * CREATE INDEX CONCURRENTLY statement then there is no error").
 */
import path from 'node:path';
import { anyContent, globFiles, lineEnd, sqlNames } from '../fsutil.js';
import { codepointCompare } from '../order.js';
import type { FileInfo, Framework, RawSegment } from '../types.js';

const UP = /^--\s*migrate:up(?:[ \t]*$|[ \t]+\S.*$)/gm;
const DOWN = /^--\s*migrate:down(?:[ \t]*$|[ \t]+\S.*$)/m;

export const dbmate: Framework = {
  name: 'dbmate',
  pattern: '<version>_<name>.sql with -- migrate:up',
  detect(dir, files) {
    return anyContent(dir, files ?? sqlNames(dir), 'dbmate-up');
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, '*.sql');
  },
  order(files) {
    return [...files].sort((a, b) => codepointCompare(path.basename(a), path.basename(b)));
  },
  describe(abs, source): FileInfo {
    const name = path.basename(abs);
    const version = /^(\d+)_.*\.sql$/i.exec(name)?.[1];
    if (!version) return { skip: 'dbmate only runs files named <version>_<name>.sql' };
    const ups = [...source.matchAll(UP)];
    if (!ups.length) return { version, transaction: 'wrapped', note: 'dbmate refuses a file without -- migrate:up' };
    const segments: RawSegment[] = [];
    let anyNoTx = false;
    ups.forEach((m, i) => {
      const sectionEnd = i + 1 < ups.length ? ups[i + 1]!.index! : source.length;
      const bodyStart = lineEnd(source, m.index!);
      const down = DOWN.exec(source.slice(bodyStart, sectionEnd));
      const end = down ? bodyStart + down.index : sectionEnd;
      const options = new Map(
        m[0]
          .replace(/^--\s*migrate:up/, '')
          .trim()
          .split(/\s+/)
          .map((p) => p.split(':'))
          .filter((p) => p.length === 2) as [string, string][],
      );
      const tx = options.get('transaction') === 'false' ? 'script' : 'wrapped';
      if (tx === 'script') anyNoTx = true;
      segments.push({ start: bodyStart, end, tx });
    });
    return {
      version,
      segments,
      note: anyNoTx
        ? 'dbmate sends a transaction:false block as one query string, and PostgreSQL runs a multi-statement string in one implicit transaction'
        : 'dbmate runs each up block in a transaction',
    };
  },
};
