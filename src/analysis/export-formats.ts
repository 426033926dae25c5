import type { ActorRecord, EventRecord } from '../doc/records.js';
import type { Span } from '../doc/span.js';
import type { Analysis } from './analysis.js';

/**
 * Pure formatters from an Analysis to event-data exchange formats: PLOVER JSON records (one object per
 * event) and CAMEO rows (date, source code, target code, CAMEO code, quad class, score, article id).
 * Compound actors stay lists in PLOVER (the manual's convention) and become one row per actor–recipient pair in CAMEO.
 */

/** PLOVER's names for the international entities our actors carry as IGO codes (manual table 5.1). */
const PLOVER_ENTITY: Readonly<Record<string, string>> = { EU: 'EUR', UN: 'UNO' };

export interface PloverEntity {
  readonly actorId: string;
  readonly name: string;
  /** ISO3 country, or PLOVER's entity code (EUR, UNO, IGO, …). */
  readonly code?: string;
  readonly sector?: string;
  readonly kind: ActorRecord['kind'];
  readonly role?: string;
}

export interface PloverRecord {
  readonly id: string;
  readonly date?: string;
  readonly actor: readonly PloverEntity[];
  readonly recipient: readonly PloverEntity[];
  readonly eventType: string;
  readonly mode?: string;
  readonly context: readonly string[];
  readonly quad: number;
  readonly score?: number;
  readonly cameo?: string;
  readonly modality: EventRecord['modality'];
  readonly negated: boolean;
  readonly text: { readonly trigger: Span; readonly evidence: Span };
  readonly source: { readonly articleId: string; readonly uri?: string; readonly url?: string; readonly outlet?: string; readonly headline?: string; readonly published?: string; readonly quote?: string };
}

export interface CameoRow {
  readonly date: string;
  readonly source: string;
  readonly target: string;
  readonly cameo: string;
  readonly quad: number;
  readonly goldstein: string;
  readonly article: string;
}

function entity(a: ActorRecord | undefined, id: string): PloverEntity {
  if (!a) return { actorId: id, name: id, kind: 'group' };
  const code = a.country ? PLOVER_ENTITY[a.country] ?? a.country : undefined;
  return { actorId: a.id, name: a.name, kind: a.kind, ...(code ? { code } : {}), ...(a.sector ? { sector: a.sector } : {}), ...(a.role ? { role: a.role } : {}) };
}

/** The CAMEO-style actor code: country (or entity) code followed by the sector code, e.g. `RUSGOV`, `EURIGO`; `---` when unknown. */
export function actorCode(a: ActorRecord | undefined): string {
  if (!a?.country) return '---';
  const c = PLOVER_ENTITY[a.country] ?? a.country;
  return a.sector && a.sector !== c ? `${c}${a.sector}` : c;
}

function articleId(a: Analysis): string {
  return a.doc.id || a.doc.uri || '';
}

/** One PLOVER record per event (negated events included, flagged). */
export function toPloverRecords(analysis: Analysis): PloverRecord[] {
  const actors = new Map(analysis.actors.map((x) => [x.id, x]));
  const id = articleId(analysis);
  const headline = analysis.meta.headline?.text;
  return analysis.events.map((e) => ({
    id: `${id}-${e.id}`,
    ...(e.date ?? analysis.meta.published ? { date: e.date ?? analysis.meta.published!.slice(0, 10) } : {}),
    actor: e.actor.map((x) => entity(actors.get(x), x)),
    recipient: e.recipient.map((x) => entity(actors.get(x), x)),
    eventType: e.type,
    ...(e.mode ? { mode: e.mode } : {}),
    context: e.context,
    quad: e.quad,
    ...(e.goldstein !== undefined ? { score: e.goldstein } : {}),
    ...(e.cameo ? { cameo: e.cameo } : {}),
    modality: e.modality,
    negated: e.negated,
    text: { trigger: e.trigger, evidence: e.evidence },
    source: {
      articleId: id,
      ...(analysis.doc.uri ? { uri: analysis.doc.uri } : {}),
      ...(analysis.meta.url ? { url: analysis.meta.url } : {}),
      ...(analysis.meta.outlet ? { outlet: analysis.meta.outlet } : {}),
      ...(headline ? { headline } : {}),
      ...(analysis.meta.published ? { published: analysis.meta.published } : {}),
      ...(e.reportedBy ? { quote: e.reportedBy } : {}),
    },
  }));
}

/**
 * CAMEO rows: one per actor × recipient (a missing recipient gives `---`), for asserted, non-negated events
 * that have a CAMEO code. Dates are the event's own where resolved, else the publication date.
 */
export function toCameoRows(analysis: Analysis): CameoRow[] {
  const actors = new Map(analysis.actors.map((x) => [x.id, x]));
  const article = articleId(analysis);
  const rows: CameoRow[] = [];
  for (const e of analysis.events) {
    if (!e.cameo || e.negated || e.modality === 'hypothetical' || e.modality === 'denied') continue;
    const date = e.date ?? analysis.meta.published?.slice(0, 10) ?? '';
    const sources = e.actor.length ? e.actor : [''];
    const targets = e.recipient.length ? e.recipient : [''];
    for (const s of sources) {
      for (const t of targets) {
        rows.push({
          date,
          source: actorCode(actors.get(s)),
          target: actorCode(actors.get(t)),
          cameo: e.cameo,
          quad: e.quad,
          goldstein: e.goldstein === undefined ? '' : String(e.goldstein),
          article,
        });
      }
    }
  }
  return rows;
}
