import { Analyzer } from '../../analysis/analyzer.js';
import type { Analysis } from '../../analysis/analysis.js';
import { listOption, parse } from '../../cli/args.js';
import { EXIT, type Io } from '../../cli/io.js';
import { coverage } from '../brief/brief-eval.js';
import { findQuote, matchActors, readSeed } from '../seed-gold.js';
import { checkMins, parseMins } from '../thresholds.js';

const USAGE = 'attache eval stances --data ../shared/data/seed [--json] [--min NAME=VALUE …]';

/** A gold date ("2026-01") and ours ("2026-01-16" or "2026-01-12/2026-01-16") agree when one lies within the other. */
export function datesAgree(gold: string | undefined, ours: string | undefined): boolean {
  if (!gold) return true;
  if (!ours) return false;
  const [os, oe = os] = ours.split('/') as [string, string?];
  const [gs, ge = gs] = gold.split('/') as [string, string?];
  const within = (d: string, lo: string, hi: string) => d.slice(0, lo.length) >= lo && d.slice(0, hi.length) <= hi;
  return (within(os, gs, ge) && within(oe!, gs, ge)) || (within(gs, os, oe!) && within(ge!, os, oe!));
}

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly required: boolean;
}

/** The issue 6 seed checks: stances, statement groups and key-point coverage. */
export function seedChecks(gold: ReturnType<typeof readSeed>[number]['gold'], a: Analysis): Check[] {
  const checks: Check[] = [];
  const ids = matchActors(gold, a);
  const text = a.doc.text;
  for (const g of gold.stances) {
    const candidates = [ids.get(g.actor)];
    if (/Kremlin/.test(g.note ?? '')) candidates.push(ids.get('kremlin'));
    const ours = candidates.map((id) => a.stances.find((s) => s.issue === g.issue && s.actor === id)).find(Boolean);
    const evAt = text.indexOf(g.evidence);
    const evidenceOk = !!ours && ours.evidence.some((e) => e.start < evAt + g.evidence.length && evAt < e.end);
    const ok = !!ours && ours.stance === g.stance && evidenceOk && datesAgree(g.when, ours.date);
    checks.push({
      name: `stance ${g.actor} on ${g.issue}`,
      ok,
      detail: ours ? `${ours.stance} (gold ${g.stance}), evidence ${evidenceOk ? 'found' : 'missing'}, date ${ours.date ?? '-'} (gold ${g.when ?? '-'})` : `none (gold ${g.stance})`,
      required: g.required !== false,
    });
  }
  const statementOf = (content: string) => findQuote(a, content)?.statement;
  const qById = new Map(gold.quotes.map((q) => [q.id, q]));
  const groupOf = new Map<string, number>();
  gold.statementGroups.forEach((g, i) => g.members.forEach((m) => groupOf.set(m, i)));
  for (const g of gold.statementGroups) {
    const direct = g.members.filter((m) => qById.get(m)?.kind === 'direct');
    const sts = direct.map((m) => statementOf(qById.get(m)!.content));
    const ok = sts.every((s) => s && s === sts[0]);
    checks.push({ name: `statement group {${direct.join(', ')}}`, ok, detail: sts.map((s, i) => `${direct[i]}→${s ?? '-'}`).join(' '), required: g.required !== false });
  }
  // No false merge: two direct quotes in different gold groups (or in none) must not share a statement.
  const direct = gold.quotes.filter((q) => q.kind === 'direct');
  const falseMerges: string[] = [];
  for (let i = 0; i < direct.length; i++) {
    for (let j = i + 1; j < direct.length; j++) {
      const [x, y] = [direct[i]!, direct[j]!];
      const gx = groupOf.get(x.id);
      if (gx !== undefined && gx === groupOf.get(y.id)) continue;
      const [sx, sy] = [statementOf(x.content), statementOf(y.content)];
      if (sx && sx === sy) falseMerges.push(`${x.id}+${y.id}`);
    }
  }
  checks.push({ name: 'no false statement merge', ok: !falseMerges.length, detail: falseMerges.join(' ') || 'none', required: true });
  const covered = gold.metadata.keyPoints.filter((k) => a.keyPoints.some((p) => coverage(k, p.text) >= 0.5)).length;
  checks.push({ name: 'key points cover ≥ 5 of 7', ok: covered >= 5, detail: `${covered} of ${gold.metadata.keyPoints.length} covered (≥ 0.5 of content words)`, required: true });
  return checks;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { data: { type: 'string' }, json: { type: 'boolean' }, min: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (values.help || !values.data) {
    io.out(`${USAGE}\n\nChecks stances, statement groups and generated key points against the seed gold file.\n`);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const analyzer = new Analyzer();
  const all: Check[] = [];
  for (const s of readSeed(values.data)) {
    const a = analyzer.analyzeRaw({ uri: s.path, kind: 'text', content: s.text });
    all.push(...seedChecks(s.gold, a));
  }
  const required = all.filter((c) => c.required);
  const metrics = { passed: required.filter((c) => c.ok).length, required: required.length, share: required.filter((c) => c.ok).length / Math.max(1, required.length) };
  if (values.json) io.out(`${JSON.stringify({ ...metrics, checks: all }, null, 2)}\n`);
  else {
    for (const c of all) io.out(`${c.ok ? '✓' : '✗'} ${c.name}${c.required ? '' : ' (optional)'}: ${c.detail}\n`);
    io.out(`${metrics.passed}/${metrics.required} required checks pass\n`);
  }
  return checkMins('stances', metrics, parseMins(listOption(values.min), Object.keys(metrics)), io) ? EXIT.ok : EXIT.failed;
}
