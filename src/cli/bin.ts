#!/usr/bin/env node
import { main } from './main.js';
import { redactSecrets } from '../secrets.js';

function exit(code: number): void {
  // flush stdout before exiting, so piped output is never cut short
  process.stdout.write('', () => process.exit(code));
}

main(process.argv.slice(2)).then(exit, (err) => {
  process.stderr.write(redactSecrets(`zerodown: internal error: ${err?.stack ?? err}\n`));
  exit(2);
});
