import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The part of eld's detector we use. */
interface Detector {
  detect(text: string): { language: string; isReliable(): boolean };
}

/** The detector once loaded; `null` when it could not be loaded synchronously (see `loadLanguageDetector`). */
let detector: Detector | null | undefined;

/**
 * eld's model takes ~0.3 s to build, so it is loaded on first use rather than at import: commands
 * that never detect a language do not pay for it. eld ships ESM only; `require` of an ES module
 * works synchronously from Node 20.19, and `loadLanguageDetector()` covers older versions.
 */
function syncDetector(): Detector | null {
  if (detector !== undefined) return detector;
  try {
    const path = fileURLToPath(import.meta.resolve('eld/small'));
    detector = (createRequire(import.meta.url)(path) as { eld: Detector }).eld;
  } catch {
    detector = null;
  }
  return detector;
}

/** Loads the language model ahead of use (needed only where Node cannot `require` an ES module). */
export async function loadLanguageDetector(): Promise<void> {
  if (detector) return;
  detector = ((await import('eld/small')) as { eld: Detector }).eld;
}

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
  const d = syncDetector();
  if (!d) return undefined;
  const r = d.detect(sample);
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
