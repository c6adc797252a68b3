/**
 * A local stand-in for the GitLab REST API (v4): a real node:http server with the endpoints
 * `zerodown gitlab` uses — GET /user, GET/POST /projects/:id/merge_requests/:iid/notes,
 * PUT …/notes/:note_id — with GitLab's offset pagination (`per_page`/`page`, `x-next-page`,
 * `x-total-pages`, `x-page`, `x-per-page`, `x-total` and a `Link` header), GitLab's authentication
 * (`PRIVATE-TOKEN`: 401 for an unknown token, 403 `insufficient_scope` for a `read_api` token on a
 * write), GitLab's rules (only the author edits a note; a note over 1,000,000 characters is a 400),
 * and scripted answers (e.g. one 502). Every request is recorded.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeApiServer } from '../fake-api.js';

export interface GlUser {
  id: number;
  username: string;
  name: string;
  bot?: boolean;
}

export interface GlNote {
  id: number;
  body: string;
  author: GlUser;
  system: boolean;
  created_at: string;
  updated_at: string;
  noteable_type: 'MergeRequest';
  noteable_iid: number;
}

export interface GlRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  token?: string;
  body?: any;
}

export interface FakeGitLab {
  url: string;
  apiUrl: string;
  projectId: number;
  iid: number;
  notes: GlNote[];
  requests: GlRequest[];
  /** token → its user and scopes */
  tokens: Map<string, { user: GlUser; scopes: string[] }>;
  /** the longest note body accepted (GitLab: 1,000,000 characters); longer ones get 400 */
  maxBody: number;
  /**
   * answers for the next matching requests, used up in order; `after`: the request is carried out first, and this
   * answer replaces GitLab's (a note created, then a 503)
   */
  script: { method: string; status: number; body?: unknown; after?: boolean }[];
  addNote(body: string, author: GlUser, system?: boolean): GlNote;
  close(): Promise<void>;
}

export const BOT: GlUser = { id: 900, username: 'project_7_bot_3f2a', name: 'zerodown', bot: true };

export async function startFakeGitLab(opts: { projectId: number; iid: number }): Promise<FakeGitLab> {
  let nextId = 5000;
  const state: FakeGitLab = {
    url: '',
    apiUrl: '',
    projectId: opts.projectId,
    iid: opts.iid,
    notes: [],
    requests: [],
    tokens: new Map(),
    script: [],
    maxBody: 1_000_000,
    addNote(body, author, system = false) {
      const now = new Date().toISOString();
      const n: GlNote = {
        id: nextId++,
        body,
        author,
        system,
        created_at: now,
        updated_at: now,
        noteable_type: 'MergeRequest',
        noteable_iid: opts.iid,
      };
      state.notes.push(n);
      return n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = fakeApiServer(
    (req, res, { url: u, query, body }) => {
      const token = req.headers['private-token'] as string | undefined;
      state.requests.push({ method: req.method!, path: u.pathname, query, ...(token ? { token } : {}), body });
      let replaced: { status: number; body?: unknown } | undefined;
      const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
        if (replaced) {
          ({ status } = replaced);
          data = replaced.body ?? { message: `${status} scripted` };
        }
        const text = JSON.stringify(data);
        res.writeHead(status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...headers,
        });
        res.end(text);
      };
      const scripted = state.script.findIndex((s) => s.method === req.method);
      if (scripted >= 0) {
        const [s] = state.script.splice(scripted, 1);
        if (s!.after) replaced = s;
        else return send(s!.status, s!.body ?? { message: `${s!.status} scripted` });
      }
      const auth = token ? state.tokens.get(token) : undefined;
      if (!auth) return send(401, { message: '401 Unauthorized' });
      const write = req.method !== 'GET';
      if (write && !auth.scopes.includes('api'))
        return send(403, {
          error: 'insufficient_scope',
          error_description: 'The request requires higher privileges than provided by the access token.',
          scope: 'api',
        });
      if (req.method === 'GET' && u.pathname === '/api/v4/user') return send(200, auth.user);

      const base = `/api/v4/projects/${opts.projectId}/merge_requests/${opts.iid}/notes`;
      const mr = u.pathname.match(/^\/api\/v4\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes(?:\/(\d+))?$/);
      if (!mr) return send(404, { error: '404 Not Found' });
      if (mr[1] !== String(opts.projectId) || Number(mr[2]) !== opts.iid)
        return send(404, { message: '404 Merge Request Not Found' });
      if (req.method === 'GET' && !mr[3]) {
        const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 20)));
        const page = Math.max(1, Number(query.page ?? 1));
        const total = state.notes.length;
        const pages = Math.max(1, Math.ceil(total / perPage));
        // GitLab lists notes newest first by default (sort=desc, order_by=created_at)
        const ordered = query.sort === 'asc' ? state.notes : [...state.notes].reverse();
        const slice = ordered.slice((page - 1) * perPage, page * perPage);
        const link = (p: number, rel: string) => `<${state.url}${base}?page=${p}&per_page=${perPage}>; rel="${rel}"`;
        const links = [link(1, 'first'), link(pages, 'last')];
        if (page < pages) links.unshift(link(page + 1, 'next'));
        if (page > 1) links.unshift(link(page - 1, 'prev'));
        return send(200, slice, {
          'x-page': String(page),
          'x-per-page': String(perPage),
          'x-total': String(total),
          'x-total-pages': String(pages),
          'x-next-page': page < pages ? String(page + 1) : '',
          'x-prev-page': page > 1 ? String(page - 1) : '',
          link: links.join(', '),
        });
      }
      const text = body?.body;
      if (write && (typeof text !== 'string' || !text))
        return send(400, { message: '400 Bad request - body is missing' });
      if (write && [...text].length > state.maxBody)
        return send(400, { message: { note: [`is too long (maximum is ${state.maxBody} characters)`] } });
      if (req.method === 'POST' && !mr[3]) return send(201, state.addNote(text, auth.user));
      if (req.method === 'PUT' && mr[3]) {
        const n = state.notes.find((x) => x.id === Number(mr[3]));
        if (!n) return send(404, { message: '404 Not found' });
        if (n.author.id !== auth.user.id) return send(403, { message: '403 Forbidden' });
        n.body = text;
        n.updated_at = new Date().toISOString();
        return send(200, n);
      }
      send(405, { message: '405 Method Not Allowed' });
    },
    (raw) => Object.fromEntries(new URLSearchParams(raw)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.apiUrl = `${state.url}/api/v4`;
  return state;
}
