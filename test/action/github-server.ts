/**
 * A local stand-in for the GitHub REST API: a real node:http server that
 * implements the endpoints the Action uses, with GitHub's pagination (`Link`
 * headers, `per_page`/`page`) and GitHub's rules (comment bodies over 65,536
 * characters are rejected with 422; a read-only token gets 403), and records
 * every request.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeApiServer } from '../fake-api.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
  body?: any;
  /** when it arrived (Date.now()) */
  at: number;
}

/** One scripted answer: the next request matching `method` (and `path`) gets it instead of the normal one. */
export interface ScriptedAnswer {
  method: string;
  path?: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** carry the request out first, then answer this instead (a comment saved, then a 502) */
  after?: boolean;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; id: number; type: 'Bot' | 'User' };
  created_at: string;
  updated_at: string;
  html_url: string;
}

export interface FakePrFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  comments: FakeComment[];
  files: FakePrFile[];
  /** answers for the next matching requests, used up in order (e.g. a 502, then the normal answer) */
  script: ScriptedAnswer[];
  /** HTTP status to answer comment creation/update with instead of doing it (e.g. 403 for a fork's read-only token) */
  failWrites?: number;
  /** the longest comment body accepted (GitHub: 65,536 characters); longer ones get 422 */
  maxBody: number;
  /** HTTP status to answer the PR file list with (e.g. 500) */
  failFiles?: number;
  /** the identity GET /user returns; undefined = 403 like an installation token */
  tokenUser?: string;
  owner: string;
  repo: string;
  prNumber: number;
  addComment(body: string, user?: FakeComment['user']): FakeComment;
  close(): Promise<void>;
}

const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' as const };

/** Requests carried out as usual whose answer a script replaces (`ScriptedAnswer.after`). */
const replaced = new WeakMap<ServerResponse, ScriptedAnswer>();

function send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  const instead = replaced.get(res);
  if (instead) {
    status = instead.status;
    data = instead.body ?? { message: 'scripted' };
    headers = instead.headers ?? {};
  }
  const text = JSON.stringify(data);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function paginate<T>(
  req: IncomingMessage,
  base: string,
  items: T[],
  query: Record<string, string>,
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Number(query.per_page ?? 30));
  const page = Math.max(1, Number(query.page ?? 1));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (p: number, rel: string) =>
    `<${base}${req.url!.split('?')[0]}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
  return { page: slice, headers: links.length ? { link: links.join(', ') } : {} };
}

export async function startFakeGitHub(opts: { owner: string; repo: string; prNumber: number }): Promise<FakeGitHub> {
  let nextId = 1000;
  const state: FakeGitHub = {
    url: '',
    requests: [],
    comments: [],
    files: [],
    script: [],
    owner: opts.owner,
    repo: opts.repo,
    prNumber: opts.prNumber,
    maxBody: 65_536,
    addComment(body, user = BOT) {
      const now = new Date().toISOString();
      const id = nextId++;
      const c: FakeComment = {
        id,
        body,
        user,
        created_at: now,
        updated_at: now,
        html_url: `https://github.com/${opts.owner}/${opts.repo}/pull/${opts.prNumber}#issuecomment-${id}`,
      };
      state.comments.push(c);
      return c;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server: Server = fakeApiServer((req, res, { url: u, query, body }) => {
    state.requests.push({
      method: req.method!,
      path: u.pathname,
      query,
      authorization: req.headers.authorization,
      body,
      at: Date.now(),
    });
    const scripted = state.script.findIndex((s) => s.method === req.method && (!s.path || s.path.test(u.pathname)));
    if (scripted >= 0) {
      const [s] = state.script.splice(scripted, 1);
      if (!s!.after) return send(res, s!.status, s!.body ?? { message: 'scripted' }, s!.headers);
      replaced.set(res, s!); // done as usual below; `send` answers the scripted status instead
    }
    const base = `/repos/${opts.owner}/${opts.repo}`;
    const m = (re: RegExp) => u.pathname.match(re);

    if (req.method === 'GET' && u.pathname === `${base}/pulls/${opts.prNumber}/files`) {
      if (state.failFiles) return send(res, state.failFiles, { message: 'Server Error' });
      const files = state.files.map((f, i) => ({
        sha: `${i}`.padStart(40, '0'),
        filename: f.filename,
        status: f.status,
        additions: 1,
        deletions: 0,
        changes: 1,
      }));
      const { page, headers } = paginate(req, state.url, files, query);
      return send(res, 200, page, headers);
    }
    if (req.method === 'GET' && u.pathname === `${base}/issues/${opts.prNumber}/comments`) {
      const { page, headers } = paginate(req, state.url, state.comments, query);
      return send(res, 200, page, headers);
    }
    if (req.method === 'POST' && u.pathname === `${base}/issues/${opts.prNumber}/comments`) {
      if (state.failWrites)
        return send(res, state.failWrites, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
          status: String(state.failWrites),
        });
      if (typeof body?.body !== 'string' || !body.body) return send(res, 422, { message: 'Validation Failed' });
      if ([...body.body].length > state.maxBody)
        return send(res, 422, {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'IssueComment',
              code: 'unprocessable',
              field: 'data',
              message: 'Body is too long (maximum is 65536 characters)',
            },
          ],
        });
      return send(res, 201, state.addComment(body.body));
    }
    const patch = m(new RegExp(`^${base}/issues/comments/(\\d+)$`));
    if (req.method === 'PATCH' && patch) {
      if (state.failWrites)
        return send(res, state.failWrites, {
          message: 'Resource not accessible by integration',
          status: String(state.failWrites),
        });
      const c = state.comments.find((x) => x.id === Number(patch[1]));
      if (!c) return send(res, 404, { message: 'Not Found' });
      if ([...(body?.body ?? '')].length > state.maxBody) return send(res, 422, { message: 'Validation Failed' });
      c.body = body.body;
      c.updated_at = new Date().toISOString();
      return send(res, 200, c);
    }
    if (req.method === 'GET' && u.pathname === '/user') {
      if (state.tokenUser) return send(res, 200, { login: state.tokenUser, id: 1, type: 'User' });
      return send(res, 403, { message: 'Resource not accessible by integration' });
    }
    send(res, 404, { message: 'Not Found', path: u.pathname });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
