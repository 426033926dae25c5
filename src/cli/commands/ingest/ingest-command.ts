import { toJson } from '../../../analysis/analysis.js';
import { AttacheError } from '../../../errors.js';
import { defaultJobs } from '../../../ingest/analyze-pool.js';
import { DEFAULT_USER_AGENT, PoliteFetcher } from '../../../ingest/fetcher.js';
import { ingest, type IngestSummary } from '../../../ingest/ingest.js';
import { ingestItems } from '../../../ingest/ingest-sources.js';
import { DEFAULT_MAX_BYTES } from '../../../read/decode.js';
import type { InputKind } from '../../../read/sources.js';
import { DEFAULT_DB, openStore } from '../../../store/store.js';
import { intOption, listOption, parse, sizeOption } from '../../args.js';
import { EXIT, type Io } from '../../io.js';
import { Progress } from '../../progress.js';

const USAGE = 'attache ingest PATH|DIR|FEED_URL|FILE.jsonl … [--db FILE] [--jobs N] [--upto COMPONENT] [--force] [--json]';

const HELP = `${USAGE}

Analyses articles and stores what was found in the knowledge store.
  PATH|DIR          files (.txt .html .htm .json .jsonl, optionally .gz) or folders (read recursively)
  FEED_URL          an RSS, Atom or JSON feed (or a single page) over http(s); feed files (.rss .atom .xml) too
  --db FILE         the store (default ./${DEFAULT_DB}); postgres://… once that backend exists
  --jobs N          analysing threads (default: every core, here ${defaultJobs()}); 0 analyses on the main thread
  --upto NAME       stop the pipeline after this component
  --force           analyse again even articles stored by the same pipeline version
  --kind KIND       read every file as text or html
  --max-bytes SIZE  refuse files larger than this (default 20MB)
  --kb FILE         add or override knowledge-base entries (repeatable)
  --issues FILE     add issue definitions (repeatable)
  --batch N         articles per write transaction (default 64)
  --user-agent UA   for feeds and pages (default "${DEFAULT_USER_AGENT}")
  --timeout SECS    per request (default 20); --retries N (default 3)
  --json            print the summary as JSON
An article stored before (same content or canonical URL) is skipped; one stored by another pipeline
version is analysed again and its facts replaced. A run that was stopped can simply be run again.
Exit status: 0 all stored or skipped, 1 nothing stored and something failed, 2 usage, 3 some failed.`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      db: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      upto: { type: 'string' },
      force: { type: 'boolean' },
      kind: { type: 'string' },
      'max-bytes': { type: 'string' },
      kb: { type: 'string', multiple: true },
      issues: { type: 'string', multiple: true },
      batch: { type: 'string' },
      'user-agent': { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.out(`${HELP}\n`);
    return EXIT.ok;
  }
  if (!positionals.length) throw new AttacheError('ATT_E030', `nothing to ingest\nusage: ${USAGE}`);
  if (values.kind && values.kind !== 'text' && values.kind !== 'html') throw new AttacheError('ATT_E030', `--kind takes text or html, not "${values.kind}"`);
  const jobs = intOption(values.jobs, 'jobs', defaultJobs());
  const maxBytes = sizeOption(values['max-bytes'], 'max-bytes', DEFAULT_MAX_BYTES);
  const fetcher = new PoliteFetcher({
    ...(values['user-agent'] ? { userAgent: values['user-agent'] } : {}),
    timeoutMs: intOption(values.timeout, 'timeout', 20) * 1000,
    retries: intOption(values.retries, 'retries', 3),
    maxBytes,
  });

  const db = values.db ?? DEFAULT_DB;
  const store = await openStore(db);
  const progress = new Progress(io.err, io.stderrIsTTY && !values.json, undefined, 'articles');
  let total = 0;
  let summary: IngestSummary;
  try {
    summary = await ingest(
      ingestItems(positionals, {
        maxBytes,
        fetcher,
        ...(values.kind ? { kind: values.kind as InputKind } : {}),
        onTotal: (n) => {
          total += n;
          progress.setTotal(total);
        },
      }),
      {
        store,
        jobs,
        batchSize: intOption(values.batch, 'batch', 64) || 64,
        force: !!values.force,
        setup: { ...(values.upto ? { upTo: values.upto } : {}), kbFiles: listOption(values.kb), issueFiles: listOption(values.issues) },
        onSettled: (ok) => progress.tick(ok),
      },
    );
  } finally {
    progress.finish();
    await store.close();
  }

  if (values.json) io.out(`${toJson({ db, ...summary }, 2)}\n`);
  else {
    const stored = summary.inserted + summary.replaced;
    io.err(
      `ingested ${stored} article(s)${summary.replaced ? ` (${summary.replaced} re-analysed)` : ''}, skipped ${summary.duplicates} duplicate(s), ${summary.failed.length} failed` +
        ` in ${summary.seconds.toFixed(1)}s (${summary.rate.toFixed(1)} articles/s, ${summary.jobs || 'main'} thread${summary.jobs === 1 ? '' : 's'}) → ${db}\n`,
    );
    if (summary.failed.length) {
      io.err('failed:\n');
      const shown = summary.failed.slice(0, 50);
      for (const f of shown) io.err(`  ${f.reason.startsWith(f.uri) ? f.reason : `${f.uri}: ${f.reason}`}\n`);
      if (summary.failed.length > shown.length) io.err(`  … and ${summary.failed.length - shown.length} more (use --json for all)\n`);
    }
  }
  if (!summary.failed.length) return EXIT.ok;
  return summary.inserted + summary.replaced + summary.duplicates === 0 ? EXIT.failed : EXIT.partial;
}
