/**
 * Errors every front end reports the same way, and the exit-code policy (DESIGN.md):
 * 0 nothing reaches --fail-on, 1 something does, 2 usage, config or I/O errors.
 */
import type { LintResult } from './model.js';

/** the level from which findings fail the run (`--fail-on`, config `failOn`, the Action's `fail-on`) */
export type FailOn = 'error' | 'warning' | 'never';

/** A mistake in how zerodown was called (options, inputs, files it cannot read or write): exit 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A config file zerodown cannot use (src/config-file.ts): the message names the file, line and key. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Errors a person fixes by changing how zerodown is called or configured: shown as one line, never as a crash. */
const USER_ERRORS = new Set(['UsageError', 'ConfigError', 'DiscoveryError', 'InputError']);

export function isUserError(err: unknown): err is Error {
  return err instanceof Error && USER_ERRORS.has(err.name);
}

/** 1 when a finding reaches `failOn`, else 0. */
export function exitCodeFor(result: LintResult, failOn: FailOn): number {
  if (failOn === 'never') return 0;
  if (result.summary.errors > 0) return 1;
  if (failOn === 'warning' && result.summary.warnings > 0) return 1;
  return 0;
}
