import { Analyzer } from '../../analysis/analyzer.js';
import { listOption, parse } from '../../cli/args.js';
import { EXIT, type Io } from '../../cli/io.js';
import { toWording } from '../../components/statements/wording.js';
import { AttacheError } from '../../errors.js';
import { isFailure, readSources } from '../../read/sources.js';
import { checkMins, parseMins } from '../thresholds.js';

const USAGE = 'attache eval brief --data FILE|DIR [--threshold 0.5] [--json] [--min NAME=VALUE …]';

/** Share of the reference point's content words that the generated point holds. */
export function coverage(reference: string, generated: string): number {
  const r = toWording(reference);
  const g = toWording(generated);
  if (!r.set.size) return 0;
  let inter = 0;
  for (const w of r.set) if (g.set.has(w)) inter++;
  return inter / r.set.size;
}

/**
 * Scores generated key points against an article's own summary block ("Key Points", "Highlights"):
 * a reference point is covered when one generated point holds at least `threshold` of its content
 * words (after the statements normalisation: stems, near-synonyms folded). The brief is generated
 * from the body only, never from the block itself.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    { data: { type: 'string' }, threshold: { type: 'string' }, json: { type: 'boolean' }, min: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (values.help || !values.data) {
    io.out(`${USAGE}\n\nCoverage of each article's own key-point block by the generated brief (articles without such a block are skipped).\n`);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const threshold = values.threshold ? Number(values.threshold) : 0.5;
  const analyzer = new Analyzer();
  const rows: { uri: string; reference: string; best: string; score: number }[] = [];
  let articles = 0;
  let unreadable = 0;
  for await (const r of readSources([values.data])) {
    if (isFailure(r)) {
      // A data folder may hold gold files and notes beside the articles: count, don't stop.
      unreadable++;
      continue;
    }
    const a = analyzer.analyzeRaw(r);
    if (a.meta.keyPoints.length < 3) continue;
    articles++;
    for (const k of a.meta.keyPoints) {
      let best = '';
      let score = 0;
      for (const g of a.keyPoints) {
        const c = coverage(k.text, g.text);
        if (c > score) [best, score] = [g.text, c];
      }
      rows.push({ uri: r.uri, reference: k.text, best, score });
    }
  }
  if (!articles) throw new AttacheError('ATT_E031', `no article with a key-point block found (${unreadable} input(s) not articles)`, values.data);
  const covered = rows.filter((r) => r.score >= threshold).length;
  const metrics = { covered, share: covered / rows.length, articles };
  if (values.json) io.out(`${JSON.stringify({ threshold, ...metrics, rows }, null, 2)}\n`);
  else {
    io.out(`brief: ${articles} article(s), ${rows.length} reference key points, covered at ≥ ${threshold} of their content words: ${covered} (${(metrics.share * 100).toFixed(1)}%)\n`);
    for (const r of rows) io.out(`  ${r.score >= threshold ? '✓' : '✗'} ${r.score.toFixed(2)}  ${r.reference.slice(0, 70)}\n        ← ${r.best.slice(0, 90)}\n`);
  }
  return checkMins('brief', metrics, parseMins(listOption(values.min), Object.keys(metrics)), io) ? EXIT.ok : EXIT.failed;
}
