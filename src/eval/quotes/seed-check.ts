import type { Analysis } from '../../analysis/analysis.js';
import type { QuoteRecord } from '../../doc/records.js';
import { AttacheError } from '../../errors.js';
import { contentChars, dice } from './score.js';

/**
 * Checks an Analysis against a hand-made gold file (the seed story): each gold quote is found
 * when one of our quotes covers one of its occurrences (Dice ≥ 0.5 of content characters, one to
 * one), and its speaker is right when our speaker actor carries one of the gold actor's names.
 */

interface GoldActor {
  id: string;
  name: string;
  mentions?: string[];
}

interface GoldQuote {
  id: string;
  speaker?: string;
  kind: string;
  content: string;
  cue?: string;
  via?: string;
  required?: boolean;
}

export interface SeedQuoteResult {
  readonly id: string;
  readonly kind: string;
  readonly found: boolean;
  readonly speakerOk: boolean;
  readonly viaOk?: boolean;
  readonly predicted?: { kind: string; speaker?: string; source?: string; cue?: string; via?: string; rule?: string };
}

export interface SeedReport {
  readonly file: string;
  readonly results: readonly SeedQuoteResult[];
  readonly metrics: Record<string, number>;
  readonly table: string;
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

export function checkSeed(a: Analysis, goldJson: unknown, file: string): SeedReport {
  const gold = goldJson as { quotes?: GoldQuote[]; actors?: GoldActor[] };
  if (!gold || !Array.isArray(gold.quotes)) throw new AttacheError('ATT_E016', 'gold file has no "quotes" list', file);
  const text = a.doc.text;
  const actors = new Map((gold.actors ?? []).map((x) => [x.id, x]));
  const ours = new Map(a.actors.map((x) => [x.id, x]));
  /** Does our actor `id` name the gold actor `goldId`? */
  const sameActor = (id: string | undefined, goldId: string | undefined): boolean => {
    if (!id || !goldId) return false;
    const g = actors.get(goldId);
    const o = ours.get(id);
    if (!g || !o) return false;
    const names = new Set([g.name, ...(g.mentions ?? [])].map((s) => s.toLowerCase()));
    return names.has(o.name.toLowerCase()) || o.mentions.some((m) => names.has(m.text.toLowerCase()));
  };
  // Candidate pairs gold × predicted over every occurrence of the gold string.
  const pairs: [number, number, number][] = [];
  const predChars = a.quotes.map((q) => contentChars(text, [q.content]));
  gold.quotes.forEach((g, gi) => {
    for (const at of occurrences(text, g.content)) {
      const gc = contentChars(text, [{ start: at, end: at + g.content.length }]);
      a.quotes.forEach((_q, pi) => {
        const d = dice(gc, predChars[pi]!);
        if (d >= 0.5) pairs.push([d, gi, pi]);
      });
    }
  });
  pairs.sort((x, y) => y[0] - x[0]);
  const match = new Map<number, QuoteRecord>();
  const used = new Set<number>();
  for (const [, gi, pi] of pairs) {
    if (match.has(gi) || used.has(pi)) continue;
    match.set(gi, a.quotes[pi]!);
    used.add(pi);
  }
  const results: SeedQuoteResult[] = gold.quotes.map((g, gi) => {
    const p = match.get(gi);
    const speakerOk = !!p && sameActor(p.speaker, g.speaker);
    return {
      id: g.id,
      kind: g.kind,
      found: !!p,
      speakerOk,
      ...(g.via ? { viaOk: !!p && sameActor(p.via, g.via) } : {}),
      ...(p
        ? {
            predicted: {
              kind: p.kind,
              ...(p.speaker ? { speaker: ours.get(p.speaker)?.name ?? p.speaker } : {}),
              ...(p.source ? { source: p.source.text } : {}),
              ...(p.cue ? { cue: p.cue.text } : {}),
              ...(p.via ? { via: ours.get(p.via)?.name ?? p.via } : p.viaSpan ? { via: `(${p.viaSpan.text})` } : {}),
              ...(p.rule ? { rule: p.rule } : {}),
            },
          }
        : {}),
    };
  });
  const count = (kind: string, f: (r: SeedQuoteResult) => boolean) => results.filter((r) => r.kind === kind && f(r)).length;
  const metrics: Record<string, number> = {
    direct_found: count('direct', (r) => r.found),
    direct_speaker: count('direct', (r) => r.found && r.speakerOk),
    direct_via: results.filter((r) => r.viaOk).length,
    partial_found: count('partial', (r) => r.found),
    partial_speaker: count('partial', (r) => r.found && r.speakerOk),
    indirect_found: count('indirect', (r) => r.found),
    indirect_speaker: count('indirect', (r) => r.found && r.speakerOk),
    predicted: a.quotes.length,
  };
  const lines = [`${file}: ${a.quotes.length} quotes predicted`, `${'id'.padEnd(4)} ${'kind'.padEnd(9)} found speaker via   ours`];
  for (const r of results) {
    const p = r.predicted;
    const ours2 = p ? `${p.kind} ${p.rule ?? ''} speaker=${p.speaker ?? '-'} source="${p.source ?? ''}" cue="${p.cue ?? ''}"${p.via ? ` via=${p.via}` : ''}` : '';
    lines.push(`${r.id.padEnd(4)} ${r.kind.padEnd(9)} ${(r.found ? 'yes' : 'no').padEnd(5)} ${(r.speakerOk ? 'yes' : 'no').padEnd(7)} ${(r.viaOk === undefined ? '' : r.viaOk ? 'yes' : 'no').padEnd(5)} ${ours2}`);
  }
  const goldCount = (k: string) => gold.quotes!.filter((q) => q.kind === k).length;
  lines.push(
    `direct with gold speaker ${metrics.direct_speaker}/${goldCount('direct')} (found ${metrics.direct_found}), via ${metrics.direct_via}/${gold.quotes.filter((q) => q.via).length}; ` +
      `partial ${metrics.partial_speaker}/${goldCount('partial')} (found ${metrics.partial_found}); indirect ${metrics.indirect_speaker}/${goldCount('indirect')} (found ${metrics.indirect_found})`,
  );
  return { file, results, metrics, table: `${lines.join('\n')}\n` };
}
