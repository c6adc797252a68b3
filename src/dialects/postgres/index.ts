/**
 * The PostgreSQL dialect, as the core sees it (src/dialect.ts). Only the
 * pipeline and the front ends' dialect wiring import this file; nothing outside
 * src/dialects/postgres/ imports the modules behind it.
 *
 * So far it holds what the planner needs (parse, load, the plan rewrites); the
 * rest of the `Dialect` interface joins it as the other stages move behind it.
 */
import type { Dialect } from '../../dialect.js';
import { loadParser, parseMigration } from './parse.js';
import { postgresPlanner } from './plan/index.js';

export const postgres = {
  id: 'postgres',
  name: 'PostgreSQL',
  /** the target version when neither the config nor the command line gives one */
  defaultVersion: 15,
  load: loadParser,
  parse: (m) => parseMigration(m),
  plan: postgresPlanner,
} satisfies Pick<Dialect, 'id' | 'name' | 'defaultVersion' | 'load' | 'parse' | 'plan'>;
