/**
 * Child of streamed-heap.test.ts (run with `node --expose-gc --import tsx`): lints a history file and `n` files
 * under review (one run per size given), each file's result handed to the report in `format` (json, sarif, gitlab)
 * as `zerodown lint` streams it
 * (`streamed`), or kept for one report at the end (`kept`, as before), and prints how much heap the run holds,
 * besides its input, when the last file is done.
 */
import { lintStage } from '../../src/pipeline/index.js';
import { reportStream } from '../../src/report/stream.js';
import { migration } from '../helpers.js';

const mode = process.argv[2] as 'streamed' | 'kept';
const format = process.argv[3]!;
const sizes = process.argv.slice(4).map(Number);
const gc = (globalThis as { gc?: () => void }).gc!;

function used(): number {
  const u = process.memoryUsage();
  return u.heapUsed + u.arrayBuffers;
}

async function run(n: number) {
  // each file brings findings (an unbatched UPDATE, no statement_timeout) but nothing new to the catalog
  const migrations = [
    migration('CREATE TABLE t (id bigint PRIMARY KEY, a int);\n', { path: 'm/0000.sql', review: false }),
    ...Array.from({ length: n }, (_, i) =>
      migration(`UPDATE t SET a = ${i} WHERE a IS NULL;\n`, { path: `m/${String(i + 1).padStart(6, '0')}.sql` }),
    ),
  ];
  gc();
  const base = used();
  let retained = 0;
  let report = 0;
  let findings = 0;
  const stream = reportStream(format, false, false)!;
  const stage = await lintStage(migrations, {
    ...(mode === 'streamed'
      ? {
          onFile: (r) => {
            findings += r.findings.length;
            report += stream.file(r).length;
          },
        }
      : {}),
    onProgress: (done, total) => {
      if (done < total) return;
      gc();
      gc();
      retained = used() - base;
    },
  });
  if (mode === 'kept') for (const f of stage.result.files) findings += f.findings.length;
  return { retained, report, findings, files: stage.result.summary.files };
}

const out = [];
// one after the other in one process (each run's result is dropped before the next)
for (const n of sizes) out.push(await run(n));
process.stdout.write(JSON.stringify(out));
