import type { Doc } from '../../doc/doc.js';
import type { EventRecord, Modality, PloverType, QuoteRecord } from '../../doc/records.js';
import { makeSpan, type Span } from '../../doc/span.js';
import { defineComponent, type Component } from '../../pipeline/component.js';
import { findDates, nearestDate, type DateMention } from '../dates/resolve-dates.js';
import { cameoEntry, type Convention } from './cameo-table.js';
import { cuesBefore, type CueSet } from './cues.js';
import { eventLexicon, type Lexicon } from './lexicon.js';
import { findMatches, verbBases, type PatternMatch } from './matcher.js';
import { mentionRefs, nounPhrases, type MentionRef } from './mention-refs.js';
import { controlledBy, intentCode, promisedConflict, refusalCode } from './relation.js';
import { tokenForms, toksFromTable, type Toks } from './sentence-tokens.js';

/**
 * The `events` component: PLOVER events (with CAMEO code, quad class, score, mode and context) between the
 * actors of an article, with trigger and evidence spans, date, modality, negation and the quote that reports them.
 */

/** An event with the spans its actor and recipients were read from (ids where the actor layer gave them). */
export interface CodedEvent {
  readonly record: EventRecord;
  readonly actorSpans: readonly Span[];
  readonly recipientSpans: readonly Span[];
}

export interface EventOptions {
  readonly convention?: Convention;
  readonly lexicon?: Lexicon;
}

const PREPS = new Set(['of', 'with', 'to', 'from', 'on', 'against', 'between', 'in', 'by', 'for', 'at', 'toward', 'towards', 'into', 'over', 'about', 'among', 'than', 'like', 'since', 'after', 'before']);
const RECIPIENT_PREPS = new Set(['on', 'against', 'with', 'to', 'at', 'targeting', 'of', 'toward', 'towards', 'for', 'into', 'upon', 'from']);
const BE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get', 'gets']);
const RECIPIENT_STOP = new Set([';', '.', ':', '?', '!', 'following', 'after', 'while', 'which', 'who', 'because', 'but', 'although', 'whereas', 'before', 'since', 'as', 'when', 'saying', 'adding']);
const SUBJECT_STOP = new Set([';', '.', ':', '?', '!', '“', '”', '"']);
const COOP: ReadonlySet<PloverType> = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'RETREAT', 'CONCEDE']);
const REPORT_NOUNS = new Set(['statement', 'statements', 'remarks', 'remark', 'comments', 'comment', 'call', 'calls', 'view', 'suggestion', 'proposal', 'position', 'idea', 'message', 'warning', 'claim', 'argument']);
const REPORT_VERBS = new Set(['say', 'said', 'says', 'tell', 'told', 'state', 'stated', 'add', 'added', 'argue', 'argued', 'suggest', 'suggested', 'think', 'believe', 'insist', 'insisted', 'note', 'noted', 'write', 'wrote', 'declare', 'declared', 'emphasise', 'emphasised', 'emphasize', 'emphasized', 'stress', 'stressed', 'explain', 'explained']);
const DENIED_OBJECTS = new Set(['allegation', 'allegations', 'claim', 'claims', 'accusation', 'accusations', 'charge', 'charges', 'report', 'reports']);
const FRAMING = /\b(?:what\s+(?:it|he|she|they|\S+)\s+(?:described|called|termed|labelled|labeled|characterized|characterised)\s+as|so-called|what\s+\S+\s+says\s+was)\b/i;

function sentenceTokenRange(doc: Doc, s: Span): [number, number] {
  const t = doc.tokens!;
  const first = t.firstEndingAfter(s.start);
  let last = first;
  while (last < t.length && t.starts[last]! < s.end) last++;
  return [first, last];
}

/** Chooses the triggers of a sentence: strongest first, no two sharing a token. */
function chooseTriggers(matches: readonly PatternMatch[], strong: ReadonlySet<PatternMatch>): PatternMatch[] {
  const weak = (m: PatternMatch) => m.pattern.weak && !strong.has(m);
  const ordered = [...matches].sort((a, b) => Number(weak(a)) - Number(weak(b)) || b.matched.length - a.matched.length || a.first - b.first);
  const used = new Set<number>();
  const kept: PatternMatch[] = [];
  const anyStrong = matches.some((m) => !weak(m));
  for (const m of ordered) {
    // Generic verbs ("call", "provide", "must") count only in a sentence with no stronger trigger.
    if (weak(m) && anyStrong) continue;
    if (m.matched.some((i) => used.has(i))) continue;
    for (const i of m.matched) used.add(i);
    kept.push(m);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** A reporting verb earlier in the sentence with no clause break after it ("Russia says Israel must …"). */
function reportedBefore(t: Toks, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i <= 12; i--) {
    const w = t.lower[i]!;
    if (SUBJECT_STOP.has(w) || w === ',') return false;
    if (REPORT_VERBS.has(w) || REPORT_VERBS.has(t.lemma[i]!)) return i > 0;
  }
  return false;
}

/** The verb phrase right after a reported "must" ("must end attacks", "must be ready to talk") is the request's content. */
function obligedContent(m: PatternMatch, musts: ReadonlySet<PatternMatch>, t: Toks): boolean {
  for (const must of musts) {
    if (m === must || m.first < must.last || m.first - must.last > 2) continue;
    let clean = true;
    for (let i = must.last; i < m.first; i++) if (!(t.pos[i] === 'AUX' || t.pos[i] === 'ADV' || t.pos[i] === 'PART' || t.lower[i] === 'be')) clean = false;
    if (clean) return true;
  }
  return false;
}

function tokIndexAt(t: Toks, offset: number): number {
  for (let i = 0; i < t.n; i++) if (t.end[i]! > offset) return i;
  return t.n;
}

/** Mentions joined to `m` by "and", commas or "as well as" ("France and Italy", "Paris, Rome, and even Berlin"). */
function coordinated(m: MentionRef, refs: readonly MentionRef[], text: string): MentionRef[] {
  const out = [m];
  const i = refs.indexOf(m);
  if (i < 0) return out;
  const joins = /^\s*(?:,\s*(?:and\s+|or\s+)?(?:even\s+)?|\s+(?:and|or|as well as)\s+(?:even\s+)?)(?:the\s+)?$/i;
  for (let j = i + 1; j < refs.length; j++) {
    if (!joins.test(text.slice(refs[j - 1]!.end, refs[j]!.start))) break;
    out.push(refs[j]!);
  }
  for (let j = i - 1; j >= 0; j--) {
    if (!joins.test(text.slice(refs[j]!.end, refs[j + 1]!.start))) break;
    out.unshift(refs[j]!);
  }
  return out;
}

interface Arguments {
  agent?: MentionRef;
  recipient?: MentionRef;
  /** The recipient is only the place of the act ("a ceasefire in Yemen"): sides acting together still act on each other. */
  place?: boolean;
}

function precededByPrep(t: Toks, ref: MentionRef): boolean {
  const i = tokIndexAt(t, ref.start) - 1;
  return i >= 0 && PREPS.has(t.lower[i]!);
}

function mentionAfter(refs: readonly MentionRef[], t: Toks, from: number, maxTokens: number, skip?: MentionRef): MentionRef | undefined {
  let count = 0;
  for (let i = from; i < t.n && count < maxTokens; i++, count++) {
    const w = t.lower[i]!;
    if (RECIPIENT_STOP.has(w) && i > from) break;
    const ref = refs.find((r) => r.start <= t.start[i]! && t.start[i]! < r.end);
    if (!ref) continue;
    if (ref === skip || (skip?.actor && ref.actor === skip.actor) || (ref.pronoun && !ref.actor)) {
      while (i + 1 < t.n && t.start[i + 1]! < ref.end) i++;
      continue;
    }
    return ref;
  }
  return undefined;
}

/** Words that head a clause as well as a phrase ("after the army withdrew", "before Kyiv agreed"). */
const CONJ_LIKE = new Set(['after', 'before', 'since', 'until', 'as', 'while', 'when', 'because', 'if', 'once']);

function onlyAuxBetween(t: Toks, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!(t.pos[i] === 'AUX' || t.pos[i] === 'ADV' || t.pos[i] === 'PART')) return false;
  return true;
}

/** The subject of the clause the trigger heads: nearest mention on the left not governed by a preposition. */
function subjectBefore(refs: readonly MentionRef[], t: Toks, head: number, sentenceRefs: readonly MentionRef[]): MentionRef | undefined {
  // "…, but has not called": a verb phrase without its own subject takes the sentence's subject.
  for (let i = head - 1; i >= 0; i--) {
    const w = t.lower[i]!;
    const p = t.pos[i]!;
    if (p === 'AUX' || p === 'ADV' || p === 'PART' || w === 'not' || w === "n't") continue;
    if (p === 'CCONJ') return sentenceRefs.find((r) => !precededByPrep(t, r) && !r.pronoun) ?? sentenceRefs[0];
    break;
  }
  for (let k = refs.length - 1; k >= 0; k--) {
    const r = refs[k]!;
    if (r.end > t.start[head]!) continue;
    const between = tokIndexAt(t, r.end);
    let stop = false;
    for (let i = between; i < head; i++) if (SUBJECT_STOP.has(t.lower[i]!)) stop = true;
    if (stop) return undefined;
    // "after the Afghan government released …": a conjunction, not a preposition, when the trigger follows at once.
    if (precededByPrep(t, r) && !(CONJ_LIKE.has(t.lower[tokIndexAt(t, r.start) - 1]!) && onlyAuxBetween(t, tokIndexAt(t, r.end), head))) continue;
    return r;
  }
  return undefined;
}

/** Prepositions that mark the party an act is aimed at or done with, strongest first; a place ("in", "at") is weaker. */
const GOVERNING = new Map<string, number>([['with', 3], ['to', 3], ['against', 3], ['on', 2], ['upon', 2], ['toward', 2], ['towards', 2], ['into', 2], ['from', 2], ['at', 1], ['for', 1], ['in', 0]]);
/** Types whose other party is the one "with" whom it is done (talks, cooperation, agreements). */
const WITH_TYPES: ReadonlySet<PloverType> = new Set(['CONSULT', 'COOPERATE', 'AGREE']);
/** Types whose direct object is usually the thing given or moved, the party after "to"/"from"/"against" ("send troops to X"). */
const GOODS_TYPES: ReadonlySet<PloverType> = new Set(['AID', 'MOBILIZE', 'RETREAT', 'CONCEDE']);
/** Dates are no parties ("on 14 January", "next Thursday"), whether or not a publication date lets us resolve them. */
const TIME_WORDS = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;
/** Phrases of time, money and measure are no parties ("this year", "1300 GMT", "201 million EUR", "a record 23 billion euros"). */
const MEASURE_NP = /(?:^|\s)(?:years?|months?|weeks?|days?|today|yesterday|tonight|hours?|minutes?|decades?|century|centuries|morning|afternoon|evening|night|times?|GMT|UTC|EUR|USD|euros?|dollars?|pounds|yuan|rupees|tons?|tonnes?|kilometers?|kilometres?|miles?|percent|per cent|a\.d\.|b\.c\.)$/i;
/** A day written as a weekday or a month and a number ("Monday", "Feb. 29", "April 7") where the date layer did not take it. */
const DAY_NP = /^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|May|June|July|August|September|October|November|December)\.?\s+\d)/;
/** A date, a day, or a phrase of time, money or measure: never a party. */
const timeOrMeasure = (text: string) => TIME_WORDS.test(text) || DAY_NP.test(text) || MEASURE_NP.test(text);
/** An actor's own forces as object ("mobilized troops for a war against Iraq") are what is moved, not the other party. */
const OWN_FORCES = /^(?:(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]he|[Ss]ome|[Mm]ore|new|additional|extra|\d[\d,]*)\s+)*(?:troops|forces|army|soldiers|police|military|units|personnel|warships|jets)$/;

/** A phrase after "in", over adjectives ("in western Kabul"). */
function afterIn(t: Toks, ref: MentionRef): boolean {
  let i = tokIndexAt(t, ref.start) - 1;
  while (i > 0 && t.pos[i] === 'ADJ') i--;
  return i >= 0 && t.lower[i] === 'in';
}

function governingPrep(t: Toks, ref: MentionRef): string | undefined {
  const i = tokIndexAt(t, ref.start) - 1;
  return i >= 0 && GOVERNING.has(t.lower[i]!) ? t.lower[i] : undefined;
}

/**
 * A better recipient further on in the clause: "held talks in Bishkek with Modi" (with beats a place), "donated
 * ventilators … to Ethiopia", "withdraw its troops from Gaza" (a party after to/from/against beats a thing).
 */
function governedRecipient(m: PatternMatch, t: Toks, type: PloverType, current: MentionRef | undefined, cands: readonly MentionRef[], agent: MentionRef | undefined): MentionRef | undefined {
  if (m.pattern.rev) return undefined;
  const withType = WITH_TYPES.has(type);
  const weight = (prep: string | undefined) => (prep ? GOVERNING.get(prep)! + (withType && prep === 'with' ? 2 : 0) : -1);
  const curPrep = current ? governingPrep(t, current) : undefined;
  const curParty = !!current && (!!current.actor || !!current.actorLike) && (!!curPrep || !OWN_FORCES.test(current.text));
  let need: number;
  if (!current || !curParty) need = 1;
  else if (!curPrep) {
    // A party as direct object stays ("accused Peru", "freed the blogger"), except that talks are held "with" someone
    // and goods go "to" someone ("provided $400 million in ODA to Indonesia", "returned the painting to Peru").
    if (GOODS_TYPES.has(type) && m.pattern.mode !== 'release') need = 3;
    else if (!withType) return undefined;
    else need = 5;
  } else if (GOVERNING.get(curPrep)! >= 2 && !(withType && curPrep !== 'with')) return undefined;
  else need = weight(curPrep) + 1;
  // From the trigger on, not from the current recipient: a free phrase before it may be the better-governed party
  // ("an investigation into Khashoggi's death … at the Saudi consulate").
  const from = m.last;
  let best: MentionRef | undefined;
  let bestScore = -1;
  const goods = GOODS_TYPES.has(type);
  for (let i = from, k = 0; i < t.n && k < (goods ? 25 : 20); i++, k++) {
    const w = t.lower[i]!;
    // "missing since 1943": a preposition of time inside the object does not end the clause.
    if ((RECIPIENT_STOP.has(w) && !(w === 'since' && (t.pos[i] === 'ADP' || t.pos[i + 1] === 'NUM'))) || w === '“' || w === '"') break;
    // Another predicate ends the search: "agreed to lift sanctions … and provide guarantees in the summit with …".
    if (i > from && t.pos[i] === 'VERB' && !/(?:ing|ed)$/.test(w) && t.lower[i - 1] !== 'to') break;
    if (t.pos[i] === 'CCONJ' && i + 1 < t.n && t.pos[i + 1] === 'VERB') break;
    const ref = cands.find((r) => r.start === t.start[i]);
    if (!ref || ref === agent || ref.pronoun || (agent?.actor && ref.actor === agent.actor)) continue;
    // Goods go to a party or to a place or institution that takes them ("drugs to the hospital").
    const taker = goods && governingPrep(t, ref) === 'to' && !timeOrMeasure(ref.text);
    if ((!ref.actor && !ref.actorLike && !taker) || TIME_WORDS.test(ref.text)) continue;
    const score = weight(governingPrep(t, ref)) + (ref.actor ? 0.5 : 0);
    if (score > bestScore) {
      best = ref;
      bestScore = score;
    }
  }
  return best && bestScore >= need ? best : undefined;
}

/**
 * Noun phrases that no actor mention covers; a phrase holding a mention after its head stays ("A group of Saudi
 * hackers" around "Saudi"), since the mention after "of" cannot fill a role itself.
 */
function freePhrases(nps: readonly MentionRef[], refs: readonly MentionRef[]): MentionRef[] {
  return nps.filter((n) => !refs.some((r) => r.start < n.end && n.start < r.end && !(n.start < r.start && r.end <= n.end && /\sof\s/.test(n.text.slice(0, r.start - n.start + 1)))));
}

/** Prepositions whose phrase right after a trigger is the trigger's own complement ("an investigation into X", "withdrew from X"). */
const COMPLEMENT_PREPS = new Set(['into', 'against', 'on', 'upon', 'toward', 'towards', 'with', 'to', 'at', 'from']);
/** Head nouns of phrases that name a place ("in the town", "in conflict zones"). */
const PLACE_NOUNS = /(?:^|\s)(?:towns?|city|cities|villages?|areas?|regions?|provinces?|districts?|zones?|capital|territory|territories|county|counties|neighbou?rhoods?|camps?|streets?|square|state|states|country|countries|island|islands|border|borders|frontier|port|coast|valley|strip)$/i;

const isParty = (r: MentionRef | undefined) => !!r && (!!r.actor || !!r.actorLike) && !OWN_FORCES.test(r.text);

/** The phrase right after a trigger's complement preposition, when it names a party (or, after "into", anything). */
function complementOf(m: PatternMatch, t: Toks, cands: readonly MentionRef[], agent: MentionRef | undefined): MentionRef | undefined {
  if (m.pattern.rev) return undefined;
  let prep = t.lower[m.last - 1]!;
  let at = m.last;
  if (!COMPLEMENT_PREPS.has(prep) || m.last - 1 === m.head) {
    prep = t.lower[m.last] ?? '';
    at = m.last + 1;
    if (!COMPLEMENT_PREPS.has(prep)) return undefined;
  }
  if (at >= t.n) return undefined;
  const ref = cands.find((r) => r.start <= t.start[at]! && t.start[at]! < r.end);
  if (!ref || ref === agent || (ref.pronoun && !ref.actor) || (agent?.actor && ref.actor === agent.actor)) return undefined;
  if (timeOrMeasure(ref.text)) return undefined;
  if (prep === 'into' && !ref.actor) {
    // "into the death of Peru's envoy" read as one phrase: the actor inside it after "of".
    const inner = cands.find((r) => r !== ref && r.actor && ref.start < r.start && r.end <= ref.end && /\sof\s/.test(ref.text.slice(0, r.start - ref.start + 1)));
    if (inner && inner !== agent) return inner;
  }
  if (isParty(ref)) return ref;
  if (prep !== 'into') return undefined;
  // "an investigation into the death of X": the party the inquiry is about.
  const after = tokIndexAt(t, ref.end);
  if (t.lower[after] === 'of' && after + 1 < t.n) {
    // Over a description before the name ("of 7-year-old Jakelin …").
    const owner = cands.find((r) => r.start >= t.start[after + 1]! && tokIndexAt(t, r.start) <= after + 6 && isParty(r));
    if (owner && owner !== agent && !/[,;:]/.test(t.lower.slice(after, tokIndexAt(t, owner.start)).join(''))) return owner;
  }
  return ref;
}

/** A place after "in" in the trigger's clause: the recipient of an act with no party of its own ("declared a curfew in Bangkok"). */
function placeAfter(m: PatternMatch, t: Toks, cands: readonly MentionRef[], agent: MentionRef | undefined): MentionRef | undefined {
  for (let i = m.last, k = 0; i < t.n && k < 20; i++, k++) {
    const w = t.lower[i]!;
    if (RECIPIENT_STOP.has(w) || w === '“' || w === '"') break;
    if (i > m.last && t.pos[i] === 'VERB' && !/(?:ing|ed)$/.test(w) && t.lower[i - 1] !== 'to') break;
    if (w !== 'in' || i + 1 >= t.n) continue;
    const ref = cands.find((r) => r.start <= t.start[i + 1]! && t.start[i + 1]! < r.end);
    if (!ref || ref === agent || ref.pronoun || (agent?.actor && ref.actor === agent.actor)) continue;
    if (timeOrMeasure(ref.text)) continue;
    const place = ref.actor ? ref.kind === 'country' || ref.kind === 'region' : PLACE_NOUNS.test(ref.text) || (!!ref.actorLike && /^(?:the\s+)?[A-Z]/.test(ref.text) && !/\s(?:of|and)\s/.test(ref.text) && !ACTORISH.test(ref.text));
    if (place) return ref;
  }
  return undefined;
}

/** A lower-case phrase ("the movement", "anyone") that is neither right after the trigger nor after a party-marking preposition. */
function looseGeneric(m: PatternMatch, t: Toks, r: MentionRef): boolean {
  if (/[A-Z]/.test(r.text)) return false;
  const at = tokIndexAt(t, r.start);
  let i = m.last;
  while (i < at && (t.pos[i] === 'DET' || t.pos[i] === 'ADJ')) i++;
  if (i === at) return false;
  const prep = t.lower[at - 1]!;
  return !['at', 'against', 'to', 'with', 'into', 'from', 'toward', 'towards', 'upon', 'targeting', 'of'].includes(prep);
}

/** Free phrases headed by an actor noun are parties, not places. */
const ACTORISH = /(?:^|\s)(?:government|authorities|forces|troops|police|army|military|ministry|council|party|group|union|company|court|rebels|militants|people)$/i;

/** Persons a pattern may end on ("expel … diplomats", "detain … reporters"). */
const PERSON_NOUNS = /^(?:diplomats?|ambassadors?|envoys?|inspectors|observers|monitors|peacekeepers|workers|staff|journalists|reporters|activists|protesters|demonstrators|officials|migrants|refugees|suspects|members|leaders|opponents|students|citizens|nationals|prisoners|detainees|hostages|soldiers|civilians|people)$/;

/**
 * "expelled all UNSCOM weapons inspectors", "detained two Reuters reporters": a pattern that ends on the persons acted
 * on holds its recipient; an actor named inside that phrase, or else the phrase itself.
 */
function objectInTrigger(m: PatternMatch, t: Toks, refs: readonly MentionRef[], text: string, type: PloverType): MentionRef | undefined {
  if (m.pattern.noun || m.pattern.rev || (type !== 'SANCTION' && type !== 'COERCE') || m.last - 1 <= m.head + 1) return undefined;
  if (t.pos[m.last - 1] !== 'NOUN' || !m.matched.includes(m.last - 1) || !PERSON_NOUNS.test(t.lower[m.last - 1]!)) return undefined;
  // Its own people withdrawn or recalled are what moves; the party is where they leave ("withdrew 200 peacekeepers from Liberia").
  if (['withdraw', 'pull', 'recall'].includes(t.lemma[m.head]!)) return undefined;
  const from = t.start[m.head + 1]!;
  const to = t.end[m.last - 1]!;
  const phrase = text.slice(from, to);
  if (OWN_FORCES.test(phrase)) return undefined;
  const inside = refs.find((r) => r.actor && !r.pronoun && r.start >= from && r.end <= to);
  return inside ?? { start: from, end: to, text: phrase, pronoun: false, firstPerson: false, actorLike: true };
}

function findArguments(m: PatternMatch, t: Toks, refs: readonly MentionRef[], nps: readonly MentionRef[], type: PloverType, text = ''): Arguments {
  const found = findArgumentsWithout(m, t, refs, nps);
  if (!found.agent && !found.recipient) return found;
  const held = text ? objectInTrigger(m, t, refs, text, type) : undefined;
  if (held && held !== found.agent && !(found.agent?.actor && held.actor === found.agent.actor)) return { ...found, recipient: held };
  const free = freePhrases(nps, refs);
  const cands = [...refs, ...free].sort((a, b) => a.start - b.start);
  let recipient = found.recipient;
  // A trigger's own prepositional complement names its recipient: "opened an investigation into Boztepe on suspicion of …".
  const comp = complementOf(m, t, cands, found.agent);
  if (comp) recipient = comp;
  else {
    // The direct object of a verb is its recipient rather than a place after "in": "attacked an army camp in Kabul".
    if (recipient && afterIn(t, recipient) && !m.pattern.noun && (type === 'ASSAULT' || type === 'COERCE') && !PREPS.has(t.lower[m.last - 1]!)) {
      const object = free.find((r) => r.start === t.start[m.last] || (t.pos[m.last] === 'DET' && r.start === t.start[m.last + 1]));
      if (object && object.end <= recipient.start && object !== found.agent) recipient = object;
    }
    recipient = governedRecipient(m, t, type, recipient, cands, found.agent) ?? recipient;
  }
  // PLOVER lets an act without a party recipient be placed (event location); CAMEO coders then take the place as
  // target. A generic phrase that is not the trigger's object or party-marked complement ("eased restrictions on the
  // movement of workers in conflict zones") gives way to the place too.
  if ((!isParty(recipient) || looseGeneric(m, t, recipient!)) && !m.pattern.rev) {
    const place = placeAfter(m, t, cands, found.agent);
    if (place) return { ...found, recipient: place, place: true };
  }
  return { ...found, ...(recipient ? { recipient } : {}) };
}

function findArgumentsWithout(m: PatternMatch, t: Toks, refs: readonly MentionRef[], nps: readonly MentionRef[]): Arguments {
  const args = findArgumentsAmong(m, t, refs);
  if (args.agent && args.recipient) return args;
  // Where no actor mention fills a role, the noun phrase in that place does (a span without an actor id).
  const free = freePhrases(nps, refs);
  const np = findArgumentsAmong(m, t, free);
  const near = (r: MentionRef | undefined, before: boolean) => {
    if (!r) return undefined;
    const [a, b] = before ? [tokIndexAt(t, r.end), m.first] : [m.last, tokIndexAt(t, r.start)];
    // Prepositional phrases between do not count: "Teachers from Denver Public Schools went on strike".
    let gap = 0;
    for (let i = a; i < b; i++) {
      const inPhrase = PREPS.has(t.lower[i]!) || refs.some((x) => x.start <= t.start[i]! && t.start[i]! < x.end) || nps.some((x) => x.start <= t.start[i]! && t.start[i]! < x.end);
      if (!inPhrase || !before) gap++;
    }
    return gap <= 3 ? r : undefined;
  };
  const agent = args.agent ?? near(np.agent, !m.pattern.rev);
  const recipient = args.recipient ?? near(np.recipient, !!m.pattern.rev);
  return { ...(agent ? { agent } : {}), ...(recipient && recipient !== agent ? { recipient } : {}) };
}

const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const NOMINAL_INSIDE = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'NOUN', 'PROPN', 'CCONJ', 'PART', 'ADP']);

/** The verb a nominal trigger is the object of ("launched two dozen air strikes"), or -1 (none, or a reporting verb). */
function lightVerbBefore(t: Toks, first: number): number {
  for (let i = first - 1; i >= 0 && first - i <= 8; i--) {
    const p = t.pos[i]!;
    if (p === 'VERB') return REPORT_VERBS.has(t.lower[i]!) || REPORT_VERBS.has(t.lemma[i]!) ? -1 : i;
    // "carried out more than two dozen air strikes": a particle of the verb and a comparative inside the object go on.
    const w = t.lower[i]!;
    const inside = w === 'of' || (w === 'than' && i > 0 && /^(?:more|less|fewer)$/.test(t.lower[i - 1]!)) || (w === 'out' && i > 0 && t.pos[i - 1] === 'VERB');
    if (p === 'ADP' && !inside) return -1;
    if (!NOMINAL_INSIDE.has(p) && t.lower[i] !== ',' && t.lower[i] !== '-' && !POSSESSIVES.has(t.lower[i]!)) return -1;
  }
  return -1;
}

function findArgumentsAmong(m: PatternMatch, t: Toks, refs: readonly MentionRef[]): Arguments {
  const outside = refs.filter((r) => !m.matched.some((i) => t.start[i]! < r.end && r.start < t.end[i]!));
  const trigStart = t.start[m.first]!;
  const p = m.pattern;
  let agent: MentionRef | undefined;
  let recipient: MentionRef | undefined;
  // Passive voice: "sanctions were imposed on Russia by the EU", "an allegation denied by Kyiv".
  let beInside = false;
  for (let i = m.first; i < m.last; i++) if (BE.has(t.lower[i]!)) beInside = true;
  const passive = !p.noun && (beInside || (m.first > 0 && BE.has(t.lower[m.first - 1]!)) || (m.first > 1 && t.lower[m.first - 1] !== 'to' && BE.has(t.lower[m.first - 2]!)) || t.lower[m.last] === 'by' || (t.lower[m.first]!.endsWith('ed') && t.pos[m.first - 1] === 'NOUN'));
  let byAgent: MentionRef | undefined;
  for (let i = m.last; i < Math.min(t.n, m.last + 8); i++) {
    // "expelled 20 workers employed by the UNHCR": a 'by' after another participle belongs to that participle.
    if (RECIPIENT_STOP.has(t.lower[i]!) || (i > m.last && t.pos[i] === 'VERB')) break;
    if (t.lower[i] === 'by') {
      byAgent = outside.find((r) => r.start >= t.end[i]! && tokIndexAt(t, r.start) <= i + 4);
      break;
    }
  }
  if (p.noun) {
    // The owner before a nominal trigger: "Moscow's war", "a Ukrainian drone attack", "the EU's sanctions".
    for (let k = outside.length - 1; k >= 0; k--) {
      const r = outside[k]!;
      if (r.end > trigStart) continue;
      // A phrase that names no actor ("two dozen air strikes", "a new round of exercises") is no owner.
      if (!r.actor && !r.pronoun && r.actorLike === false) continue;
      const gap = tokIndexAt(t, trigStart) - tokIndexAt(t, r.end);
      if (gap <= 3 && !/[,;.:]/.test(t.lower.slice(tokIndexAt(t, r.end), tokIndexAt(t, trigStart)).join(' '))) agent = r;
      break;
    }
    agent ??= byAgent;
    // "carried out air strikes on …", "opened talks with …": the object of a light verb is done by the verb's subject.
    if (!agent) {
      const v = lightVerbBefore(t, m.first);
      if (v >= 0) agent = subjectBefore(outside, t, v, outside);
    }
    recipient = mentionAfter(outside, t, m.last, 10, agent);
  } else if (passive && byAgent) {
    agent = byAgent;
    recipient = subjectBefore(outside, t, m.first, outside) ?? mentionAfter(outside, t, m.last, 8, agent);
    if (recipient === agent) recipient = undefined;
  } else {
    // "X called Y on Monday to congratulate him": the infinitive's subject is the main verb's, unless that verb
    // hands the act to its object ("urged Y to release").
    const main = m.first > 0 && t.lower[m.first - 1] === 'to' ? mainVerbBefore(t, m.first - 1) : -1;
    agent = subjectBefore(outside, t, main >= 0 ? main : m.first, outside);
    recipient = mentionAfter(outside, t, m.last, 12, agent);
  }
  if (p.rev) [agent, recipient] = [recipient, agent];
  return { ...(agent ? { agent } : {}), ...(recipient ? { recipient } : {}) };
}

/** Verbs whose object does what the infinitive after it says ("urged Y to", "allowed Y to", "invited Y to"). */
const OBJECT_CONTROL = new Set(['urge', 'ask', 'press', 'pressure', 'push', 'force', 'allow', 'permit', 'let', 'order', 'invite', 'persuade', 'encourage', 'tell', 'help', 'enable', 'authorize', 'authorise', 'require', 'compel', 'want', 'expect', 'need', 'appeal', 'warn', 'advise', 'instruct', 'direct', 'mandate', 'oblige', 'empower', 'train', 'send', 'deploy', 'use', 'pay', 'hire']);

/** The finite verb of the clause before an infinitive's "to" ("called Y on Monday to …"), or -1 (none, or object control). */
function mainVerbBefore(t: Toks, to: number): number {
  for (let i = to - 1; i >= 0 && to - i <= 10; i--) {
    const w = t.lower[i]!;
    if (CLAUSE_STOP.has(w)) return -1;
    if (t.pos[i] === 'VERB') {
      if (i + 1 === to || t.pos[i + 1] === 'ADV') return -1;
      // "called on Y to" hands the act over; "called Y to congratulate him" (a phone call) does not.
      if (t.lemma[i] === 'call') return t.lower[i + 1] === 'on' || t.lower[i + 1] === 'upon' ? -1 : i;
      return OBJECT_CONTROL.has(t.lemma[i]!) ? -1 : i;
    }
  }
  return -1;
}
const CLAUSE_STOP = new Set([',', ';', ':', '.', '?', '!', '“', '”', '"', 'and', 'but', 'or', 'who', 'which', 'that']);

/** The speaker of the words a trigger sits in: a quote's speaker, "X's statement that …", or "X said …". */
function speakerOf(trigStart: number, quote: QuoteRecord | undefined, t: Toks, refs: readonly MentionRef[]): { ref?: MentionRef; actor?: string } | undefined {
  if (quote?.speaker) {
    const src = quote.source;
    return src ? { actor: quote.speaker, ref: { start: src.start, end: src.end, text: src.text, actor: quote.speaker, pronoun: false, firstPerson: false } } : { actor: quote.speaker };
  }
  if (quote?.source) {
    const src = quote.source;
    const ref = refs.find((r) => r.start < src.end && src.start < r.end);
    return { ref: ref ?? { start: src.start, end: src.end, text: src.text, pronoun: false, firstPerson: false } };
  }
  const head = tokIndexAt(t, trigStart);
  for (let i = head - 1; i >= 0; i--) {
    if (REPORT_NOUNS.has(t.lower[i]!)) {
      const owner = refs.filter((r) => r.end <= t.start[i]! && tokIndexAt(t, r.end) >= i - 3).pop();
      if (owner && !owner.firstPerson) return { ref: owner };
    }
    if (REPORT_VERBS.has(t.lower[i]!) || REPORT_VERBS.has(t.lemma[i]!)) {
      const subj = subjectBefore(refs, t, i, refs);
      if (subj && !subj.firstPerson) return { ref: subj };
    }
  }
  // "“…,” Meloni said": the reporting clause after the quote.
  for (let i = head + 1; i < t.n - 1; i++) {
    if (REPORT_VERBS.has(t.lemma[i]!) || REPORT_VERBS.has(t.lower[i]!)) {
      const before = refs.filter((r) => r.end <= t.start[i]! && tokIndexAt(t, r.end) >= i - 1).pop();
      const after = refs.find((r) => r.start >= t.end[i]! && tokIndexAt(t, r.start) <= i + 1);
      const ref = before ?? after;
      if (ref) return { ref };
    }
  }
  return undefined;
}

function modalityOf(cues: CueSet, typeChanged: boolean, t: Toks, m: PatternMatch, sentenceText: string, sentenceStart: number): Modality {
  const before = sentenceText.slice(Math.max(0, t.start[m.first]! - sentenceStart - 60), t.start[m.first]! - sentenceStart);
  const after = sentenceText.slice(t.end[m.last - 1]! - sentenceStart, t.end[m.last - 1]! - sentenceStart + 140);
  const prev = m.first > 0 ? t.lemma[m.first - 1]! : '';
  const prev2 = m.first > 1 ? t.lemma[m.first - 2]! : '';
  if (prev === 'deny' || prev2 === 'deny') return 'denied';
  if (cues.alleged || FRAMING.test(before) || /,\s*(?:an?\s+)?(?:allegation|claim|accusation)s?\s+(?:denied|rejected|disputed)\b/i.test(after)) return 'alleged';
  if (cues.condition) return 'hypothetical';
  if (cues.intent && !typeChanged) return 'intended';
  return 'asserted';
}

/** Codes the events of a Doc (tokens and sentences needed; actors, mentions and quotes read where present). */
export function codeEvents(doc: Doc, opts: EventOptions = {}): CodedEvent[] {
  const convention = opts.convention ?? 'manual';
  const lex = opts.lexicon ?? eventLexicon();
  const tokens = doc.tokens;
  const sentences = doc.maybe('sentences');
  if (!tokens || !sentences) return [];
  const text = doc.text;
  const quotes = doc.maybe('quotes') ?? [];
  const allRefs = mentionRefs(doc);
  const useNp = allRefs.length === 0;
  const published = doc.meta.published;
  const forms = tokenForms(tokens);
  const out: CodedEvent[] = [];
  let n = 0;
  let refAt = 0;
  for (const s of sentences) {
    if (doc.isIgnored(s.start, s.end) && doc.isIgnored(s.start) && doc.isIgnored(s.end - 1)) continue;
    const [first, last] = sentenceTokenRange(doc, s);
    if (last <= first) continue;
    // Most sentences have no trigger word: look before building anything.
    let any = false;
    for (let i = first; i < last && !any; i++) {
      const low = forms.lower[i]!;
      any = lex.byFirst.has(forms.lemma[i]!) || lex.byFirst.has(low) || (forms.lower[i + 1] === '-' && i + 2 < last && lex.byFirst.has(`${low}-${forms.lower[i + 2]}`)) ||
        (forms.lemma[i] === low && verbBases(low).some((b) => lex.byFirst.has(b)));
    }
    if (!any) continue;
    const t = toksFromTable(tokens, first, last, forms);
    const matches = findMatches(t, lex);
    if (!matches.length) continue;
    const dates: DateMention[] = findDates(text, published, s.start, s.end);
    let refs: MentionRef[];
    if (useNp) {
      const barrier = new Set<number>();
      for (const m of matches) if (!m.pattern.weak) for (const i of m.matched) barrier.add(i);
      for (let i = 0; i < t.n; i++) if (dates.some((d) => t.start[i]! < d.end && d.start < t.end[i]!)) barrier.add(i);
      refs = nounPhrases(t, text, barrier);
    } else {
      while (refAt < allRefs.length && allRefs[refAt]!.start < s.start) refAt++;
      refs = [];
      for (let k = refAt; k < allRefs.length && allRefs[k]!.start < s.end; k++) if (allRefs[k]!.end <= s.end) refs.push(allRefs[k]!);
    }
    refs = refs.filter((r) => !dates.some((d) => r.start < d.end && d.start < r.end) && !MEASURE_NP.test(r.text));
    // "X said (that) Y must …": a reported obligation is X's request to Y, and what Y must do is its content.
    const musts = new Set(matches.filter((m) => m.pattern.source.startsWith('must|should') && reportedBefore(t, m.first)));
    // The act inside a request, threat, refusal or promise is its content, and leaves a weak controller ("agreed") alone.
    const triggers = chooseTriggers(matches.filter((m) => !controlledBy(m, matches, t)), musts).filter((m) => !obligedContent(m, musts, t));
    const npBarrier = new Set<number>();
    for (const m of triggers) for (const i of m.matched) npBarrier.add(i);
    for (let i = 0; i < t.n; i++) if (dates.some((d) => t.start[i]! < d.end && d.start < t.end[i]!)) npBarrier.add(i);
    const nps = useNp ? [] : nounPhrases(t, text, npBarrier, true).filter((n) => !DAY_NP.test(n.text));
    const coordPool = useNp ? refs : [...refs, ...freePhrases(nps, refs).filter((n) => n.actorLike)].sort((a, b) => a.start - b.start);
    const sentenceEvents: CodedEvent[] = [];
    for (const m of triggers) {
      const trigStart = t.start[m.first]!;
      const trigEnd = t.end[m.last - 1]!;
      const quote = quotes.find((q) => q.content.start <= trigStart && trigEnd <= q.content.end);
      const clauseFrom = 0;
      const cues = cuesBefore(t, m.first, clauseFrom);
      const baseEntry = cameoEntry(m.pattern.cameo, convention);
      if (!baseEntry) continue;
      let cameo = baseEntry.code;
      let type = baseEntry.type;
      let negated = false;
      let typeChanged = false;
      // Intent and refusal change the type; a plain negation keeps it and sets `negated`.
      if (cues.negated && cues.intent && COOP.has(type)) {
        cameo = refusalCode(cameo, type);
        typeChanged = true;
      } else if (cues.negated) negated = true;
      else if ((cues.intent || cues.threat) && type !== 'AGREE') {
        const c = cues.threat && !COOP.has(type) ? intentCode(cameo, type) ?? '130' : cues.intent ? intentCode(cameo, type) : undefined;
        if (c) {
          cameo = c;
          typeChanged = true;
        }
      }
      const threat = promisedConflict(m, matches, convention);
      if (threat) {
        cameo = threat;
        typeChanged = true;
      }
      let advocated = false;
      if (!negated && !typeChanged && cues.advocacy && COOP.has(type)) {
        cameo = intentCode(cameo, type) ?? '036';
        typeChanged = true;
        advocated = true;
      }
      const entry = cameoEntry(cameo, convention) ?? baseEntry;
      type = entry.type;
      let args = findArguments(m, t, refs, nps, type, text);
      // "threatened to shell Haifa", "refused to send troops to Angola": with no object of its own before "to",
      // a threat, refusal or promise is aimed at the party of the act it is about.
      const content = matches.find((c) => c.first > m.last && controlledBy(c, matches, t) === m);
      if (content && !refs.some((r) => r.start >= t.end[m.last - 1]! && r.end <= t.start[content.first]!)) {
        const cType = cameoEntry(content.pattern.cameo, convention)?.type ?? content.pattern.type;
        const inner = findArguments(content, t, refs, nps, cType);
        if (inner.recipient && inner.recipient !== args.agent && !(args.agent?.actor && inner.recipient.actor === args.agent.actor)) args = { ...args, recipient: inner.recipient, place: !!inner.place };
      }
      // "X said that Y must …": Y is asked, by the speaker.
      if (m.pattern.source.startsWith('must|should')) {
        const asked = subjectBefore(refs, t, m.first, refs) ?? subjectBefore(nps, t, m.first, nps);
        const sp = speakerOf(trigStart, quote, t, refs);
        const agent = sp?.ref;
        args = { ...(agent ? { agent } : {}), ...(asked && asked !== agent ? { recipient: asked } : {}) };
        if (sp?.actor && !agent) args = { ...(asked ? { recipient: asked } : {}) };
      }
      if (m.pattern.weak && !(args.agent && args.recipient) && !(musts.has(m) && args.recipient && quote?.speaker)) continue;
      // "The Tokyo exchange and the New York exchange agreed …": a phrase no actor covers can be one of the sides.
      let agentRefs: MentionRef[] = args.agent ? coordinated(args.agent, coordPool, text) : [];
      let agentIds: string[] = agentRefs.map((r) => r.actor).filter((x): x is string => !!x);
      const inReported = !!quote || advocated;
      // In quoted or reported words, "we"/"I" and advocated actions are the speaker's.
      const verbal = entry.quad === 1 || entry.quad === 3;
      if (inReported && (advocated || args.agent?.firstPerson || (!args.agent && verbal))) {
        const sp = speakerOf(trigStart, quote, t, refs);
        if (sp?.actor) {
          agentIds = [sp.actor];
          agentRefs = sp.ref ? [sp.ref] : [];
        } else if (sp?.ref) {
          agentRefs = [sp.ref];
          agentIds = sp.ref.actor ? [sp.ref.actor] : [];
        }
      }
      if (!agentRefs.length && !agentIds.length) continue;
      let recipientRefs = args.recipient ? coordinated(args.recipient, refs, text) : [];
      // "an allegation denied by Kyiv": the denial answers whoever made the claim.
      let extraRecipients: string[] = [];
      if (type === 'REJECT' && m.first > 0 && DENIED_OBJECTS.has(t.lower[m.first - 1]!)) {
        cameo = '016';
        const prior = sentenceEvents[0];
        if (prior) {
          recipientRefs = prior.actorSpans.map((sp) => refs.find((r) => r.start === sp.start && r.end === sp.end) ?? { start: sp.start, end: sp.end, text: sp.text, pronoun: false, firstPerson: false });
          extraRecipients = [...prior.record.actor];
        } else {
          const claimant = refs.find((r) => !precededByPrep(t, r) && !r.pronoun);
          recipientRefs = claimant ? [claimant] : [];
        }
      }
      const agentSet = new Set(agentIds);
      recipientRefs = recipientRefs.filter((r) => !(r.actor && agentSet.has(r.actor)));
      const recipientIds = [...new Set([...recipientRefs.map((r) => r.actor).filter((x): x is string => !!x), ...extraRecipients])].filter((id) => !agentSet.has(id));
      const finalEntry = cameoEntry(cameo, convention) ?? entry;
      const date = nearestDate(dates, trigStart, s.start, s.end);
      const modality = modalityOf(cues, typeChanged, t, m, s.text, s.start);
      const trigger = makeSpan(text, trigStart, trigEnd);
      const evidence = s;
      const mode = m.pattern.mode ?? finalEntry.mode;
      // One event per actor of a compound actor ("France and Italy").
      const perActor: { ids: string[]; spans: Span[] }[] = agentIds.length > 1 || agentRefs.length > 1
        ? (agentRefs.length ? agentRefs.map((r) => ({ ids: r.actor ? [r.actor] : [], spans: [makeSpan(text, r.start, r.end)] })) : agentIds.map((id) => ({ ids: [id], spans: [] })))
        : [{ ids: agentIds, spans: agentRefs.map((r) => makeSpan(text, r.start, r.end)) }];
      // "France and Italy signed a pact": each side acts on the other; a thing as object ("a pact", "the deal") is no party.
      const recipientParty = recipientRefs.some((r) => r.actor || r.actorLike);
      const reciprocal = perActor.length > 1 && (!recipientParty || !!args.place) && (m.pattern.sym || ['AGREE', 'CONSULT', 'COOPERATE', 'SUPPORT'].includes(finalEntry.type));
      for (const a of perActor) {
        const others = reciprocal ? perActor.filter((o) => o !== a) : [];
        const recipientSpans = reciprocal ? others.flatMap((o) => o.spans) : recipientRefs.map((r) => makeSpan(text, r.start, r.end));
        const rec: EventRecord = {
          id: `e${++n}`,
          type: finalEntry.type,
          ...(mode ? { mode } : {}),
          context: finalEntry.context,
          cameo: finalEntry.code === cameo ? cameo : finalEntry.code,
          quad: finalEntry.quad,
          goldstein: finalEntry.score,
          actor: [...new Set(a.ids)],
          recipient: reciprocal ? [...new Set(others.flatMap((o) => o.ids))] : recipientIds.filter((id) => !a.ids.includes(id)),
          actorSpans: a.spans,
          recipientSpans,
          trigger,
          evidence,
          ...(date ? { date: date.value } : {}),
          modality,
          negated,
          ...(quote ? { reportedBy: quote.id } : {}),
          rule: m.pattern.id,
        };
        const ev: CodedEvent = { record: rec, actorSpans: a.spans, recipientSpans };
        sentenceEvents.push(ev);
        out.push(ev);
      }
    }
  }
  return out;
}

/** An event enters the layer when something fills its actor role: an actor id, or at least the words. */
const KEEP = (r: EventRecord): boolean => r.actor.length > 0 || (r.actorSpans?.length ?? 0) > 0;

/** The events component with options (a CAMEO→PLOVER convention, another lexicon). */
export function makeEventsComponent(opts: EventOptions = {}): Component {
  return defineComponent(
    { name: 'events', version: '0.2.0', requires: ['tokens', 'sentences', 'actors', 'quotes'], assigns: ['events'] },
    (doc) => doc.set('events', codeEvents(doc, opts).map((e) => e.record).filter(KEEP)),
  );
}

export const eventsComponent = makeEventsComponent();
