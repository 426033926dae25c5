import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Analyzer } from '../../analysis/analyzer.js';
import { Doc } from '../../doc/doc.js';
import type { ActorRecord } from '../../doc/records.js';
import { parseKbText } from '../../kb/kb-loader.js';
import { shippedKb } from '../../kb/shipped-kb.js';
import type { MentionRecord } from '../mentions/mention-record.js';

/** A small KB of our own on top of the shipped one, so the tests do not depend on who holds office today. */
const KB = shippedKb().withOverrides(
  parseKbText(
    `- id: test-rur
  kind: country
  name: Ruritania
  country: RUR
  demonyms: [Ruritanian]
  capital: Strelsau
- id: test-pm
  kind: person
  name: Ada Torvik
  gender: f
  roles: [{ title: Prime Minister, country: RUR, sector: GOV, from: "2021" }]
- id: test-old-pm
  kind: person
  name: Olaf Brenn
  gender: m
  roles: [{ title: Prime Minister, country: RUR, sector: GOV, from: "2013", to: "2020-12" }]
- id: test-dpm
  kind: person
  name: Ines Carrow
  gender: f
  roles: [{ title: Deputy Prime Minister, country: RUR, sector: GOV, from: "2021" }]
- id: test-senator
  kind: person
  name: Tamsin Power
  gender: f
  roles: [{ title: Senator, country: RUR, sector: LEG, from: "2021" }]
`,
    'test.yaml',
  ).map((l) => l.entry),
);

const analyzer = new Analyzer({ upTo: 'actors', resources: { kb: KB } });

function run(text: string, published?: string): { actors: readonly ActorRecord[]; mentions: readonly MentionRecord[]; actorOf: (s: string, nth?: number) => ActorRecord | undefined } {
  const doc = analyzer.runDoc(new Doc(text, published ? { meta: { published } } : {}));
  assert.deepEqual(doc.diagnostics.filter((d) => d.severity === 'fatal'), []);
  const actors = doc.get('actors');
  const mentions = doc.get('mentions');
  const actorOf = (s: string, nth = 0) => {
    let at = -1;
    for (let k = 0; k <= nth; k++) at = text.indexOf(s, at + 1);
    assert.ok(at >= 0, `"${s}" is in the text`);
    return actors.find((a) => a.mentions.some((m) => m.start <= at && at < m.end));
  };
  return { actors, mentions, actorOf };
}

describe('mentions', () => {
  it('takes a title phrase with its name as one mention, the name as head', () => {
    const { mentions } = run('Norwegian Foreign Minister Lars Holm met Sen. Ted Cruz and Mr. Lavrov in Oslo on Monday.');
    const titled = mentions.filter((m) => m.type === 'title-name').map((m) => m.text);
    assert.deepEqual(titled, ['Norwegian Foreign Minister Lars Holm', 'Sen. Ted Cruz', 'Mr. Lavrov']);
    const holm = mentions.find((m) => m.text.startsWith('Norwegian'))!;
    assert.equal(holm.country, 'NOR');
    assert.equal(holm.sector, 'GOV');
    assert.equal(holm.head && 'Lars Holm'.length, holm.head!.end - holm.head!.start);
  });

  it('finds demonyms, metonyms, collectives and pronouns, and no expletive "it"', () => {
    const { mentions } = run('The Kremlin said Moscow and the Europeans disagree. It is clear that French officials were angry, and they said so. The bloc did not answer.');
    const by = (t: string) => mentions.find((m) => m.text === t)?.type;
    assert.equal(by('The Kremlin'), 'name');
    assert.equal(by('Moscow'), 'metonym');
    assert.equal(by('the Europeans'), 'collective');
    assert.equal(by('French officials'), 'collective');
    assert.equal(by('they'), 'pronoun');
    assert.equal(by('The bloc'), 'collective');
    assert.equal(by('It'), undefined);
  });

  it('keeps a descriptive phrase of an outlet as one mention of it', () => {
    const { actorOf, mentions } = run('The minister spoke to the state-run TASS news agency on Tuesday.');
    assert.ok(mentions.some((m) => /^(?:the )?state-run TASS news agency$/.test(m.text)));
    assert.equal(actorOf('TASS')?.kbId, 'tass');
  });
});

describe('mentions of people without a name', () => {
  it('takes an indefinite subject of a speech verb as people, each its own actor', () => {
    const { mentions, actorOf } = run('Some said the plan would fail. Others argue it is fine. Some of them have warned again. Some days are long.');
    const ind = mentions.filter((m) => m.rule === 'indefinite').map((m) => m.text);
    assert.deepEqual(ind, ['Some', 'Others', 'Some']);
    assert.notEqual(actorOf('Some said')?.id, actorOf('Some of them')?.id);
    assert.equal(actorOf('Others')?.kind, 'group');
  });

  it('takes a share of people that speaks or holds a view as a group', () => {
    const { mentions } = run('About 46 percent of likely voters said they would vote. Six in 10 support the bill. A majority believe it. Prices rose 5 percent in May.');
    assert.deepEqual(mentions.filter((m) => m.rule === 'share').map((m) => m.text), ['46 percent', 'Six in 10', 'majority']);
  });

  it('takes plural people and documents as subjects even when the tagger reads their verb as a noun', () => {
    const { mentions } = run('Critics charge that the deal is weak. Polls show a tight race. Millennials have a message. Many people say so.');
    const texts = mentions.map((m) => m.text);
    for (const t of ['Critics', 'Polls', 'Millennials', 'Many people']) assert.ok(texts.includes(t), t);
  });

  it('names people by a singular collective only after a determiner, and by what they are', () => {
    const { mentions } = run('The public is angry, she said in public. A staffer said the man had left.');
    const texts = mentions.map((m) => m.text);
    assert.ok(texts.includes('The public'));
    assert.ok(!texts.includes('public'));
    assert.ok(texts.includes('A staffer') || texts.includes('staffer'));
    assert.ok(texts.includes('the man'));
  });

  it('takes a US state as a region of the USA, and neither a party label nor a contracted verb as a name', () => {
    const { actorOf, mentions } = run('Senator Ana Ruiz (D-OR) said North Carolina would appeal. Ohio sued too.\n\nRuiz Won’t Back Down\n\nRuiz spoke.');
    assert.deepEqual([actorOf('North Carolina')?.kind, actorOf('North Carolina')?.country], ['region', 'USA']);
    assert.equal(actorOf('Ohio')?.kind, 'region');
    assert.ok(!mentions.some((m) => m.text.includes('D-OR')));
    assert.ok(!mentions.some((m) => m.text.includes('Wo')));
  });

  it('reads a capitalised speaker label inside an opening quote as a person', () => {
    const { mentions } = run('Transcript follows.\n\n"HARLOW: Let us begin with the news.\n\n"BRANNIGAN: Thank you.');
    assert.deepEqual(mentions.filter((m) => m.rule === 'speaker-label').map((m) => m.text), ['HARLOW', 'BRANNIGAN']);
  });
});

describe('actors', () => {
  it('builds a person from title words and ties a later surname, role noun and pronoun to it', () => {
    const { actorOf } = run(
      'Italian Prime Minister Lucia Ferro said on Monday that talks should resume. Ferro added that Rome was ready. The prime minister said she would travel to Berlin.',
    );
    const ferro = actorOf('Lucia Ferro')!;
    assert.equal(ferro.kind, 'person');
    assert.equal(ferro.country, 'ITA');
    assert.equal(ferro.sector, 'GOV');
    assert.match(ferro.role ?? '', /Prime Minister/);
    assert.equal(actorOf('Ferro added')?.id, ferro.id);
    assert.equal(actorOf('The prime minister')?.id, ferro.id);
    assert.equal(actorOf('she')?.id, ferro.id);
    assert.equal(actorOf('Rome')?.kind, 'country');
    assert.equal(actorOf('Rome')?.country, 'ITA');
  });

  it('keeps a country and its government apart', () => {
    const { actorOf } = run('Russia said the talks were over. The Kremlin later denied it, and Moscow stayed silent.');
    const russia = actorOf('Russia')!;
    const kremlin = actorOf('Kremlin')!;
    assert.equal(russia.kind, 'country');
    assert.equal(kremlin.kind, 'organization');
    assert.equal(kremlin.sector, 'GOV');
    assert.equal(kremlin.country, 'RUS');
    assert.notEqual(russia.id, kremlin.id);
    assert.equal(actorOf('Moscow')?.id, russia.id);
  });

  it('ties "he said" after a quote to the last speaker, and an object "him" to the person named before', () => {
    const text =
      'Spokesman Tom Varga told reporters the plan was sound. “We will go on,” he said.\n\nThe deal follows a call by Ana Ruiz to meet Senator Paul Okafor. Few leaders have met him since.';
    const { actorOf } = run(text);
    const varga = actorOf('Tom Varga')!;
    assert.equal(actorOf('he said')?.id, varga.id);
    assert.equal(actorOf('We')?.id, varga.id);
    assert.equal(actorOf('him')?.id, actorOf('Paul Okafor')?.id);
  });

  it('finds the office holder on the article date for a role noun with a country', () => {
    const now = run('The Ruritanian prime minister said the plan was sound.', '2024-03-01').actorOf('prime minister');
    assert.equal(now?.kbId, 'test-pm');
    const then = run('The Ruritanian prime minister said the plan was sound.', '2018-03-01').actorOf('prime minister');
    assert.equal(then?.kbId, 'test-old-pm');
  });

  it('gives a campaign its owner and US people their country by the US rule', () => {
    const { actorOf } = run('Republican presidential candidate Jim Harlan attacked Mary Stone’s campaign. The Stone campaign said it would respond. Harlan spoke in Ohio.');
    const harlan = actorOf('Jim Harlan')!;
    assert.equal(harlan.country, 'USA');
    assert.equal(harlan.sector, 'PTY');
    const camp = actorOf('Mary Stone’s campaign')!;
    assert.equal(camp.kind, 'organization');
    assert.equal(actorOf('The Stone campaign')?.id, camp.id);
    assert.equal(actorOf('Harlan spoke')?.id, harlan.id);
  });

  it('lists every mention of an actor, pronouns included, and fills the actor of each mention', () => {
    const { actors, mentions } = run('Ada Torvik arrived. She said Ruritania would help.', '2024-01-01');
    const pm = actors.find((a) => a.kbId === 'test-pm')!;
    assert.deepEqual(pm.mentions.map((m) => m.text), ['Ada Torvik', 'She']);
    assert.equal(mentions.find((m) => m.text === 'She')?.actor, pm.id);
  });

  it('never takes a deputy or a vice president for the holder of the office', () => {
    const text = 'Vice President Mara Quill met the Ruritanian deputy prime minister on Monday. The president was away, and the vice president said talks went well.';
    const { actorOf } = run(text, '2024-03-01');
    const quill = actorOf('Mara Quill')!;
    assert.equal(actorOf('the vice president')?.id, quill.id);
    assert.notEqual(actorOf('The president')?.id, quill.id, '"the president" is not the vice president');
    assert.equal(actorOf('deputy prime minister')?.kbId, 'test-dpm');
    const pm = run('The Ruritanian deputy prime minister and the Ruritanian prime minister spoke.', '2024-03-01');
    assert.equal(pm.actorOf('Ruritanian prime minister')?.kbId, 'test-pm');
  });

  it('does not take a given name for a known surname, and keeps an ambiguous surname to the person named in full', () => {
    const { actorOf } = run('Power plants closed. Senator Tamsin Power said the grid held. Power added that prices fell. Paul Marlowe disagreed.', '2024-03-01');
    const power = actorOf('Tamsin Power')!;
    assert.equal(power.kbId, 'test-senator');
    assert.notEqual(actorOf('Power plants')?.id, power.id);
    assert.equal(actorOf('Power added')?.id, power.id);
    assert.equal(actorOf('Paul Marlowe')?.name, 'Paul Marlowe');
  });

  it('tells a person named by the same surname but another given name apart', () => {
    const { actorOf } = run('Jane Holloway said the bill was bad. John Holloway said it was good. Holloway later left.');
    assert.notEqual(actorOf('Jane Holloway')?.id, actorOf('John Holloway')?.id);
    assert.equal(actorOf('Holloway later')?.id, actorOf('John Holloway')?.id);
  });

  it('says where an actor\'s country came from: the KB, the words of the text, or the article as a whole', () => {
    const { actorOf } = run('Ada Torvik met Italian envoy Marco Bellini in Strelsau. Ruritania and Ruritanian officials said Greta Lind, an economist, agreed.', '2024-03-01');
    assert.deepEqual([actorOf('Ada Torvik')?.country, actorOf('Ada Torvik')?.countryFrom], ['RUR', 'kb']);
    assert.deepEqual([actorOf('Marco Bellini')?.country, actorOf('Marco Bellini')?.countryFrom], ['ITA', 'text']);
    const lind = actorOf('Greta Lind')!;
    assert.equal(lind.countryFrom, 'context');
    assert.equal(lind.country, 'RUR');
  });
});
