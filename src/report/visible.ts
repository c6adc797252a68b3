/**
 * Makes untrusted text safe to print on a terminal. A migration is written by
 * whoever opened the pull request: its SQL, identifiers and file names can hold
 * escape sequences that clear the screen (`\x1b[2J`), retitle the window
 * (`\x1b]0;…\x07`), overwrite a line (`\r`, backspace) or reorder what is shown
 * (bidi overrides such as U+202E). Every terminal-facing output passes such text
 * through `visible`, which shows those characters as escapes instead of obeying them.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, line/paragraph separators, bidi controls. */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const CONTROL_KEEP_LF = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control character a terminal would act on written as an escape
 * (`\x1b`, `\r`, `\x00`, `\u202e`; tabs are kept). Line feeds are escaped too unless
 * `newlines` is true (for multi-line text such as SQL printed line by line).
 */
export function visible(text: string, opts: { newlines?: boolean } = {}): string {
  const re = opts.newlines ? CONTROL_KEEP_LF : CONTROL;
  re.lastIndex = 0;
  return re.test(text) ? text.replace(re, escapeChar) : text;
}
