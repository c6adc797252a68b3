import { PGlite } from '@electric-sql/pglite';
import { expect, it } from 'vitest';
import rule from '../../../rules/postgres/ban-reindex-system.js';
import { ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    { sql: 'REINDEX SYSTEM;', message: /^REINDEX SYSTEM rebuilds every index of the system catalogs/ },
    { name: 'with the database name', sql: 'REINDEX SYSTEM mydb;' },
    { name: 'with options', sql: 'REINDEX (VERBOSE) SYSTEM;' },
  ],
  valid: [
    { name: 'REINDEX DATABASE: require-concurrent-reindex reports it', sql: 'REINDEX DATABASE;' },
    { name: 'REINDEX TABLE', sql: 'REINDEX TABLE users;', history: 'CREATE TABLE users (id bigint);' },
    { name: 'REINDEX SCHEMA', sql: 'REINDEX SCHEMA public;' },
  ],
});

it('PostgreSQL has no concurrent form of it, and runs it only outside a transaction (PGlite)', async () => {
  const db = new PGlite();
  await expect(db.exec('REINDEX (CONCURRENTLY) SYSTEM;')).rejects.toThrow(
    /cannot reindex system catalogs concurrently/,
  );
  await expect(db.exec('BEGIN; REINDEX SYSTEM;')).rejects.toThrow(/cannot run inside a transaction block/);
  await db.close();
});
