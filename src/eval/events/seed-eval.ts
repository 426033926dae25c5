import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { componentsUpTo } from '../../components/registry.js';
import { eventsComponent, makeEventsComponent, type EventOptions } from '../../components/events/events-component.js';
import { toAnalysis, type Analysis } from '../../analysis/analysis.js';
import { AttacheError } from '../../errors.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { toDoc } from '../../read/to-doc.js';

/** A gold event of the seed file (only the fields scored here). */
interface GoldEvent {
  readonly id: string;
  readonly actor: string;
  readonly type: string;
  readonly recipient: readonly string[];
  readonly required?: boolean;
  readonly date?: string;
  readonly modality?: string;
  readonly note?: string;
  readonly evidence?: string;
}

interface GoldActor {
  readonly id: string;
  readonly name: string;
  readonly mentions: readonly (string | { readonly text: string })[];
}

interface GoldFile {
  readonly actors: readonly GoldActor[];
  readonly events: readonly GoldEvent[];
  readonly negatives?: readonly { actor: string; not_type: readonly string[]; recipient?: string }[];
  readonly metadata?: { readonly published?: string };
}

export interface SeedEventResult {
  readonly id: string;
  readonly required: boolean;
  readonly found: boolean;
  readonly typeOk: boolean;
  readonly modalityOk: boolean;
  readonly dateOk: boolean | undefined;
  readonly predicted?: { type: string; actor: string[]; recipient: string[]; date?: string; modality: string; trigger: string };
}

export interface SeedReport {
  readonly article: string;
  readonly events: readonly SeedEventResult[];
  readonly requiredFound: number;
  readonly requiredTotal: number;
  readonly datesOk: number;
  readonly datesTotal: number;
  readonly negativesViolated: number;
  readonly predictedEvents: number;
  readonly pipeline: string;
}

/** Pipeline for whole-article evaluation: the registered components, with `events` appended where not registered yet. */
export function eventsPipeline(opts?: EventOptions): Pipeline {
  const comps = componentsUpTo();
  const i = comps.findIndex((c) => c.name === 'events');
  const events = opts ? makeEventsComponent(opts) : eventsComponent;
  if (i < 0) comps.push(events);
  else comps.splice(i, comps.length - i, events);
  return new Pipeline(comps);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Maps texts naming one of our actors to the gold actor whose mention matches them at word boundaries (longest match wins). */
export function goldActorOf(texts: readonly string[], gold: readonly GoldActor[]): string | undefined {
  let best: string | undefined;
  let bestLen = 0;
  for (const g of gold) {
    const names = [g.name, ...g.mentions.map((m) => (typeof m === 'string' ? m : m.text))];
    for (const n of names) {
      const re = new RegExp(`(?:^|[^\\p{L}])${escapeRe(n)}(?:$|[^\\p{L}])`, 'iu');
      if (n.length > bestLen && texts.some((t) => re.test(t))) {
        best = g.id;
        bestLen = n.length;
      }
    }
  }
  return best;
}

function textsOfIds(a: Analysis, ids: readonly string[]): string[][] {
  const actors = a.actors;
  return ids.map((id) => {
    const a = actors.find((x) => x.id === id);
    return a ? [a.name, ...a.mentions.filter((m) => !/^(he|she|it|they|him|her|them|his|its|their|we|i|us|our)$/i.test(m.text)).map((m) => m.text)] : [];
  });
}

function alternatives(g: GoldEvent): string[] {
  const alt = [...(g.note ?? '').matchAll(/\b([A-Z]{5,})\s+(?:also\s+)?acceptable/g)].map((m) => m[1]!);
  return [g.type, ...alt];
}

/** Runs the pipeline on each `*.txt` with a `*.gold.json` beside it and scores the events. */
export function evaluateSeed(dir: string): SeedReport[] {
  if (!existsSync(dir)) throw new AttacheError('ATT_E031', 'seed directory not found', dir);
  const golds = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort();
  if (!golds.length) throw new AttacheError('ATT_E031', 'no *.gold.json files', dir);
  const pipeline = eventsPipeline();
  const reports: SeedReport[] = [];
  for (const gf of golds) {
    const txt = join(dir, gf.replace(/\.gold\.json$/, '.txt'));
    const gold = JSON.parse(readFileSync(join(dir, gf), 'utf8')) as GoldFile;
    const doc = pipeline.run(toDoc({ uri: txt, kind: 'text', content: readFileSync(txt, 'utf8') }));
    const a = toAnalysis(doc, pipeline.version);
    const mapped = a.events.map((e) => {
      const actorTexts = [...(e.actorSpans ?? []).map((s) => s.text), ...textsOfIds(a, e.actor).flat()];
      const recips = [
        ...(e.recipientSpans ?? []).map((s) => goldActorOf([s.text], gold.actors)),
        ...textsOfIds(a, e.recipient).map((ts) => goldActorOf(ts, gold.actors)),
      ].filter((x): x is string => !!x);
      return { e, actor: goldActorOf(actorTexts, gold.actors), recipients: [...new Set(recips)] };
    });
    const results: SeedEventResult[] = gold.events.map((g) => {
      const types = alternatives(g);
      const cands = mapped.filter((m) => m.actor === g.actor && m.recipients.some((r) => g.recipient.includes(r)) && !m.e.negated);
      const rank = (m: (typeof cands)[number]) =>
        (m.e.type === g.type ? 4 : 0) + (!g.modality || m.e.modality === g.modality ? 8 : 0) + (g.date && (m.e.date ?? '').startsWith(g.date) ? 2 : 0);
      const typed = cands.filter((m) => types.includes(m.e.type)).sort((a, b) => rank(b) - rank(a));
      const best = typed[0] ?? cands[0];
      const r = best?.e;
      const typeOk = !!r && types.includes(r.type);
      const modalityOk = !!r && (!g.modality || r.modality === g.modality);
      const dateOk = g.date && r ? (r.date ?? '').startsWith(g.date) : undefined;
      return {
        id: g.id,
        required: g.required !== false,
        found: typeOk && modalityOk,
        typeOk,
        modalityOk,
        dateOk,
        ...(r ? { predicted: { type: r.type, actor: [best!.actor ?? '?'], recipient: best!.recipients, ...(r.date ? { date: r.date } : {}), modality: r.modality, trigger: r.trigger.text } } : {}),
      };
    });
    let violated = 0;
    for (const neg of gold.negatives ?? []) {
      violated += mapped.filter((m) => m.actor === neg.actor && neg.not_type.includes(m.e.type) && !m.e.negated && (!neg.recipient || m.recipients.includes(neg.recipient))).length;
    }
    const dated = gold.events.filter((g) => g.required !== false && g.date && g.date.length <= 7 && g.date.length >= 7);
    reports.push({
      article: gf.replace(/\.gold\.json$/, ''),
      events: results,
      requiredFound: results.filter((r) => r.required && r.found).length,
      requiredTotal: results.filter((r) => r.required).length,
      datesOk: dated.filter((g) => results.find((r) => r.id === g.id)?.dateOk).length,
      datesTotal: dated.length,
      negativesViolated: violated,
      predictedEvents: a.events.length,
      pipeline: pipeline.version,
    });
  }
  return reports;
}
