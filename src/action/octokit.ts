/**
 * The Action's GitHub client: @actions/github's Octokit with Octokit's own retry
 * and throttling plugins, so a passing API hiccup does not lose the comment.
 *
 * - 5xx and network errors: retried 3 times, after 1, 4 and 9 × `retryBaseMs` (@octokit/plugin-retry), except a
 *   request that asks for no retries (`request: { retries: 0 }`): the comment POST, which src/action/comment.ts
 *   retries itself, after looking whether GitHub saved it anyway (`retryPauseMs` gives it the same back-off).
 * - Rate limits (403/429 with GitHub's secondary-rate-limit message, or `x-ratelimit-remaining: 0`): retried
 *   twice, after the `retry-after` GitHub asks for (or the reset time), unless that is longer than
 *   `maxWaitSeconds`: a job waiting an hour for a comment helps nobody (@octokit/plugin-throttling).
 * - Any other 4xx (a fork's read-only token gets 403) is an answer, not a hiccup: never retried. A 429 without
 *   GitHub's rate-limit message or headers is not retried either (GitHub always sends one or the other).
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Octokit } from './files.js';

export interface ClientOptions {
  baseUrl?: string;
  /** the unit of the 5xx back-off, in ms (default 1000: waits of 1 s, 4 s, 9 s); tests make it small */
  retryBaseMs?: number;
  /** the longest rate-limit wait worth making, in seconds (default 60) */
  maxWaitSeconds?: number;
  /** where a retry is reported (the Action's log) */
  log?: (msg: string) => void;
}

/** Rate-limit retries per request. */
const RATE_LIMIT_RETRIES = 2;

/** The 5xx back-off unit of each client createOctokit made. */
const RETRY_BASE = new WeakMap<object, number>();

/** The pause before retry number `n` (1, 2, 3) of a request this client does not retry by itself, ms. */
export function retryPauseMs(octokit: Octokit, n: number): number {
  return (RETRY_BASE.get(octokit) ?? 1000) * n * n;
}

export function createOctokit(token: string, opts: ClientOptions = {}): Octokit {
  const maxWait = opts.maxWaitSeconds ?? 60;
  const log = opts.log ?? (() => {});
  const onLimit =
    (what: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
      const req = `${options.method ?? ''} ${options.url ?? ''}`.trim();
      if (retryCount >= RATE_LIMIT_RETRIES) {
        log(`zerodown: GitHub ${what} on ${req} again after ${retryCount} retries; giving up.`);
        return false;
      }
      if (retryAfter > maxWait) {
        log(
          `zerodown: GitHub ${what} on ${req}: it asks to wait ${retryAfter} s, longer than ${maxWait} s; giving up.`,
        );
        return false;
      }
      log(`zerodown: GitHub ${what} on ${req}: retrying in ${retryAfter} s, as GitHub asks.`);
      return true;
    };
  const octokit = getOctokit(
    token,
    {
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
      retry: {
        retryAfterBaseValue: opts.retryBaseMs ?? 1000,
        // the plugin's list plus 429: a rate limit belongs to the throttling plugin, which waits what GitHub asks
        // (the retry plugin would retry it after its own 1 s back-off, ignoring retry-after)
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
  RETRY_BASE.set(octokit, opts.retryBaseMs ?? 1000);
  return octokit;
}
