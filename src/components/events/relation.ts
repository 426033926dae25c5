import type { PloverType } from '../../doc/records.js';
import { cameoEntry, type Convention } from './cameo-table.js';
import { cuesBefore, type CueSet } from './cues.js';
import { eventLexicon, type Lexicon } from './lexicon.js';
import { findMatches, type PatternMatch } from './matcher.js';
import type { Toks } from './sentence-tokens.js';

export type RelationLabel = PloverType | 'NONE';

export interface RelationDecision {
  /** PLOVER type of the relation (CONCEDE and RETREAT kept apart; callers merge them to YIELD where needed). */
  readonly type: RelationLabel;
  readonly cameo?: string;
  readonly match?: PatternMatch;
  /** Type of the matched pattern before cues changed it. */
  readonly baseType?: PloverType;
  readonly cues?: CueSet;
  readonly score: number;
  readonly candidates: readonly { readonly match: PatternMatch; readonly score: number }[];
}

type Range = readonly [number, number];

const COOP: ReadonlySet<PloverType> = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'RETREAT', 'CONCEDE', 'AGREE']);
const MATERIAL_CONFLICT: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'MOBILIZE', 'PROTEST']);

/** The CAMEO code of a pattern's event when it is only intended, promised or threatened. */
export function intentCode(cameo: string, type: PloverType): string | undefined {
  switch (type) {
    case 'CONSULT': return '036';
    case 'SUPPORT': return '032';
    case 'COOPERATE': return '031';
    case 'AID': return cameo.startsWith('072') ? '0332' : cameo.startsWith('073') ? '0333' : cameo.startsWith('071') ? '0331' : '033';
    case 'RETREAT':
    case 'CONCEDE':
      if (cameo.startsWith('084')) return '0353';
      if (cameo.startsWith('085')) return '0354';
      if (cameo.startsWith('086')) return '0355';
      if (cameo.startsWith('087')) return '0356';
      return '035';
    case 'ASSAULT': return '138';
    case 'MOBILIZE': return '138';
    case 'SANCTION': return cameo.startsWith('164') ? '134' : cameo.startsWith('161') ? '1313' : '1312';
    case 'COERCE': return cameo === '163' ? '1312' : '130';
    case 'PROTEST': return '133';
    default: return undefined;
  }
}

/**
 * "vowed to attack", "pledged to expel": a promise whose content is a conflictual act is a threat.
 * Returns the THREATEN code for a general promise pattern followed within three tokens by such an act.
 */
export function promisedConflict(m: PatternMatch, matches: readonly PatternMatch[], convention: Convention): string | undefined {
  if (!m.pattern.cameo.startsWith('030')) return undefined;
  for (const o of matches) {
    if (o === m || o.head < m.last || o.head > m.last + 3) continue;
    const type = cameoEntry(o.pattern.cameo, convention)?.type;
    if (type && MATERIAL_CONFLICT.has(type)) return intentCode(o.pattern.cameo, type) ?? '130';
  }
  return undefined;
}

/** The CAMEO code of refusing a cooperative action. */
export function refusalCode(cameo: string, type: PloverType): string {
  switch (type) {
    case 'CONSULT': return '125';
    case 'AGREE': return cameo === '036' ? '125' : '120';
    case 'COOPERATE': return '121';
    case 'AID': return '122';
    case 'RETREAT':
    case 'CONCEDE':
      if (cameo.startsWith('084')) return '1243';
      if (cameo.startsWith('085')) return '1244';
      if (cameo.startsWith('086')) return '1245';
      if (cameo.startsWith('087')) return '1246';
      return '124';
    default: return '120';
  }
}

export interface Transformed {
  readonly cameo: string;
  readonly type: PloverType;
  readonly negated: boolean;
}

/** Applies intent, threat and negation cues to a pattern's code. */
export function applyCues(cameo: string, type: PloverType, cues: CueSet, convention: Convention): Transformed {
  const typeOf = (c: string): PloverType => cameoEntry(c, convention)?.type ?? type;
  if (cues.negated && COOP.has(type)) {
    const c = refusalCode(cameo, type);
    return { cameo: c, type: typeOf(c), negated: false };
  }
  if (cues.threat && MATERIAL_CONFLICT.has(type)) {
    const c = intentCode(cameo, type) ?? '130';
    return { cameo: c, type: typeOf(c), negated: cues.negated };
  }
  if (cues.intent && type !== 'AGREE') {
    const c = intentCode(cameo, type);
    if (c) return { cameo: c, type: typeOf(c), negated: cues.negated };
  }
  return { cameo, type: typeOf(cameo), negated: cues.negated };
}

const OBLIGATION = new Set(['must', 'should', 'ought', 'needs', 'need', 'has', 'have']);

function hasModalBetween(toks: Toks, from: number, to: number): boolean {
  for (let i = from; i < to && i < from + 3; i++) {
    const w = toks.lower[i]!;
    if (w === 'must' || w === 'should' || w === 'ought') return true;
    if (OBLIGATION.has(w) && toks.lower[i + 1] === 'to') return true;
  }
  return false;
}

function overlapsRange(a: number, b: number, r: Range): boolean {
  return a < r[1] && r[0] < b;
}

const CONTROL: ReadonlySet<PloverType> = new Set(['REQUEST', 'THREATEN', 'REJECT', 'AGREE', 'ACCUSE']);
const CLAUSE_BREAK = new Set([';', ':', '.', '?', '!', '“', '”', '"']);

/**
 * The act a request, threat, refusal or promise is about ("urged Y to release", "refused to send troops",
 * "threatened to shell the town"): a trigger right after "to" in the infinitive complement of such a trigger.
 * `strongOnly` leaves out weak plans and decisions ("decided to ease …" is the easing).
 */
export function controlledBy(m: PatternMatch, all: readonly PatternMatch[], t: Toks, strongOnly = false): PatternMatch | undefined {
  if (m.first === 0 || t.lower[m.first - 1] !== 'to') return undefined;
  for (const a of all) {
    if (a === m || a.last > m.first || m.first - a.last > 14) continue;
    const type = cameoEntry(a.pattern.cameo, 'cameo2plover-2021')?.type;
    // Weak AGREE controllers are decisions and plans ("decided to ease …"), not promises — except "agree" itself.
    if (!type || !CONTROL.has(type) || (strongOnly && a.pattern.weak && type === 'AGREE' && t.lemma[a.head] !== 'agree')) continue;
    let clean = true;
    for (let i = a.last; i < m.first; i++) if (CLAUSE_BREAK.has(t.lower[i]!)) clean = false;
    if (clean) return a;
  }
  return undefined;
}

/**
 * "called Morrison on Wednesday to congratulate him": where the best candidate is a weak verb (a call, a visit), a
 * strong trigger in its purpose clause ("to congratulate") is the act; the call is only how it was done.
 */
function purposeOf<C extends { readonly match: PatternMatch }>(candidates: readonly C[], t: Toks): C | undefined {
  const best = candidates[0];
  if (!best?.match.pattern.weak) return undefined;
  return candidates.find((c) => {
    const m = c.match;
    if (m.pattern.weak || m.first <= best.match.last || m.first - best.match.last > 10 || t.lower[m.first - 1] !== 'to') return false;
    for (let i = best.match.last; i < m.first; i++) if (CLAUSE_BREAK.has(t.lower[i]!)) return false;
    return true;
  });
}

/** How well a match explains the relation between two argument ranges (higher is better). */
export function matchScore(m: PatternMatch, s: Range, t: Range): number {
  const [first, second] = s[0] <= t[0] ? [s, t] : [t, s];
  const h = m.head;
  let score: number;
  const inside = overlapsRange(h, h + 1, s) || overlapsRange(h, h + 1, t);
  if (inside) score = 3 - 0.1 * Math.abs(h - first[1]);
  else if (h >= first[1] && h < second[0]) score = 10 - 0.3 * (h - first[1]);
  else if (h >= second[1]) score = 6 - 0.4 * (h - second[1]);
  else score = 5 - 0.4 * Math.max(0, first[0] - m.last);
  if (m.pattern.weak) score -= 4;
  score += 0.6 * (m.matched.length - 1);
  return score;
}

/**
 * The PLOVER type of the relation between a source and a target in one sentence, by the lexicon's patterns,
 * or NONE when no pattern fits. `s` and `t` are token ranges `[first, last)`.
 */
export function classifyRelation(
  toks: Toks,
  s: Range,
  t: Range,
  opts: { lexicon?: Lexicon; convention?: Convention; matches?: readonly PatternMatch[] } = {},
): RelationDecision {
  const convention = opts.convention ?? 'manual';
  const matches = opts.matches ?? findMatches(toks, opts.lexicon ?? eventLexicon());
  const candidates = matches
    .filter((m) => !(overlapsRange(m.head, m.head + 1, s) && overlapsRange(m.head, m.head + 1, t)))
    .filter((m) => !controlledBy(m, matches, toks, true))
    .map((m) => ({ match: m, score: matchScore(m, s, t) }))
    .sort((a, b) => b.score - a.score || a.match.head - b.match.head);
  const best = purposeOf(candidates, toks) ?? candidates[0];
  if (!best) return { type: 'NONE', score: 0, candidates };
  const m = best.match;
  const from = Math.min(s[1], t[1]) <= m.head ? Math.max(s[0] <= m.head && s[1] <= m.head ? s[1] : 0, t[1] <= m.head ? t[1] : 0) : 0;
  const cues = cuesBefore(toks, m.first, from);
  const base = cameoEntry(m.pattern.cameo, convention)?.type ?? m.pattern.type;
  let tr = applyCues(m.pattern.cameo, base, cues, convention);
  const threat = promisedConflict(m, matches, convention);
  if (threat) tr = { cameo: threat, type: cameoEntry(threat, convention)?.type ?? 'THREATEN', negated: tr.negated };
  // "S said T must/should …": the source asks the target to act.
  if (s[1] <= t[0] && t[1] <= m.first && tr.type !== 'REQUEST' && hasModalBetween(toks, t[1], m.first)) {
    tr = { cameo: '100', type: 'REQUEST', negated: false };
  }
  return { type: tr.type, cameo: tr.cameo, match: m, baseType: base, cues, score: best.score, candidates };
}
