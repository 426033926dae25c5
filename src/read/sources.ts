import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AttacheError, describeError } from '../errors.js';
import { decodeText, DEFAULT_MAX_BYTES } from './decode.js';

export type InputKind = 'text' | 'html';

/** One article as read, before any analysis. */
export interface RawArticle {
  readonly uri: string;
  readonly kind: InputKind;
  readonly content: string;
  readonly url?: string;
  readonly published?: string;
  readonly encoding?: string;
}

/** An input that could not be read; a batch reports it and goes on. */
export interface SourceFailure {
  readonly uri: string;
  readonly error: AttacheError;
}

export type SourceResult = RawArticle | SourceFailure;

export function isFailure(r: SourceResult): r is SourceFailure {
  return (r as SourceFailure).error !== undefined;
}

export interface ReadOptions {
  readonly maxBytes?: number;
  /** Force the kind of every input instead of judging by extension and content. */
  readonly kind?: InputKind;
}

const TEXT_EXT = new Set(['.txt', '.text', '.md']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const JSON_EXT = new Set(['.json', '.jsonl', '.ndjson']);

/** The extension that decides how a file is read, looking through a trailing `.gz`. */
function effectiveExt(path: string): string {
  const lower = path.toLowerCase();
  const base = lower.endsWith('.gz') ? lower.slice(0, -3) : lower;
  return extname(base);
}

export function isArticleFile(path: string): boolean {
  const ext = effectiveExt(path);
  return TEXT_EXT.has(ext) || HTML_EXT.has(ext) || JSON_EXT.has(ext);
}

/** Judges HTML by its first non-blank characters. */
export function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 1024).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml') && head.includes('<html') || /^<(head|body|article|div|meta|title|p)[\s>]/.test(head);
}

function gunzipIfNeeded(bytes: Uint8Array, where: string): Uint8Array {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes);
    } catch (e) {
      throw new AttacheError('ATT_E015', `corrupt gzip data (${(e as Error).message})`, where);
    }
  }
  return bytes;
}

function recordToArticle(rec: unknown, uri: string): RawArticle {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new AttacheError('ATT_E016', 'record is not a JSON object', uri);
  const r = rec as Record<string, unknown>;
  const url = typeof r.url === 'string' ? r.url : undefined;
  const published = typeof r.published === 'string' ? r.published : undefined;
  const base = { uri, ...(url ? { url } : {}), ...(published ? { published } : {}) };
  if (typeof r.html === 'string' && r.html.trim()) return { ...base, kind: 'html', content: r.html };
  if (typeof r.text === 'string' && r.text.trim()) return { ...base, kind: 'text', content: r.text };
  throw new AttacheError('ATT_E016', 'record has no non-empty "text" or "html" field', uri);
}

/** Reads the articles in one buffer named `uri`: a text or HTML file, or a JSON/JSONL dump of records. */
export function articlesFromBytes(bytes: Uint8Array, uri: string, opts: ReadOptions = {}): SourceResult[] {
  const ext = effectiveExt(uri);
  const raw = gunzipIfNeeded(bytes, uri);
  const { text, encoding } = decodeText(raw, uri, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!opts.kind && JSON_EXT.has(ext)) {
    if (ext === '.json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        throw new AttacheError('ATT_E016', `malformed JSON (${(e as Error).message})`, uri);
      }
      const list = Array.isArray(parsed) ? parsed : [parsed];
      return list.map((rec, i) => {
        const u = Array.isArray(parsed) ? `${uri}#${i + 1}` : uri;
        try {
          return recordToArticle(rec, u);
        } catch (e) {
          return { uri: u, error: e as AttacheError };
        }
      });
    }
    const out: SourceResult[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      const u = `${uri}#L${i + 1}`;
      try {
        let rec: unknown;
        try {
          rec = JSON.parse(line);
        } catch (e) {
          throw new AttacheError('ATT_E016', `line ${i + 1}: malformed JSON (${(e as Error).message})`, u);
        }
        out.push(recordToArticle(rec, u));
      } catch (e) {
        out.push({ uri: u, error: e as AttacheError });
      }
    }
    if (!out.length) throw new AttacheError('ATT_E010', 'no records in file', uri);
    return out;
  }
  const kind: InputKind = opts.kind ?? (HTML_EXT.has(ext) ? 'html' : TEXT_EXT.has(ext) ? 'text' : looksLikeHtml(text) ? 'html' : 'text');
  return [{ uri, kind, content: text, encoding }];
}

/** Lists article files below `dir`, depth first, sorted by name; unreadable folders become failures. */
async function walk(dir: string, out: { files: string[]; failures: SourceFailure[] }): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.failures.push({ uri: dir, error: new AttacheError('ATT_E015', `cannot read folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, dir) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const ent of entries) {
    if (ent.name.startsWith('.')) continue;
    const p = join(dir, ent.name);
    if (ent.isDirectory()) await walk(p, out);
    else if ((ent.isFile() || ent.isSymbolicLink()) && isArticleFile(p)) out.files.push(p);
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Expands paths (files, folders, `-` for stdin) into the list of files to read, in a stable order. */
export async function listInputs(paths: readonly string[]): Promise<{ files: string[]; failures: SourceFailure[] }> {
  const out = { files: [] as string[], failures: [] as SourceFailure[] };
  for (const p of paths) {
    if (p === '-') {
      out.files.push('-');
      continue;
    }
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.failures.push({ uri: p, error: new AttacheError('ATT_E015', code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code ?? (e as Error).message})`, p) });
      continue;
    }
    if (st.isDirectory()) await walk(p, out);
    else out.files.push(p);
  }
  return out;
}

/** Reads one listed file (or `-`) into its articles; never throws: failures are returned as values. */
export async function readInputFile(path: string, opts: ReadOptions = {}): Promise<SourceResult[]> {
  const uri = path === '-' ? '<stdin>' : path;
  try {
    let bytes: Uint8Array;
    if (path === '-') bytes = await readStdin();
    else {
      const st = await stat(path);
      const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
      if (st.size > max * 8 && !path.toLowerCase().endsWith('.gz')) {
        throw new AttacheError('ATT_E012', `file is ${(st.size / 1048576).toFixed(1)} MB, over the ${(max / 1048576).toFixed(0)} MB limit (--max-bytes)`, uri);
      }
      if (st.size > max && !path.toLowerCase().endsWith('.gz') && !JSON_EXT.has(effectiveExt(path))) {
        throw new AttacheError('ATT_E012', `file is ${(st.size / 1048576).toFixed(1)} MB, over the ${(max / 1048576).toFixed(0)} MB limit (--max-bytes)`, uri);
      }
      try {
        bytes = await readFile(path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new AttacheError('ATT_E015', `cannot read (${code === 'EACCES' ? 'permission denied' : code ?? (e as Error).message})`, uri);
      }
    }
    const jsonDump = JSON_EXT.has(effectiveExt(uri));
    return articlesFromBytes(bytes, uri, jsonDump ? { ...opts, maxBytes: Math.max(opts.maxBytes ?? DEFAULT_MAX_BYTES, bytes.length) } : opts);
  } catch (e) {
    const err = e instanceof AttacheError ? e : new AttacheError('ATT_E015', describeError(e), uri);
    return [{ uri, error: err }];
  }
}

/** Reads every article under `paths`, in a stable order, yielding failures in place. */
export async function* readSources(paths: readonly string[], opts: ReadOptions = {}): AsyncGenerator<SourceResult> {
  const { files, failures } = await listInputs(paths);
  for (const f of failures) yield f;
  for (const file of files) yield* await readInputFile(file, opts);
}

export function displayPath(p: string, base = process.cwd()): string {
  const r = relative(base, p);
  return r && !r.startsWith('..') ? r : p;
}
