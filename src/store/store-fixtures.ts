import { ANALYSIS_SCHEMA, type Analysis } from '../analysis/analysis.js';
import type { ActorRecord, EventRecord, PloverType, QuoteRecord, StanceRecord, StanceValue, StatementRecord } from '../doc/records.js';
import type { Span } from '../doc/span.js';
import { contentId } from '../read/to-doc.js';

/**
 * Hand-built Analyses for store tests: the facts are placed by finding short strings in a text we
 * wrote, so the store can be tested without the extraction components.
 */

export interface FixtureActor {
  readonly id: string;
  readonly name: string;
  readonly kind?: ActorRecord['kind'];
  readonly country?: string;
  readonly sector?: string;
  readonly role?: string;
  readonly kbId?: string;
  /** Strings whose (first) occurrences are this actor's mentions. */
  readonly mentions: readonly string[];
}

export interface FixtureSpec {
  readonly text: string;
  readonly headline?: string;
  readonly published?: string;
  readonly outlet?: string;
  readonly url?: string;
  readonly pipeline?: string;
  readonly actors?: readonly FixtureActor[];
  readonly quotes?: readonly { readonly content: string; readonly speaker?: string; readonly kind?: QuoteRecord['kind']; readonly cue?: string; readonly statement?: string }[];
  readonly events?: readonly { readonly type: PloverType; readonly trigger: string; readonly evidence: string; readonly actor: readonly string[]; readonly recipient: readonly string[]; readonly date?: string; readonly quad?: number; readonly cameo?: string }[];
  readonly stances?: readonly { readonly actor: string; readonly issue: string; readonly stance: StanceValue; readonly evidence: readonly string[]; readonly date?: string }[];
}

export function spanOf(text: string, needle: string, from = 0): Span {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start: i, end: i + needle.length, text: needle };
}

export function fixtureAnalysis(spec: FixtureSpec): Analysis {
  const text = spec.text;
  const actors: ActorRecord[] = (spec.actors ?? []).map((a) => {
    let from = 0;
    const mentions = a.mentions.map((m) => {
      const s = spanOf(text, m, from);
      from = s.end;
      return s;
    });
    return {
      id: a.id,
      name: a.name,
      kind: a.kind ?? 'person',
      ...(a.country ? { country: a.country } : {}),
      ...(a.sector ? { sector: a.sector } : {}),
      ...(a.role ? { role: a.role } : {}),
      ...(a.kbId ? { kbId: a.kbId } : {}),
      mentions,
    };
  });
  const quotes: QuoteRecord[] = (spec.quotes ?? []).map((q, i) => ({
    id: `q${i + 1}`,
    kind: q.kind ?? 'direct',
    content: spanOf(text, q.content),
    ...(q.cue ? { cue: spanOf(text, q.cue) } : {}),
    ...(q.speaker ? { speaker: q.speaker } : {}),
    ...(q.statement ? { statement: q.statement } : {}),
    confidence: 0.9,
  }));
  const statementsById = new Map<string, string[]>();
  for (const q of quotes) if (q.statement) statementsById.set(q.statement, [...(statementsById.get(q.statement) ?? []), q.id]);
  const statements: StatementRecord[] = [...statementsById].map(([id, qs]) => {
    const speaker = quotes.find((q) => q.id === qs[0])?.speaker;
    return { id, quotes: qs, canonical: qs[0]!, ...(speaker ? { speaker } : {}) };
  });
  const events: EventRecord[] = (spec.events ?? []).map((e, i) => ({
    id: `e${i + 1}`,
    type: e.type,
    context: [],
    quad: e.quad ?? 1,
    ...(e.cameo ? { cameo: e.cameo } : {}),
    actor: e.actor,
    recipient: e.recipient,
    trigger: spanOf(text, e.trigger),
    evidence: spanOf(text, e.evidence),
    ...(e.date ? { date: e.date } : {}),
    modality: 'asserted',
    negated: false,
  }));
  const stances: StanceRecord[] = (spec.stances ?? []).map((s) => ({
    actor: s.actor,
    issue: s.issue,
    stance: s.stance,
    evidence: s.evidence.map((e) => spanOf(text, e)),
    ...(s.date ? { date: s.date } : {}),
  }));
  const headline = spec.headline ? spanOf(text, spec.headline) : undefined;
  return {
    schema: ANALYSIS_SCHEMA,
    pipeline: spec.pipeline ?? 'fixture@1',
    doc: { id: contentId(text), text, language: 'en', format: 'text' },
    meta: {
      ...(headline ? { headline } : {}),
      ...(spec.published ? { published: spec.published } : {}),
      authors: [],
      ...(spec.outlet ? { outlet: spec.outlet } : {}),
      ...(spec.url ? { url: spec.url } : {}),
      keyPoints: [],
      sections: [],
      ignored: [],
    },
    paragraphs: [],
    sentences: [],
    actors,
    quotes,
    events,
    stances,
    statements,
    keyPoints: [],
    diagnostics: [],
  };
}

/** Three short stories we wrote, about made-up talks, across three weeks. */
export const STORY_TALKS = `Ministers agree to resume grain talks

GENEVA - Foreign Minister Ana Ferreira said on Monday that "the corridor must reopen before winter", and her counterpart Oleg Marchenko welcomed the offer.
"We are ready to sign a ceasefire framework," Marchenko told reporters.
Ferreira said Portugal would support the framework if inspections are allowed.`;

export const STORY_SANCTIONS = `Brussels weighs new sanctions on shipping firms

BRUSSELS - The European Commission proposed fresh sanctions against three shipping companies on Thursday.
"Sanctions will stay until the corridor is open," Commission spokeswoman Lena Vogt said.
Marchenko rejected the proposal, calling it "economic theatre that helps nobody".`;

export const STORY_CEASEFIRE = `Ceasefire framework signed after night of talks

GENEVA - Oleg Marchenko and Ana Ferreira signed a ceasefire framework early on Saturday.
"This framework is a first step, not a peace deal," Ferreira said.
Marchenko said the corridor would open within ten days.`;

const ferreira = (mentions: string[], id = 'a1'): FixtureActor => ({ id, name: 'Ana Ferreira', country: 'PRT', sector: 'GOV', role: 'Foreign Minister', kbId: 'ana-ferreira', mentions });
const marchenko = (mentions: string[], id = 'a2'): FixtureActor => ({ id, name: 'Oleg Marchenko', country: 'UKR', sector: 'GOV', mentions });

export function talksAnalysis(pipeline = 'fixture@1'): Analysis {
  return fixtureAnalysis({
    text: STORY_TALKS,
    headline: 'Ministers agree to resume grain talks',
    published: '2026-01-05',
    outlet: 'Wire One',
    url: 'https://wire.example/talks',
    pipeline,
    actors: [ferreira(['Ana Ferreira', 'Ferreira']), marchenko(['Oleg Marchenko', 'Marchenko'])],
    quotes: [
      { content: 'the corridor must reopen before winter', speaker: 'a1', statement: 's1' },
      { content: 'We are ready to sign a ceasefire framework,', speaker: 'a2' },
      { content: 'Portugal would support the framework if inspections are allowed', speaker: 'a1', kind: 'indirect' },
    ],
    events: [{ type: 'SUPPORT', trigger: 'welcomed', evidence: 'Oleg Marchenko welcomed the offer', actor: ['a2'], recipient: ['a1'] }],
    stances: [{ actor: 'a1', issue: 'ceasefire-framework', stance: 'conditional', evidence: ['Portugal would support the framework if inspections are allowed'] }],
  });
}

export function sanctionsAnalysis(pipeline = 'fixture@1'): Analysis {
  return fixtureAnalysis({
    text: STORY_SANCTIONS,
    headline: 'Brussels weighs new sanctions on shipping firms',
    published: '2026-01-15T10:00:00Z',
    outlet: 'Wire Two',
    pipeline,
    actors: [
      { id: 'a1', name: 'European Commission', kind: 'igo', country: 'EU', sector: 'IGO', kbId: 'european-commission', mentions: ['The European Commission'] },
      { id: 'a2', name: 'Lena Vogt', country: 'EU', sector: 'IGO', role: 'spokeswoman', mentions: ['Lena Vogt'] },
      marchenko(['Marchenko'], 'a3'),
    ],
    quotes: [
      { content: 'Sanctions will stay until the corridor is open,', speaker: 'a2' },
      { content: 'economic theatre that helps nobody', speaker: 'a3', kind: 'partial' },
    ],
    events: [
      { type: 'SANCTION', trigger: 'proposed fresh sanctions', evidence: 'The European Commission proposed fresh sanctions against three shipping companies', actor: ['a1'], recipient: [], quad: 4 },
      { type: 'REJECT', trigger: 'rejected', evidence: 'Marchenko rejected the proposal', actor: ['a3'], recipient: ['a1'], quad: 3 },
    ],
    stances: [{ actor: 'a3', issue: 'shipping-sanctions', stance: 'oppose', evidence: ['economic theatre that helps nobody'] }],
  });
}

export function ceasefireAnalysis(pipeline = 'fixture@1'): Analysis {
  return fixtureAnalysis({
    text: STORY_CEASEFIRE,
    headline: 'Ceasefire framework signed after night of talks',
    published: '2026-01-24',
    outlet: 'Wire One',
    pipeline,
    actors: [marchenko(['Oleg Marchenko', 'Marchenko'], 'a1'), ferreira(['Ana Ferreira', 'Ferreira'], 'a2')],
    quotes: [
      { content: 'This framework is a first step, not a peace deal,', speaker: 'a2' },
      { content: 'the corridor would open within ten days', speaker: 'a1', kind: 'indirect' },
    ],
    events: [{ type: 'AGREE', trigger: 'signed', evidence: 'Oleg Marchenko and Ana Ferreira signed a ceasefire framework', actor: ['a1'], recipient: ['a2'], date: '2026-01-24', quad: 1 }],
    stances: [
      { actor: 'a1', issue: 'ceasefire-framework', stance: 'support', evidence: ['the corridor would open within ten days'] },
      { actor: 'a2', issue: 'ceasefire-framework', stance: 'support', evidence: ['This framework is a first step, not a peace deal,'] },
    ],
  });
}
