import { escapeHtml, SafeHtml } from './html.js';

/** A range of the article text to mark: a quote (coloured by speaker), an event trigger, boilerplate. */
export interface TextMark {
  readonly start: number;
  readonly end: number;
  readonly kind: 'quote' | 'event' | 'ignored' | 'headline';
  /** CSS classes (ours, e.g. `q sp-3`). */
  readonly cls: string;
  /** Tooltip (plain text, escaped here). */
  readonly title?: string;
  /** Anchor id given to the mark's first piece. */
  readonly anchor?: string;
}

const NEST: readonly TextMark['kind'][] = ['ignored', 'headline', 'quote', 'event'];
const TAG: Record<TextMark['kind'], string> = { ignored: 'span', headline: 'span', quote: 'mark', event: 'span' };

/**
 * Renders the article text with its marks. The text is cut at every mark boundary and each piece is
 * wrapped in the marks that cover it (outer to inner: boilerplate, headline, quote, event), so
 * overlapping marks still give well-formed HTML. Every piece of text goes through `escapeHtml`.
 */
export function markedText(text: string, marks: readonly TextMark[]): SafeHtml {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end);
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // For each kind, the covering mark of a piece is the shortest one that contains it.
  const byKind = new Map<TextMark['kind'], TextMark[]>();
  for (const m of valid) (byKind.get(m.kind) ?? byKind.set(m.kind, []).get(m.kind)!).push(m);
  const anchored = new Set<TextMark>();
  let out = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    let open = '';
    let close = '';
    for (const kind of NEST) {
      let best: TextMark | undefined;
      for (const m of byKind.get(kind) ?? []) {
        if (m.start <= a && m.end >= b && (!best || m.end - m.start < best.end - best.start)) best = m;
      }
      if (!best) continue;
      let attrs = ` class="${escapeHtml(best.cls)}"`;
      if (best.title) attrs += ` title="${escapeHtml(best.title)}"`;
      if (best.anchor && !anchored.has(best)) {
        anchored.add(best);
        attrs += ` id="${escapeHtml(best.anchor)}"`;
      }
      open += `<${TAG[kind]}${attrs}>`;
      close = `</${TAG[kind]}>` + close;
    }
    out += open + escapeHtml(text.slice(a, b)) + close;
  }
  return new SafeHtml(out);
}
