/**
 * The `pg` driver, loaded on first use: `zerodown lint` never needs it, so its bundle chunk (and the Node
 * built-ins it pulls in: net, tls, crypto) stays unread on a lint run. Every server connection of the
 * PostgreSQL dialect (the URL shadow, `stats export`) is made here.
 */
import type pg from 'pg';

let driver: typeof pg | undefined;

export async function pgClient(config: pg.ClientConfig): Promise<pg.Client> {
  driver ??= (await import('pg')).default;
  return new driver.Client(config);
}
