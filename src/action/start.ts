/** The GitHub Action's run: every line it writes redacted, any crash turned into a failed step. */
import * as core from '@actions/core';
import { run } from './run.js';
import { guardStream } from '../secrets.js';

export function start(): void {
  // every log line, annotation and workflow command is redacted on its way out (src/secrets.ts)
  guardStream(process.stdout);
  guardStream(process.stderr);

  run().catch((err: unknown) => {
    const e = err as Error;
    const known = ['InputError', 'ConfigError', 'DiscoveryError', 'UsageError'].includes(e?.name);
    core.setFailed(`zerodown: ${known ? e.message : `internal error: ${e?.stack ?? String(err)}`}`);
  });
}
