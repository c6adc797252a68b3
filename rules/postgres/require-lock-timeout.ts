import { defineRule } from '../../src/dialects/postgres/rule.js';
import {
  aLock,
  blocksTraffic,
  commandLabel,
  createdBefore,
  firstInFile,
  lastSetting,
  lockImpact,
  setsZero,
  statementLocks,
  strongerLock,
} from '../../src/dialects/postgres/locks.js';

const ID = 'require-lock-timeout';

export default defineRule({
  meta: {
    id: ID,
    severity: 'warning',
    summary:
      'A statement that waits for a lock blocking reads or writes on an existing table, with no lock_timeout set: while it waits, all traffic queues behind it.',
  },
  check(stmt, ctx) {
    if (ctx.tx.lockTimeout) return;
    const locks = statementLocks(stmt.kind, stmt.ast, { pgVersion: ctx.pgVersion, catalog: ctx.catalog });
    if (!locks.length) return;
    const created = createdBefore(ctx.statements, stmt.index);
    const blocking = locks.filter(
      (l) => blocksTraffic(l.mode) && !(l.rel && (ctx.isNewTable(l.rel) || created.has(l.rel))),
    );
    if (!blocking.length) return;
    const last = lastSetting(ctx.statements, stmt.index, 'lock_timeout');
    // `SET lock_timeout = 0` right before is a deliberate choice, not an omission
    if (setsZero(last)) return;
    if (!firstInFile(ID, ctx, stmt)) return;

    const mode = blocking.map((l) => l.mode).reduce(strongerLock);
    const target = blocking.find((l) => l.mode === mode)!;
    const others = blocking.filter((l) => l !== target).map((l) => l.what);
    const label = commandLabel(stmt.kind, stmt.ast);
    const where = target.what;
    let because = 'no lock_timeout is set';
    if (last?.ast.is_local && last.ast.kind === 'VAR_SET_VALUE') {
      because = `the SET LOCAL lock_timeout on line ${last.span.line} no longer applies (it lasts only until the end of its transaction and does nothing outside one)`;
    } else if (last) {
      because = `lock_timeout was reset on line ${last.span.line}`;
    }
    return {
      message:
        `${label} needs ${aLock(mode)} on ${where}${others.length ? `, plus a lock on ${others.join(' and ')}` : ''}, and ${because}. ` +
        `If any transaction holds a lock there, even a long SELECT, this statement waits, and ${lockImpact(mode)}${mode === 'AccessExclusiveLock' ? '' : ' (reads continue)'} arriving meanwhile queues behind it: an outage until the blocker finishes.`,
      help: "Start the migration with `SET lock_timeout = '2s';` so the statement gives up instead of queueing traffic, and retry the migration.",
      lock: mode,
      table: target.rel,
      data: { setting: 'lock_timeout', locks: blocking.map((l) => ({ rel: l.rel, mode: l.mode })) },
    };
  },
});
