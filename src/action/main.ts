/** Entry point of the GitHub Action (bundled to dist/index.js). Thin: run, and turn any crash into a failed step. */
import * as core from '@actions/core';
import { run } from './run.js';
import { guardStream } from '../secrets.js';

// every log line, annotation and workflow command is redacted on its way out (src/secrets.ts)
guardStream(process.stdout);
guardStream(process.stderr);

run().catch((err: unknown) => {
  const e = err as Error;
  const known = ['InputError', 'ConfigError', 'DiscoveryError', 'UsageError'].includes(e?.name);
  core.setFailed(`zerodown: ${known ? e.message : `internal error: ${e?.stack ?? String(err)}`}`);
});
