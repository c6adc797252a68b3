/**
 * Ignore comments (DESIGN.md):
 *   -- zerodown-ignore rule-a, rule-b   on the line(s) just above a statement
 *   -- zerodown-ignore                  (no list) ignores every rule for that statement
 *   -- zerodown-ignore-file [rules]     anywhere on its own line: the whole file
 * `squawk-ignore` / `squawk-ignore-file` are accepted too, so teams moving from squawk keep their comments.
 */
const DIRECTIVE = /^\s*--\s*(?:zerodown|squawk)-ignore(-file)?(?:\s+([^\n]*))?$/;

export interface Ignore {
  all: boolean;
  rules: Set<string>;
}

export interface FileIgnores {
  /** whole-file ignore: `true` for every rule */
  file: boolean;
  fileRules: Set<string>;
  /** ignores that apply to a statement starting on `line` (1-based) */
  forLine(line: number): Ignore;
}

const NONE: Ignore = { all: false, rules: new Set() };

function parseList(list: string | undefined): string[] {
  if (!list) return [];
  // allow a trailing explanation after `--` or `:` ("-- zerodown-ignore ban-drop-column -- dropped in v2")
  const head = list.split(/\s--|:/)[0]!;
  return head
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => /^[a-z0-9-]+$/.test(s));
}

export function readIgnores(source: string): FileIgnores {
  if (!source.includes('-ignore')) {
    return { file: false, fileRules: new Set(), forLine: () => NONE };
  }
  const lines = source.split('\n');
  let file = false;
  const fileRules = new Set<string>();
  const byLine = new Map<number, string[] | 'all'>();
  lines.forEach((text, i) => {
    const m = DIRECTIVE.exec(text.replace(/\r$/, ''));
    if (!m) return;
    const rules = parseList(m[2]);
    if (m[1]) {
      if (rules.length === 0) file = true;
      else rules.forEach((r) => fileRules.add(r));
    } else {
      byLine.set(i + 1, rules.length === 0 ? 'all' : rules);
    }
  });
  return {
    file,
    fileRules,
    forLine(line: number): Ignore {
      let all = false;
      const rules = new Set<string>();
      // walk up over the comment block directly above the statement
      for (let l = line - 1; l >= 1; l--) {
        const text = lines[l - 1]!.trim();
        if (!text.startsWith('--')) break;
        const d = byLine.get(l);
        if (d === 'all') all = true;
        else if (d) d.forEach((r) => rules.add(r));
      }
      return all || rules.size ? { all, rules } : NONE;
    },
  };
}

/**
 * `-- squawk-disable-assume-in-transaction` (or `zerodown-…`, also as a C-style comment) on its
 * own line: this file is not run inside the transaction `--assume-in-transaction` otherwise
 * assumes (squawk's file comment, honoured so a migrated squawk setup means the same).
 */
const DISABLE_ASSUME =
  /^[ \t]*(?:--|\/\*)[ \t]*(?:zerodown|squawk)-disable-assume-in-transaction(?=[ \t]*(?:$|--|\*\/))/m;

export function disablesAssumeInTransaction(source: string): boolean {
  return source.includes('-disable-assume-in-transaction') && DISABLE_ASSUME.test(source);
}
