/**
 * Migration tools: how each finds, orders and runs its files. Every model lives
 * in tools/<name>.ts with the documentation it was built from cited at the top;
 * docs/frameworks.md summarises them.
 */
import type { Framework } from './types.js';
import { plain } from './tools/plain.js';
import { prisma } from './tools/prisma.js';
import { golangMigrate } from './tools/golang-migrate.js';
import { goose } from './tools/goose.js';
import { dbmate } from './tools/dbmate.js';
import { flyway } from './tools/flyway.js';
import { sqlx } from './tools/sqlx.js';
import { drizzle } from './tools/drizzle.js';
import { supabase } from './tools/supabase.js';
import { diesel } from './tools/diesel.js';
import { sqitch } from './tools/sqitch.js';
import { liquibase } from './tools/liquibase.js';

export type { FileInfo, Framework, RawSegment, TxKind } from './types.js';
export { plain, prisma, golangMigrate, goose, dbmate, flyway, sqlx, drizzle, supabase, diesel, sqitch, liquibase };

/**
 * Detection order matters: the first framework whose `detect` says yes wins.
 * Layout files (a plan, a journal, a lock file, per-migration folders) are the
 * strongest signals, then the supabase/migrations location, then markers inside
 * the files (Liquibase header, goose and dbmate annotations), then file names
 * (Flyway's V1__, SQLx in a Rust project, golang-migrate's .up.sql).
 */
export const frameworks: Framework[] = [
  sqitch,
  drizzle,
  prisma,
  diesel,
  supabase,
  liquibase,
  goose,
  dbmate,
  flyway,
  sqlx,
  golangMigrate,
  plain,
];

export const frameworkNames = frameworks.map((f) => f.name);

export function frameworkByName(name: string): Framework | undefined {
  return frameworks.find((f) => f.name === name);
}

/** The tool whose layout `dir` (or the given files in it) matches; `plain` when none does. */
export function detectFramework(dir: string, files?: string[]): Framework {
  for (const fw of frameworks) {
    if (fw.detect(dir, files)) return fw;
  }
  return plain;
}
