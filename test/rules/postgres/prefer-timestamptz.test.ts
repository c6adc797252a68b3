import rule from '../../../rules/postgres/prefer-timestamptz.js';
import { ruleTester } from '../../helpers.js';

ruleTester(rule, {
  invalid: [
    {
      sql: 'CREATE TABLE events (id bigint, created_at timestamp NOT NULL DEFAULT now());',
      message: /`events.created_at` is timestamp \(without time zone\)/,
    },
    {
      name: 'Prisma TIMESTAMP(3)',
      sql: 'CREATE TABLE "Post" ("createdAt" TIMESTAMP(3) NOT NULL, "updatedAt" TIMESTAMP(3));',
      count: 2,
    },
    { sql: 'ALTER TABLE events ADD COLUMN seen_at timestamp without time zone;' },
    { name: 'ALTER COLUMN TYPE back to timestamp', sql: 'ALTER TABLE events ALTER COLUMN seen_at TYPE timestamp;' },
    { name: 'array', sql: 'CREATE TABLE t (a timestamp[]);' },
  ],
  valid: [
    'CREATE TABLE events (created_at timestamptz, b timestamp with time zone, c TIMESTAMPTZ(3));',
    { name: 'date and time types', sql: 'CREATE TABLE t (d date, t time, i interval);' },
    { name: 'a cast in a query', sql: "SELECT '2020-01-01'::timestamp;" },
    { name: 'temporary table', sql: 'CREATE TEMP TABLE t (a timestamp);' },
  ],
});
