import type { Doc } from '../../doc/doc.js';
import type { ActorKind } from '../../doc/records.js';
import type { MentionRecord } from '../mentions/mention-record.js';
import type { Toks } from './sentence-tokens.js';

/** A stretch of text that names an actor, with the actor id where one is known. */
export interface MentionRef {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly actor?: string;
  readonly kind?: ActorKind;
  readonly pronoun: boolean;
  /** First person ("we", "I", "our"): inside a quote, the speaker. */
  readonly firstPerson: boolean;
  /** A noun phrase with a proper noun or an actor head noun ("the police"), for phrases found without a mention layer. */
  readonly actorLike?: boolean;
}

const PRONOUNS = /^(he|she|it|they|him|her|them|his|its|their|i|we|us|me|our|my)$/i;
const FIRST = /^(i|we|us|me|our|my)$/i;

/**
 * The actor mentions events are coded between: from the `actors` layer (ids resolved through coreference),
 * else the `mentions` layer, else noun phrases found from part-of-speech tags (no ids), so that the
 * relation rules still work on sentences alone.
 */
export function mentionRefs(doc: Doc): MentionRef[] {
  const out: MentionRef[] = [];
  const actors = doc.maybe('actors');
  if (actors && actors.length) {
    for (const a of actors) {
      for (const m of a.mentions) {
        out.push({ start: m.start, end: m.end, text: m.text, actor: a.id, kind: a.kind, pronoun: PRONOUNS.test(m.text), firstPerson: FIRST.test(m.text) });
      }
    }
  } else {
    const mentions = doc.maybe('mentions') as readonly MentionRecord[] | undefined;
    if (mentions && mentions.length) {
      for (const m of mentions) {
        out.push({
          start: m.start, end: m.end, text: m.text, ...(m.actor ? { actor: m.actor } : {}), ...(m.kind ? { kind: m.kind } : {}),
          pronoun: m.type === 'pronoun', firstPerson: m.type === 'pronoun' && m.person === 1,
        });
      }
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Keep the outermost of nested mentions ("Kremlin Spokesman Dmitry Peskov" over "Kremlin").
  const kept: MentionRef[] = [];
  for (const m of out) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) {
      if (!last.actor && m.actor && m.start === last.start && m.end === last.end) kept[kept.length - 1] = m;
      continue;
    }
    kept.push(m);
  }
  return kept;
}

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);
/** Head nouns of common-noun phrases that name actors ("the police", "Afghan security forces"). */
const ACTOR_NOUNS = new Set([
  'government', 'governments', 'administration', 'authorities', 'authority', 'official', 'officials', 'ministry', 'minister', 'ministers',
  'president', 'leader', 'leaders', 'forces', 'force', 'troops', 'soldiers', 'army', 'military', 'police', 'court', 'judge', 'parliament',
  'lawmakers', 'senate', 'congress', 'party', 'opposition', 'rebels', 'militants', 'fighters', 'insurgents', 'protesters', 'demonstrators',
  'people', 'workers', 'civilians', 'prisoners', 'refugees', 'migrants', 'countries', 'country', 'states', 'nations', 'students', 'journalists',
  'company', 'companies', 'union', 'council', 'agency', 'group', 'groups', 'activists', 'regime', 'allies', 'coalition', 'bloc', 'delegation',
  'embassy', 'ambassador', 'diplomat', 'diplomats', 'envoy', 'spokesman', 'spokeswoman', 'members', 'residents', 'villagers', 'citizens',
  'team', 'commanders', 'guards', 'militia', 'militias', 'jihadists', 'terrorists', 'hackers', 'peacekeepers', 'observers', 'inspectors',
]);

/** A hyphen inside a word ("35-year-old", "state-of-the-art"): no space on either side and a word after it. */
function joinedHyphen(t: Toks, j: number): boolean {
  return t.lower[j] === '-' && j > 0 && j + 1 < t.n && t.end[j - 1] === t.start[j] && t.end[j] === t.start[j + 1] && NP_POS.has(t.pos[j + 1]!);
}

/**
 * Noun phrases of a sentence from POS tags: the stand-in for mentions when no mention layer ran. Phrases
 * stop at `barrier` tokens (triggers, dates); only those with a proper noun or an actor head noun are kept.
 */
export function nounPhrases(t: Toks, text: string, barrier: ReadonlySet<number> = new Set(), all = false): MentionRef[] {
  const out: MentionRef[] = [];
  let i = 0;
  while (i < t.n) {
    const p = t.pos[i]!;
    if (barrier.has(i)) {
      i++;
      continue;
    }
    if (p === 'PRON' && PRONOUNS.test(t.lower[i]!)) {
      out.push({ start: t.start[i]!, end: t.end[i]!, text: text.slice(t.start[i]!, t.end[i]!), pronoun: true, firstPerson: FIRST.test(t.lower[i]!) });
      i++;
      continue;
    }
    if (p !== 'DET' && !NP_POS.has(p)) {
      i++;
      continue;
    }
    let j = i;
    if (t.pos[j] === 'DET') j++;
    let hasNoun = false;
    let actorLike = false;
    while (j < t.n && !barrier.has(j) && (NP_POS.has(t.pos[j]!) || ((t.lower[j] === 'of' || t.lower[j] === '-') && j + 1 < t.n && t.pos[j + 1] === 'PROPN') || joinedHyphen(t, j))) {
      if (t.pos[j] === 'PROPN' || t.pos[j] === 'NOUN') hasNoun = true;
      if (t.pos[j] === 'PROPN' || ACTOR_NOUNS.has(t.lower[j]!)) actorLike = true;
      j++;
    }
    if (hasNoun && (actorLike || all)) {
      const s = t.start[i]!;
      const e = t.end[j - 1]!;
      out.push({ start: s, end: e, text: text.slice(s, e), pronoun: false, firstPerson: false, actorLike });
      i = j;
    } else i = Math.max(j, i + 1);
  }
  return out;
}
