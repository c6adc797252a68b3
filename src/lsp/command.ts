/** `zerodown lsp`: the server on stdin/stdout until the editor sends `exit` (the library then ends the process). */
import { startServer, type ServerOptions } from './server.js';

export interface LspCliOptions {
  config?: string;
  framework?: string;
  dialect?: string;
  mysqlVersion?: string;
  pgVersion?: number;
  assumeInTransaction?: boolean;
  anySqlFile?: boolean;
  /** commander's `--no-history` */
  history?: boolean;
  /** `--stats` / `--stats-url` (shared source options): not used by the editor yet */
  stats?: string;
  statsUrl?: string;
}

export function lspCommand(opts: LspCliOptions): Promise<number> {
  const server: ServerOptions = {};
  for (const k of ['config', 'framework', 'dialect', 'mysqlVersion'] as const) if (opts[k]) server[k] = opts[k];
  if (opts.pgVersion !== undefined) server.pgVersion = opts.pgVersion;
  if (opts.assumeInTransaction) server.assumeInTransaction = true;
  if (opts.anySqlFile) server.anySqlFile = true;
  if (opts.history === false) server.history = false;
  if (opts.stats || opts.statsUrl)
    process.stderr.write(
      "zerodown lsp: warning: --stats and --stats-url are ignored: the editor shows each rule's own severity\n",
    );
  startServer(server);
  // the connection ends the process on `exit` (0 after `shutdown`, else 1), or when stdin closes
  return new Promise(() => {});
}
