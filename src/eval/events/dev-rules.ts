// Temporary development harness (not shipped): prints rule errors on the even rows of PLV train.
import { readRelationTsv } from './plv-data.js';
import { classificationReport, formatReport } from './metrics.js';
import { PLV_LABELS, prepareRow, ruleDecision, toPlvLabel } from './relation-runner.js';

const t = readRelationTsv(process.argv[2]!, { requireGold: true });
const half = process.argv[3] ?? 'even';
const rows = t.rows.filter((_, i) => half === 'all' || (i % 2 === 0) === (half === 'even'));
const gold: string[] = [];
const pred: string[] = [];
for (const r of rows) {
  const p = prepareRow(r);
  const d = ruleDecision(p, 'cameo2plover-2021');
  const y = toPlvLabel(d.type);
  gold.push(r.gold!);
  pred.push(y);
  if (process.argv[4] === 'v' && y !== r.gold) {
    
    console.log(`${r.gold}\t${y}\t${d.match?.pattern.source ?? '-'}\t${JSON.stringify(d.cues ?? {}).replace(/"(\w+)":false,?/g, '')}\t${r.source} || ${r.target} || ${r.sentence.slice(0, 220)}`);

  }
}
console.log(formatReport(`rules ${half}`, classificationReport(gold, pred, PLV_LABELS), PLV_LABELS));
