/**
 * Bookkeeping tables the migration tools create on MySQL/MariaDB before the first migration runs,
 * in their MySQL form (each tool's MySQL driver), so migrations that touch them work on the shadow.
 */
import type { ProbeTarget } from '../../../shadow/probes.js';

const TABLES: Record<string, string[]> = {
  // golang-migrate database/mysql
  'golang-migrate': [
    'CREATE TABLE IF NOT EXISTS `schema_migrations` (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)',
  ],
  // dbmate pkg/driver/mysql
  dbmate: ['CREATE TABLE IF NOT EXISTS `schema_migrations` (version varchar(128) NOT NULL PRIMARY KEY)'],
  // goose dialect mysql
  goose: [
    'CREATE TABLE IF NOT EXISTS `goose_db_version` (id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp NULL DEFAULT now(), PRIMARY KEY (id))',
  ],
  // Flyway MySQL createMetaDataTable.sql
  flyway: [
    'CREATE TABLE IF NOT EXISTS `flyway_schema_history` (installed_rank INT NOT NULL, version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, execution_time INT NOT NULL, success BOOL NOT NULL, CONSTRAINT `flyway_schema_history_pk` PRIMARY KEY (installed_rank), INDEX `flyway_schema_history_s_idx` (success)) ENGINE=InnoDB',
  ],
  // Prisma migrate, MySQL connector
  prisma: [
    'CREATE TABLE IF NOT EXISTS `_prisma_migrations` (id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at DATETIME(3), migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at DATETIME(3), started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), applied_steps_count INTEGER UNSIGNED NOT NULL DEFAULT 0) DEFAULT CHARACTER SET utf8mb4',
  ],
  diesel: [
    'CREATE TABLE IF NOT EXISTS `__diesel_schema_migrations` (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)',
  ],
  sqlx: [
    'CREATE TABLE IF NOT EXISTS `_sqlx_migrations` (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL, checksum BLOB NOT NULL, execution_time BIGINT NOT NULL)',
  ],
};

/** Creates the bookkeeping table of each tool named (unknown tools: nothing). Best effort. */
export async function ensureToolTables(shadow: Pick<ProbeTarget, 'exec'>, frameworks: Iterable<string>): Promise<void> {
  for (const fw of new Set(frameworks)) {
    for (const sql of TABLES[fw] ?? []) {
      try {
        await shadow.exec(sql);
      } catch {
        // the migrations will say so themselves
      }
    }
  }
}
