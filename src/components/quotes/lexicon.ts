import { readFileSync } from 'node:fs';
import { AttacheError } from '../../errors.js';

/** The cue lexicons and channel patterns of `data/lexicon/quotes/`, loaded once per process. */
export interface QuoteLexicon {
  /** Cue verb lemma → the families it belongs to. */
  readonly verbFamilies: ReadonlyMap<string, readonly string[]>;
  readonly strongSpeech: ReadonlySet<string>;
  /** Verbs that introduce words only right next to quote marks ("“Enough!” she snapped"). */
  readonly quoteOnly: ReadonlySet<string>;
  readonly speechNouns: ReadonlySet<string>;
  readonly documentNouns: ReadonlySet<string>;
  readonly channels: readonly { readonly id: string; readonly re: RegExp }[];
  readonly mediaWords: readonly string[];
  readonly notChannels: ReadonlySet<string>;
}

const DIR = new URL('../../../data/lexicon/quotes/', import.meta.url);

function readJson(name: string): Record<string, unknown> {
  const url = new URL(name, DIR);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new AttacheError('ATT_E015', `cannot read quote lexicon: ${(e as Error).message.split('\n')[0]}`, url.pathname);
  }
}

function strings(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new AttacheError('ATT_E015', 'expected a list of strings', where);
  return v as string[];
}

let cached: QuoteLexicon | undefined;

export function quoteLexicon(): QuoteLexicon {
  if (cached) return cached;
  const verbs = readJson('cue-verbs.json');
  const nouns = readJson('cue-nouns.json');
  const ch = readJson('channels.json');
  const verbFamilies = new Map<string, string[]>();
  for (const [family, list] of Object.entries(verbs.families as Record<string, unknown>)) {
    for (const lemma of strings(list, `cue-verbs.json: ${family}`)) {
      const fams = verbFamilies.get(lemma) ?? [];
      if (!fams.includes(family)) fams.push(family);
      verbFamilies.set(lemma, fams);
    }
  }
  const channels = (ch.patterns as { id: string; re: string }[]).map((p) => {
    try {
      return { id: p.id, re: new RegExp(p.re, 'u') };
    } catch (e) {
      throw new AttacheError('ATT_E015', `channel pattern ${p.id}: ${(e as Error).message}`, 'channels.json');
    }
  });
  cached = {
    verbFamilies,
    strongSpeech: new Set(strings(verbs.strongSpeech, 'cue-verbs.json: strongSpeech')),
    quoteOnly: new Set(strings(verbs.quoteOnly ?? [], 'cue-verbs.json: quoteOnly')),
    speechNouns: new Set(strings(nouns.speech, 'cue-nouns.json: speech')),
    documentNouns: new Set(strings(nouns.documents, 'cue-nouns.json: documents')),
    channels,
    mediaWords: strings(ch.mediaWords, 'channels.json: mediaWords'),
    notChannels: new Set(strings(ch.notChannels, 'channels.json: notChannels').map((s) => s.toLowerCase())),
  };
  return cached;
}
