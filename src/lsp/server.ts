/**
 * `zerodown lsp`: a Language Server Protocol server over stdio (vscode-languageserver), for migration
 * files open in an editor. Diagnostics on open and on change (debounced), code actions (./actions.ts),
 * and the command `zerodown.showPlan` that opens the file's staged plan as a new untitled document.
 *
 * It never writes a file and never opens a shadow database: the plan it shows is not proven (the
 * document says so); `zerodown plan` proves it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateFile,
  createConnection,
  ProposedFeatures,
  TextDocumentEdit,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePgVersion } from '../dialects/index.js';
import { formatPlans, type PlanFormat } from '../report/plan-format.js';
import { redactSecrets } from '../secrets.js';
import { VERSION } from '../version.js';
import { analyse, type Analysis, type LspSettings } from './analyse.js';
import { codeActions, diagnosticsOf, SHOW_PLAN } from './actions.js';

export interface ServerOptions extends LspSettings {
  /** how long to wait after the last change before linting again, ms (default 250) */
  debounceMs?: number;
  /** the plan document's format: `sql` (default) or `text` */
  planFormat?: Extract<PlanFormat, 'sql' | 'text'>;
  /**
   * how "open the full plan" shows it: `untitled` (a new untitled document, through workspace/applyEdit; VS
   * Code's default) or `result` (the text is the command's result, for a client-side snippet; the default
   * elsewhere, because other editors write a CreateFile to disk)
   */
  planDocument?: 'untitled' | 'result';
}

/**
 * The options the editor may send in `initializationOptions` (the command line's are the defaults).
 * `ignored` lists those of the wrong type or value, for a warning in the editor's log.
 */
export function readInitOptions(raw: unknown): { options: ServerOptions; ignored: string[] } {
  const options: ServerOptions = {};
  const ignored: string[] = [];
  if (raw === undefined || raw === null) return { options, ignored };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { options, ignored: ['initializationOptions'] };
  const o = raw as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (['config', 'framework', 'dialect', 'mysqlVersion'].includes(k) && typeof v === 'string' && v)
      options[k as 'config'] = v;
    else if (k === 'pgVersion' && (typeof v === 'number' || typeof v === 'string') && parsePgVersion(String(v)))
      options.pgVersion = parsePgVersion(String(v))!;
    else if (['anySqlFile', 'assumeInTransaction', 'history'].includes(k) && typeof v === 'boolean')
      options[k as 'anySqlFile'] = v;
    else if (k === 'debounceMs' && typeof v === 'number' && v >= 0 && v <= 10_000) options.debounceMs = v;
    else if (k === 'planFormat' && (v === 'sql' || v === 'text')) options.planFormat = v;
    else if (k === 'planDocument' && (v === 'untitled' || v === 'result')) options.planDocument = v;
    else ignored.push(k);
  }
  return { options, ignored };
}

/** The workspace folder holding `file` (the deepest), else the server's directory when it holds it, else the file's. */
function folderOf(file: string, folders: readonly string[]): string {
  const holds = (dir: string) => {
    const rel = path.relative(dir, file);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  const found = folders.filter(holds).sort((a, b) => b.length - a.length)[0];
  if (found) return found;
  return holds(process.cwd()) ? process.cwd() : path.dirname(file);
}

const fileOf = (uri: string): string | undefined => {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
};

/** stdin and stdout, whether or not the editor passed `--stdio` (Helix and others start `zerodown lsp` bare). */
export function stdioConnection(): Connection {
  // stdout carries the protocol: anything printed with console goes to stderr (the editor's log) instead
  for (const k of ['log', 'info', 'debug', 'warn'] as const) console[k] = console.error;
  return createConnection(ProposedFeatures.all, process.stdin, process.stdout);
}

export function startServer(cliOptions: ServerOptions = {}, connection: Connection = stdioConnection()): void {
  const documents = new TextDocuments(TextDocument);
  let options: ServerOptions = { ...cliOptions };
  let folders: string[] = [];
  let canShowDocument = false;
  let canCreate = false;
  let untitledByDefault = false;
  let plansOpened = 0;
  const timers = new Map<string, NodeJS.Timeout>();
  /** the analysis of each open document's latest version */
  const cache = new Map<string, { version: number; analysis: Promise<Analysis> }>();

  const run = (file: string, text: string): Promise<Analysis> =>
    analyse(file, text, folderOf(file, folders), options).catch((err: Error) => {
      // zerodown's own failure: said on the file and in the log, and the server goes on
      connection.console.error(redactSecrets(`zerodown: internal error on ${file}: ${err.stack ?? err.message}`));
      return { error: `internal error: ${err.message} (the language server's log has the details)` };
    });

  const analysisOf = (doc: TextDocument): Promise<Analysis> | undefined => {
    const file = fileOf(doc.uri);
    if (!file) return undefined;
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.analysis;
    const analysis = run(file, doc.getText());
    cache.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  };

  /** documents being linted, and those changed meanwhile: one run at a time per document, the latest text next */
  const running = new Set<string>();
  /** documents to lint again once their run ends; true: even if that version was sent (a file was saved) */
  const again = new Map<string, boolean>();
  /** the version whose diagnostics were sent last, per document (an open also fires a change: sent once) */
  const sent = new Map<string, number>();
  const publish = async (doc: TextDocument, force = false): Promise<void> => {
    const uri = doc.uri;
    if (!force && sent.get(uri) === doc.version) return;
    if (running.has(uri)) {
      again.set(uri, force || !!again.get(uri));
      return;
    }
    const pending = analysisOf(doc);
    if (!pending) return;
    running.add(uri);
    try {
      const a = await pending;
      // a newer version is on its way: its diagnostics will follow
      const current = documents.get(uri);
      if (current && current.version === doc.version) {
        sent.set(uri, doc.version);
        await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnosticsOf(a, doc) });
      }
    } finally {
      running.delete(uri);
      const rerun = again.get(uri);
      again.delete(uri);
      const next = rerun !== undefined ? documents.get(uri) : undefined;
      if (next) void publish(next, rerun);
    }
  };

  connection.onInitialize((params: InitializeParams) => {
    const given = readInitOptions(params.initializationOptions);
    options = { ...cliOptions, ...given.options };
    if (given.ignored.length)
      connection.console.warn(
        `zerodown: ignored initializationOptions ${given.ignored.join(', ')}: unknown, or not a value zerodown reads (docs/editors.md lists them)`,
      );
    folders = (params.workspaceFolders ?? []).map((f) => fileOf(f.uri)).filter((f): f is string => !!f);
    const root = params.rootUri ? fileOf(params.rootUri) : (params.rootPath ?? undefined);
    if (!folders.length && root) folders = [path.resolve(root)];
    canShowDocument = !!params.capabilities.window?.showDocument?.support;
    canCreate = !!params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create');
    // VS Code (and its forks) open an untitled: document for a CreateFile; other editors create a file on disk
    untitledByDefault = /code|cursor|codium|theia/i.test(params.clientInfo?.name ?? '');
    return {
      capabilities: {
        // `save`: a saved file may be the history of the others open
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: [SHOW_PLAN] },
      },
      serverInfo: { name: 'zerodown', version: VERSION },
    };
  });

  documents.onDidOpen(({ document }) => void publish(document));
  documents.onDidChangeContent(({ document }) => {
    const uri = document.uri;
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        const doc = documents.get(uri);
        if (doc) void publish(doc);
      }, options.debounceMs ?? 250),
    );
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    cache.delete(document.uri);
    relints.delete(document.uri);
    sent.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  // a saved file may be the history of other open ones: lint them all again
  documents.onDidSave(() => {
    cache.clear();
    relints.clear();
    for (const doc of documents.all()) void publish(doc, true);
  });

  /** the edited texts a rewrite was checked with, per document version (editors ask for actions at every cursor move) */
  const relints = new Map<string, { version: number; byText: Map<string, Promise<Analysis>> }>();
  const relint = (doc: TextDocument, file: string, text: string): Promise<Analysis> => {
    let entry = relints.get(doc.uri);
    if (!entry || entry.version !== doc.version)
      relints.set(doc.uri, (entry = { version: doc.version, byText: new Map() }));
    let a = entry.byText.get(text);
    if (!a) entry.byText.set(text, (a = run(file, text)));
    return a;
  };

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const pending = doc && analysisOf(doc);
    if (!doc || !pending) return [];
    const file = fileOf(doc.uri)!;
    return codeActions({
      analysis: await pending,
      doc,
      range: params.range,
      relint: (text) => relint(doc, file, text),
    });
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_PLAN) return undefined;
    const uri = typeof params.arguments?.[0] === 'string' ? (params.arguments[0] as string) : undefined;
    const doc = uri ? documents.get(uri) : undefined;
    const pending = doc && analysisOf(doc);
    if (!doc || !pending) {
      void connection.window.showErrorMessage('zerodown: open a migration file to see its plan.');
      return undefined;
    }
    const a = await pending;
    if (!a.plan || a.error || a.skipped) {
      void connection.window.showErrorMessage(
        redactSecrets(`zerodown: no plan for this file: ${a.error ?? a.skipped ?? 'nothing to plan'}`),
      );
      return undefined;
    }
    const format = options.planFormat ?? 'sql';
    const note =
      format === 'sql'
        ? '-- zerodown lsp: this plan is not proven (the editor never runs a shadow database); run `zerodown plan` to prove it.\n'
        : 'zerodown lsp: this plan is not proven (the editor never runs a shadow database); run `zerodown plan` to prove it.\n\n';
    const text = redactSecrets(note + formatPlans(a.plan, format, false));
    const untitled = options.planDocument ? options.planDocument === 'untitled' : untitledByDefault;
    if (untitled && canCreate) {
      const base = path.basename(fileOf(doc.uri)!).replace(/\.sql$/i, '') || 'migration';
      const target = `untitled:${encodeURIComponent(base)}-plan-${++plansOpened}.${format === 'sql' ? 'sql' : 'txt'}`;
      const r = await connection.workspace.applyEdit({
        label: 'zerodown: open the plan',
        edit: {
          documentChanges: [
            CreateFile.create(target, { ignoreIfExists: true }),
            TextDocumentEdit.create({ uri: target, version: null }, [
              { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text },
            ]),
          ],
        },
      });
      if (r.applied) {
        if (canShowDocument) await connection.window.showDocument({ uri: target, takeFocus: true });
        return { uri: target, text };
      }
    }
    return { text };
  });

  documents.listen(connection);
  connection.listen();
}
