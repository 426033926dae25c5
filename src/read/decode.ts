import { AttacheError } from '../errors.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

const MAGIC: readonly [string, readonly number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['WebP/RIFF file', [0x52, 0x49, 0x46, 0x46]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** Offset of the first malformed UTF-8 sequence and whether any well-formed multi-byte sequence occurs. */
function scanUtf8(b: Uint8Array): { firstBad: number; multibyte: boolean } {
  let firstBad = -1;
  let multibyte = false;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    let ok = need > 0 && i + need < b.length + 0;
    for (let k = 1; ok && k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) ok = false;
    }
    if (ok) {
      multibyte = true;
      i += need + 1;
    } else {
      if (firstBad < 0) firstBad = i;
      i++;
    }
  }
  return { firstBad, multibyte };
}

/**
 * Turns a file's bytes into text: UTF-8 (BOM stripped), UTF-16 with a BOM, or Windows-1252 when
 * the bytes are not UTF-8 and carry no UTF-8 sequence at all. Nothing else is changed (CRLF stays),
 * so offsets into the text are offsets into the file's characters. Throws a coded error for empty,
 * binary, oversized or mis-encoded input.
 */
export function decodeText(bytes: Uint8Array, where: string, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.length === 0) throw new AttacheError('ATT_E010', 'empty file', where);
  if (bytes.length > maxBytes) {
    throw new AttacheError('ATT_E012', `file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit (--max-bytes)`, where);
  }
  let text: string;
  let encoding: TextEncodingName;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    for (const [what, sig] of MAGIC) if (startsWith(bytes, sig)) throw new AttacheError('ATT_E011', `binary file (${what}), not text`, where);
    const head = bytes.subarray(0, Math.min(bytes.length, 65536));
    if (head.includes(0)) throw new AttacheError('ATT_E011', 'binary file (contains NUL bytes), not text', where);
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
      encoding = 'utf-8';
    } catch {
      const { firstBad, multibyte } = scanUtf8(body);
      if (multibyte) {
        throw new AttacheError('ATT_E013', `invalid UTF-8 at byte ${firstBad + (body === bytes ? 0 : 3)} (the file mixes UTF-8 with another encoding)`, where);
      }
      text = decodeWindows1252(body);
      encoding = 'windows-1252';
    }
  }
  if (text.trim().length === 0) throw new AttacheError('ATT_E010', 'file has no text (only white space)', where);
  let controls = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++;
  }
  if (controls > Math.max(8, n * 0.01)) throw new AttacheError('ATT_E011', `binary file (${controls} control characters), not text`, where);
  return { text, encoding };
}

/** Windows-1252's characters for bytes 0x80–0x9F (the rest is Latin-1); undefined bytes map to C1 controls as in WHATWG. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes Windows-1252 without relying on the ICU data Node may have been built without. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) {
      const b = bytes[j]!;
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}
