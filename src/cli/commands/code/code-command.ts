import type { Convention } from '../../../components/events/cameo-table.js';
import { cameoEntry } from '../../../components/events/cameo-table.js';
import { classifyRelation } from '../../../components/events/relation.js';
import { modelDecision, shippedRelationModel, type RelationModel } from '../../../components/events/relation-model.js';
import { tokenRange, toksOfText } from '../../../components/events/sentence-tokens.js';
import { AttacheError } from '../../../errors.js';
import { locate, readRelationTsv, unmark } from '../../../eval/events/plv-data.js';
import { toPlvLabel } from '../../../eval/events/relation-runner.js';
import { parse } from '../../args.js';
import { EXIT, type Io } from '../../io.js';

const USAGE =
  'attache code --sentence TEXT --source TEXT --target TEXT [--json] | attache code --tsv FILE [--yield] [--convention manual|cameo2plover-2021] [--rules-only]';

export interface CodedPair {
  readonly type: string;
  readonly cameo?: string;
  readonly mode?: string;
  readonly quad?: number;
  readonly trigger?: string;
  /** Who decided the type: the rules alone, or the linear model over the rules' features. */
  readonly by: 'rules' | 'model';
  /** The model's probability for its class, where the model decided. */
  readonly p?: number;
}

/**
 * The PLOVER type of the relation between `source` and `target` in `sentence` (or NONE). `<s>…</s>` and
 * `<t>…</t>` marks in the sentence, where present, say which occurrence is meant; a source or target that
 * does not occur in the sentence is taken as implicit. With a `model` (`data/models/events-relation.json`), the
 * model picks the class from the rules' features; the code and trigger come from the rule candidate of that class.
 */
export function codePair(
  sentence: string, source: string, target: string, convention: Convention = 'manual', marked?: string, model?: RelationModel | null,
): CodedPair {
  let text = sentence;
  let sr: [number, number] | undefined;
  let tr: [number, number] | undefined;
  if (marked ?? /<[st]>/.test(sentence)) {
    const u = unmark(marked ?? sentence);
    text = u.text;
    sr = u.s;
    tr = u.t;
  }
  sr ??= locate(text, source);
  tr ??= locate(text, target);
  const toks = toksOfText(text);
  const s: [number, number] = sr ? tokenRange(toks, sr[0], sr[1]) : [0, 0];
  const t: [number, number] = tr ? tokenRange(toks, tr[0], tr[1]) : [toks.n, toks.n];
  const d = classifyRelation(toks, s, t, { convention });
  let by: CodedPair['by'] = 'rules';
  let p: number | undefined;
  let cameo = d.type === 'NONE' ? undefined : d.cameo;
  let m = d.match;
  let type: string = d.type;
  if (model) {
    const d2021 = convention === 'cameo2plover-2021' ? d : classifyRelation(toks, s, t, { convention: 'cameo2plover-2021' });
    const md = modelDecision(model, toks, s, t, d2021);
    by = 'model';
    p = Math.round(md.p * 1000) / 1000;
    if (toPlvLabel(d2021.type) !== md.label) {
      m = md.candidate?.match;
      cameo = m?.pattern.cameo;
      type = (cameo ? cameoEntry(cameo, convention)?.type : undefined) ?? (md.label === 'YIELD' ? 'CONCEDE' : md.label);
    }
  }
  const extra = by === 'model' ? { by, p: p! } : { by };
  if (type === 'NONE') return { type, ...extra };
  if (!cameo || !m) return { type, ...extra };
  const e = cameoEntry(cameo, convention);
  const mode = m.pattern.mode ?? e?.mode;
  return {
    type,
    cameo,
    ...(mode ? { mode } : {}),
    ...(e ? { quad: e.quad } : {}),
    trigger: text.slice(toks.start[m.first], toks.end[m.last - 1]),
    ...extra,
  };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    {
      sentence: { type: 'string' },
      source: { type: 'string' },
      target: { type: 'string' },
      tsv: { type: 'string' },
      json: { type: 'boolean' },
      yield: { type: 'boolean' },
      convention: { type: 'string' },
      'rules-only': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.out(`usage: ${USAGE}\n`);
    return EXIT.ok;
  }
  const convention = (values.convention ?? 'manual') as Convention;
  if (convention !== 'manual' && convention !== 'cameo2plover-2021') throw new AttacheError('ATT_E030', `--convention is manual or cameo2plover-2021, not "${convention}"`);
  const label = (type: string) => (values.yield ? toPlvLabel(type) : type);
  const model = values['rules-only'] ? null : shippedRelationModel();
  if (values.tsv) {
    if (values.sentence || values.source || values.target) throw new AttacheError('ATT_E030', `--tsv and --sentence/--source/--target do not go together\nusage: ${USAGE}`);
    const file = values.tsv;
    const bad = new Map<number, string>();
    const table = readRelationTsv(file, { onBadRow: (line, e) => bad.set(line, e.oneLine()) });
    const markedCol = table.header.indexOf('marked_sentence');
    io.out(`${[...table.header, 'predicted'].join('\t')}\n`);
    const byLine = new Map(table.rows.map((r) => [r.line, r]));
    const lastLine = Math.max(0, ...table.rows.map((r) => r.line), ...bad.keys());
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    for (let line = 2; line <= lastLine; line++) {
      const raw = lines[line - 1] ?? '';
      if (!raw.trim()) continue;
      const row = byLine.get(line);
      if (!row) {
        io.err(`attache code: ${bad.get(line) ?? `${file}:${line}: unreadable row`}\n`);
        io.out(`${raw}\t\n`);
        continue;
      }
      const marked = markedCol >= 0 ? row.fields[markedCol] : undefined;
      const c = codePair(row.fields[table.header.indexOf('sentence')]!.trim(), row.source, row.target, convention, marked?.trim() || undefined, model);
      io.out(`${raw}\t${label(c.type)}\n`);
    }
    return bad.size ? EXIT.partial : EXIT.ok;
  }
  if (!values.sentence || values.source === undefined || values.target === undefined) {
    throw new AttacheError('ATT_E030', `give --sentence, --source and --target, or --tsv FILE\nusage: ${USAGE}`);
  }
  const c = codePair(values.sentence, values.source, values.target, convention, undefined, model);
  io.out(values.json ? `${JSON.stringify({ ...c, type: label(c.type) })}\n` : `${label(c.type)}\n`);
  return EXIT.ok;
}
