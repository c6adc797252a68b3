/**
 * Running many statements in one round trip: the history replay's fast path. Only a success
 * counts; on an error the caller runs the statements one by one, the way their tool would.
 */
import type { Statement } from '../model.js';
import type { Shadow } from './driver.js';
import { isShadowStop } from './driver.js';

/**
 * History replay fast path: a file whose statements can all share one
 * transaction runs as one round trip. It only counts when it succeeds; on any
 * error it is rolled back and the file runs statement by statement, exactly
 * as the tool would, so errors keep their file and line.
 */
export async function tryBatch(shadow: Shadow, statements: Statement[]): Promise<boolean> {
  if (!statements.length) return true;
  const p = shadow.probes;
  // one file's statements alone: what only keeps statements from sharing a transaction with
  // other files' does not stop them (lemmy's 12 files that add an enum value: 110 round trips)
  if (statements.some((s) => p.breaksBatch(s, shadow.serverVersion, true) || p.refused(s, shadow.kind))) return false;
  try {
    await execBatch(
      shadow,
      statements.map((s) => s.text),
    );
    return true;
  } catch (err) {
    if (isShadowStop(err)) throw err;
    await shadow.exec('ROLLBACK').catch(() => {});
    return false;
  }
}

/** Batches of history longer than this many characters are sent this much at a time. */
export const BATCH_CHARS = 1 << 20;

/**
 * Runs statements in one transaction: as one query string, or for a long batch (a 20 MB data
 * migration in the history) BEGIN, pieces of about BATCH_CHARS, COMMIT, so the server never
 * holds the parse trees of the whole file at once. The caller rolls back on an error.
 */
export async function execBatch(shadow: Shadow, texts: string[]): Promise<void> {
  let total = 0;
  for (const t of texts) total += t.length + 3;
  if (total <= BATCH_CHARS) {
    await shadow.exec(`BEGIN;\n${texts.join('\n;\n')}\n;\nCOMMIT`);
    return;
  }
  await shadow.exec('BEGIN');
  let from = 0;
  let size = 0;
  for (let i = 0; i < texts.length; i++) {
    size += texts[i]!.length + 3;
    if (size < BATCH_CHARS && i + 1 < texts.length) continue;
    await shadow.exec(`${texts.slice(from, i + 1).join('\n;\n')}\n;`);
    from = i + 1;
    size = 0;
  }
  await shadow.exec('COMMIT');
}
