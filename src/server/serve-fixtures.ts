import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../analysis/analyzer.js';
import type { Analysis } from '../analysis/analysis.js';
import { isFailure, readSources } from '../read/sources.js';
import { openStore, type Store } from '../store/store.js';
import { ceasefireAnalysis, fixtureAnalysis, sanctionsAnalysis, talksAnalysis } from '../store/store-fixtures.js';
import { createAttacheServer, listen, type ServerOptions } from './server.js';

/** Test support: a real SQLite store over the example articles and a real server on a free loopback port. */

export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/articles/', import.meta.url));

/** A story we wrote whose quote and headline carry markup that must show as text, never run. */
export const HOSTILE_TEXT = `Minister says <img src=x onerror=alert(2)> is no way to talk

KYIV - Foreign Minister Ana Ferreira answered critics on Tuesday.
“<script>alert(1)</script> is not how diplomacy works,” Ferreira said.
She accused the ministry's critics of "writing <b>bold</b> claims & nothing else".`;

export function hostileAnalysis(): Analysis {
  return fixtureAnalysis({
    text: HOSTILE_TEXT,
    headline: 'Minister says <img src=x onerror=alert(2)> is no way to talk',
    published: '2026-01-27',
    outlet: 'Wire <Three>',
    url: 'javascript:alert(3)',
    actors: [{ id: 'a1', name: 'Ana Ferreira', country: 'PRT', sector: 'GOV', role: 'Foreign Minister', kbId: 'ana-ferreira', mentions: ['Ana Ferreira', 'Ferreira'] }],
    quotes: [
      { content: '<script>alert(1)</script> is not how diplomacy works,', speaker: 'a1', cue: 'said' },
      { content: 'writing <b>bold</b> claims & nothing else', speaker: 'a1', kind: 'partial' },
    ],
    events: [{ type: 'ACCUSE', trigger: 'accused', evidence: "She accused the ministry's critics", actor: ['a1'], recipient: [], quad: 3 }],
    stances: [{ actor: 'a1', issue: 'ceasefire-framework', stance: 'oppose', evidence: ['<script>alert(1)</script> is not how diplomacy works,'], date: '2026-01-27' }],
  });
}

/** Analyses every example article with the shipped pipeline and stores it; adds the hand-built fixtures. */
export async function buildExampleStore(dbPath: string, opts: { examples?: boolean; fixtures?: boolean } = {}): Promise<Store> {
  const store = await openStore(dbPath);
  if (opts.examples !== false) {
    const analyzer = new Analyzer();
    for await (const src of readSources([EXAMPLES_DIR])) {
      if (isFailure(src)) throw new Error(`example ${src.uri}: ${src.error.message}`);
      const analysis = analyzer.analyzeRaw(src);
      await store.putArticles([{ analysis, uri: src.uri, ...(src.url ? { url: src.url } : {}), ...(src.published ? { published: src.published } : {}) }]);
    }
  }
  if (opts.fixtures !== false) {
    await store.putArticles([{ analysis: talksAnalysis() }, { analysis: sanctionsAnalysis() }, { analysis: ceasefireAnalysis() }, { analysis: hostileAnalysis() }]);
    await store.putIssues([{ id: 'ceasefire-framework', label: 'A ceasefire framework', proposition: 'The parties should sign the ceasefire framework' }]);
  }
  return store;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  readonly logs: string[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with a free port; `close` stops it (not the store). */
export async function startTestServer(opts: ServerOptions): Promise<RunningServer> {
  const logs: string[] = [];
  const server = createAttacheServer({ ingestJobs: 0, ...opts, log: (l) => logs.push(l) });
  const url = await listen(server, 0, '127.0.0.1');
  return {
    url,
    server,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
