/** What the fake GitHub and GitLab APIs (test/action/github-server.ts, test/cli/gitlab-server.ts) share. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface FakeRequest {
  url: URL;
  query: Record<string, string>;
  /** JSON when the body parses as JSON, else what `otherwise` makes of the text */
  body: any;
}

/** An HTTP server that reads each request's whole body before handing it to `handle`. */
export function fakeApiServer(
  handle: (req: IncomingMessage, res: ServerResponse, r: FakeRequest) => void,
  otherwise: (raw: string) => unknown = (raw) => raw,
): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://localhost');
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: any;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = otherwise(raw);
      }
      handle(req, res, { url, query: Object.fromEntries(url.searchParams), body });
    });
  });
}
