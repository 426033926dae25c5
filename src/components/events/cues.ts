import type { Toks } from './sentence-tokens.js';

/**
 * Cue words around a trigger that change what an event is: intent (future, promises; a decision is no mere
 * intent — "decided to lift sanctions" is the lifting), negation,
 * conditions, advocacy ("should", "the time has come"), allegation. Lists are data-like, kept short and general.
 */
export const INTENT = new Set([
  'will', "'ll", 'shall', 'wo', 'would', 'going', 'plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'intended',
  'pledge', 'pledged', 'promise', 'promised', 'vow', 'vowed', 'offer', 'offered', 'ready', 'willing', 'prepared', 'expect',
  'expected', 'set', 'seek', 'sought', 'aim', 'aims', 'hope', 'hopes', 'want', 'wants', 'prepare', 'preparing',
  'scheduled', 'due', 'mull', 'consider', 'considering', 'propose', 'proposed', 'agree', 'agreed',
]);
export const THREAT_CUES = new Set(['threaten', 'threatened', 'threatens', 'threatening', 'warn', 'warned', 'warns']);
export const NEGATION = new Set(['not', "n't", 'never', 'no', 'without', 'neither', 'nor']);
export const CONDITION = new Set(['if', 'unless', 'whether']);
/** Words by which a speaker advocates an action rather than reports it. */
export const ADVOCACY = new Set(['should', 'ought', 'need', 'needs', 'necessary', 'useful', 'time', 'must', 'important', 'favour', 'favor', 'urge']);
export const ALLEGATION = new Set(['alleged', 'allegedly', 'purported', 'purportedly', 'reportedly', 'suspected', 'claimed', 'supposed', 'supposedly']);
const CLAUSE_STOP = new Set([';', ':', '.', '?', '!', '—', '–', 'but', 'while', 'whereas', 'although', 'though', 'because', 'after', 'before', 'since', 'as', 'which', 'who', 'when']);

export interface CueSet {
  intent: boolean;
  threat: boolean;
  negated: boolean;
  condition: boolean;
  advocacy: boolean;
  alleged: boolean;
}

/** Looks back from `head` to `from` (not crossing a clause boundary) for cue words. */
export function cuesBefore(t: Toks, head: number, from: number, window = 7): CueSet {
  const c: CueSet = { intent: false, threat: false, negated: false, condition: false, advocacy: false, alleged: false };
  const lo = Math.max(from, head - window, 0);
  for (let i = head - 1; i >= lo; i--) {
    const w = t.lower[i]!;
    if (CLAUSE_STOP.has(w) && i < head - 1) break;
    if (w === ',' && i < head - 3) break;
    if (INTENT.has(w)) c.intent = true;
    if (THREAT_CUES.has(w)) c.threat = true;
    if (NEGATION.has(w)) c.negated = true;
    if (ADVOCACY.has(w) || (w === 'come' && t.lower[i - 1] === 'has')) c.advocacy = true;
    if (ALLEGATION.has(w)) c.alleged = true;
  }
  // A condition may open the sentence or the clause well before the trigger.
  for (let i = head - 1; i >= Math.max(from, head - 15, 0); i--) {
    const w = t.lower[i]!;
    if (w === ';' || w === '.') break;
    if (CONDITION.has(w)) c.condition = true;
  }
  if (head > 0 && ALLEGATION.has(t.lower[head - 1]!)) c.alleged = true;
  return c;
}
