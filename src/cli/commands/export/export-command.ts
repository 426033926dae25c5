import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { toJson, type Analysis } from '../../../analysis/analysis.js';
import { toCameoRows, toPloverRecords } from '../../../analysis/export-formats.js';
import { AttacheError } from '../../../errors.js';
import { DEFAULT_DB, openStore, type ArticleSummary } from '../../../store/store.js';
import { parse } from '../../args.js';
import { EXIT, type Io } from '../../io.js';

const USAGE = 'attache export [--format jsonl|csv|plover|cameo] [--what quotes|events|actors|stances|articles] [--out FILE] [--db FILE]';

const HELP = `${USAGE}

Writes out what the store holds.
  --format jsonl   one Analysis (attache.analysis/1) per line, in ingestion order (default)
  --format csv     one row per fact, with a header; --what picks the facts (default quotes)
  --format plover  PLOVER event records, one JSON object per line (negated events included, flagged)
  --format cameo   CAMEO rows (date, source, target, code, quad class, Goldstein, article), tab-separated
                   with a header; asserted, non-negated events with a CAMEO code, one row per actor pair
  --out FILE       write to FILE instead of standard output
  --db FILE        the store (default ./${DEFAULT_DB})`;

const FORMATS = ['jsonl', 'csv', 'plover', 'cameo'] as const;
const WHATS = ['quotes', 'events', 'actors', 'stances', 'articles'] as const;
type What = (typeof WHATS)[number];

/** One CSV field, quoted when it must be (RFC 4180); formula-leading characters are neutralised for spreadsheets. */
export function csvField(v: unknown): string {
  if (v === undefined || v === null) return '';
  let s = Array.isArray(v) ? v.join('|') : String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_COLUMNS: Record<What, readonly string[]> = {
  quotes: ['article_id', 'published', 'outlet', 'headline', 'url', 'quote_id', 'kind', 'speaker', 'speaker_kind', 'speaker_country', 'speaker_sector', 'speaker_kb', 'via', 'text', 'cue', 'source', 'start', 'end', 'statement', 'confidence', 'pipeline'],
  events: ['article_id', 'published', 'event_id', 'type', 'mode', 'cameo', 'quad', 'actor', 'actor_country', 'recipient', 'recipient_country', 'trigger', 'evidence', 'date', 'modality', 'negated', 'reported_by', 'pipeline'],
  actors: ['article_id', 'published', 'actor_id', 'name', 'kind', 'country', 'sector', 'role', 'kb_id', 'mentions'],
  stances: ['article_id', 'published', 'actor', 'actor_country', 'issue', 'stance', 'evidence', 'date', 'pipeline'],
  articles: ['article_id', 'published', 'outlet', 'headline', 'url', 'uri', 'language', 'quotes', 'events', 'actors', 'pipeline'],
};

function csvRows(a: Analysis, what: What, outlet: string | undefined, url: string | undefined): unknown[][] {
  const actors = new Map(a.actors.map((x) => [x.id, x]));
  const name = (id: string | undefined) => (id ? actors.get(id)?.name ?? id : undefined);
  const names = (ids: readonly string[]) => ids.map((i) => name(i)).join('|');
  const countries = (ids: readonly string[]) => ids.map((i) => actors.get(i)?.country ?? '').join('|');
  const id = a.doc.id;
  const pub = a.meta.published;
  switch (what) {
    case 'quotes':
      return a.quotes.map((q) => {
        const s = q.speaker ? actors.get(q.speaker) : undefined;
        return [id, pub, outlet, a.meta.headline?.text, url, q.id, q.kind, s?.name, s?.kind, s?.country, s?.sector, s?.kbId, name(q.via), q.content.text, q.cue?.text, q.source?.text, q.content.start, q.content.end, q.statement, q.confidence, a.pipeline];
      });
    case 'events':
      return a.events.map((e) => [id, pub, e.id, e.type, e.mode, e.cameo, e.quad, names(e.actor), countries(e.actor), names(e.recipient), countries(e.recipient), e.trigger.text, e.evidence.text, e.date, e.modality, e.negated, e.reportedBy, a.pipeline]);
    case 'actors':
      return a.actors.map((x) => [id, pub, x.id, x.name, x.kind, x.country, x.sector, x.role, x.kbId, x.mentions.length]);
    case 'stances':
      return a.stances.map((s) => [id, pub, name(s.actor), actors.get(s.actor)?.country, s.issue, s.stance, s.evidence.map((e) => e.text), s.date, a.pipeline]);
    case 'articles':
      return [[id, pub, outlet, a.meta.headline?.text, url, a.doc.uri, a.doc.language, a.quotes.length, a.events.length, a.actors.length, a.pipeline]];
  }
}

/** The Analysis with what the store knows from the source (feed date, canonical URL, outlet) filled into its meta. */
function withSource(a: Analysis, s: ArticleSummary): Analysis {
  const meta = { ...a.meta };
  if (!meta.published && s.published) meta.published = s.published;
  if (!meta.url && s.url) meta.url = s.url;
  if (!meta.outlet && s.outlet) meta.outlet = s.outlet;
  return { ...a, meta };
}

const CAMEO_COLUMNS = ['date', 'source', 'target', 'cameo', 'quad', 'goldstein', 'article'] as const;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      format: { type: 'string', short: 'f' },
      what: { type: 'string' },
      out: { type: 'string', short: 'o' },
      db: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.out(`${HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length) throw new AttacheError('ATT_E030', `unexpected argument "${positionals[0]}"\nusage: ${USAGE}`);
  const format = (values.format ?? 'jsonl').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) throw new AttacheError('ATT_E030', `--format takes ${FORMATS.join(', ')}, not "${values.format}"`);
  const what = (values.what ?? 'quotes').toLowerCase() as What;
  if (!WHATS.includes(what)) throw new AttacheError('ATT_E030', `--what takes ${WHATS.join(', ')}, not "${values.what}"`);
  if (values.what && format !== 'csv') throw new AttacheError('ATT_E030', '--what goes with --format csv');

  const store = await openStore(values.db ?? DEFAULT_DB, { readonly: true });
  let file: WriteStream | undefined;
  if (values.out) {
    file = createWriteStream(values.out);
    await new Promise<void>((res, rej) => {
      file!.once('open', () => res());
      file!.once('error', (e) => rej(new AttacheError('ATT_E015', `cannot write (${(e as NodeJS.ErrnoException).code ?? e.message})`, values.out)));
    });
  }
  const write = async (s: string) => {
    if (!file) return io.out(s);
    if (!file.write(s)) await once(file, 'drain');
  };
  let n = 0;
  try {
    if (format === 'csv') await write(`${CSV_COLUMNS[what].join(',')}\r\n`);
    if (format === 'cameo') await write(`${CAMEO_COLUMNS.join('\t')}\n`);
    for await (const { summary, analysis: stored } of store.iterateAnalyses()) {
      const analysis = withSource(stored, summary);
      if (format === 'jsonl') {
        await write(`${toJson(analysis)}\n`);
        n++;
      } else if (format === 'csv') {
        const rows = csvRows(analysis, what, summary.outlet, summary.url);
        for (const r of rows) await write(`${r.map(csvField).join(',')}\r\n`);
        n += rows.length;
      } else if (format === 'plover') {
        for (const rec of toPloverRecords(analysis)) await write(`${toJson(rec)}\n`);
        n += analysis.events.length;
      } else {
        for (const row of toCameoRows(analysis)) {
          await write(`${CAMEO_COLUMNS.map((c) => String(row[c]).replace(/[\t\r\n]+/g, ' ')).join('\t')}\n`);
          n++;
        }
      }
    }
  } finally {
    await store.close();
    if (file) await new Promise<void>((res) => file!.end(() => res()));
  }
  if (values.out) io.err(`exported ${n} ${format === 'jsonl' ? 'article' : format === 'csv' ? what.replace(/s$/, '') : format === 'cameo' ? 'row' : 'event'}(s) to ${values.out}\n`);
  return EXIT.ok;
}
