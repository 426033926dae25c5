import type { QuoteLexicon } from './lexicon.js';

/** A channel the words came through: "as quoted by state-run TASS news agency", "told Reuters", … */
export interface ChannelMatch {
  readonly start: number;
  readonly end: number;
  readonly rule: string;
}

const stickyCache = new WeakMap<RegExp, RegExp>();

function sticky(re: RegExp): RegExp {
  let s = stickyCache.get(re);
  if (!s) {
    s = new RegExp(re.source.replace(/^\^/, ''), 'uy');
    stickyCache.set(re, s);
  }
  return s;
}

/**
 * The first channel phrase in `text[from, to)` that starts at a word or a comma, by the patterns
 * of `data/lexicon/quotes/channels.json`. The channel span is trimmed of a trailing "'s" and
 * punctuation; addressees such as "reporters" are never channels.
 */
export function findChannel(text: string, from: number, to: number, lex: QuoteLexicon): ChannelMatch | undefined {
  const window = text.slice(0, to);
  for (let p = from; p < to; p++) {
    if (p > from && !/[\s,]/.test(text[p - 1]!)) continue;
    for (const { id, re } of lex.channels) {
      const s = sticky(re);
      s.lastIndex = p;
      const m = s.exec(window);
      const g = m?.groups?.channel;
      if (!m || g === undefined) continue;
      const at = m.index + m[0].lastIndexOf(g);
      let end = at + g.length;
      while (end > at && /[\s.,;:’'”"]/.test(text[end - 1]!)) end--;
      const span = text.slice(at, end);
      if (!span || lex.notChannels.has(span.toLowerCase())) continue;
      return { start: at, end, rule: id };
    }
  }
  return undefined;
}
