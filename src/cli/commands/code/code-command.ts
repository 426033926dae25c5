import type { Convention } from '../../../components/events/cameo-table.js';
import { cameoEntry } from '../../../components/events/cameo-table.js';
import { classifyRelation } from '../../../components/events/relation.js';
import { tokenRange, toksOfText } from '../../../components/events/sentence-tokens.js';
import { AttacheError } from '../../../errors.js';
import { locate, readRelationTsv, unmark } from '../../../eval/events/plv-data.js';
import { toPlvLabel } from '../../../eval/events/relation-runner.js';
import { parse } from '../../args.js';
import { EXIT, type Io } from '../../io.js';

const USAGE =
  'attache code --sentence TEXT --source TEXT --target TEXT [--json] | attache code --tsv FILE [--yield] [--convention manual|cameo2plover-2021]';

export interface CodedPair {
  readonly type: string;
  readonly cameo?: string;
  readonly mode?: string;
  readonly quad?: number;
  readonly trigger?: string;
}

/**
 * The PLOVER type of the relation between `source` and `target` in `sentence` (or NONE). `<s>…</s>` and
 * `<t>…</t>` marks in the sentence, where present, say which occurrence is meant; a source or target that
 * does not occur in the sentence is taken as implicit.
 */
export function codePair(sentence: string, source: string, target: string, convention: Convention = 'manual', marked?: string): CodedPair {
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
  if (d.type === 'NONE' || !d.cameo) return { type: 'NONE' };
  const e = cameoEntry(d.cameo, convention);
  const m = d.match!;
  const mode = m.pattern.mode ?? e?.mode;
  return {
    type: d.type,
    cameo: d.cameo,
    ...(mode ? { mode } : {}),
    ...(e ? { quad: e.quad } : {}),
    trigger: text.slice(toks.start[m.first], toks.end[m.last - 1]),
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
      const c = codePair(row.fields[table.header.indexOf('sentence')]!.trim(), row.source, row.target, convention, marked?.trim() || undefined);
      io.out(`${raw}\t${label(c.type)}\n`);
    }
    return bad.size ? EXIT.partial : EXIT.ok;
  }
  if (!values.sentence || values.source === undefined || values.target === undefined) {
    throw new AttacheError('ATT_E030', `give --sentence, --source and --target, or --tsv FILE\nusage: ${USAGE}`);
  }
  const c = codePair(values.sentence, values.source, values.target, convention);
  io.out(values.json ? `${JSON.stringify({ ...c, type: label(c.type) })}\n` : `${label(c.type)}\n`);
  return EXIT.ok;
}
