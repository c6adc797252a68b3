/** Text helpers the planner and the dialects' rewrites share. */

/** One line of at most `max` characters (whitespace runs folded, an ellipsis when cut). */
export function shorten(text: string, max = 90): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
