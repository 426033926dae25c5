import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AttacheError } from '../errors.js';
import { decodeText } from './decode.js';

const enc = (s: string) => new TextEncoder().encode(s);

test('UTF-8 with a BOM loses the BOM and keeps CRLF', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Hello\r\nworld “quoted”')]);
  const d = decodeText(bytes, 'a.txt');
  assert.equal(d.text, 'Hello\r\nworld “quoted”');
  assert.equal(d.encoding, 'utf-8');
});

test('UTF-16 with a BOM is decoded, little and big endian', () => {
  const le = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
  assert.equal(decodeText(le, 'le.txt').text, 'Hi');
  const be = new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]);
  assert.equal(decodeText(be, 'be.txt').text, 'Hi');
});

test('Windows-1252 text is recognised when no UTF-8 sequence occurs', () => {
  // "café “ok”" in Windows-1252
  const bytes = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]);
  const d = decodeText(bytes, 'w.txt');
  assert.equal(d.text, 'café “ok”');
  assert.equal(d.encoding, 'windows-1252');
});

test('bad input gets a coded error naming the file', () => {
  const cases: [Uint8Array, string][] = [
    [new Uint8Array(), 'ATT_E010'],
    [enc('   \n\t '), 'ATT_E010'],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'ATT_E011'],
    [new Uint8Array([0x61, 0x00, 0x62]), 'ATT_E011'],
    [new Uint8Array([...enc('caf\u00e9 '), 0xe9, 0x20, 0x61]), 'ATT_E013'],
  ];
  for (const [bytes, code] of cases) {
    assert.throws(() => decodeText(bytes, 'bad.txt'), (e: unknown) => e instanceof AttacheError && e.code === code && e.oneLine().startsWith('bad.txt: '));
  }
  assert.throws(() => decodeText(enc('x'.repeat(100)), 'big.txt', 50), (e: unknown) => e instanceof AttacheError && e.code === 'ATT_E012');
});
