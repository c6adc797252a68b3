/**
 * Migration tools: how each finds, orders and runs its files.
 * Each framework is detected from the directory layout or file markers.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { Segment, TransactionMode } from '../model.js';
import { naturalCompare } from './order.js';

export interface FileInfo {
  /** how the tool runs this file */
  transaction: TransactionMode;
  /** forward-SQL regions (e.g. excluding a down section) */
  segments?: Segment[];
  version?: string;
  /** not a forward migration (a down file, a repeatable the caller excludes, …) */
  skip?: boolean;
}

export interface Framework {
  name: string;
  /** glob pattern description for error messages */
  pattern: string;
  /** true when `dir` (and optionally the given files) look like this framework's layout */
  detect(dir: string, files?: string[]): boolean;
  /** the migration root for a directory holding one migration file */
  root(dir: string): string;
  /** all forward migration files under a root, absolute paths */
  find(root: string): Promise<string[]>;
  /** orders files the way the tool applies them */
  order(root: string, files: string[]): string[];
  describe(abs: string, source: string, root: string): FileInfo;
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const isDown = (f: string) => /(^|[._-])down\.sql$/i.test(path.basename(f));

async function sqlFiles(root: string, pattern: string): Promise<string[]> {
  return (await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] })).sort(
    naturalCompare,
  );
}

/**
 * Prisma Migrate: `prisma/migrations/<timestamp>_<name>/migration.sql`, applied in
 * folder-name order. Prisma runs each file as one script without wrapping it in a
 * transaction (docs: "Prisma Migrate does not wrap migrations in a transaction").
 */
export const prisma: Framework = {
  name: 'prisma',
  pattern: '*/migration.sql',
  detect(dir, files) {
    if (files?.some((f) => path.basename(f) === 'migration.sql')) return true;
    if (files) return false;
    return (
      existsSync(path.join(dir, 'migration_lock.toml')) ||
      list(dir).some((d) => existsSync(path.join(dir, d, 'migration.sql')))
    );
  },
  root(dir) {
    return existsSync(path.join(dir, 'migration.sql')) || path.basename(dir) !== 'migrations' ? path.dirname(dir) : dir;
  },
  find(root) {
    return sqlFiles(root, '*/migration.sql');
  },
  order(_root, files) {
    return [...files].sort((a, b) => naturalCompare(path.basename(path.dirname(a)), path.basename(path.dirname(b))));
  },
  describe(abs) {
    return { transaction: 'none', version: path.basename(path.dirname(abs)).split('_')[0] };
  },
};

/**
 * golang-migrate: `<version>_<title>.up.sql` / `.down.sql`. Each file is sent as
 * one multi-statement exec; PostgreSQL runs such a string in one implicit
 * transaction unless it contains explicit transaction control.
 */
export const golangMigrate: Framework = {
  name: 'golang-migrate',
  pattern: '*.up.sql',
  detect(dir, files) {
    return (files ?? list(dir)).some((f) => /\.up\.sql$/i.test(f));
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return sqlFiles(root, '*.up.sql');
  },
  order(_root, files) {
    return [...files].sort((a, b) => naturalCompare(path.basename(a), path.basename(b)));
  },
  describe(abs) {
    return { transaction: 'none', version: path.basename(abs).split('_')[0] };
  },
};

/** Plain SQL directory: every `.sql` file except down migrations, in natural version order. */
export const plain: Framework = {
  name: 'plain',
  pattern: '**/*.sql',
  detect() {
    return true;
  },
  root(dir) {
    return dir;
  },
  async find(root) {
    return (await sqlFiles(root, '**/*.sql')).filter((f) => !isDown(f));
  },
  order(root, files) {
    return [...files].sort((a, b) => naturalCompare(path.relative(root, a), path.relative(root, b)));
  },
  describe(abs) {
    return { transaction: 'none', skip: isDown(abs) };
  },
};

/** Detection order matters: the first framework whose `detect` says yes wins. */
export const frameworks: Framework[] = [prisma, golangMigrate, plain];

export function detectFramework(dir: string, files?: string[]): Framework {
  for (const fw of frameworks) {
    if (fw.detect(dir, files)) return fw;
  }
  return plain;
}
