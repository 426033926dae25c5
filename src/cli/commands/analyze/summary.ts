import type { Analysis } from '../../../analysis/analysis.js';

const clip = (s: string, n = 100) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** A readable summary of one Analysis for a terminal. */
export function summarize(a: Analysis): string {
  const lines: string[] = [];
  const m = a.meta;
  lines.push(`== ${a.doc.uri ?? a.doc.id}`);
  if (m.headline) lines.push(`headline:   ${clip(m.headline.text)}`);
  if (m.published) lines.push(`published:  ${m.published}`);
  if (m.dateline) lines.push(`dateline:   ${m.dateline.text}`);
  if (m.authors.length) lines.push(`authors:    ${m.authors.join('; ')}`);
  if (m.outlet) lines.push(`outlet:     ${m.outlet}`);
  lines.push(`text:       ${a.doc.text.length} chars, ${a.paragraphs.length} paragraphs, ${a.sentences.length} sentences${a.doc.language !== 'und' ? `, language ${a.doc.language}` : ''}`);
  if (m.keyPoints.length) {
    lines.push(`key points: ${m.keyPoints.length}`);
    for (const k of m.keyPoints) lines.push(`  - ${clip(k.text)}`);
  }
  if (m.sections.length) {
    lines.push(`sections:   ${m.sections.length}`);
    for (const s of m.sections) lines.push(`  # ${clip(s.text)}`);
  }
  if (m.ignored.length) lines.push(`ignored:    ${m.ignored.length} boilerplate range(s)`);
  const actorName = new Map(a.actors.map((x) => [x.id, x.name]));
  if (a.actors.length) {
    lines.push(`actors:     ${a.actors.length}`);
    for (const x of a.actors) {
      const tags = [x.kind, x.country, x.sector, x.role].filter(Boolean).join(', ');
      lines.push(`  ${x.name} (${tags}) ×${x.mentions.length}`);
    }
  }
  if (a.quotes.length) {
    lines.push(`quotes:     ${a.quotes.length}`);
    for (const q of a.quotes) {
      const who = q.speaker ? actorName.get(q.speaker) ?? q.speaker : q.source?.text ?? '?';
      const via = q.via ? ` (via ${actorName.get(q.via) ?? q.via})` : '';
      lines.push(`  [${q.kind}] ${who}${via}: ${clip(q.content.text, 90)}`);
    }
  }
  if (a.events.length) {
    lines.push(`events:     ${a.events.length}`);
    for (const e of a.events) {
      const who = e.actor.map((x) => actorName.get(x) ?? x).join(' & ') || '?';
      const to = e.recipient.map((x) => actorName.get(x) ?? x).join(' & ') || '?';
      const flags = [e.modality !== 'asserted' ? e.modality : '', e.negated ? 'negated' : '', e.date ?? ''].filter(Boolean).join(', ');
      lines.push(`  ${e.type}${e.cameo ? `/${e.cameo}` : ''} ${who} → ${to}${flags ? ` (${flags})` : ''}: ${clip(e.trigger.text, 50)}`);
    }
  }
  if (a.stances.length) {
    lines.push(`stances:    ${a.stances.length}`);
    for (const s of a.stances) lines.push(`  ${actorName.get(s.actor) ?? s.actor} on ${s.issue}: ${s.stance}${s.date ? ` (${s.date})` : ''}`);
  }
  if (a.keyPoints.length) {
    lines.push('brief:');
    for (const k of a.keyPoints) lines.push(`  * ${clip(k.text, 110)}`);
  }
  for (const d of a.diagnostics) if (d.severity !== 'info') lines.push(`${d.severity}: ${d.component}/${d.rule}: ${d.message}`);
  return `${lines.join('\n')}\n`;
}
