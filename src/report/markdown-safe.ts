/**
 * Safe Markdown for text that comes from a pull request (file names, identifiers inside
 * messages, SQL, PostgreSQL error messages): code spans and fences longer than any backtick
 * run inside them, HTML escaped, @mentions and #references neutralised with a zero-width
 * joiner. Every report that writes Markdown (PR comment, job summary, `--format markdown`)
 * lets untrusted text in only through these helpers.
 */
const ZWJ = '\u200D';

/** Breaks @mentions and #123 / GH-123 / !123 / &123 references so that text from a PR or MR cannot ping or cross-link anyone. */
export function neutralise(s: string): string {
  return (
    s
      .replace(/@/g, `@${ZWJ}`)
      .replace(/#(?=\d)/g, `#${ZWJ}`)
      .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`)
      // GitLab: !123 (merge request) and &123 (epic) references, which cross-link like #123
      .replace(/!(?=\d)/g, `!${ZWJ}`)
      .replace(/(&amp;|&)(?=\d)/g, `$1${ZWJ}`)
  );
}

/** Escapes text for an HTML context (`<summary>`, attributes): entities, plus mention neutralising. */
export function escapeHtml(s: string): string {
  return neutralise(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
}

/**
 * Escapes untrusted text for Markdown prose (and table cells): HTML entities,
 * backslash-escaped Markdown punctuation that could open emphasis, links,
 * code, tables, strikethrough or GitHub's `$…$` math, newlines folded to
 * spaces, mentions broken.
 */
export function escapeText(s: string): string {
  const flat = s.replace(/\r?\n|\r/g, ' ');
  const md = flat.replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`);
  return neutralise(md.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

function longestRun(s: string, ch: string): number {
  let best = 0;
  let cur = 0;
  for (const c of s) {
    cur = c === ch ? cur + 1 : 0;
    if (cur > best) best = cur;
  }
  return best;
}

/**
 * An inline code span that holds any text: the delimiter is one backtick longer
 * than the longest run inside, newlines become spaces, and `|` is escaped so the
 * span can sit in a table cell (GFM unescapes `\|` inside code spans in tables).
 */
export function inlineCode(s: string, opts: { table?: boolean } = {}): string {
  let body = s.replace(/\r?\n|\r/g, ' ');
  if (opts.table) body = body.replace(/\|/g, '\\|');
  if (body === '') return '` `';
  const fence = '`'.repeat(longestRun(body, '`') + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block that holds any text: the fence is longer than any backtick run inside. */
export function codeFence(code: string, lang = 'sql'): string {
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  const body = code.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return `${fence}${lang}\n${body}\n${fence}`;
}

/**
 * Renders a rule message: the rules wrap identifiers and SQL in backticks, which
 * become safe code spans; everything else is escaped prose.
 */
export function richText(s: string, opts: { table?: boolean } = {}): string {
  const out: string[] = [];
  const re = /`([^`\n]+)`/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(escapeText(s.slice(last, m.index)));
    out.push(inlineCode(m[1]!, opts));
    last = m.index + m[0].length;
  }
  out.push(escapeText(s.slice(last)));
  return out.join('');
}

/** Percent-encodes a repository path for a URL, segment by segment (also `(`, `)` so Markdown links hold). */
export function encodePath(p: string): string {
  return p
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
