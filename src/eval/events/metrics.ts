/** Accuracy, per-class precision/recall/F1, macro-F1 and a confusion table over gold and predicted labels. */
export interface ClassScores {
  readonly label: string;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
  readonly p: number;
  readonly r: number;
  readonly f1: number;
}

export interface ClassificationReport {
  readonly n: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly perClass: readonly ClassScores[];
  /** confusion[gold][predicted] = count. */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export function classificationReport(gold: readonly string[], pred: readonly string[], labels: readonly string[]): ClassificationReport {
  const conf: Record<string, Record<string, number>> = {};
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    const p = pred[i]!;
    (conf[g] ??= {})[p] = (conf[g]![p] ?? 0) + 1;
    if (g === p) correct++;
  }
  const perClass = labels.map((label) => {
    const g = gold.filter((x) => x === label).length;
    const pr = pred.filter((x) => x === label).length;
    const c = gold.filter((x, i) => x === label && pred[i] === label).length;
    const p = pr ? c / pr : 0;
    const r = g ? c / g : 0;
    return { label, gold: g, predicted: pr, correct: c, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  });
  const counted = perClass.filter((c) => c.gold > 0);
  return {
    n: gold.length,
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: counted.length ? counted.reduce((s, c) => s + c.f1, 0) / counted.length : 0,
    perClass,
    confusion: conf,
  };
}

/** The report as text: a summary line, a per-class table and a confusion table. */
export function formatReport(title: string, r: ClassificationReport, labels: readonly string[]): string {
  const out: string[] = [`${title}: n=${r.n} accuracy=${r.accuracy.toFixed(3)} macro-F1=${r.macroF1.toFixed(3)}`];
  out.push(`  ${'class'.padEnd(10)} ${'gold'.padStart(5)} ${'pred'.padStart(5)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`);
  for (const c of r.perClass) {
    out.push(`  ${c.label.padEnd(10)} ${String(c.gold).padStart(5)} ${String(c.predicted).padStart(5)} ${c.p.toFixed(3).padStart(6)} ${c.r.toFixed(3).padStart(6)} ${c.f1.toFixed(3).padStart(6)}`);
  }
  const cols = [...labels, 'NONE'];
  const abbr = (l: string) => l.slice(0, 4);
  out.push(`  confusion (rows gold, columns predicted):`);
  out.push(`  ${''.padEnd(10)}${cols.map((c) => abbr(c).padStart(5)).join('')}`);
  for (const g of labels) {
    const row = r.confusion[g] ?? {};
    out.push(`  ${g.padEnd(10)}${cols.map((c) => String(row[c] ?? 0).padStart(5)).join('')}`);
  }
  return out.join('\n');
}
