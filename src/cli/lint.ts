import { discover } from '../discover/index.js';
import { loadConfig, ruleSettings, type FailOn } from '../config.js';
import { lintMigrations } from '../engine/lint.js';
import type { LintResult } from '../model.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';
import { formatSarif } from '../report/sarif.js';
import { formatGithub } from '../report/github.js';
import { UsageError } from './main.js';

export interface LintCliOptions {
  format: 'text' | 'json' | 'sarif' | 'github';
  pgVersion?: number;
  assumeInTransaction?: boolean;
  failOn?: FailOn;
  config?: string;
  framework?: string;
  history?: boolean;
  color?: boolean;
}

export function exitCodeFor(result: LintResult, failOn: FailOn): number {
  if (failOn === 'never') return 0;
  if (result.summary.errors > 0) return 1;
  if (failOn === 'warning' && result.summary.warnings > 0) return 1;
  return 0;
}

export function useColor(flag: boolean | undefined, stream: NodeJS.WriteStream): boolean {
  if (flag !== undefined && process.argv.some((a) => a === '--color' || a === '--no-color')) return flag;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY;
}

export async function lintCommand(paths: string[], opts: LintCliOptions): Promise<number> {
  const cwd = process.cwd();
  const { config } = loadConfig(cwd, opts.config);
  const inputs = paths.length ? paths : (config.paths ?? []);
  if (!inputs.length) {
    throw new UsageError('no migrations given: pass files or directories (e.g. `zerodown lint db/migrations`), or set `paths` in zerodown.config.json');
  }
  const migrations = await discover(inputs, {
    cwd,
    framework: opts.framework ?? config.framework,
    history: opts.history !== false,
  });
  const progress = process.stderr.isTTY && migrations.length > 200 && opts.format === 'text';
  const result = await lintMigrations(migrations, {
    pgVersion: opts.pgVersion ?? config.pgVersion,
    assumeInTransaction: opts.assumeInTransaction ?? config.assumeInTransaction,
    ...ruleSettings(config),
    onProgress: progress
      ? (done, total) => {
          if (done % 100 === 0 || done === total) process.stderr.write(`\rlinting ${done}/${total} files…${done === total ? '\n' : ''}`);
        }
      : undefined,
  });
  let out: string;
  switch (opts.format) {
    case 'json':
      out = formatJson(result);
      break;
    case 'sarif':
      out = formatSarif(result);
      break;
    case 'github':
      out = formatGithub(result);
      break;
    default:
      out = formatText(result, { color: useColor(opts.color, process.stdout) });
  }
  process.stdout.write(out);
  return exitCodeFor(result, opts.failOn ?? config.failOn ?? 'error');
}
