/**
 * The sticky merge-request note of `zerodown gitlab`: one per merge request, found again by its hidden
 * marker and edited in place on every pipeline, never posted twice. Through the GitLab REST API with
 * @gitbeaker/rest (https://github.com/jdalrymple/gitbeaker): GET/POST /projects/:id/merge_requests/:iid/notes,
 * PUT …/notes/:note_id, GET /user.
 *
 * Finding it: every page of the merge request's notes (the client follows GitLab's pagination), keeping
 * the notes that carry the marker and were written by the token's own user (GET /user: a project access
 * token is a bot user of its own). A marker pasted into someone else's note is ignored.
 *
 * Retries: the client retries 429 and 502 answers itself (ten attempts, with a short growing pause). A 500, 503
 * or 504, or no answer at all (a reset connection), runs the whole upsert again, twice at most, after 1 s and
 * 3 s: it looks for the note first, so a note GitLab created before failing to say so is edited, not posted
 * twice. Every other error is an answer, reported as an outcome, never thrown.
 */
import { MergeRequestNotes, Users } from '@gitbeaker/rest';

export interface MergeRequestRef {
  /** CI_API_V4_URL, e.g. https://gitlab.com/api/v4 */
  apiUrl: string;
  /** CI_PROJECT_ID (a number, or a URL-encoded path) */
  projectId: string;
  /** CI_MERGE_REQUEST_IID */
  iid: number;
}

export type NoteOutcome =
  | { action: 'created' | 'updated'; id: number }
  | { action: 'skipped'; reason: string }
  | { action: 'failed'; status?: number; reason: string; help: string };

interface NoteLike {
  id: number;
  body?: string;
  system?: boolean;
  author?: { id?: number; username?: string };
}

/** GitLab notes are limited to 1,000,000 characters (Gitlab::Database::MAX_TEXT_SIZE_LIMIT, app/models/concerns/notes/active_record.rb). */
export const NOTE_LIMIT = 1_000_000;
/** What we aim for (UTF-8 bytes, which are never fewer than characters). */
export const NOTE_BUDGET = 990_000;

/** The client's host: the API URL without its `/api/v4` (a GitLab under a relative path keeps its path). */
function hostOf(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '').replace(/\/api\/v4$/, '');
}

/** `status: description` of a client error, without the request (whose headers hold the token). */
function describe(err: unknown): { status?: number; text: string } {
  const e = err as { cause?: { response?: { status?: number }; description?: string }; message?: string };
  const status = e?.cause?.response?.status;
  const msg = (e?.cause?.description || e?.message || String(err)).split('\n')[0]!.slice(0, 300);
  return { ...(status ? { status } : {}), text: status ? `HTTP ${status}: ${msg}` : msg };
}

function failure(err: unknown, doing: string, mr: MergeRequestRef): NoteOutcome {
  const { status, text } = describe(err);
  const reason = `${doing} failed (${text})`;
  const help =
    status === 401
      ? 'GitLab does not accept the token in ZERODOWN_GITLAB_TOKEN: it is wrong, expired or revoked. Create a new project access token (Settings > Access tokens, role Reporter or higher, scope `api`) and store it as the masked CI/CD variable ZERODOWN_GITLAB_TOKEN.'
      : status === 403
        ? 'The token in ZERODOWN_GITLAB_TOKEN may not write merge request notes: it needs the `api` scope (a `read_api` token can only read), and its role must be Reporter or higher in this project. Create a project access token with scope `api` and store it as the masked CI/CD variable ZERODOWN_GITLAB_TOKEN.'
        : status === 404
          ? `GitLab does not know merge request !${mr.iid} of project ${mr.projectId}, or the token cannot see it: the merge request may be gone, or the token belongs to another project.`
          : 'GitLab did not answer as expected; the next pipeline tries again.';
  return { action: 'failed', ...(status ? { status } : {}), reason, help };
}

/** Answers worth asking again: GitLab's own transient failures, and no answer (`status` undefined). */
const TRANSIENT = new Set([500, 503, 504]);
/** The pauses before the second and third attempt, ms. */
const RETRY_PAUSES_MS = [1000, 3000];

/**
 * Creates or updates the sticky note. Never throws. `createIfMissing: false` only updates an existing
 * note (nothing to say on a merge request that never touched a migration).
 */
export async function upsertStickyNote(
  mr: MergeRequestRef,
  token: string,
  body: string,
  opts: { marker: string; createIfMissing: boolean },
): Promise<NoteOutcome> {
  for (let attempt = 0; ; attempt++) {
    const outcome = await upsertOnce(mr, token, body, opts);
    const pause = RETRY_PAUSES_MS[attempt];
    if (outcome.action !== 'failed' || pause === undefined) return outcome;
    if (outcome.status !== undefined && !TRANSIENT.has(outcome.status)) return outcome;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

async function upsertOnce(
  mr: MergeRequestRef,
  token: string,
  body: string,
  opts: { marker: string; createIfMissing: boolean },
): Promise<NoteOutcome> {
  const client = { host: hostOf(mr.apiUrl), token };
  const notes = new MergeRequestNotes(client);
  let existing: NoteLike | undefined;
  try {
    const me = await new Users(client).showCurrentUser();
    const all = (await notes.all(mr.projectId, mr.iid, { perPage: 100 })) as NoteLike[];
    existing = all.find((n) => !n.system && n.author?.id === me.id && (n.body ?? '').includes(opts.marker));
  } catch (err) {
    return failure(err, 'reading the merge request notes', mr);
  }
  try {
    if (existing) {
      const n = (await notes.edit(mr.projectId, mr.iid, existing.id, { body })) as NoteLike;
      return { action: 'updated', id: n.id };
    }
    if (!opts.createIfMissing)
      return { action: 'skipped', reason: 'no migration changes and no earlier zerodown note' };
    const n = (await notes.create(mr.projectId, mr.iid, body)) as NoteLike;
    return { action: 'created', id: n.id };
  } catch (err) {
    return failure(err, existing ? 'updating the note' : 'creating the note', mr);
  }
}
