import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKbText } from './kb-loader.js';
import { KnowledgeBase } from './knowledge-base.js';
import { hasTitleModifier, isNameSuffix, kbSurnameOf, surnameOf, titleAnswers, titleCore } from './person-names.js';

const kbName = (name: string, country?: string, aliases?: string[]) => kbSurnameOf({ name, ...(country ? { country } : {}), ...(aliases ? { aliases } : {}) });

describe('surnames derived from full names', () => {
  it('takes the last word of a plain name', () => {
    assert.equal(kbName('Ada Torvik'), 'Torvik');
    assert.equal(kbName('Ada B. Torvik'), 'Torvik');
  });

  it('keeps a compound surname whole from its particle', () => {
    assert.equal(kbName('Anke von der Brelen'), 'von der Brelen');
    assert.equal(kbName('Joris De Vaart'), 'De Vaart');
    assert.equal(kbName('Odile Le Gannec'), 'Le Gannec');
    assert.equal(kbName('Piet van Dorsel'), 'van Dorsel');
  });

  it('derives nothing from a name with a generational suffix or a regnal number', () => {
    for (const n of ['Tobias Wrenfield Jr.', 'Tobias Wrenfield Sr.', 'Tobias Wrenfield III', 'King Osric XIV', 'King Osric X', 'Osric VI']) assert.equal(kbName(n), undefined, n);
    assert.ok(isNameSuffix('II') && isNameSuffix('XIV') && isNameSuffix('Jr.'));
    assert.ok(!isNameSuffix('Xi') && !isNameSuffix('Li'));
  });

  it('in a text, drops the suffix and keeps the surname before it', () => {
    assert.equal(surnameOf('Tobias Wrenfield Jr.', { scope: 'text' }), 'Wrenfield');
    assert.equal(surnameOf('Osric Wrenfield III', { scope: 'text' }), 'Wrenfield');
  });

  it('derives nothing from a monarch or a cleric named by title, nor from a patronymic', () => {
    assert.equal(kbName('Pope Clement'), undefined);
    assert.equal(kbName('Grand Duke Osric'), undefined);
    assert.equal(kbName('Tariq bin Harun'), undefined);
    assert.equal(kbName('Tariq bin Harun Al Qasimi'), undefined);
  });

  it('takes the first word as the family name where names put it first', () => {
    assert.equal(kbName('Zhou Wenhai', 'CHN'), 'Zhou');
    assert.equal(kbName('Pak Song Chol', 'PRK'), 'Pak');
    assert.equal(kbName('Zhou Wenhai', 'USA'), 'Wenhai', 'given-name-first elsewhere');
  });

  it('never derives a common word, a place or a given name as a surname', () => {
    for (const n of ['Ada May', 'Ada Power', 'Bo Sessions', 'Ed Stone', 'Jo Rice', 'Lee Austin', 'Rand Paul', 'Jeff Roe', 'Anne Martin', 'Ion Dan', 'Abiy Ahmed']) {
      assert.equal(kbName(n), undefined, n);
    }
    assert.equal(surnameOf('Ada May', { scope: 'kb', allowAmbiguous: true }), 'May', 'allowed for a person named in full in the same text');
  });

  it('derives nothing where an alias already gives the short form', () => {
    assert.equal(kbName('Odile Marie Le Gannec', undefined, ['Le Gannec']), undefined);
    assert.equal(kbName('Hanna Wasser Kopf', undefined, ['Wasser Kopf']), undefined);
    assert.equal(kbName('Zhou Wenhai', 'CHN', ['Zhou']), undefined);
    assert.equal(kbName('Ada Torvik', undefined, ['A. Torvik']), 'Torvik', 'an alias that is no short form changes nothing');
  });

  it('indexes only safe surnames, and a KB name is found by its safe surname', () => {
    const kb = new KnowledgeBase(
      parseKbText(
        `- { id: a, kind: person, name: Ada May, country: RUR }
- { id: b, kind: person, name: Odile Le Gannec, country: RUR }
- { id: c, kind: person, name: Tobias Wrenfield Jr., country: RUR }
- { id: d, kind: person, name: Zhou Wenhai, country: CHN }
`,
        't.yaml',
      ).map((l) => l.entry),
    );
    assert.equal(kb.lookup('May'), undefined);
    assert.equal(kb.lookup('Gannec'), undefined);
    assert.equal(kb.lookup('Le Gannec')?.[0]?.how, 'surname');
    assert.equal(kb.lookup('Jr.'), undefined);
    assert.equal(kb.lookup('Wrenfield'), undefined);
    assert.equal(kb.lookup('Wenhai'), undefined);
    assert.equal(kb.lookup('Zhou')?.[0]?.entry.id, 'd');
  });
});

describe('office titles', () => {
  it('answers a title by a longer one that narrows it, never across a modifier', () => {
    assert.ok(titleAnswers('President', 'president'));
    assert.ok(titleAnswers('Kremlin spokesman', 'spokesman'));
    assert.ok(titleAnswers('Foreign Minister', 'minister'));
    assert.ok(!titleAnswers('Vice President', 'president'));
    assert.ok(!titleAnswers('Vice-President', 'president'));
    assert.ok(!titleAnswers('Deputy Prime Minister', 'prime minister'));
    assert.ok(!titleAnswers('First Deputy Prime Minister', 'deputy prime minister'));
    assert.ok(!titleAnswers('Former President', 'president'));
    assert.ok(!titleAnswers('Acting Defence Minister', 'defence minister'));
    assert.ok(!titleAnswers('Ex-President', 'president'));
    assert.ok(!titleAnswers('Assistant Secretary of State', 'secretary of state'));
    assert.ok(!titleAnswers('Under-Secretary of State', 'secretary of state'));
    assert.ok(titleAnswers('Deputy Prime Minister', 'deputy prime minister'));
    assert.ok(!titleAnswers('President', 'vice president'));
  });

  it('keeps the modifier in the core of a role phrase', () => {
    assert.equal(titleCore('Ruritanian Deputy Prime Minister'), 'deputy prime minister');
    assert.equal(titleCore('Kremlin spokesman'), 'kremlin spokesman');
    assert.ok(hasTitleModifier('former president') && !hasTitleModifier('Republican nominee'));
  });

  it('looks up office holders without taking a deputy for the holder', () => {
    const kb = new KnowledgeBase(
      parseKbText(
        `- id: pres
  kind: person
  name: Ada Torvik
  roles: [{ title: President, country: RUR, sector: GOV, from: "2020" }]
- id: vp
  kind: person
  name: Olaf Brenn
  roles: [{ title: Vice President, country: RUR, sector: GOV, from: "2020" }]
- id: dpm
  kind: person
  name: Ines Carrow
  roles: [{ title: Deputy Prime Minister, country: RUR, sector: GOV, from: "2020" }]
`,
        't.yaml',
      ).map((l) => l.entry),
    );
    assert.deepEqual(kb.holders('president', 'RUR', '2024-01-01').map((h) => h.entry.id), ['pres']);
    assert.deepEqual(kb.holders('vice president', 'RUR', '2024-01-01').map((h) => h.entry.id), ['vp']);
    assert.deepEqual(kb.holders('prime minister', 'RUR', '2024-01-01'), []);
    assert.deepEqual(kb.holders('deputy prime minister', 'RUR', '2024-01-01').map((h) => h.entry.id), ['dpm']);
    assert.deepEqual(kb.holders('former president', 'RUR', '2024-01-01'), []);
  });
});
