/**
 * Bookkeeping tables the migration tools create before the first migration
 * runs. Some migrations touch them (harbor's `ALTER TABLE schema_migrations ADD
 * COLUMN data_version`), so the shadow has them too, shaped like the tool's.
 */
import type { Shadow } from '../../../shadow/driver.js';

const TABLES: Record<string, string[]> = {
  'golang-migrate': [
    'CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)',
  ],
  dbmate: ['CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(128) NOT NULL PRIMARY KEY)'],
  diesel: [
    'CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)',
  ],
  prisma: [
    'CREATE TABLE IF NOT EXISTS _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)',
  ],
  goose: [
    'CREATE TABLE IF NOT EXISTS goose_db_version (id serial PRIMARY KEY, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp DEFAULT now())',
  ],
  sqlx: [
    'CREATE TABLE IF NOT EXISTS _sqlx_migrations (version bigint PRIMARY KEY, description text NOT NULL, installed_on timestamptz NOT NULL DEFAULT now(), success boolean NOT NULL, checksum bytea NOT NULL, execution_time bigint NOT NULL)',
  ],
  flyway: [
    'CREATE TABLE IF NOT EXISTS flyway_schema_history (installed_rank integer PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time integer NOT NULL, success boolean NOT NULL)',
  ],
  drizzle: [
    'CREATE SCHEMA IF NOT EXISTS drizzle',
    'CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint)',
  ],
  supabase: [
    'CREATE SCHEMA IF NOT EXISTS supabase_migrations',
    'CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text PRIMARY KEY, statements text[], name text)',
  ],
};

/** Creates the bookkeeping table of each tool named (unknown tools: nothing). Best effort. */
export async function ensureToolTables(shadow: Pick<Shadow, 'exec'>, frameworks: Iterable<string>): Promise<void> {
  for (const fw of new Set(frameworks)) {
    for (const sql of TABLES[fw] ?? []) {
      try {
        await shadow.exec(sql);
      } catch {
        // a server role without CREATE on public: the migrations will say so themselves
      }
    }
  }
}
