import { eld } from 'eld/small';

/** Characters of text the detector looks at: enough for a reliable answer, cheap on long articles. */
const SAMPLE = 2000;

/** The primary language subtag of a declared tag (`en-US` → `en`, `pt_BR` → `pt`), or undefined when it is not one. */
export function primaryLanguage(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*\s*$/i.exec(tag);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** ISO 639-1 code of the text's language, or undefined when the detector is not sure. */
export function detectLanguage(text: string): string | undefined {
  let sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  sample = sample.replace(/https?:\/\/\S+/g, ' ');
  if (sample.replace(/[^\p{L}]/gu, '').length < 20) return undefined;
  const r = eld.detect(sample);
  return r.language && r.isReliable() ? r.language : undefined;
}

/**
 * The language of a document: what the text itself says when the detector is sure, else what the
 * source declared (`<html lang>`), else `und`. A declared tag is often a template default, so a
 * sure detection wins over it.
 */
export function documentLanguage(text: string, declared?: string): string {
  return detectLanguage(text) ?? primaryLanguage(declared) ?? 'und';
}
