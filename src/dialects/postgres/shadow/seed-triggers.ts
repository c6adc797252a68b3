/**
 * Seeding, writing rows: triggers are off while seeding (they would write their own rows, or fail on
 * synthetic ones), and back on afterwards.
 */
import { isShadowStop } from '../../../shadow/driver.js';
import type { ProbeTarget } from '../../../shadow/probes.js';
import { qi } from './seed-schema.js';

export interface PausedTriggers {
  /** `session_replication_role = replica` was set */
  replica: boolean;
  /** user triggers switched off one by one, when session_replication_role is not ours to set */
  disabled: { rel: string; name: string }[];
}

export async function pauseTriggers(shadow: ProbeTarget): Promise<PausedTriggers> {
  let replica = false;
  let disabled: { rel: string; name: string }[] = [];
  try {
    await shadow.exec('SET session_replication_role = replica');
    replica = true;
  } catch (err) {
    if (isShadowStop(err)) throw err;
    // not a superuser (the run role on a server): it owns the tables, so it may switch off their
    // enabled user triggers itself, and back on afterwards (those a migration disabled stay off)
    disabled = await shadow
      .query<{ rel: string; name: string }>(
        `SELECT t.tgrelid::regclass::text AS rel, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          WHERE NOT t.tgisinternal AND t.tgenabled = 'O' AND pg_has_role(c.relowner, 'USAGE')`,
      )
      .catch(() => []);
    for (const [i, d] of disabled.entries()) {
      try {
        await shadow.exec(`ALTER TABLE ${d.rel} DISABLE TRIGGER ${qi(d.name)}`);
      } catch {
        disabled = disabled.slice(0, i);
        break;
      }
    }
  }
  return { replica, disabled };
}

/** Undoes `pauseTriggers`, unless the shadow was stopped (the engine is gone). */
export async function resumeTriggers(shadow: ProbeTarget, paused: PausedTriggers): Promise<void> {
  if (paused.replica && !shadow.stopped) await shadow.exec('SET session_replication_role = DEFAULT');
  if (!shadow.stopped)
    for (const d of paused.disabled) await shadow.exec(`ALTER TABLE ${d.rel} ENABLE TRIGGER ${qi(d.name)}`);
}
