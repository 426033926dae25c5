import { existsSync } from 'node:fs';
import { parse, intOption, sizeOption } from '../../args.js';
import { AttacheError } from '../../../errors.js';
import { DEFAULT_DB, isPostgresUrl, openStore } from '../../../store/store.js';
import { createAttacheServer, listen } from '../../../server/server.js';
import { EXIT, type Io } from '../../io.js';

const USAGE = 'attache serve [--port N] [--host 127.0.0.1] [--db attache.db] [--token T] [--max-body 10MB] [--quiet]';

export const DEFAULT_PORT = 8787;

/** Serves the JSON API and the dashboard over a store until interrupted. */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      token: { type: 'string' },
      'max-body': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.out(
      `usage: ${USAGE}\n\nServes the dashboard and the JSON API (documented at /api/openapi.json).\n` +
        `  --port N      port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)\n` +
        `  --host H      address to bind (default 127.0.0.1, this machine only)\n` +
        `  --db PATH     the store (default ./${DEFAULT_DB})\n` +
        `  --token T     allow POST /api/ingest with "Authorization: Bearer T" (or set ATTACHE_TOKEN)\n`,
    );
    return EXIT.ok;
  }
  const port = intOption(values.port, 'port', DEFAULT_PORT);
  if (!Number.isInteger(port) || port > 65535) throw new AttacheError('ATT_E030', `--port takes a port number from 0 to 65535, not "${values.port}"`);
  const host = values.host ?? '127.0.0.1';
  const db = values.db ?? DEFAULT_DB;
  const token = values.token ?? process.env.ATTACHE_TOKEN ?? undefined;
  if (token !== undefined && token.length < 8) throw new AttacheError('ATT_E030', 'the token must be at least 8 characters long');
  if (!isPostgresUrl(db) && !existsSync(db) && !token) {
    throw new AttacheError('ATT_E040', `no store here; run "attache ingest <folder> --db ${db}" first, or pass --token to fill it over HTTP`, db);
  }
  const store = await openStore(db);
  const server = createAttacheServer({
    store,
    token,
    maxBody: sizeOption(values['max-body'], 'max-body', 10 * 1024 * 1024),
    log: values.quiet ? undefined : (line) => io.err(`${line}\n`),
  });
  let url: string;
  try {
    url = await listen(server, port, host);
  } catch (e) {
    await store.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new AttacheError('ATT_E030', `port ${port} on ${host} is in use; pass another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new AttacheError('ATT_E030', `cannot listen on "${host}": no such local address`);
    if (code === 'EACCES') throw new AttacheError('ATT_E030', `not allowed to listen on port ${port}; use a port above 1024`);
    throw e;
  }
  const shown = url;
  io.out(`Attaché is serving ${store.location} at ${shown}\n  API: ${shown}api/openapi.json${token ? ' · POST /api/ingest needs the token' : ''}\n  stop with Ctrl-C\n`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    io.err(`attache serve: warning: listening on ${host}, reachable from other machines${token ? '' : ' (read-only: no token given)'}\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await store.close();
  return EXIT.ok;
}
