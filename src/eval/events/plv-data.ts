import { readFileSync } from 'node:fs';
import { AttacheError } from '../../errors.js';

/** One row of a relation TSV: a sentence, a source and a target (with their character ranges when known), and maybe a gold label. */
export interface RelationRow {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly fields: readonly string[];
  readonly sentence: string;
  readonly source: string;
  readonly target: string;
  readonly sourceRange?: readonly [number, number];
  readonly targetRange?: readonly [number, number];
  readonly gold?: string;
}

export interface RelationTable {
  readonly header: readonly string[];
  readonly rows: readonly RelationRow[];
}

/** Removes `<s>…</s>` and `<t>…</t>` marks and returns the first marked range of each. */
export function unmark(marked: string): { text: string; s?: [number, number]; t?: [number, number] } {
  let text = '';
  let s: [number, number] | undefined;
  let t: [number, number] | undefined;
  let open: { tag: string; at: number } | undefined;
  const re = /<\/?[st]>/g;
  let last = 0;
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    text += marked.slice(last, m.index);
    last = m.index + m[0].length;
    const tag = m[0];
    if (tag === '<s>' || tag === '<t>') open = { tag: tag[1]!, at: text.length };
    else if (open && tag[2] === open.tag) {
      const r: [number, number] = [open.at, text.length];
      if (open.tag === 's' && !s) s = r;
      if (open.tag === 't' && !t) t = r;
      open = undefined;
    }
  }
  text += marked.slice(last);
  return { text, ...(s ? { s } : {}), ...(t ? { t } : {}) };
}

/** Where `needle` occurs in `text` (case-insensitively, trimmed), preferring the first occurrence. */
export function locate(text: string, needle: string): [number, number] | undefined {
  const n = needle.trim();
  if (!n) return undefined;
  let at = text.indexOf(n);
  if (at < 0) at = text.toLowerCase().indexOf(n.toLowerCase());
  return at < 0 ? undefined : [at, at + n.length];
}

/**
 * Reads a relation TSV with a header naming at least `sentence`, `source`, `target` (and optionally
 * `marked_sentence`, `gold_root`). Bad rows are coded errors naming the file and line.
 */
export function parseRelationTsv(
  text: string,
  file: string,
  opts: { requireGold?: boolean; onBadRow?: (line: number, error: AttacheError, fields: readonly string[]) => void } = {},
): RelationTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
  if (!lines.length) throw new AttacheError('ATT_E010', 'empty TSV file', file);
  const header = lines[0]!.split('\t').map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const [cs, csrc, ctgt, cmark, cgold] = [col('sentence'), col('source'), col('target'), col('marked_sentence'), col('gold_root')];
  const missing = ['sentence', 'source', 'target'].filter((n) => col(n) < 0);
  if (missing.length) throw new AttacheError('ATT_E016', `TSV header lacks column(s) ${missing.join(', ')} (have: ${header.join(', ')})`, `${file}:1`);
  if (opts.requireGold && cgold < 0) throw new AttacheError('ATT_E016', 'TSV header lacks column gold_root', `${file}:1`);
  const rows: RelationRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const f = line.split('\t');
    const where = `${file}:${i + 1}`;
    const bad = (message: string): boolean => {
      const e = new AttacheError('ATT_E016', message, where);
      if (!opts.onBadRow) throw e;
      opts.onBadRow(i + 1, e, f);
      return true;
    };
    const maxCol = Math.max(cs, csrc, ctgt);
    if (f.length <= maxCol && bad(`row has ${f.length} fields, the header ${header.length}`)) continue;
    const sentence = f[cs]!.trim();
    const source = f[csrc]!.trim();
    const target = f[ctgt]!.trim();
    if (!sentence && bad('empty sentence')) continue;
    if ((!source || !target) && bad('empty source or target')) continue;
    let sr: [number, number] | undefined;
    let tr: [number, number] | undefined;
    let sent = sentence;
    if (cmark >= 0 && f[cmark]) {
      const u = unmark(f[cmark]!.trim());
      sent = u.text;
      sr = u.s;
      tr = u.t;
    }
    sr ??= locate(sent, source);
    tr ??= locate(sent, target);
    // A source or target that is not in the sentence (PLV writes "An actor" / "a recipient") is an implicit argument.
    const gold = cgold >= 0 ? f[cgold]!.trim() : undefined;
    rows.push({ line: i + 1, fields: f, sentence: sent, source, target, ...(sr ? { sourceRange: sr } : {}), ...(tr ? { targetRange: tr } : {}), ...(gold ? { gold } : {}) });
  }
  return { header, rows };
}

export function readRelationTsv(file: string, opts: Parameters<typeof parseRelationTsv>[2] = {}): RelationTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AttacheError('ATT_E031', `cannot read TSV file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, file);
  }
  return parseRelationTsv(text, file, opts);
}
