import { toJson } from '../../../analysis/analysis.js';
import { Analyzer } from '../../../analysis/analyzer.js';
import { AttacheError } from '../../../errors.js';
import { isFailure, readInputFile } from '../../../read/sources.js';
import { DEFAULT_DB, openStore, type ActorPosition, type QuoteHit, type Store } from '../../../store/store.js';
import { intOption, parse } from '../../args.js';
import { EXIT, type Io } from '../../io.js';

const USAGE = 'attache brief [--issue ID] [--from DATE] [--to DATE] [--quotes N] [--json] [--db FILE] | attache brief FILE';

const HELP = `${USAGE}

Over the stored articles: for each issue (or the one named), who stands where at the end of the
period, who changed position within it (with the dates and evidence of each side), and who said
what on it (the quotes bearing on the issue, newest first).
With a FILE instead: the key points of that one article, each with its evidence.
  --issue ID      one issue (default: every issue with stances in the period)
  --from, --to    the period (YYYY, YYYY-MM or YYYY-MM-DD, inclusive)
  --quotes N      quotes to list per issue (default 5)
  --json          print the brief as JSON
  --db FILE       the store (default ./${DEFAULT_DB})`;

export interface PositionChange {
  readonly actor: string;
  readonly from: { readonly stance: string; readonly date?: string; readonly evidence: readonly string[] };
  readonly to: { readonly stance: string; readonly date?: string; readonly evidence: readonly string[] };
}

export interface IssueBrief {
  readonly issue: string;
  readonly label?: string;
  readonly proposition?: string;
  readonly positions: readonly { readonly actor: string; readonly stance: string; readonly date?: string }[];
  readonly changes: readonly PositionChange[];
  readonly quotes: readonly { readonly speaker?: string; readonly date?: string; readonly text: string; readonly outlet?: string }[];
}

const within = (d: string | undefined, from?: string, to?: string) =>
  (!from || (d !== undefined && d.slice(0, from.length) >= from)) && (!to || (d !== undefined && d.slice(0, to.length) <= to));

/** Position changes of one actor in date order: each point where the stance differs from the one before. */
export function changesOf(p: ActorPosition, from?: string, to?: string): PositionChange[] {
  const history = p.history.filter((h) => within(h.date, from, to));
  const out: PositionChange[] = [];
  for (let i = 1; i < history.length; i++) {
    const [a, b] = [history[i - 1]!, history[i]!];
    if (a.stance === b.stance) continue;
    out.push({
      actor: p.actor.name,
      from: { stance: a.stance, ...(a.date ? { date: a.date } : {}), evidence: a.evidence },
      to: { stance: b.stance, ...(b.date ? { date: b.date } : {}), evidence: b.evidence },
    });
  }
  return out;
}

async function issueBrief(store: Store, id: string, from: string | undefined, to: string | undefined, nQuotes: number): Promise<IssueBrief | undefined> {
  const detail = await store.issue(id, { ...(from ? { from } : {}), ...(to ? { to } : {}) });
  if (!detail) return undefined;
  const positions = detail.positions
    .map((p) => {
      const hist = p.history.filter((h) => within(h.date, from, to));
      const last = hist[hist.length - 1];
      return last ? { actor: p.actor.name, stance: last.stance, ...(last.date ? { date: last.date } : {}) } : undefined;
    })
    .filter((p): p is NonNullable<typeof p> => !!p);
  const changes = detail.positions.flatMap((p) => changesOf(p, from, to));
  const quotes: QuoteHit[] = nQuotes
    ? [...(await store.quotes({ issue: id, ...(from ? { from } : {}), ...(to ? { to } : {}), sort: 'published', limit: nQuotes })).items]
    : [];
  return {
    issue: id,
    ...(detail.label ? { label: detail.label } : {}),
    ...(detail.proposition ? { proposition: detail.proposition } : {}),
    positions,
    changes,
    quotes: quotes.map((q) => ({
      ...(q.speaker ? { speaker: q.speaker.name } : q.sourceText ? { speaker: q.sourceText } : {}),
      ...(q.published ? { date: q.published.slice(0, 10) } : {}),
      text: q.text,
      ...(q.outlet ? { outlet: q.outlet } : {}),
    })),
  };
}

const clip = (s: string, n: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

function render(b: IssueBrief): string {
  const lines = [`== ${b.label ?? b.issue} (${b.issue})`];
  if (b.proposition) lines.push(`   ${b.proposition}`);
  if (!b.positions.length) lines.push('   no positions recorded in this period');
  else {
    lines.push('where they stand:');
    for (const p of b.positions) lines.push(`  ${p.stance.padEnd(11)} ${p.actor}${p.date ? ` (${p.date})` : ''}`);
  }
  if (b.changes.length) {
    lines.push('who changed position:');
    for (const c of b.changes) {
      lines.push(`  ${c.actor}: ${c.from.stance}${c.from.date ? ` (${c.from.date})` : ''} → ${c.to.stance}${c.to.date ? ` (${c.to.date})` : ''}`);
      if (c.to.evidence[0]) lines.push(`      “${clip(c.to.evidence[0], 110)}”`);
    }
  }
  if (b.quotes.length) {
    lines.push('who said what:');
    for (const q of b.quotes) lines.push(`  ${q.date ?? '????-??-??'} ${q.speaker ?? '?'}: “${clip(q.text, 100)}”${q.outlet ? ` (${q.outlet})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      issue: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      quotes: { type: 'string' },
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
  for (const [k, v] of [['from', values.from], ['to', values.to]] as const) {
    if (v && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new AttacheError('ATT_E030', `--${k} takes YYYY, YYYY-MM or YYYY-MM-DD, not "${v}"`);
  }
  if (positionals.length) {
    if (positionals.length > 1) throw new AttacheError('ATT_E030', `brief takes one file\nusage: ${USAGE}`);
    const [r] = await readInputFile(positionals[0]!);
    if (!r || isFailure(r)) throw r?.error ?? new AttacheError('ATT_E015', 'nothing to read', positionals[0]);
    const a = new Analyzer().analyzeRaw(r);
    if (values.json) io.out(`${toJson({ uri: r.uri, headline: a.meta.headline?.text, keyPoints: a.keyPoints }, 2)}\n`);
    else {
      io.out(`== ${a.meta.headline?.text ?? r.uri}${a.meta.published ? ` (${a.meta.published})` : ''}\n`);
      for (const k of a.keyPoints) io.out(`  * ${k.text}\n`);
    }
    return EXIT.ok;
  }
  const nQuotes = intOption(values.quotes, 'quotes', 5);
  const store = await openStore(values.db ?? DEFAULT_DB, { readonly: true });
  try {
    const ids = values.issue ? [values.issue] : (await store.issues({ limit: 500 })).items.filter((i) => i.stanceCount > 0).map((i) => i.id);
    const briefs: IssueBrief[] = [];
    for (const id of ids) {
      const b = await issueBrief(store, id, values.from, values.to, nQuotes);
      if (!b) throw new AttacheError('ATT_E030', `no issue "${id}" in the store`);
      briefs.push(b);
    }
    if (values.json) io.out(`${toJson(briefs, 2)}\n`);
    else if (!briefs.length) io.out('no stances stored yet: ingest articles first (attache ingest DIR)\n');
    else io.out(briefs.map(render).join('\n'));
  } finally {
    await store.close();
  }
  return EXIT.ok;
}
