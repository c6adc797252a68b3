/**
 * One fixture repository per migration tool (test/fixtures/frameworks/<tool>),
 * laid out like the real thing: detection, the tool's order, statement
 * splitting with exact file lines, down sections left out, and the
 * transaction each file really runs in — checked through the real
 * ban-concurrent-index-creation-in-transaction rule.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { concurrentFindings, load, scratchCopy } from './helpers.js';
import { DiscoveryError, discover } from '../../src/discover/index.js';

describe('plain SQL directory', () => {
  it('orders by version number, not by text, and leaves down files out', async () => {
    const r = await load('plain/db');
    expect(r.frameworks).toEqual(['plain']);
    expect(r.files.map((f) => f.file)).toEqual(['1_create_users.sql', '2_add_email.sql', '10_email_index.sql']);
    expect(r.skipped).toEqual([{ path: 'plain/db/2_add_email.down.sql', reason: 'a down migration' }]);
    expect(r.files.every((f) => f.transaction === 'none')).toBe(true);
    expect(await concurrentFindings(r.migrations)).toEqual([]);
  });

  it('a file given on its own has its own directory as history, not every .sql file below it', async () => {
    const s = scratchCopy('plain');
    try {
      mkdirSync(path.join(s.dir, 'db', 'seeds'));
      writeFileSync(path.join(s.dir, 'db', 'seeds', '1_demo_users.sql'), "INSERT INTO users (name) VALUES ('demo');\n");
      const r = await load(path.join(s.dir, 'db', '2_add_email.sql'));
      expect(r.files.map((f) => [f.file, f.review])).toEqual([
        ['1_create_users.sql', false],
        ['2_add_email.sql', true],
      ]);
    } finally {
      s.cleanup();
    }
  });
});

describe('Prisma', () => {
  it('applies migration folders in name order; Prisma 7.4+ runs each statement on its own', async () => {
    const r = await load('prisma/prisma/migrations');
    expect(r.frameworks).toEqual(['prisma']);
    expect(r.files.map((f) => [f.file, f.transaction])).toEqual([
      ['20240101090000_init/migration.sql', 'none'],
      ['20240102090000_add_email/migration.sql', 'none'],
      ['20240103090000_email_index/migration.sql', 'none'],
      ['20240104090000_name_index_and_backfill/migration.sql', 'none'],
      // the engine's splitter cannot parse DROP INDEX CONCURRENTLY and sends the whole script (prisma-engines#5847)
      ['20240105090000_drop_name_index/migration.sql', 'wrapped'],
    ]);
    expect(r.byFile('20240101090000_init/migration.sql').version).toBe('20240101090000');
    expect(await concurrentFindings(r.migrations)).toEqual(['20240105090000_drop_name_index/migration.sql:2']);
  });

  it('up to Prisma 7.3 a multi-statement migration.sql is one implicit transaction (version read from package.json)', async () => {
    const r = await load('prisma-5/prisma/migrations');
    expect(r.files.map((f) => [f.file, f.transaction])).toEqual([
      ['20240101090000_init/migration.sql', 'none'],
      ['20240102090000_add_email/migration.sql', 'none'],
      ['20240103090000_email_index/migration.sql', 'none'],
      ['20240104090000_name_index_and_backfill/migration.sql', 'wrapped'],
    ]);
    expect(r.byFile('20240104090000_name_index_and_backfill/migration.sql').transactionNote).toMatch(
      /Prisma 5\.22\.0 sends migration\.sql as one query string/,
    );
    expect(await concurrentFindings(r.migrations)).toEqual(['20240104090000_name_index_and_backfill/migration.sql:5']);
  });

  it('a migration folder given as a directory is that migration, with the earlier ones as history', async () => {
    const r = await load('prisma/prisma/migrations/20240102090000_add_email');
    expect(r.files.map((f) => [f.file, f.review])).toEqual([
      ['20240101090000_init/migration.sql', false],
      ['20240102090000_add_email/migration.sql', true],
    ]);
  });

  it('finds prisma/migrations when given the prisma/ directory', async () => {
    const r = await load('prisma/prisma');
    expect(r.frameworks).toEqual(['prisma']);
    expect(r.files).toHaveLength(5);
  });
});

describe('golang-migrate', () => {
  it('orders by the integer version (9 before 10), skips .down.sql, and sends each file as one query string', async () => {
    const r = await load('golang-migrate/db/migrations');
    expect(r.frameworks).toEqual(['golang-migrate']);
    expect(r.files.map((f) => [f.file, f.transaction, f.statements])).toEqual([
      ['1_create_users.up.sql', 'wrapped', ['CreateStmt@1', 'CreateStmt@5']],
      ['2_orders_user_index.up.sql', 'none', ['IndexStmt@1']],
      ['9_users_name_idx.up.sql', 'wrapped', ['TransactionStmt@1', 'IndexStmt@2', 'TransactionStmt@3']],
      ['10_users_email.up.sql', 'wrapped', ['AlterTableStmt@1', 'IndexStmt@2']],
    ]);
    expect(r.skipped.map((s) => s.reason)).toEqual(Array(4).fill('a down migration'));
    // CONCURRENTLY alone in its file works; next to an ALTER it runs in the implicit transaction and fails
    expect(await concurrentFindings(r.migrations)).toEqual(['10_users_email.up.sql:2']);
  });
});

describe('goose', () => {
  it('keeps the Up section only, splits where goose splits, and keeps exact lines across StatementBegin/End', async () => {
    const r = await load('goose/migrations');
    expect(r.frameworks).toEqual(['goose']);
    expect(r.files.map((f) => f.file)).toEqual([
      '00001_create_users.sql',
      '00002_users_name_index.sql',
      '00003_email.sql',
      '00004_block_without_transaction.sql',
      '00010_orders.sql',
    ]);
    const first = r.files[0]!;
    expect(first.statements).toEqual(['CreateStmt@3', 'CreateFunctionStmt@11', 'CreateTrigStmt@19']); // no DROP from the Down section
    expect(first.transaction).toBe('wrapped');
    const { parseMigration } = await import('../../src/dialects/postgres/parse.js');
    const fn = parseMigration(r.byFile('00001_create_users.sql')).statements[1]!;
    expect(fn.text.startsWith('CREATE FUNCTION touch_updated_at() RETURNS trigger AS $$')).toBe(true);
    expect(fn.text.endsWith('$$ LANGUAGE plpgsql')).toBe(true);
    expect([fn.span.line, fn.span.endLine]).toEqual([11, 16]);
    expect(r.files.find((f) => f.file === '00010_orders.sql')!.statements).toEqual(['CreateStmt@2']); // lower-case annotations
  });

  it('NO TRANSACTION runs statements on their own; a StatementBegin/End block is still one query string', async () => {
    const r = await load('goose/migrations');
    expect(r.byFile('00002_users_name_index.sql').transaction).toBe('none');
    expect(r.files.find((f) => f.file === '00004_block_without_transaction.sql')!.statements).toEqual([
      'AlterTableStmt@4:wrapped',
      'IndexStmt@5:wrapped',
      'IndexStmt@7:none',
    ]);
    expect(await concurrentFindings(r.migrations)).toEqual([
      '00003_email.sql:3',
      '00004_block_without_transaction.sql:5',
    ]);
  });

  it('cuts a PL/pgSQL body without StatementBegin/End where goose cuts it, so the parse error shows what goose would send', async () => {
    const s = scratchCopy('goose');
    try {
      writeFileSync(
        path.join(s.dir, 'migrations', '00011_no_statement_begin.sql'),
        '-- +goose Up\nCREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\n\n-- +goose Down\nDROP FUNCTION f();\n',
      );
      const r = await load(path.join(s.dir, 'migrations'));
      expect(r.files.at(-1)!.file).toBe('00011_no_statement_begin.sql');
      // goose sends "CREATE FUNCTION … RETURN 1;" as one statement: PostgreSQL rejects it exactly so
      expect(r.files.at(-1)!.error).toBe('unterminated dollar-quoted string at or near "$$\nBEGIN\n  RETURN 1;" @2');
    } finally {
      s.cleanup();
    }
  });
});

describe('dbmate', () => {
  it('lints migrate:up blocks only, with transaction:false blocks sent as one query string', async () => {
    const r = await load('dbmate/db/migrations');
    expect(r.frameworks).toEqual(['dbmate']);
    expect(r.files.map((f) => [f.file, f.transaction, f.statements])).toEqual([
      ['20240101090000_create_users.sql', 'wrapped', ['CreateStmt@2']],
      ['20240102090000_users_name_index.sql', 'none', ['IndexStmt@2']],
      ['20240103090000_two_indexes.sql', 'wrapped', ['IndexStmt@2', 'IndexStmt@3']],
      ['20240104090000_email.sql', 'wrapped', ['AlterTableStmt@2', 'IndexStmt@3']],
      ['20240105090000_sections.sql', 'wrapped', ['AlterTableStmt@2:wrapped', 'IndexStmt@8:none']],
    ]);
    expect(await concurrentFindings(r.migrations)).toEqual([
      '20240103090000_two_indexes.sql:2',
      '20240103090000_two_indexes.sql:3',
      '20240104090000_email.sql:3',
    ]);
  });
});

describe('Flyway', () => {
  it('orders versions numerically across folders, repeatables last, and leaves undo files and callbacks out', async () => {
    const r = await load('flyway/src/main/resources/db/migration');
    expect(r.frameworks).toEqual(['flyway']);
    expect(r.files.map((f) => [f.file, f.transaction])).toEqual([
      ['V1__create_users.sql', 'wrapped'],
      ['V1.1__add_email.sql', 'wrapped'],
      ['V1.2__email_index.sql', 'none'], // Flyway detects CONCURRENTLY and runs the script without a transaction
      ['V1.10__orders.sql', 'wrapped'],
      ['V2__orders_user_index_and_column.sql', 'wrapped'], // mixed: Flyway refuses it (mixed=false)
      ['V3__trim_names.sql', 'none'], // executeInTransaction=false in V3__trim_names.sql.conf
      ['R__user_view.sql', 'wrapped'],
    ]);
    expect(r.skipped.map((s) => [path.basename(s.path), s.reason])).toEqual([
      ['U1.1__add_email.sql', 'a Flyway undo migration'],
      ['afterMigrate.sql', 'Flyway ignores files not named V<version>__<description>.sql or R__<description>.sql'],
    ]);
    expect(r.byFile('V2__orders_user_index_and_column.sql').transactionNote).toMatch(/refuses .* mixed=true/);
    expect(await concurrentFindings(r.migrations)).toEqual(['V2__orders_user_index_and_column.sql:2']);
  });

  it('merges several locations into one version sequence', async () => {
    const base = 'flyway/src/main/resources/db/migration';
    const r = await load([`${base}/orders`, base]);
    expect(r.files.map((f) => f.file).slice(3, 6)).toEqual([
      'V1.10__orders.sql',
      'V2__orders_user_index_and_column.sql',
      'V3__trim_names.sql',
    ]);
    expect(new Set(r.files.map((f) => f.file)).size).toBe(r.files.length);
  });

  it('a file in a sub-folder gets the whole location before it as history', async () => {
    const r = await load('flyway/src/main/resources/db/migration/orders/V2__orders_user_index_and_column.sql');
    expect(r.files.map((f) => [f.file, f.review])).toEqual([
      ['V1__create_users.sql', false],
      ['V1.1__add_email.sql', false],
      ['V1.2__email_index.sql', false],
      ['V1.10__orders.sql', false],
      ['V2__orders_user_index_and_column.sql', true],
    ]);
  });
});

describe('SQLx', () => {
  it('orders by version, skips .down.sql and honours -- no-transaction (one query string)', async () => {
    const r = await load('sqlx/migrations');
    expect(r.frameworks).toEqual(['sqlx']);
    expect(r.files.map((f) => [f.file, f.transaction])).toEqual([
      ['20240101090000_create_users.sql', 'wrapped'],
      ['20240102090000_users_name_index.sql', 'none'],
      ['20240103090000_two_indexes.sql', 'wrapped'],
      ['20240104090000_email.up.sql', 'wrapped'],
    ]);
    expect(r.skipped).toEqual([{ path: 'sqlx/migrations/20240104090000_email.down.sql', reason: 'a down migration' }]);
    expect(await concurrentFindings(r.migrations)).toEqual([
      '20240103090000_two_indexes.sql:2',
      '20240103090000_two_indexes.sql:3',
      '20240104090000_email.up.sql:2',
    ]);
  });
});

describe('Drizzle', () => {
  it('follows meta/_journal.json, skips files outside it, splits at statement-breakpoint and runs everything in one transaction', async () => {
    const r = await load('drizzle/drizzle');
    expect(r.frameworks).toEqual(['drizzle']);
    expect(r.files.map((f) => [f.file, f.transaction, f.statements])).toEqual([
      ['0000_steep_wolverine.sql', 'wrapped', ['CreateStmt@1', 'CreateStmt@6', 'AlterTableStmt@11']],
      ['0001_brave_mystique.sql', 'wrapped', ['AlterTableStmt@1', 'IndexStmt@2']],
    ]);
    expect(r.skipped.map((s) => path.basename(s.path))).toEqual(['0002_orphan.sql']);
    expect(await concurrentFindings(r.migrations)).toEqual(['0001_brave_mystique.sql:2']);
  });

  it('uses the journal order even when it differs from the file names', async () => {
    const s = scratchCopy('drizzle');
    try {
      const j = path.join(s.dir, 'drizzle', 'meta', '_journal.json');
      const journal = JSON.parse((await import('node:fs')).readFileSync(j, 'utf8'));
      journal.entries.push({ idx: 2, version: '7', when: 1704272400000, tag: '0002_orphan', breakpoints: true });
      journal.entries.reverse();
      writeFileSync(j, JSON.stringify(journal));
      const r = await load(path.join(s.dir, 'drizzle'));
      expect(r.files.map((f) => f.file)).toEqual([
        '0002_orphan.sql',
        '0001_brave_mystique.sql',
        '0000_steep_wolverine.sql',
      ]);
    } finally {
      s.cleanup();
    }
  });
});

describe('Supabase', () => {
  it('takes <timestamp>_name.sql from supabase/migrations; the CLI runs CONCURRENTLY statements outside its batch', async () => {
    const r = await load('supabase/supabase/migrations');
    expect(r.frameworks).toEqual(['supabase']);
    expect(r.files.map((f) => [f.file, f.transaction, f.statements])).toEqual([
      ['20240101090000_create_profiles.sql', 'wrapped', ['CreateStmt@1', 'AlterTableStmt@7']],
      [
        '20240102090000_profiles_username.sql',
        'wrapped',
        ['AlterTableStmt@1:wrapped', 'IndexStmt@3:none', 'CommentStmt@5:wrapped'],
      ],
      ['20240103090000_profiles_search.sql', 'wrapped', ['IndexStmt@1']],
    ]);
    expect(r.skipped).toEqual([
      {
        path: 'supabase/supabase/migrations/notes.sql',
        reason: 'the Supabase CLI skips files not named <timestamp>_<name>.sql',
      },
    ]);
    expect(await concurrentFindings(r.migrations)).toEqual([]);
  });

  it('an older pinned CLI (before v2.109) batches CONCURRENTLY with the rest', async () => {
    const s = scratchCopy('supabase');
    try {
      writeFileSync(path.join(s.dir, 'package.json'), JSON.stringify({ devDependencies: { supabase: '1.223.10' } }));
      const r = await load(path.join(s.dir, 'supabase', 'migrations'));
      expect(r.files[1]!.statements).toEqual(['AlterTableStmt@1', 'IndexStmt@3', 'CommentStmt@5']);
      expect(await concurrentFindings(r.migrations)).toEqual(['20240102090000_profiles_username.sql:3']);
    } finally {
      s.cleanup();
    }
  });
});

describe('Diesel', () => {
  it('runs up.sql folders in version order; run_in_transaction = false sends up.sql as one query string', async () => {
    const r = await load('diesel/migrations');
    expect(r.frameworks).toEqual(['diesel']);
    expect(r.files.map((f) => [f.file, f.transaction])).toEqual([
      ['00000000000000_diesel_initial_setup/up.sql', 'wrapped'],
      ['2024-01-01-090000_create_users/up.sql', 'wrapped'],
      ['2024-01-02-090000_users_name_index/up.sql', 'none'],
      ['2024-01-03-090000_two_indexes/up.sql', 'wrapped'],
      ['2024-01-04-090000_email/up.sql', 'wrapped'],
    ]);
    expect(r.byFile('2024-01-04-090000_email/up.sql').version).toBe('20240104090000');
    expect(await concurrentFindings(r.migrations)).toEqual([
      '2024-01-03-090000_two_indexes/up.sql:1',
      '2024-01-03-090000_two_indexes/up.sql:2',
      '2024-01-04-090000_email/up.sql:2',
    ]);
  });
});

describe('Sqitch', () => {
  it('deploys in sqitch.plan order (a reworked change keeps its @tag script), runs scripts with psql', async () => {
    const r = await load('sqitch');
    expect(r.frameworks).toEqual(['sqitch']);
    expect(r.files.map((f) => [f.file, f.transaction])).toEqual([
      ['appschema.sql', 'none'],
      ['users@v1.0.0-dev1.sql', 'none'],
      ['users_name_idx.sql', 'none'],
      ['users.sql', 'none'],
    ]);
    // revert/ and verify/ scripts are not forward migrations; the scripts' own BEGIN/COMMIT is the transaction
    expect(await concurrentFindings(r.migrations)).toEqual(['users.sql:7']);
  });
});

describe('Liquibase formatted SQL', () => {
  it('follows the master changelog, one transaction per changeset, rollbacks and other databases left out', async () => {
    const r = await load('liquibase/src/main/resources/db/changelog');
    expect(r.frameworks).toEqual(['liquibase']);
    expect(r.files.map((f) => [f.file, f.statements, f.error])).toEqual([
      ['001-create-users.sql', ['CreateStmt@5'], undefined], // dbms:mysql changeset and --rollback left out
      [
        '002-users-indexes.sql',
        [
          'AlterTableStmt@4:wrapped',
          'IndexStmt@5:wrapped',
          'IndexStmt@9:none',
          'IndexStmt@10:none',
          'IndexStmt@17:none',
        ],
        undefined,
      ],
    ]);
    expect(r.skipped.map((s) => [path.basename(s.path), s.reason])).toEqual([
      ['003-not-included.sql', 'not included by the master changelog'],
    ]);
    expect(await concurrentFindings(r.migrations)).toEqual(['002-users-indexes.sql:5']);
  });
});

describe('discover() with files, globs and overrides', () => {
  const g = 'goose/migrations';
  it('puts files of one sequence in the tool order, history first, each once, whatever the input order', async () => {
    const r = await load([`${g}/00003_email.sql`, `${g}/00001_create_users.sql`, `${g}/00003_email.sql`]);
    expect(r.files.map((f) => [f.file, f.review])).toEqual([
      ['00001_create_users.sql', true],
      ['00002_users_name_index.sql', false],
      ['00003_email.sql', true],
    ]);
  });

  it('without history only the given files, still in tool order', async () => {
    const r = await load([`${g}/00010_orders.sql`, `${g}/00002_users_name_index.sql`], { history: false });
    expect(r.files.map((f) => f.file)).toEqual(['00002_users_name_index.sql', '00010_orders.sql']);
  });

  it('a directory and a file inside it: every file once, all under review', async () => {
    const r = await load([`${g}/00002_users_name_index.sql`, g]);
    expect(r.files.map((f) => f.review)).toEqual([true, true, true, true, true]);
  });

  it('a glob reviews the matches with the earlier files as history', async () => {
    const r = await load(`${g}/0000[34]*.sql`);
    expect(r.files.map((f) => [f.file, f.review])).toEqual([
      ['00001_create_users.sql', false],
      ['00002_users_name_index.sql', false],
      ['00003_email.sql', true],
      ['00004_block_without_transaction.sql', true],
    ]);
  });

  it('reviewOnly (changed-only mode) reviews those files; later files are left out', async () => {
    const abs = path.join((await import('./helpers.js')).FIXTURES, g, '00002_users_name_index.sql');
    const r = await load(g, { reviewOnly: new Set([abs]) });
    expect(r.files.map((f) => [f.file, f.review])).toEqual([
      ['00001_create_users.sql', false],
      ['00002_users_name_index.sql', true],
    ]);
    // nothing under review: the sequence comes back as history only, or not at all
    expect((await load(g, { reviewOnly: new Set() })).files.map((f) => f.review)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect((await load(g, { reviewOnly: new Set(), dropUnreviewed: true })).files).toEqual([]);
  });

  it('--framework overrides detection; an unknown name is a usage error naming the known ones', async () => {
    const r = await load(g, { framework: 'plain' });
    expect(r.frameworks).toEqual(['plain']);
    expect(r.files[0]!.statements).toContain('DropStmt@26'); // plain lints the Down section too
    await expect(discover([g], { cwd: (await import('./helpers.js')).FIXTURES, framework: 'rails' })).rejects.toThrow(
      new DiscoveryError(
        'unknown framework "rails"; known: sqitch, drizzle, prisma, diesel, supabase, liquibase, goose, dbmate, flyway, sqlx, golang-migrate, plain',
      ),
    );
  });

  it('reports paths that do not exist and directories without migrations', async () => {
    const s = scratchCopy('plain');
    try {
      mkdirSync(path.join(s.dir, 'empty'));
      await expect(discover(['nope'], { cwd: s.dir })).rejects.toThrow('nope: no such file or directory');
      await expect(discover(['empty'], { cwd: s.dir })).rejects.toThrow('empty: no migration files found');
      await expect(discover(['*.nothing'], { cwd: s.dir })).rejects.toThrow('no files match *.nothing');
    } finally {
      s.cleanup();
    }
  });
});
