// Temporary development harness: prints the seed events.
import { codeEvents } from '../../components/events/events-component.js';
import { eventsPipeline, evaluateSeed } from './seed-eval.js';
import { toDoc } from '../../read/to-doc.js';
import { readFileSync } from 'node:fs';
const dir = process.argv[2]!;
const doc = eventsPipeline().run(toDoc({ uri: 'x', kind: 'text', content: readFileSync(dir + '/kremlin-dialogue.txt', 'utf8') }));
console.log('layers', doc.layerNames().join(','), 'published', doc.meta.published);
for (const e of codeEvents(doc)) {
  const r = e.record;
  console.log(`${r.type.padEnd(9)} ${r.cameo} ${r.modality}${r.negated ? ' NEG' : ''} ${r.date ?? ''} | ${e.actorSpans.map((s) => s.text).join('+')}[${r.actor}] -> ${e.recipientSpans.map((s) => s.text).join('+')}[${r.recipient}] | ${r.trigger.text} | ${r.rule}`);
}
console.log(JSON.stringify(evaluateSeed(dir), null, 1));
