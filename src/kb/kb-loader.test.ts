import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AttacheError } from '../errors.js';
import { parseKbText, readKbFile } from './kb-loader.js';
import { KnowledgeBase, normKey, roleActive } from './knowledge-base.js';
import { loadKb, shippedKb } from './shipped-kb.js';

const VALID = `# two entries
- id: ruritania
  kind: country
  name: Ruritania
  country: RUR
  demonyms: [Ruritanian]
  capital: Strelsau
- id: rudolf-elphberg
  kind: person
  name: Rudolf Elphberg
  gender: m
  roles:
    - { title: King, country: RUR, sector: GOV, from: "2019-05", to: "2023" }
    - { title: Prime Minister, country: RUR, sector: GOV, from: "2024-01-01" }
`;

describe('KB loader', () => {
  it('reads a valid YAML list of entries with their lines', () => {
    const got = parseKbText(VALID, 'mine.yaml');
    assert.deepEqual(
      got.map((l) => [l.entry.id, l.line]),
      [
        ['ruritania', 2],
        ['rudolf-elphberg', 8],
      ],
    );
  });

  it('reads JSON in the same format, also as a map with an entries list', () => {
    const got = parseKbText('{"entries": [{"id": "x-org", "kind": "organization", "name": "X Org"}]}', 'x.json');
    assert.equal(got[0]!.entry.name, 'X Org');
  });

  it('names the file and the line of an invalid entry', () => {
    const bad = `${VALID}- id: broken\n  kind: country\n  name: Broken\n  sector: NOPE\n`;
    assert.throws(
      () => parseKbText(bad, 'mine.yaml'),
      (e: unknown) => e instanceof AttacheError && e.code === 'ATT_E020' && e.where === 'mine.yaml:18' && /entry "broken" \(line 15\)/.test(e.message) && /sector/.test(e.message),
    );
  });

  it('rejects an id used twice in one file, and broken YAML, with the line', () => {
    assert.throws(() => parseKbText(`${VALID}- id: ruritania\n  kind: country\n  name: Again\n`, 'f.yaml'), /repeats the id/);
    assert.throws(
      () => parseKbText('- id: a\n  name: [unclosed\n', 'f.yaml'),
      (e: unknown) => e instanceof AttacheError && e.code === 'ATT_E020' && /^f\.yaml:\d+$/.test(e.where ?? ''),
    );
  });

  it('reports a missing file as a coded error naming it', () => {
    assert.throws(() => readKbFile('/nonexistent/kb.yaml'), (e: unknown) => e instanceof AttacheError && e.where === '/nonexistent/kb.yaml');
  });
});

describe('knowledge base index', () => {
  const kb = new KnowledgeBase(parseKbText(VALID, 'mine.yaml').map((l) => l.entry));

  it('finds names, demonyms, capitals and derived people forms and surnames', () => {
    assert.equal(kb.lookup('Ruritania')![0]!.how, 'name');
    assert.equal(kb.lookup('Ruritanian')![0]!.how, 'demonym');
    assert.equal(kb.lookup('Ruritanians')![0]!.how, 'people');
    assert.equal(kb.lookup('Strelsau')![0]!.how, 'capital');
    assert.equal(kb.lookup('Elphberg')![0]!.how, 'surname');
    assert.equal(kb.lookup('ruritania'), undefined, 'names are case-sensitive');
    assert.ok(kb.isPrefix('Rudolf Elph'));
  });

  it('normalises diacritics and curly apostrophes in keys', () => {
    assert.equal(normKey('Élysée'), 'Elysee');
    assert.equal(normKey('Côte d’Ivoire'), "Cote d'Ivoire");
  });

  it('answers who held an office on a date', () => {
    assert.equal(kb.holders('king', 'RUR', '2020-06-01')[0]?.entry.id, 'rudolf-elphberg');
    assert.equal(kb.holders('king', 'RUR', '2024-06-01').length, 0);
    assert.equal(kb.holders('prime minister', 'RUR', '2025-02-02').length, 1);
    assert.equal(roleActive({ title: 'King', country: 'RUR', sector: 'GOV', to: '2023' }, '2023-12-31'), true);
    assert.equal(roleActive({ title: 'King', country: 'RUR', sector: 'GOV', to: '2023' }, '2024-01-01'), false);
  });
});

describe('shipped KB and user overrides', () => {
  it('loads the shipped files once and overrides an entry by id from a user file', () => {
    const base = shippedKb();
    assert.equal(shippedKb(), base, 'loaded once per process');
    const any = [...base.entries.values()].find((e) => e.kind === 'country');
    if (!any) return; // no shipped countries yet
    const dir = mkdtempSync(join(tmpdir(), 'attache-kb-'));
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, `- id: ${any.id}\n  kind: country\n  name: Renamed Land\n  country: ${any.country ?? 'XXX'}\n- id: new-body\n  kind: organization\n  name: New Body\n`);
    const kb = loadKb([file]);
    assert.equal(kb.get(any.id)!.name, 'Renamed Land');
    assert.equal(kb.lookup('New Body')![0]!.entry.id, 'new-body');
    assert.notEqual(base.get(any.id)!.name, 'Renamed Land', 'the shipped KB is not changed');
  });
});
