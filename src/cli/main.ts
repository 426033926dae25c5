#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AttacheError, describeError } from '../errors.js';
import { EXIT, processIo, type CommandRun, type Io } from './io.js';

/** The command table: each command's module is loaded only when it runs. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: CommandRun }> }> = {
  analyze: { summary: 'analyse articles (file, folder or -) and print a summary or the Analysis JSON', load: () => import('./commands/analyze/analyze-command.js') },
  ingest: { summary: 'analyse articles, folders, JSONL dumps or feeds and store them (--db, default ./attache.db)', load: () => import('./commands/ingest/ingest-command.js') },
  search: { summary: 'search stored quotes and articles (words, speaker, country, issue, dates)', load: () => import('./commands/search/search-command.js') },
  export: { summary: 'write out what the store holds (jsonl, csv, plover, cameo)', load: () => import('./commands/export/export-command.js') },
  brief: { summary: 'who said what on an issue in a period and who changed position (stored articles), or one article\'s key points', load: () => import('./commands/brief/brief-command.js') },
  code: { summary: 'PLOVER type of the relation between a source and a target in a sentence (or a TSV of them)', load: () => import('./commands/code/code-command.js') },
  eval: { summary: 'score Attaché on the evaluation data sets (extraction, quotes, events, …)', load: () => import('./commands/eval/eval-command.js') },
  serve: { summary: 'serve the dashboard and the JSON API over a store (127.0.0.1 by default)', load: () => import('./commands/serve/serve-command.js') },
};

export function usage(): string {
  const w = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'usage: attache <command> [options]',
    '',
    'commands:',
    ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(w)}  ${c.summary}`),
    '',
    "run 'attache <command> --help' for a command's options",
  ].join('\n');
}

/** Runs the CLI; every error becomes one line on stderr and an exit code, never a stack trace. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${usage()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.out('attache 0.1.0\n');
    return EXIT.ok;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`attache: unknown command "${name}"\n${usage()}\n`);
    return EXIT.usage;
  }
  try {
    const mod = await cmd.load();
    return await mod.run(rest, io);
  } catch (e) {
    if (e instanceof AttacheError) {
      io.err(`attache ${name}: ${e.oneLine()}\n`);
      return e.code === 'ATT_E030' ? EXIT.usage : EXIT.failed;
    }
    io.err(`attache ${name}: internal error: ${describeError(e)}\n`);
    if (process.env.ATTACHE_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    return EXIT.failed;
  }
}

function isEntryPoint(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
