#!/usr/bin/env node
import { isMainThread } from 'node:worker_threads';
import { main } from './main.js';
import { redactSecrets } from '../secrets.js';

function exit(code: number): void {
  // flush stdout before exiting, so piped output is never cut short
  process.stdout.write('', () => process.exit(code));
}

if (isMainThread) {
  main(process.argv.slice(2)).then(exit, (err) => {
    process.stderr.write(redactSecrets(`zerodown: internal error: ${err?.stack ?? err}\n`));
    exit(2);
  });
} else {
  // `zerodown lint` on a large run starts this same file as a worker thread (src/cli/parallel.ts)
  void import('./parallel.js').then((p) => (p.isLintWorker() ? p.runLintWorker() : undefined));
}
