import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../analysis/analysis.js';
import { AttacheError } from '../errors.js';

/** The hand-made gold analysis of the seed story (`../shared/data/seed/*.gold.json`). */
export interface SeedGold {
  article: string;
  metadata: { headline: string; published: string; keyPoints: string[] };
  actors: { id: string; name: string; kind: string; country?: string; sector?: string; mentions: string[]; pronouns?: { context: string; pronoun: string }[] }[];
  quotes: { id: string; speaker: string; kind: string; content: string; cue?: string; via?: string; required?: boolean }[];
  statementGroups: { statement: string; members: string[]; required?: boolean }[];
  events: { id: string; actor: string; type: string; recipient: string[]; evidence: string; required?: boolean }[];
  stances: { actor: string; issue: string; stance: string; evidence: string; when?: string; required?: boolean; note?: string }[];
}

/** Reads the gold file(s) of a seed folder, with the article text beside each. */
export function readSeed(dir: string): { gold: SeedGold; text: string; path: string }[] {
  if (!existsSync(dir)) throw new AttacheError('ATT_E031', 'seed folder not found', dir);
  const out: { gold: SeedGold; text: string; path: string }[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.gold.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as SeedGold;
    const path = join(dir, gold.article);
    out.push({ gold, text: readFileSync(path, 'utf8'), path });
  }
  if (!out.length) throw new AttacheError('ATT_E031', 'no *.gold.json in the seed folder', dir);
  return out;
}

/**
 * Maps each gold actor id to the id of our actor that best matches it: the one with the most
 * mentions whose text is one of the gold actor's mention strings (or contains its name).
 */
export function matchActors(gold: SeedGold, a: Analysis): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of gold.actors) {
    let best: string | undefined;
    let bestScore = 0;
    for (const ours of a.actors) {
      let score = 0;
      for (const m of ours.mentions) if (g.mentions.includes(m.text) || m.text.includes(g.name)) score++;
      if (ours.name === g.name) score += 2;
      if (score > bestScore) [best, bestScore] = [ours.id, score];
    }
    if (best) out.set(g.id, best);
  }
  return out;
}

/** Our quote whose content overlaps the gold content string most (by characters), if any. */
export function findQuote(a: Analysis, content: string): Analysis['quotes'][number] | undefined {
  let best: Analysis['quotes'][number] | undefined;
  let bestOverlap = 0;
  // The gold string may occur more than once (a repeated remark): take the best match of any occurrence.
  for (let at = a.doc.text.indexOf(content); at >= 0; at = a.doc.text.indexOf(content, at + 1)) {
    const end = at + content.length;
    for (const q of a.quotes) {
      const ov = Math.min(end, q.content.end) - Math.max(at, q.content.start);
      const dice = (2 * ov) / (content.length + q.content.text.length);
      if (ov > 0 && dice > bestOverlap) [best, bestOverlap] = [q, dice];
    }
  }
  return bestOverlap >= 0.5 ? best : undefined;
}
