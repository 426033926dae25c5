import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { termMatcher } from './issues.js';

/** A cue found in a passage: where, which way it points, and what bends it. */
export interface CueHit {
  readonly start: number;
  readonly end: number;
  readonly polarity: 'support' | 'oppose';
  readonly negated: boolean;
}

interface CueLexicon {
  support: string[];
  oppose: string[];
  negators: string[];
  conditional: string[];
  hedges: string[];
}

let compiled: { support: RegExp; oppose: RegExp; negator: RegExp; conditional: RegExp; hedge: RegExp } | undefined;

function global(re: RegExp): RegExp {
  return new RegExp(re.source, 'gi');
}

export function cueLexicon() {
  if (compiled) return compiled;
  const raw = parse(readFileSync(new URL('../../../data/lexicon/stances/cues.yaml', import.meta.url), 'utf8')) as CueLexicon;
  compiled = {
    support: global(termMatcher(raw.support)),
    oppose: global(termMatcher(raw.oppose)),
    negator: termMatcher(raw.negators),
    conditional: termMatcher(raw.conditional),
    hedge: termMatcher(raw.hedges),
  };
  return compiled;
}

/** The words just before `at` (up to `n` of them), for negation scope. */
function wordsBefore(text: string, at: number, n: number): string {
  const head = text.slice(Math.max(0, at - 60), at);
  const words = head.split(/\s+/).filter(Boolean);
  return words.slice(-n).join(' ');
}

/** Stance cues in `text` (offsets relative to it), each with its negation. */
export function findCues(text: string): CueHit[] {
  const lex = cueLexicon();
  const hits: CueHit[] = [];
  for (const [re, polarity] of [
    [lex.support, 'support'],
    [lex.oppose, 'oppose'],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = wordsBefore(text, m.index, 3);
      hits.push({ start: m.index, end: m.index + m[0].length, polarity, negated: lex.negator.test(before) });
    }
  }
  // An oppose word inside a negated phrase ("not against") is already covered by its negator.
  return hits.sort((a, b) => a.start - b.start);
}

export function isConditional(text: string): boolean {
  return cueLexicon().conditional.test(text);
}

export function isHedged(text: string): boolean {
  return cueLexicon().hedge.test(text);
}
