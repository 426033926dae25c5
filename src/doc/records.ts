import type { Span } from './span.js';

/**
 * The facts components find, in the shape the Analysis contract prints them. They live here,
 * beside the Doc, so that every component and every edge shares one definition.
 */

export type ActorKind = 'person' | 'organization' | 'country' | 'igo' | 'region' | 'media' | 'group';

export interface ActorRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  /** ISO 3166-1 alpha-3, or an IGO code such as `EU`, `NATO`, `UN`. */
  readonly country?: string;
  /**
   * Where `country` came from: `kb` the knowledge-base entry, `text` words of the article about
   * this actor ("Italian", "Sen.", a US party), `context` the article as a whole (the country it
   * is mostly about, or its dateline) — an inference with no span of its own.
   */
  readonly countryFrom?: 'kb' | 'text' | 'context';
  /** PLOVER sector code: GOV, MIL, REB, OPP, PTY, COP, JUD, SPY, MED, EDU, BUS, CRM, CVL, IGO, NGO, … */
  readonly sector?: string;
  readonly role?: string;
  readonly kbId?: string;
  readonly mentions: readonly Span[];
}

export type QuoteKind = 'direct' | 'partial' | 'mixed' | 'indirect';

export interface QuoteRecord {
  readonly id: string;
  readonly kind: QuoteKind;
  readonly content: Span;
  readonly cue?: Span;
  /** The mention that names the speaker in or next to this attribution (may be a pronoun). */
  readonly source?: Span;
  /** Actor id of the speaker, resolved through coreference. */
  readonly speaker?: string;
  /** Actor id of the channel the words reached us through (a news agency, a statement, …). */
  readonly via?: string;
  readonly viaSpan?: Span;
  readonly statement?: string;
  readonly confidence: number;
  readonly rule?: string;
}

export type Modality = 'asserted' | 'alleged' | 'denied' | 'intended' | 'hypothetical';

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST',
  'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export interface EventRecord {
  readonly id: string;
  readonly type: PloverType;
  readonly mode?: string;
  readonly context: readonly string[];
  readonly cameo?: string;
  /** CAMEO quad class 1–4 (verbal cooperation, material cooperation, verbal conflict, material conflict). */
  readonly quad: number;
  readonly goldstein?: number;
  readonly actor: readonly string[];
  readonly recipient: readonly string[];
  /** The words that fill the actor role (an actor's mention, or a noun phrase that is no actor: "the protesters"). */
  readonly actorSpans?: readonly Span[];
  /** The words that fill the recipient role, actor or not. */
  readonly recipientSpans?: readonly Span[];
  readonly trigger: Span;
  readonly evidence: Span;
  /** ISO 8601 date, month (`2025-12`), year, or interval (`2026-01-12/2026-01-16`). */
  readonly date?: string;
  readonly modality: Modality;
  readonly negated: boolean;
  readonly reportedBy?: string;
  readonly confidence?: number;
  readonly rule?: string;
}

export type StanceValue = 'support' | 'oppose' | 'neutral' | 'conditional';

export interface StanceRecord {
  readonly actor: string;
  readonly issue: string;
  readonly stance: StanceValue;
  readonly evidence: readonly Span[];
  readonly date?: string;
  readonly confidence?: number;
}

export interface StatementRecord {
  readonly id: string;
  readonly speaker?: string;
  readonly quotes: readonly string[];
  readonly canonical: string;
}

export interface KeyPointRecord {
  readonly text: string;
  readonly evidence: readonly Span[];
}
