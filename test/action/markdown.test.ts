/**
 * The PR comment composer with hostile input: SQL and file names from a pull
 * request go through the real parser and rules, then into the Markdown. The
 * checks below read the Markdown the way CommonMark does (code spans and fenced
 * blocks are literal) and assert that nothing outside code can open raw HTML,
 * ping anyone, or break out of a fence.
 */
import { describe, expect, it } from 'vitest';
import { lintMigrations } from '../../src/pipeline/index.js';
import type { LintResult, Migration } from '../../src/model.js';
import { dryRun } from '../../src/shadow/dryrun.js';
import {
  COMMENT_BUDGET,
  dryRunReport,
  STICKY_MARKER,
  codeFence,
  composeReport,
  encodePath,
  escapeText,
  inlineCode,
  richText,
  verdict,
} from '../../src/report/markdown.js';
import { migration } from '../helpers.js';

const ZWJ = '\u200D';

const mig = (path: string, source: string, review = true): Migration => migration(source, { path, review });

const HISTORY = `CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE "Evil</details><img src=x onerror=alert(1)>@admin" (id bigint PRIMARY KEY, "col\`\`\`x" text);
`;

/** Removes fenced code blocks and code spans the way CommonMark reads them; returns the prose that remains. */
function proseOutsideCode(md: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of md.split('\n')) {
    const m = line.match(/^ {0,3}(`{3,})/);
    if (fence) {
      if (m && m[1]!.length >= fence.length && /^ {0,3}`+\s*$/.test(line)) fence = undefined;
      continue;
    }
    // an opening backtick fence's info string cannot contain a backtick (CommonMark 4.5)
    if (m && !line.slice(line.indexOf(m[1]!) + m[1]!.length).includes('`')) {
      fence = m[1];
      continue;
    }
    // code spans: a backtick run opens, the next run of the same length closes
    let text = '';
    let i = 0;
    while (i < line.length) {
      if (line[i] === '\\') {
        text += line.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (line[i] === '`') {
        let n = 0;
        while (line[i + n] === '`') n++;
        let j = i + n;
        let close = -1;
        while (j < line.length) {
          if (line[j] === '`') {
            let k = 0;
            while (line[j + k] === '`') k++;
            if (k === n) {
              close = j;
              break;
            }
            j += k;
          } else j++;
        }
        if (close >= 0) {
          text += '⟨code⟩';
          i = close + n;
          continue;
        }
        text += line.slice(i, i + n);
        i += n;
        continue;
      }
      text += line[i];
      i++;
    }
    out.push(text);
  }
  expect(fence, 'a fenced code block was left open').toBeUndefined();
  return out.join('\n');
}

const ALLOWED_TAGS = /<(\/?(br|sub|details|summary)|!-- zerodown:sticky --)>/g;

function assertSafe(md: string): void {
  const prose = proseOutsideCode(md).replace(ALLOWED_TAGS, '');
  expect(prose).not.toMatch(/<[a-z/!]/i); // no raw HTML left
  for (const m of prose.matchAll(/@/g))
    expect(prose[m.index! + 1], `mention at ${prose.slice(m.index!, m.index! + 20)}`).toBe(ZWJ);
  expect(prose).not.toMatch(/#\d/); // no issue cross-references
}

async function lint(files: Migration[]): Promise<LintResult> {
  return lintMigrations(files);
}

describe('safe Markdown helpers', () => {
  it('code fences are longer than any backtick run inside and keep the text intact', () => {
    const sql = 'SELECT 1; -- ```\n-- ````` nested\n</details>@admin';
    const f = codeFence(sql);
    expect(f.startsWith('``````sql\n')).toBe(true);
    expect(f.endsWith('\n``````')).toBe(true);
    expect(f).toContain(sql);
    expect(proseOutsideCode(f).trim()).toBe('');
    expect(codeFence('SELECT 1')).toBe('```sql\nSELECT 1\n```');
  });

  it('inline code holds backticks, pipes and newlines', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(inlineCode('a|b', { table: true })).toBe('`a\\|b`');
    expect(inlineCode('a\nb')).toBe('`a b`');
    expect(proseOutsideCode(inlineCode('```@x<b>'))).toBe('⟨code⟩');
  });

  it('escapes HTML and Markdown, and breaks mentions and references', () => {
    const s = escapeText('<img src=x> & @octocat [link](http://x) *b* team@org/x #12 GH-3 a|b $x$\nnext');
    expect(s).toBe(
      `&lt;img src=x&gt; &amp; @${ZWJ}octocat \\[link\\](http://x) \\*b\\* team@${ZWJ}org/x #${ZWJ}12 GH-${ZWJ}3 a\\|b \\$x\\$ next`,
    );
    assertSafe(s);
    expect(richText('CREATE INDEX on `</b>@x` blocks <writes>')).toBe(
      `CREATE INDEX on \`</b>@x\` blocks &lt;writes&gt;`,
    );
  });

  it('encodes paths for links so a file name cannot end the Markdown link', () => {
    expect(encodePath('db/m (1)/a b#c.sql')).toBe('db/m%20%281%29/a%20b%23c.sql');
  });
});

describe('composeReport with hostile migrations', () => {
  it('keeps file names, identifiers and messages from the PR inert', async () => {
    const evilPath = 'db/migrations/0002_`pwn`<script>alert(1)</script>@team|x #7.sql';
    const result = await lint([
      mig('db/migrations/0001_init.sql', HISTORY, false),
      mig(evilPath, 'CREATE INDEX "idx@admin<b>" ON "Evil</details><img src=x onerror=alert(1)>@admin" ("col```x");\n'),
    ]);
    const findings = result.files[0]!.findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.some((f) => f.message.includes('@admin'))).toBe(true); // the identifier does reach the message
    const { body } = composeReport(
      { result, repo: { serverUrl: 'https://github.com', owner: 'acme', repo: 'shop', sha: 'abc123' } },
      { budget: COMMENT_BUDGET, marker: STICKY_MARKER },
    );
    expect(body.startsWith(`${STICKY_MARKER}\n### 🛑`)).toBe(true);
    assertSafe(body);
    // the link to the line stays one link, with the path percent-encoded
    expect(body).toContain(`(https://github.com/acme/shop/blob/abc123/${encodePath(evilPath)}#L1)`);
    // every table row has exactly the five cells of the header
    for (const row of body.split('\n').filter((l) => l.startsWith('| 🛑'))) {
      const cells = row.replace(/\\\|/g, '').split('|').length - 2;
      expect(cells).toBe(5);
    }
  });

  it('escapes untrusted text that reaches the prose of a message (defaults, parser errors)', async () => {
    const result = await lint([
      mig('m/0001.sql', HISTORY, false),
      mig(
        'm/0002.sql',
        `ALTER TABLE accounts ADD COLUMN c text NOT NULL DEFAULT ('<img src=x onerror=alert(1)> @admin #12 ' || random());\n`,
      ),
    ]);
    // a message as a rule could word it, with SQL outside backticks
    result.files[0]!.findings.push({
      rule: 'syntax-error',
      severity: 'error',
      message:
        'PostgreSQL cannot parse this file: syntax error at or near "<script>alert(1)</script> @octocat [x](http://evil) #3".',
      help: 'Fix the SQL </details> at this position.',
      path: 'm/0002.sql',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      statementIndex: -1,
    });
    const { body } = composeReport({ result }, { budget: COMMENT_BUDGET, marker: STICKY_MARKER });
    expect(body).toContain(`@${ZWJ}octocat`);
    expect(body).toContain('&lt;script&gt;');
    expect(body).toContain('\\[x\\](http://evil)');
    assertSafe(body);
    assertSafe(composeReport({ result }, { budget: 1_000_000, detailed: true }).body);
  });

  it('shows the statement SQL in the detailed (job summary) form inside a fence that holds', async () => {
    // a quoted identifier may span lines: a line of backticks inside must not close the fence
    const sql = 'CREATE INDEX "a\n```\n</details> @admin <img src=x>" ON accounts (name)';
    const result = await lint([mig('m/0001.sql', HISTORY, false), mig('m/0002.sql', `${sql};\n`)]);
    const { body } = composeReport({ result }, { budget: 1_000_000, detailed: true });
    expect(body).toContain(`\n${sql}\n`);
    assertSafe(body);
  });

  it('several rules on one statement: consecutive rows, the line given once; one SQL fence in the detailed form', async () => {
    // an index on a column the same file adds: index-same-step-as-add-column and
    // require-concurrent-index-creation both flag line 2, each for its own hazard
    const sql = 'ALTER TABLE accounts ADD COLUMN plan text;\nCREATE INDEX accounts_plan_idx ON accounts (plan);\n';
    const result = await lint([mig('m/0001.sql', HISTORY, false), mig('m/0002.sql', sql)]);
    const onIndex = result.files[0]!.findings.filter((f) => f.line === 2).map((f) => f.rule);
    expect(onIndex).toEqual(
      expect.arrayContaining(['index-same-step-as-add-column', 'require-concurrent-index-creation']),
    );
    const repo = { serverUrl: 'https://github.com', owner: 'acme', repo: 'shop', sha: 'abc123' };

    const { body } = composeReport({ result, repo }, { budget: COMMENT_BUDGET, marker: STICKY_MARKER });
    const rows = body.split('\n').filter((l) => /^\| (🛑|⚠️) \|/.test(l));
    const lineCells = rows.map((r) => r.split(' | ')[2]!);
    // one row per finding (JSON and SARIF stay one result per finding too) ...
    expect(rows).toHaveLength(result.files[0]!.findings.length);
    // ... and the line of a statement shows once, the rows of its other findings say ″
    const links = lineCells.filter((c) => c.includes('#L2)'));
    expect(links).toHaveLength(1);
    const first = lineCells.indexOf(links[0]!);
    expect(lineCells.slice(first + 1, first + onIndex.length)).toEqual(Array(onIndex.length - 1).fill('″'));
    assertSafe(body);

    const detailed = composeReport({ result, repo }, { budget: 1_000_000, detailed: true }).body;
    const section = detailed.slice(detailed.indexOf('#### Findings in detail'));
    // the index statement's SQL once, under one heading, then each rule's finding
    expect(section.split('CREATE INDEX accounts_plan_idx').length - 1).toBe(1);
    expect(section).toContain(`**\`m/0002.sql:2\`** · ${onIndex.length} findings on this statement`);
    const after = section.slice(section.indexOf('CREATE INDEX accounts_plan_idx'));
    for (const rule of onIndex) expect(after).toMatch(new RegExp(`^- \\[\`${rule}\`\\]\\(`, 'm'));
    assertSafe(detailed);
  });

  it('gives a green one-line verdict when nothing is wrong, and says when no migration changed', async () => {
    const result = await lint([
      mig('m/0001.sql', HISTORY, false),
      mig('m/0002.sql', 'DROP INDEX CONCURRENTLY IF EXISTS i;\nCREATE INDEX CONCURRENTLY i ON accounts (name);\n'),
    ]);
    expect(verdict({ result })).toBe('### ✅ zerodown: 1 migration checked, no locking or rewrite problems found');
    expect(composeReport({ result }, { budget: COMMENT_BUDGET }).body).not.toContain('| 🛑');
    expect(
      verdict({
        result: { files: [], summary: { files: 0, statements: 0, errors: 0, warnings: 0 } },
        noMigrations: true,
      }),
    ).toBe('### ✅ zerodown: no migration files changed');
  });

  it('degrades step by step to fit the budget: sections → short forms → fewer rows → counts only', async () => {
    const stmts = Array.from({ length: 400 }, (_, i) => `CREATE INDEX i${i} ON accounts (name, id);`).join('\n');
    const result = await lint([mig('m/0001.sql', HISTORY, false), mig('m/0002.sql', stmts)]);
    const total = result.summary.errors + result.summary.warnings;
    expect(result.summary.errors).toBeGreaterThanOrEqual(400); // one CREATE INDEX finding each, at least
    const sections = [
      {
        id: 'plan',
        markdown: `<details><summary>plan</summary>\n\n${codeFence('x'.repeat(30_000))}\n\n</details>`,
        short: '**Plan**: 3 phases, verified.',
      },
    ];
    const input = {
      result,
      sections,
      headline: '**Dry run**: ok',
      repo: {
        serverUrl: 'https://github.com',
        owner: 'o',
        repo: 'r',
        sha: 's',
        runUrl: 'https://github.com/o/r/actions/runs/1',
      },
    };
    const full = composeReport(input, { budget: 10_000_000 });
    expect(full.level).toBe(0);
    expect(full.body).toContain('x'.repeat(30_000));

    const l1 = composeReport(input, { budget: Buffer.byteLength(full.body) - 1000 });
    expect(l1.level).toBe(1);
    expect(l1.body).toContain('**Plan**: 3 phases, verified.');
    expect(l1.body).toContain('[job summary](https://github.com/o/r/actions/runs/1)');
    expect(l1.body).not.toContain('x'.repeat(100));

    const l3 = composeReport(input, { budget: 20_000 });
    expect(l3.level).toBe(3);
    expect(Buffer.byteLength(l3.body)).toBeLessThanOrEqual(20_000);
    expect(l3.omittedFindings).toBeGreaterThan(0);
    expect(l3.body).toContain(`…and ${l3.omittedFindings} more findings`);
    const rows = l3.body.split('\n').filter((l) => /^\| (🛑|⚠️) \|/.test(l)).length;
    expect(rows + l3.omittedFindings).toBe(total);

    const l4 = composeReport(input, { budget: 1_000 });
    expect(l4.level).toBe(4);
    expect(Buffer.byteLength(l4.body)).toBeLessThanOrEqual(1_000);
    expect(l4.body).toMatch(/^### 🛑 zerodown: 1 migration would block writes on `accounts`/);
    for (const c of [full, l1, l3, l4]) assertSafe(c.body);
  });
});

describe('dry-run part of the report', () => {
  it(
    'renders a real PGlite dry run, with hostile names and PostgreSQL error messages kept inert',
    { timeout: 120_000 },
    async () => {
      const history = mig('m/0001.sql', `CREATE TABLE "Evil</details>@admin" (id bigint PRIMARY KEY, v int);\n`, false);
      const change = mig(
        'm/0002_`x`.sql',
        `BEGIN;\nALTER TABLE "Evil</details>@admin" ALTER COLUMN v TYPE bigint;\nALTER TABLE "nope<img src=x>@team" ADD COLUMN w int;\nCOMMIT;\n`,
      );
      const d = await dryRun([history, change], { seedRows: 20 });
      expect(d.files[0]!.error?.code).toBe('42P01'); // the missing relation, quoted in PostgreSQL's message
      const { headline, section } = dryRunReport(d);
      expect(headline).toMatch(/^\*\*Dry run\*\* on pglite/);
      expect(headline).toContain('42P01');
      expect(headline).toContain(`nope&lt;img src=x&gt;@${ZWJ}team`);
      expect(headline).toMatch(
        /AccessExclusiveLock on `Evil<\/details>@admin` taken at line 2 and held until the error at line 3/,
      );
      expect(headline).toMatch(/`Evil<\/details>@admin` rewritten at line 2/);
      expect(section.markdown).toMatch(
        /\| 2 \| `ALTER TABLE "Evil<\/details>@admin" ALTER COLUMN v TYPE bigint` \| AccessExclusiveLock `Evil<\/details>@admin` \| \*\*reads, writes\*\*/,
      );
      expect(section.markdown).toContain('not run: an earlier statement failed');
      const result = await lint([history, change]);
      const { body } = composeReport(
        { result, headline, sections: [section] },
        { budget: COMMENT_BUDGET, marker: STICKY_MARKER },
      );
      assertSafe(body);
      // outside code, exactly our own <details> pair: the identifier's </details> cannot close it
      const prose = proseOutsideCode(body);
      expect(prose.match(/<details>/g)).toHaveLength(1);
      expect(prose.match(/<\/details>/g)).toHaveLength(1);
    },
  );
});
