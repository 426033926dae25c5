import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../../analysis/analysis.js';
import { Analyzer } from '../../analysis/analyzer.js';
import { toAnalysis } from '../../analysis/analysis.js';
import { intOption, listOption, parse } from '../../cli/args.js';
import { EXIT, type Io } from '../../cli/io.js';
import type { MentionRecord } from '../../components/mentions/mention-record.js';
import { AttacheError } from '../../errors.js';
import { toDoc } from '../../read/to-doc.js';
import { loadPolnear } from '../polnear.js';
import { readSeed, type SeedGold } from '../seed-gold.js';
import { checkMins, EVAL_OPTIONS, parseMins, requireData } from '../thresholds.js';

const USAGE = 'attache eval actors --data DIR [--split dev|train] [--limit N] [--json] [--min NAME=VALUE …]';

/** Words that make a gold source a pronoun source (the rest are "named"). */
const PRONOUNS = new Set([
  'he', 'she', 'it', 'they', 'i', 'we', 'you', 'who', 'which', 'that', 'his', 'her', 'him', 'them', 'their', 'its', 'me', 'us', 'our', 'my', 'your',
  'this', 'these', 'those', 'whom', 'whose', 'himself', 'herself', 'themselves', 'itself',
]);

export function actorsAnalyzer(): Analyzer {
  return new Analyzer({ upTo: 'actors' });
}

// ------------------------------------------------------------------ seed

export interface SeedActorRow {
  readonly gold: string;
  readonly ours?: string;
  readonly kind: [string, string | undefined];
  readonly country: [string | undefined, string | undefined];
  readonly sector: [string | undefined, string | undefined];
  readonly ok: boolean;
  readonly mentionsFound: number;
  readonly mentionsTotal: number;
}

export interface SeedActorsReport {
  readonly dataset: 'seed';
  readonly rows: SeedActorRow[];
  readonly pronouns: { actor: string; context: string; ok: boolean; got?: string }[];
  readonly metrics: Record<string, number>;
}

function isWordChar(c: string | undefined): boolean {
  return !!c && /[\p{L}\p{N}]/u.test(c);
}

/** Every word-bounded occurrence of `s` in `text`. */
function occurrences(text: string, s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
    if (isWordChar(text[at - 1]) || isWordChar(text[at + s.length])) continue;
    out.push({ start: at, end: at + s.length });
  }
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Scores the actors of the seed story against its gold file. Every word-bounded occurrence of a
 * gold mention string counts once, except one that lies inside a longer gold mention ("Kremlin" in
 * "Kremlin spokesman Dmitry Peskov" belongs to Peskov). A gold actor is matched to the actor of
 * ours whose mentions overlap most of its occurrences; an occurrence is found when a mention of
 * that actor overlaps it.
 */
export function scoreSeedActors(gold: SeedGold, a: Analysis): SeedActorsReport {
  const text = a.doc.text;
  const ignored = a.meta.ignored;
  const all: { actor: string; start: number; end: number }[] = [];
  for (const g of gold.actors) for (const s of new Set(g.mentions)) for (const o of occurrences(text, s)) all.push({ actor: g.id, ...o });
  const occ = all.filter((o) => !ignored.some((r) => overlaps(r, o)) && !all.some((p) => p !== o && p.start <= o.start && o.end <= p.end && p.end - p.start > o.end - o.start));
  const byGold = new Map<string, { start: number; end: number }[]>();
  for (const o of occ) byGold.set(o.actor, [...(byGold.get(o.actor) ?? []), o]);
  // Match each gold actor to ours by overlap count; one of ours serves one gold actor (the one it covers most).
  const counts = new Map<string, { ours: string; n: number }>();
  for (const g of gold.actors) {
    let best: { ours: string; n: number } | undefined;
    for (const ours of a.actors) {
      const n = (byGold.get(g.id) ?? []).filter((o) => ours.mentions.some((m) => overlaps(m, o))).length;
      if (n > 0 && (!best || n > best.n)) best = { ours: ours.id, n };
    }
    if (best) counts.set(g.id, best);
  }
  for (const [g, c] of counts) {
    for (const [g2, c2] of counts) if (g !== g2 && c.ours === c2.ours && (c2.n > c.n || (c2.n === c.n && g2 < g))) counts.delete(g);
  }
  const rows: SeedActorRow[] = [];
  let found = 0;
  let total = 0;
  for (const g of gold.actors) {
    const m = counts.get(g.id);
    const ours = m ? a.actors.find((x) => x.id === m.ours) : undefined;
    const list = byGold.get(g.id) ?? [];
    const n = ours ? list.filter((o) => ours.mentions.some((x) => overlaps(x, o))).length : 0;
    found += n;
    total += list.length;
    const ok = !!ours && ours.kind === g.kind && ours.country === g.country && (ours.sector ?? undefined) === (g.sector ?? undefined);
    rows.push({
      gold: g.id,
      ...(ours ? { ours: ours.id } : {}),
      kind: [g.kind, ours?.kind],
      country: [g.country, ours?.country],
      sector: [g.sector, ours?.sector],
      ok,
      mentionsFound: n,
      mentionsTotal: list.length,
    });
  }
  const pronouns: SeedActorsReport['pronouns'] = [];
  for (const g of gold.actors) {
    for (const p of g.pronouns ?? []) {
      const at = text.indexOf(p.context);
      const rel = at < 0 ? [] : occurrences(p.context, p.pronoun);
      const pos = rel[0] ? { start: at + rel[0].start, end: at + rel[0].end } : undefined;
      const got = pos ? a.actors.find((x) => x.mentions.some((mm) => mm.start === pos.start && mm.end === pos.end))?.id : undefined;
      const want = counts.get(g.id)?.ours;
      pronouns.push({ actor: g.id, context: p.context, ok: !!got && got === want, ...(got ? { got } : {}) });
    }
  }
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    dataset: 'seed',
    rows,
    pronouns,
    metrics: {
      actors_matched: r(rows.filter((x) => x.ours).length / rows.length),
      actors_correct: r(rows.filter((x) => x.ok).length / rows.length),
      mentions: r(total ? found / total : 0),
      pronouns: r(pronouns.length ? pronouns.filter((p) => p.ok).length / pronouns.length : 0),
    },
  };
}

// ------------------------------------------------------------------ PolNeAR

export interface PolnearActorsReport {
  readonly dataset: 'polnear';
  readonly split: string;
  readonly documents: number;
  readonly sources: number;
  readonly named: number;
  readonly metrics: Record<string, number>;
  readonly missed: string[];
}

/**
 * PolNeAR: the share of gold Source spans that overlap a mention of ours (`source_mention`), and
 * the share of named (non-pronoun) sources whose best-overlapping mention is tied to an actor with
 * a country (`named_country`). Timing covers the analysis only (texts are read before): this
 * process's CPU time, after a warm-up pass over the first documents (loading the KB and the
 * tagger model is not counted), so other work on the machine disturbs it less.
 */
export function evaluatePolnearActors(root: string, split: string, limit = Infinity, analyzer = actorsAnalyzer()): PolnearActorsReport {
  const docs = loadPolnear(root, split, limit);
  let sources = 0;
  let covered = 0;
  let named = 0;
  let namedOk = 0;
  let namedCovered = 0;
  let ms = 0;
  const missed: string[] = [];
  for (const d of docs.slice(0, 20)) analyzer.runDoc(toDoc({ uri: `${d.split}/${d.name}.txt`, kind: 'text', content: d.text }));
  for (const d of docs) {
    const t0 = process.cpuUsage();
    const doc = analyzer.runDoc(toDoc({ uri: `${d.split}/${d.name}.txt`, kind: 'text', content: d.text }));
    const dt = process.cpuUsage(t0);
    ms += (dt.user + dt.system) / 1000;
    const mentions: readonly MentionRecord[] = doc.maybe('mentions') ?? [];
    const actors = new Map((doc.maybe('actors') ?? []).map((x) => [x.id, x]));
    for (const at of d.attributions) {
      if (!at.source.length) continue;
      sources++;
      const srcText = at.source.map((f) => d.text.slice(f.start, f.end)).join(' ').trim();
      let best: MentionRecord | undefined;
      let bestOv = 0;
      for (const f of at.source) {
        for (const m of mentions) {
          if (m.start >= f.end) break;
          const ov = Math.min(m.end, f.end) - Math.max(m.start, f.start);
          if (ov > bestOv) [best, bestOv] = [m, ov];
        }
      }
      if (best) covered++;
      const isPronoun = PRONOUNS.has(srcText.toLowerCase());
      if (isPronoun) continue;
      named++;
      if (best) namedCovered++;
      const actor = best?.actor ? actors.get(best.actor) : undefined;
      if (actor?.country) namedOk++;
      else missed.push(`${d.name}: "${srcText.slice(0, 60)}"${best ? ` (mention "${best.text}"${actor ? `, actor ${actor.id} without country` : ', no actor'})` : ' (no mention)'}`);
    }
  }
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    dataset: 'polnear',
    split,
    documents: docs.length,
    sources,
    named,
    metrics: {
      source_mention: r(sources ? covered / sources : 0),
      named_mention: r(named ? namedCovered / named : 0),
      named_country: r(named ? namedOk / named : 0),
      articles_per_second: Math.round(docs.length / (ms / 1000)),
    },
    missed,
  };
}

// ------------------------------------------------------------------ CLI

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    { ...EVAL_OPTIONS, split: { type: 'string' }, verbose: { type: 'boolean' } },
    USAGE,
  );
  if (values.help) {
    io.out(`usage: ${USAGE}\n`);
    return EXIT.ok;
  }
  const data = requireData(values.data, USAGE);
  if (!existsSync(data)) throw new AttacheError('ATT_E031', 'data set not found', data);
  const isSeed = readdirSync(data).some((f) => f.endsWith('.gold.json'));
  const isPolnear = existsSync(join(data, 'metadata.tsv'));
  if (!isSeed && !isPolnear) throw new AttacheError('ATT_E031', 'not a seed folder (*.gold.json) nor PolNeAR (metadata.tsv)', data);
  if (isSeed) {
    const analyzer = actorsAnalyzer();
    const reports = readSeed(data).map(({ gold, text, path }) => {
      const doc = analyzer.runDoc(toDoc({ uri: path, kind: 'text', content: text }));
      return scoreSeedActors(gold, toAnalysis(doc, analyzer.pipeline.version));
    });
    const rep = reports[0]!;
    const mins = parseMins(listOption(values.min), Object.keys(rep.metrics));
    if (values.json) io.out(`${JSON.stringify(reports.length === 1 ? rep : reports, null, 2)}\n`);
    else {
      for (const r of reports) {
        io.out('gold actor      ours                  kind                 country     sector      mentions\n');
        for (const row of r.rows) {
          const cell = (p: [string | undefined, string | undefined]) => (p[0] === p[1] ? `${p[0] ?? '-'}` : `${p[0] ?? '-'}≠${p[1] ?? '-'}`);
          io.out(
            `${row.ok ? '✓' : '✗'} ${row.gold.padEnd(13)} ${(row.ours ?? '(none)').padEnd(21)} ${cell(row.kind).padEnd(20)} ${cell(row.country).padEnd(11)} ${cell(row.sector).padEnd(11)} ${row.mentionsFound}/${row.mentionsTotal}\n`,
          );
        }
        for (const p of r.pronouns) io.out(`${p.ok ? '✓' : '✗'} pronoun of ${p.actor}: "${p.context}"${p.ok ? '' : ` → ${p.got ?? 'unresolved'}`}\n`);
        io.out(`${Object.entries(r.metrics).map(([k, v]) => `${k} ${v}`).join('  ')}\n`);
      }
    }
    return checkMins('actors', rep.metrics, mins, io) ? EXIT.ok : EXIT.failed;
  }
  const split = values.split ?? 'dev';
  const rep = evaluatePolnearActors(data, split, intOption(values.limit, 'limit', Infinity));
  const mins = parseMins(listOption(values.min), Object.keys(rep.metrics));
  if (values.json) io.out(`${JSON.stringify(values.verbose ? rep : { ...rep, missed: undefined }, null, 2)}\n`);
  else {
    io.out(`PolNeAR ${split}: ${rep.documents} documents, ${rep.sources} gold sources (${rep.named} named)\n`);
    io.out(`  sources overlapping a mention          ${rep.metrics.source_mention}\n`);
    io.out(`  named sources overlapping a mention    ${rep.metrics.named_mention}\n`);
    io.out(`  named sources tied to an actor w/ country ${rep.metrics.named_country}\n`);
    io.out(`  speed (structure → actors)             ${rep.metrics.articles_per_second} articles per CPU second (after a warm-up)\n`);
    if (values.verbose) for (const m of rep.missed) io.out(`  missed ${m}\n`);
  }
  return checkMins('actors', rep.metrics, mins, io) ? EXIT.ok : EXIT.failed;
}
