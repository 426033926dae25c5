import { readFileSync } from 'node:fs';
import { PLOVER_TYPES, type PloverType } from '../../doc/records.js';

/**
 * Our CAMEO code table (`data/cameo/cameo-plover.tsv`): CAMEO code → PLOVER type, mode, context, quad class and
 * conflict–cooperation score. Two conventions differ on a few codes: the 2021 CAMEO-to-PLOVER table (how the PLV
 * data set is labelled) and the 2024 PLOVER manual (our default), listed in `data/cameo/manual-2024.tsv`.
 */
export type Convention = 'manual' | 'cameo2plover-2021';

export interface CameoEntry {
  readonly code: string;
  readonly type: PloverType;
  readonly mode?: string;
  readonly context: readonly string[];
  readonly quad: number;
  readonly score: number;
}

const DATA = new URL('../../../data/cameo/', import.meta.url);

/** Quad class of each PLOVER type, as the type sections of the manual give it. */
export const QUAD: Readonly<Record<PloverType, number>> = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, PROTEST: 4, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
};

export function parseCameoTable(text: string, where: string): Map<string, CameoEntry> {
  const out = new Map<string, CameoEntry>();
  const lines = text.split(/\r?\n/);
  let header = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (header) {
      header = false;
      if (f[0] === 'code') continue;
    }
    const [code, type, mode, context, quad, score] = f;
    if (!code || !/^\d{3,4}$/.test(code) || !PLOVER_TYPES.includes(type as PloverType)) {
      throw new Error(`${where}:${i + 1}: bad CAMEO row "${line}"`);
    }
    out.set(code, {
      code,
      type: type as PloverType,
      ...(mode ? { mode } : {}),
      context: context ? context.split(';').map((c) => c.trim()).filter(Boolean) : [],
      quad: Number(quad) || QUAD[type as PloverType],
      score: Number(score ?? 0),
    });
  }
  return out;
}

let base: Map<string, CameoEntry> | undefined;
let manual: Map<string, CameoEntry> | undefined;

function tables(): [Map<string, CameoEntry>, Map<string, CameoEntry>] {
  if (!base || !manual) {
    const bf = new URL('cameo-plover.tsv', DATA);
    const mf = new URL('manual-2024.tsv', DATA);
    base = parseCameoTable(readFileSync(bf, 'utf8'), bf.pathname);
    manual = parseCameoTable(readFileSync(mf, 'utf8'), mf.pathname);
  }
  return [base, manual];
}

/** All entries of the shipped table (2021 convention). */
export function cameoTable(): ReadonlyMap<string, CameoEntry> {
  return tables()[0];
}

/** The entry for a CAMEO code under a convention; a 4-digit code missing from the table falls back to its 3-digit parent. */
export function cameoEntry(code: string, convention: Convention = 'manual'): CameoEntry | undefined {
  const [b, m] = tables();
  for (let c = code; c.length >= 3; c = c.slice(0, -1)) {
    const e = (convention === 'manual' ? m.get(c) : undefined) ?? b.get(c);
    if (e) return e;
  }
  return undefined;
}
