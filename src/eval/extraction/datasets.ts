import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AttacheError } from '../../errors.js';

export type ExtractionDataset = 'aeb' | 'wcxb';

/** One page to extract and what the data set says about it. */
export interface ExtractionPage {
  readonly id: string;
  /** Path of the (possibly gzipped) HTML file. */
  readonly html: string;
  readonly url?: string;
  readonly body: string;
  readonly title?: string;
  readonly author?: string;
  readonly date?: string;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Tells the data set by its layout: AEB has one `ground-truth.json`, WCXB a `ground-truth/` folder of per-page files. */
export function detectDataset(dir: string): ExtractionDataset {
  if (!isDir(dir)) throw new AttacheError('ATT_E031', 'data set folder not found', dir);
  if (!isDir(join(dir, 'html'))) throw new AttacheError('ATT_E031', 'no html/ folder: not an extraction data set (AEB or WCXB)', dir);
  if (existsSync(join(dir, 'ground-truth.json'))) return 'aeb';
  if (isDir(join(dir, 'ground-truth'))) return 'wcxb';
  throw new AttacheError('ATT_E031', 'neither ground-truth.json (AEB) nor ground-truth/ (WCXB) found', dir);
}

function htmlPath(dir: string, id: string): string | undefined {
  for (const name of [`${id}.html.gz`, `${id}.html`, `${id}.htm`]) {
    const p = join(dir, 'html', name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new AttacheError('ATT_E016', `malformed JSON (${(e as Error).message.split('\n')[0]})`, path);
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/** The pages of a data set in a stable order (sorted by id). */
export function loadPages(dir: string, kind: ExtractionDataset = detectDataset(dir)): ExtractionPage[] {
  const pages: ExtractionPage[] = [];
  if (kind === 'aeb') {
    const gtPath = join(dir, 'ground-truth.json');
    const gt = readJson(gtPath);
    if (!gt || typeof gt !== 'object') throw new AttacheError('ATT_E016', 'ground truth is not a JSON object', gtPath);
    for (const id of Object.keys(gt).sort()) {
      const rec = (gt as Record<string, Record<string, unknown>>)[id] ?? {};
      const html = htmlPath(dir, id);
      if (!html) throw new AttacheError('ATT_E031', `no HTML file for page ${id}`, dir);
      const url = str(rec.url);
      pages.push({ id, html, body: typeof rec.articleBody === 'string' ? rec.articleBody : '', ...(url ? { url } : {}) });
    }
    return pages;
  }
  const gtDir = join(dir, 'ground-truth');
  for (const name of readdirSync(gtDir).filter((n) => n.endsWith('.json')).sort()) {
    const id = name.slice(0, -5);
    const path = join(gtDir, name);
    const rec = readJson(path) as { url?: unknown; ground_truth?: Record<string, unknown> };
    const g = rec.ground_truth;
    if (!g || typeof g !== 'object') throw new AttacheError('ATT_E016', 'no ground_truth object', path);
    const html = htmlPath(dir, id);
    if (!html) throw new AttacheError('ATT_E031', `no HTML file for page ${id}`, dir);
    const url = str(rec.url);
    const title = str(g.title);
    const author = str(g.author);
    const date = str(g.publish_date);
    pages.push({
      id,
      html,
      body: typeof g.main_content === 'string' ? g.main_content : '',
      ...(url ? { url } : {}),
      ...(title ? { title } : {}),
      ...(author ? { author } : {}),
      ...(date ? { date } : {}),
    });
  }
  return pages;
}
