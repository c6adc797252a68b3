/**
 * `zerodown lsp` driven over stdio by a real LSP client (vscode-languageserver-protocol's
 * connection on a spawned `node --import tsx src/cli/bin.ts lsp`): initialize, diagnostics on
 * open with the catalog replayed from the files before the open one (on disk) and the open text
 * from the buffer, updates on change, code actions applied to the text and linted again, the plan
 * command, a syntax error, shutdown and exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShowDocumentRequest,
  ShutdownRequest,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

const repo = path.resolve(import.meta.dirname, '../..');

const HISTORY = `CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, plan_id bigint);
CREATE TABLE plans (id bigint PRIMARY KEY);
CREATE INDEX accounts_plan_idx ON accounts (plan_id);
`;

/** CREATE INDEX on a table the earlier file made (flags), and on one this file makes (does not). */
const OPEN = `CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint);
CREATE INDEX invoices_account_idx ON invoices (account_id);
CREATE INDEX accounts_email_idx ON accounts (email);
`;

interface Server {
  child: ChildProcess;
  conn: ProtocolConnection;
  diagnostics: Map<string, PublishDiagnosticsParams[]>;
  edits: WorkspaceEdit[];
  shown: string[];
  stderr: string[];
}

function start(
  dir: string,
  initializationOptions: Record<string, unknown> = {},
): Promise<{ server: Server; init: InitializeResult }> {
  // tsx by URL: the server runs in the project's directory, where no node_modules is
  const tsx = import.meta.resolve('tsx');
  const child = spawn(process.execPath, ['--import', tsx, path.join(repo, 'src/cli/bin.ts'), 'lsp', '--stdio'], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe'],
    // a secret that is in every path the server sends back: redacting it inside a frame would break the protocol
    env: { ...process.env, NO_COLOR: '1', PGPASSWORD: 'migrations' },
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (b) => stderr.push(String(b)));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const server: Server = { child, conn, diagnostics: new Map(), edits: [], shown: [], stderr };
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    server.diagnostics.set(p.uri, [...(server.diagnostics.get(p.uri) ?? []), p]);
  });
  conn.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
    server.edits.push(p.edit);
    return { applied: true };
  });
  conn.onRequest(ShowDocumentRequest.type, (p) => {
    server.shown.push(p.uri);
    return { success: true };
  });
  conn.listen();
  return conn
    .sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'proj' }],
      clientInfo: { name: 'zerodown-test' },
      capabilities: {
        window: { showDocument: { support: true } },
        workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
      },
      initializationOptions: { debounceMs: 50, ...initializationOptions },
    })
    .then(async (init) => {
      await conn.sendNotification(InitializedNotification.type, {});
      return { server, init };
    });
}

/** The code actions the server offers for one of its diagnostics. */
async function actionsFor(s: Server, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return (await s.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as CodeAction[];
}

/** The next diagnostics published for `uri` at `version` (or later). */
async function diagnosticsFor(s: Server, uri: string, version: number): Promise<Diagnostic[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const got = (s.diagnostics.get(uri) ?? []).find((p) => (p.version ?? 0) >= version);
    if (got) return got.diagnostics;
    if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version}; stderr: ${s.stderr.join('')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function open(s: Server, file: string, text: string): Promise<void> {
  return s.conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: pathToFileURL(file).href, languageId: 'sql', version: 1, text },
  });
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.sql', 'sql', 1, text), edits);
}

const editsOf = (a: CodeAction, uri: string) => a.edit?.changes?.[uri] ?? [];

let root: string;
let migrations: string;
let s: Server;
let init: InitializeResult;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'zd-s17-lsp-'));
  migrations = path.join(root, 'db', 'migrations');
  mkdirSync(migrations, { recursive: true });
  writeFileSync(path.join(migrations, '001_accounts.sql'), HISTORY);
  // on disk the file under edit is empty: the server must read the buffer, not the disk
  writeFileSync(path.join(migrations, '002_invoices.sql'), '');
  mkdirSync(path.join(root, 'scripts'));
  writeFileSync(path.join(root, 'scripts', 'report.sql'), 'CREATE INDEX x ON accounts (email);\n');
  ({ server: s, init } = await start(root, { planDocument: 'untitled' }));
});

afterAll(async () => {
  if (s?.child.exitCode === null) s.child.kill();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('zerodown lsp', () => {
  it('initializes with its capabilities', () => {
    expect(init.serverInfo?.name).toBe('zerodown');
    expect(init.capabilities.codeActionProvider).toBeTruthy();
    expect(init.capabilities.executeCommandProvider?.commands).toContain('zerodown.showPlan');
    expect(init.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2, save: {} });
  });

  it('flags CREATE INDEX on a table an earlier file created, not on one this file creates', async () => {
    const file = path.join(migrations, '002_invoices.sql');
    const uri = pathToFileURL(file).href;
    await open(s, file, OPEN);
    const diags = await diagnosticsFor(s, uri, 1);
    const idx = diags.filter((d) => d.code === 'require-concurrent-index-creation');
    expect(idx).toHaveLength(1);
    // line 3 (0-based 2), the whole statement
    expect(idx[0]!.range.start).toEqual({ line: 2, character: 0 });
    expect(idx[0]!.range.end.line).toBe(2);
    expect(idx[0]!.severity).toBe(1);
    expect(idx[0]!.source).toBe('zerodown');
    expect(idx[0]!.codeDescription?.href).toMatch(/docs\/rules\/require-concurrent-index-creation\.md$/);
    expect(idx[0]!.message).toContain('accounts');
  });

  it('updates the diagnostics on change', async () => {
    const file = path.join(migrations, '002_invoices.sql');
    const uri = pathToFileURL(file).href;
    const text = `${OPEN}ALTER TABLE accounts ADD CONSTRAINT accounts_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id);\n`;
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text }],
    });
    const diags = await diagnosticsFor(s, uri, 2);
    expect(diags.map((d) => d.code)).toContain('adding-foreign-key-constraint');
    expect(diags.find((d) => d.code === 'adding-foreign-key-constraint')!.range.start.line).toBe(3);
  });

  it('code actions: the plan rewrite and the ignore comment, each linting clean for the rule once applied', async () => {
    const file = path.join(migrations, '002_invoices.sql');
    const uri = pathToFileURL(file).href;
    const text = `${OPEN}ALTER TABLE accounts ADD CONSTRAINT accounts_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id);\n`;
    const diags = await diagnosticsFor(s, uri, 2);
    const index = diags.find((d) => d.code === 'require-concurrent-index-creation')!;
    const actions = await actionsFor(s, uri, index);
    // one rewrite for the statement, whatever the number of its findings
    expect(actions.filter((a) => a.title.includes('rewrite as the plan does'))).toHaveLength(1);
    const rewrite = actions.find((a) => a.title.includes('rewrite as the plan does'))!;
    expect(rewrite.isPreferred).toBe(true);
    const fixed = applyEdits(text, editsOf(rewrite, uri));
    expect(fixed).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_idx ON accounts (email);');
    const ignore = actions.find((a) => a.title.includes('ignore require-concurrent-index-creation'))!;
    const ignored = applyEdits(text, editsOf(ignore, uri));
    expect(ignored.split('\n')[2]).toBe(
      '-- zerodown-ignore require-concurrent-index-creation -- <reason: why this is safe here>',
    );
    expect(actions.some((a) => a.command?.command === 'zerodown.showPlan')).toBe(true);

    // the foreign key: NOT VALID, then VALIDATE CONSTRAINT (each autocommits: plain SQL runs statement by statement)
    const fk = diags.find((d) => d.code === 'adding-foreign-key-constraint')!;
    const fkActions = await actionsFor(s, uri, fk);
    const fkRewrite = fkActions.find((a) => a.title.includes('rewrite as the plan does'))!;
    expect(fkRewrite).toBeTruthy();
    const fkFixed = applyEdits(
      fixed,
      editsOf(fkRewrite, uri).map((e) => e),
    );
    expect(fkFixed).toContain(
      'ALTER TABLE accounts ADD CONSTRAINT accounts_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id) NOT VALID;\nALTER TABLE accounts VALIDATE CONSTRAINT accounts_plan_fk;',
    );

    // the edited buffer, sent back: neither rule flags any more, the ignored one neither
    for (const [version, body] of [
      [3, fkFixed],
      [4, ignored],
    ] as const) {
      await s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text: body }],
      });
      const after = await diagnosticsFor(s, uri, version);
      expect(after.map((d) => d.code)).not.toContain('syntax-error');
      expect(after.map((d) => d.code)).not.toContain('require-concurrent-index-creation');
      if (version === 3) expect(after.map((d) => d.code)).not.toContain('adding-foreign-key-constraint');
    }
  });

  it('DROP INDEX: the rewrite adds CONCURRENTLY', async () => {
    const file = path.join(migrations, '006_drop.sql');
    const uri = pathToFileURL(file).href;
    const text = 'DROP INDEX accounts_plan_idx;\n';
    await open(s, file, text);
    const drop = (await diagnosticsFor(s, uri, 1)).find((d) => d.code === 'require-concurrent-index-deletion')!;
    const actions = await actionsFor(s, uri, drop);
    const rewrite = actions.find((a) => a.title.includes('rewrite as the plan does'))!;
    expect(applyEdits(text, editsOf(rewrite, uri))).toBe('DROP INDEX CONCURRENTLY IF EXISTS accounts_plan_idx;\n');
  });

  it('offers no in-place rewrite inside a transaction, where CONCURRENTLY would fail', async () => {
    const file = path.join(migrations, '003_tx.sql');
    const uri = pathToFileURL(file).href;
    await open(s, file, 'BEGIN;\nCREATE INDEX accounts_email_idx2 ON accounts (email);\nCOMMIT;\n');
    const diags = await diagnosticsFor(s, uri, 1);
    const index = diags.find((d) => d.code === 'require-concurrent-index-creation')!;
    const actions = await actionsFor(s, uri, index);
    expect(actions.some((a) => a.title.includes('rewrite as the plan does'))).toBe(false);
    expect(actions.some((a) => a.title.includes('ignore require-concurrent-index-creation'))).toBe(true);
  });

  it('opens the full plan as an untitled document', async () => {
    const file = path.join(migrations, '003_tx.sql');
    const uri = pathToFileURL(file).href;
    const result = (await s.conn.sendRequest(ExecuteCommandRequest.type, {
      command: 'zerodown.showPlan',
      arguments: [uri],
    })) as { uri?: string; text: string };
    expect(result.text).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_idx2');
    expect(result.text).toContain('not proven');
    expect(result.uri).toMatch(/^untitled:003_tx-plan-\d+\.sql$/);
    const edit = s.edits.at(-1)!;
    expect(edit.documentChanges?.[0]).toMatchObject({ kind: 'create', uri: result.uri });
    expect(JSON.stringify(edit.documentChanges?.[1])).toContain('CREATE INDEX CONCURRENTLY');
    expect(s.shown).toContain(result.uri);
    // nothing written next to the migrations
    expect(readdirSync(migrations).sort()).toEqual(['001_accounts.sql', '002_invoices.sql']);
  });

  it('a syntax error is a diagnostic, and the server stays alive', async () => {
    const file = path.join(migrations, '004_bad.sql');
    const uri = pathToFileURL(file).href;
    await open(s, file, 'CREATE TABLE oops (id int;\n');
    const diags = await diagnosticsFor(s, uri, 1);
    expect(diags).toHaveLength(1);
    expect(diags[0]!.code).toBe('syntax-error');
    expect(diags[0]!.range.start.line).toBe(0);
    // still answering
    const again = path.join(migrations, '005_ok.sql');
    await open(s, again, 'CREATE INDEX a_idx ON accounts (email);\n');
    expect((await diagnosticsFor(s, pathToFileURL(again).href, 1)).map((d) => d.code)).toContain(
      'require-concurrent-index-creation',
    );
  });

  it('a file outside the migration folders gets no diagnostics', async () => {
    const file = path.join(root, 'scripts', 'report.sql');
    const uri = pathToFileURL(file).href;
    await open(s, file, 'CREATE INDEX x ON accounts (email);\n');
    expect(await diagnosticsFor(s, uri, 1)).toEqual([]);
  });

  it("elsewhere than VS Code the plan is the command's result (no file created), and a bad config is said on the file", async () => {
    const other = path.join(root, 'other');
    mkdirSync(path.join(other, 'migrations'), { recursive: true });
    writeFileSync(path.join(other, 'migrations', '001_a.sql'), HISTORY);
    const { server: t } = await start(other);
    try {
      const file = path.join(other, 'migrations', '002_b.sql');
      const uri = pathToFileURL(file).href;
      await open(t, file, 'CREATE INDEX a_idx ON accounts (email);\n');
      expect((await diagnosticsFor(t, uri, 1)).map((d) => d.code)).toContain('require-concurrent-index-creation');
      const result = (await t.conn.sendRequest(ExecuteCommandRequest.type, {
        command: 'zerodown.showPlan',
        arguments: [uri],
      })) as { uri?: string; text: string };
      expect(result.uri).toBeUndefined();
      expect(result.text).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS a_idx');
      expect(t.edits).toEqual([]);
      writeFileSync(path.join(other, 'zerodown.config.json'), '{"failOn": "sometimes"}');
      await t.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: 'CREATE INDEX b_idx ON accounts (email);\n' }],
      });
      const bad = await diagnosticsFor(t, uri, 2);
      expect(bad).toHaveLength(1);
      expect(bad[0]!.code).toBe('config-error');
      expect(bad[0]!.message).toContain('zerodown.config.json');
    } finally {
      t.child.kill();
    }
  });

  it('a saved history file re-lints the open migrations after it', async () => {
    const file = path.join(migrations, '007_nn.sql');
    const uri = pathToFileURL(file).href;
    await open(s, file, 'ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;\n');
    // email is NOT NULL already in the history: nothing to scan
    expect((await diagnosticsFor(s, uri, 1)).map((d) => d.code)).not.toContain('adding-not-nullable-field');
    const seen = s.diagnostics.get(uri)!.length;
    const history = path.join(migrations, '001_accounts.sql');
    const nullable = HISTORY.replace('email text NOT NULL', 'email text');
    writeFileSync(history, nullable);
    await open(s, history, nullable);
    await s.conn.sendNotification(DidSaveTextDocumentNotification.type, {
      textDocument: { uri: pathToFileURL(history).href },
    });
    // the open sent its diagnostics once (an open also fires a change); the save sends them again
    const flagged = () =>
      s.diagnostics
        .get(uri)!
        .slice(seen)
        .some((p) => p.diagnostics.some((d) => d.code === 'adding-not-nullable-field'));
    const deadline = Date.now() + 15_000;
    while (!flagged() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(flagged(), JSON.stringify(s.diagnostics.get(uri))).toBe(true);
  });

  it('shuts down and exits cleanly', async () => {
    await s.conn.sendRequest(ShutdownRequest.type);
    const exited = new Promise<number | null>((r) => s.child.on('exit', (code) => r(code)));
    await s.conn.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    s.conn.dispose();
  });
});
