/**
 * Secrets never leave the process. A shadow database URL may hold a password,
 * and it can surface anywhere: in our own messages, in an error the `pg` driver
 * or Node's URL parser throws, in a stack trace. So every secret is registered
 * once, process-wide, and every piece of text is redacted on its way out:
 *
 *   registerSecretUrl(url);              // where a URL enters (CLI option, Action input, config, the shadow driver)
 *   out.write(redactSecrets(text));      // where text leaves (stdout/stderr are guarded as a whole: guardStream)
 *
 * From a connection string of any shape (a URL the WHATWG parser rejects, no
 * scheme, a password holding `@ : / %`, `?password=`, `&sslpassword=`,
 * `passfile=`, a libpq key=value DSN with quoted values, an empty user, IPv6
 * hosts) it derives every secret value, and for each value every form it can be
 * printed in (raw, percent-decoded, percent-encoded, JSON-, Markdown-, HTML- and
 * workflow-command-escaped), and redacts them all, the whole string included.
 * Only registered secrets are redacted: text that merely looks like a password
 * (`SET password = …` in a migration) is the user's SQL and stays as it is.
 */
// No imports: the CLI loads this module before anything else (src/cli/main.ts), so it stays tiny.

export const REDACTED = '***';

/**
 * Values shorter than this are not redacted wherever they appear (a password
 * `pw` would turn every "pw" of a report into `***`); the URL holding them
 * still is, and displayConnection masks them in our own messages.
 */
const MIN_SECRET = 4;

const KEYS = /^(password|sslpassword|passfile)$/i;

const registered = new Set<string>();
let pattern: RegExp | undefined;

function tryDecode(s: string, plus = false): string | undefined {
  try {
    return decodeURIComponent(plus ? s.replace(/\+/g, ' ') : s);
  } catch {
    return undefined; // a malformed escape such as `%zz`
  }
}

/**
 * The secret values a connection string carries: its passwords (and passfile), and the whole string. None for a
 * valid URL without a password (`postgres://postgres@localhost/db` stays readable in messages); the whole string
 * for one zerodown cannot make sense of, to be safe.
 */
export function secretValues(conn: string): string[] {
  const values = new Set<string>();
  const add = (v: string | undefined) => {
    if (v !== undefined && v !== '') values.add(v);
  };
  // URL shape, parsed by hand so that a rejected URL (port 99999, a raw `@` or `/` in the password) still yields its
  // password: the user info ends at SOME `@`; every candidate is redacted (a longer wrong one only covers URL text)
  const scheme = /^\s*(?:[a-z][a-z0-9+.-]*:\/\/)?/i.exec(conn)![0];
  const rest = conn.slice(scheme.length);
  for (let at = rest.indexOf('@'); at >= 0; at = rest.indexOf('@', at + 1)) {
    const userinfo = rest.slice(0, at);
    const colon = userinfo.indexOf(':');
    if (colon >= 0 && !userinfo.startsWith('[')) add(userinfo.slice(colon + 1));
  }
  let href: string | undefined;
  try {
    const u = new URL(conn.trim());
    add(u.password); // what the WHATWG parser makes of it, when it accepts it
    href = u.href;
  } catch {
    /* not a URL it accepts */
  }
  // query parameters (`?password=…&sslpassword=…`)
  const q = rest.indexOf('?');
  if (q >= 0) {
    for (const pair of rest.slice(q + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq > 0 && KEYS.test(tryDecode(pair.slice(0, eq)) ?? '')) add(pair.slice(eq + 1).split('#')[0]);
    }
  }
  // libpq key=value: `host=db password=secret`, `password='it\'s quoted'`
  for (const m of conn.matchAll(/\b(password|sslpassword|passfile)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|([^\s&]+))/gi)) {
    if (m[2] !== undefined) {
      add(m[2]);
      add(m[2].replace(/\\(.)/g, '$1'));
    } else add(m[3]);
  }
  if (!values.size && href !== undefined) return [];
  return [conn, conn.trim(), ...(href ? [href] : []), ...values].filter((v, i, all) => v && all.indexOf(v) === i);
}

const ZWJ = '\u200D';
// the escapes of src/report/markdown.ts (escapeText, escapeHtml) and src/report/github.ts (escapeData), copied
// rather than imported so that this module loads nothing; test/secrets.test.ts checks they still agree
const neutralise = (s: string) =>
  s
    .replace(/@/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`)
    // GitLab: !123 (merge request) and &123 (epic) references, which cross-link like #123
    .replace(/!(?=\d)/g, `!${ZWJ}`)
    .replace(/(&amp;|&)(?=\d)/g, `$1${ZWJ}`);
const entities = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const markdownForm = (s: string) =>
  neutralise(entities(s.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`)));
const htmlForm = (s: string) => neutralise(entities(s).replace(/"/g, '&quot;'));
const commandForm = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** The secret values of a connection string and their percent-decoded forms: what a log masker should hide. */
export function plainSecrets(conn: string): string[] {
  return [...new Set(secretValues(conn).flatMap((v) => [v, tryDecode(v) ?? v]))];
}

/** Every form a secret value may be printed in. */
export function secretForms(value: string): string[] {
  const bases = new Set([value, tryDecode(value), tryDecode(value, true)].filter((v): v is string => !!v));
  const forms = new Set<string>();
  for (const b of bases) {
    for (const f of [
      b,
      encodeURIComponent(b),
      JSON.stringify(b).slice(1, -1),
      markdownForm(b),
      htmlForm(b),
      commandForm(b),
      b.replace(/\r?\n|\r/g, ' '),
    ])
      if (f.length >= MIN_SECRET) forms.add(f);
  }
  return [...forms];
}

/** Registers a connection string (any shape): its passwords and the string itself are redacted from now on. */
export function registerSecretUrl(conn: string | undefined): void {
  if (!conn) return;
  for (const v of secretValues(conn)) registerSecret(v);
}

/** Registers one secret value (a password, a token). */
export function registerSecret(value: string | undefined): void {
  if (!value) return;
  let changed = false;
  for (const f of secretForms(value)) {
    if (!registered.has(f)) {
      registered.add(f);
      changed = true;
    }
  }
  if (changed) pattern = undefined;
}

/** Whether any secret is registered: output is then redacted as it is written, and is never replayed as saved. */
export function hasSecrets(): boolean {
  return registered.size > 0;
}

/** Forgets every registered secret (tests). */
export function forgetSecrets(): void {
  registered.clear();
  pattern = undefined;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every form of every registered secret replaced by `***`. */
export function redactSecrets(text: string): string {
  if (!text || !registered.size) return text;
  pattern ??= new RegExp(
    [...registered]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join('|'),
    'g',
  );
  return text.replace(pattern, REDACTED);
}

/**
 * A connection string as it may be shown: scheme, user, host and database kept,
 * every password replaced by `***`, whatever its shape (for messages such as
 * "cannot connect to postgres://app:***@db:5432/shop").
 */
export function displayConnection(conn: string): string {
  let out = conn.trim();
  // longest first: a password holding `@` must go whole, not leave a tail behind a shorter candidate
  for (const v of secretValues(conn).sort((a, b) => b.length - a.length)) {
    if (v.length >= out.length) continue; // the whole string
    out = out.split(v).join(REDACTED);
  }
  return out;
}

/**
 * Redacts everything written to `stream` (process.stdout/stderr) until the
 * returned function is called: a message nobody thought to redact still
 * cannot carry a secret out. `::add-mask::` workflow commands pass unchanged,
 * since they tell the runner what to mask.
 */
export function guardStream(stream: NodeJS.WriteStream): () => void {
  const original = stream.write;
  const guarded = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    if (typeof chunk === 'string' && !chunk.startsWith('::add-mask::')) chunk = redactSecrets(chunk);
    else if (Buffer.isBuffer(chunk) && registered.size) {
      const text = chunk.toString('utf8');
      const clean = redactSecrets(text);
      if (clean !== text) chunk = clean;
    }
    return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  };
  stream.write = guarded as NodeJS.WriteStream['write'];
  return () => {
    if (stream.write === guarded) stream.write = original;
  };
}
