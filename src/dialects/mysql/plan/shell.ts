/**
 * POSIX shell quoting for the gh-ost and pt-online-schema-change commands the planner writes: a
 * table name, a database name or an ALTER clause from a migration stays exactly one argument,
 * whatever quotes, `$`, backticks, spaces or newlines it holds.
 */

/** One shell word with the value `arg`: bare when only safe characters, else single-quoted (`'` as `'\''`). */
export function shellQuote(arg: string): string {
  if (arg.includes('\0')) throw new Error('a shell argument cannot contain a NUL character');
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `--name=value` with the whole word quoted. */
export function flag(name: string, value: string | number): string {
  return shellQuote(`--${name}=${value}`);
}

/** Joins shell words into one line (no continuation backslashes: a command copied from a comment still runs). */
export function commandLine(words: readonly string[]): string {
  return words.join(' ');
}
