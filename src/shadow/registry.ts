/**
 * Every shadow open in this process, so that Ctrl-C / SIGTERM can stop the
 * running statement and close them all (src/pipeline/signals.ts): PGlite workers
 * are terminated, server databases and roles dropped.
 */
import type { Shadow } from './driver.js';

const open = new Set<Shadow>();

export function trackShadow(shadow: Shadow): void {
  open.add(shadow);
}

export function untrackShadow(shadow: Shadow): void {
  open.delete(shadow);
}

/**
 * Closes every open shadow (each close stops its running statement first); never throws. Waits
 * for the servers' (their databases must be dropped), not for PGlite's: an embedded engine leaves
 * nothing behind, and the process exit that follows stops its worker anyway.
 */
export async function closeAllShadows(): Promise<void> {
  await Promise.allSettled(
    [...open].map((s) => {
      const closing = s.close();
      if (s.kind !== 'pglite') return closing;
      closing.catch(() => {});
      return undefined;
    }),
  );
}

export function openShadowCount(): number {
  return open.size;
}
