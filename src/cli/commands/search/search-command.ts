import { toJson } from '../../../analysis/analysis.js';
import { AttacheError } from '../../../errors.js';
import { DEFAULT_DB, openStore, SNIPPET_CLOSE, SNIPPET_OPEN, type ArticleHit, type Paged, type QuoteHit } from '../../../store/store.js';
import { intOption, parse } from '../../args.js';
import { EXIT, type Io } from '../../io.js';

const USAGE = 'attache search "WORDS" [--speaker X] [--country ISO3] [--issue ID] [--from DATE] [--to DATE] [--limit N] [--offset N] [--quotes | --articles] [--json] [--db FILE]';

const HELP = `${USAGE}

Searches the stored quotes (their words and their speakers' names) and articles (headline and text).
  WORDS           words to find (all of them); "a phrase" in quotes; word* for a prefix; a OR b
  --speaker X     a speaker: stored actor id (kb:…, n:…) or part of a name
  --country ISO3  the speaker's country (ISO3 or IGO code such as EU)
  --issue ID      quotes bearing on this issue
  --from, --to    a date range (YYYY, YYYY-MM or YYYY-MM-DD, inclusive)
  --limit N       results per kind (default 10, at most 500); --offset N to page
  --quotes        quotes only; --articles: articles only
  --json          print { quotes: { items, total }, articles: { items, total } }
  --db FILE       the store (default ./${DEFAULT_DB})`;

/** Snippet marks → ANSI bold on a terminal, `**` elsewhere. */
function marks(s: string, tty: boolean): string {
  return s.split(SNIPPET_OPEN).join(tty ? '\x1b[1m' : '**').split(SNIPPET_CLOSE).join(tty ? '\x1b[22m' : '**');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      speaker: { type: 'string' },
      country: { type: 'string' },
      issue: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string', short: 'n' },
      offset: { type: 'string' },
      quotes: { type: 'boolean' },
      articles: { type: 'boolean' },
      json: { type: 'boolean' },
      db: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.out(`${HELP}\n`);
    return EXIT.ok;
  }
  const q = positionals.join(' ').trim();
  const filtered = values.speaker || values.country || values.issue || values.from || values.to;
  if (!q && !filtered) throw new AttacheError('ATT_E030', `give words to search for or a filter\nusage: ${USAGE}`);
  if (values.quotes && values.articles) throw new AttacheError('ATT_E030', '--quotes and --articles cannot be used together');
  const limit = intOption(values.limit, 'limit', 10);
  const offset = intOption(values.offset, 'offset', 0);
  const db = values.db ?? DEFAULT_DB;
  const store = await openStore(db, { readonly: true });
  let quotes: Paged<QuoteHit> | undefined;
  let articles: Paged<ArticleHit> | undefined;
  try {
    const range = { ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) };
    if (!values.articles) {
      quotes = await store.quotes({
        ...(q ? { q } : {}),
        ...(values.speaker ? { speaker: values.speaker } : {}),
        ...(values.country ? { country: values.country } : {}),
        ...(values.issue ? { issue: values.issue } : {}),
        ...range,
        limit,
        offset,
      });
    }
    // articles carry no speaker or issue: search them only when no such filter narrows the question
    if (!values.quotes && !values.speaker && !values.country && !values.issue) articles = await store.articles({ ...(q ? { q } : {}), ...range, limit, offset });
  } finally {
    await store.close();
  }

  if (values.json) {
    const plain = <T extends { snippet?: string }>(p: Paged<T> | undefined) => p && { total: p.total, items: p.items.map((x) => (x.snippet ? { ...x, snippet: marks(x.snippet, false) } : x)) };
    io.out(`${toJson({ ...(quotes ? { quotes: plain(quotes) } : {}), ...(articles ? { articles: plain(articles) } : {}) }, 2)}\n`);
    return EXIT.ok;
  }
  const tty = io.stdoutIsTTY;
  const out: string[] = [];
  if (quotes) {
    out.push(`Quotes: ${quotes.total} found${quotes.total > quotes.items.length ? `, showing ${offset + 1}–${offset + quotes.items.length}` : ''}`);
    for (const h of quotes.items) {
      const who = h.speaker ? `${h.speaker.name}${h.speaker.country ? ` (${h.speaker.country})` : ''}` : h.sourceText ? `${h.sourceText} (unresolved)` : 'unknown speaker';
      const words = marks(oneLine(h.snippet ?? h.text), tty);
      out.push(`  ${(h.published ?? '').slice(0, 10).padEnd(10)}  ${who}: ${h.kind === 'indirect' ? words : `“${words}”`}`);
      out.push(`              ${[h.headline ? oneLine(h.headline) : undefined, h.outlet ? `[${h.outlet}]` : undefined, h.id].filter(Boolean).join('  ')}`);
    }
  }
  if (articles) {
    if (out.length) out.push('');
    out.push(`Articles: ${articles.total} found${articles.total > articles.items.length ? `, showing ${offset + 1}–${offset + articles.items.length}` : ''}`);
    for (const a of articles.items) {
      out.push(`  ${(a.published ?? '').slice(0, 10).padEnd(10)}  ${oneLine(a.headline ?? a.uri ?? a.id)}${a.outlet ? `  [${a.outlet}]` : ''}  ${a.id}`);
      if (a.snippet) out.push(`              ${marks(oneLine(a.snippet), tty)}`);
    }
  }
  io.out(`${out.join('\n')}\n`);
  return EXIT.ok;
}
