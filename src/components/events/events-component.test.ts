import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Doc } from '../../doc/doc.js';
import type { ActorRecord, QuoteRecord } from '../../doc/records.js';
import { makeSpan } from '../../doc/span.js';
import { segmentDoc } from '../segment/segment-component.js';
import { codeEvents } from './events-component.js';

/** A Doc with tokens and sentences, and an actors layer built from the given names (every occurrence is a mention). */
function docOf(text: string, actors: Record<string, string[]>, opts: { published?: string; quotes?: QuoteRecord[] } = {}): Doc {
  const doc = new Doc(text, opts.published ? { meta: { published: opts.published } } : {});
  doc.set('paragraphs', [makeSpan(text, 0, text.length)]);
  segmentDoc(doc);
  const layer: ActorRecord[] = Object.entries(actors).map(([id, names]) => ({
    id,
    name: names[0]!,
    kind: 'country',
    mentions: names.flatMap((n) => {
      const out = [];
      for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
        const before = text[i - 1];
        const after = text[i + n.length];
        if ((!before || !/\w/.test(before)) && (!after || !/\w/.test(after))) out.push(makeSpan(text, i, i + n.length));
      }
      return out;
    }),
  }));
  doc.set('actors', layer);
  if (opts.quotes) doc.set('quotes', opts.quotes);
  return doc;
}

const events = (doc: Doc) => codeEvents(doc).map((e) => e.record);

describe('events component', () => {
  it('codes actor and recipient as actor ids with trigger and evidence spans', () => {
    const doc = docOf('Chile praised Peru for the deal.', { chl: ['Chile'], per: ['Peru'] });
    const [e] = events(doc);
    assert.equal(e?.type, 'SUPPORT');
    assert.deepEqual(e?.actor, ['chl']);
    assert.deepEqual(e?.recipient, ['per']);
    assert.equal(e?.trigger.text, 'praised');
    assert.equal(e?.evidence.text, 'Chile praised Peru for the deal.');
    assert.equal(e?.quad, 1);
    assert.equal(e?.cameo, '051');
  });
  it('records the words that fill each role, also where no actor fills it', () => {
    const doc = docOf('Chile praised the striking dockworkers on Monday.', { chl: ['Chile'] });
    const [e] = events(doc);
    assert.deepEqual(e?.actor, ['chl']);
    assert.deepEqual(e?.recipient, []);
    assert.deepEqual(e?.actorSpans?.map((s) => s.text), ['Chile']);
    assert.deepEqual(e?.recipientSpans?.map((s) => s.text), ['the striking dockworkers']);
    for (const s of [...(e?.actorSpans ?? []), ...(e?.recipientSpans ?? [])]) assert.equal(doc.text.slice(s.start, s.end), s.text);
  });
  it('prefers the party after "with" or "to" over a place or a thing as recipient', () => {
    const talks = events(docOf('Peru held talks in Lima with Chile on Monday.', { per: ['Peru'], lim: ['Lima'], chl: ['Chile'] })).find((e) => e.type === 'CONSULT');
    assert.deepEqual(talks?.recipient, ['chl']);
    const aid = events(docOf('Canada provided $2 million in assistance to Freedonia.', { can: ['Canada'], fre: ['Freedonia'] })).find((e) => e.type === 'AID');
    assert.deepEqual(aid?.recipient, ['fre']);
    const pullback = events(docOf('Ruritania withdrew its troops from Freedonia.', { rur: ['Ruritania'], fre: ['Freedonia'] }))[0];
    assert.deepEqual(pullback?.recipient, ['fre']);
  });
  it('keeps a party that is the direct object ("accused Peru"), even with a "to" phrase after', () => {
    const e = events(docOf('Chile accused Peru of sending spies to Bolivia.', { chl: ['Chile'], per: ['Peru'], bol: ['Bolivia'] })).find((x) => x.type === 'ACCUSE');
    assert.deepEqual(e?.recipient, ['per']);
  });
  it('reads "X says Y must …" as X asking Y, with what Y must do as the content', () => {
    const es = events(docOf('Ruritania says Freedonia must end its raids on Arica.', { rur: ['Ruritania'], fre: ['Freedonia'], ari: ['Arica'] }));
    const req = es.find((e) => e.type === 'REQUEST');
    assert.deepEqual(req?.actor, ['rur']);
    assert.deepEqual(req?.recipient, ['fre']);
    assert.ok(!es.some((e) => e.trigger.text.startsWith('end')));
  });
  it('makes one event per actor of a compound actor', () => {
    const doc = docOf('France and Italy condemned Ruritania on Monday.', { fra: ['France'], ita: ['Italy'], rur: ['Ruritania'] });
    const es = events(doc).filter((e) => e.type === 'ACCUSE');
    assert.deepEqual(es.map((e) => e.actor[0]).sort(), ['fra', 'ita']);
    assert.ok(es.every((e) => e.recipient[0] === 'rur'));
  });
  it('reads the agent of a passive from its by-phrase', () => {
    const doc = docOf('Sanctions were imposed on Freedonia by Canada.', { can: ['Canada'], fre: ['Freedonia'] });
    const [e] = events(doc);
    assert.equal(e?.type, 'SANCTION');
    assert.deepEqual(e?.actor, ['can']);
    assert.deepEqual(e?.recipient, ['fre']);
  });
  it('reads the owner of a nominal trigger as its agent', () => {
    const doc = docOf("Canada's sanctions on Freedonia took effect.", { can: ['Canada'], fre: ['Freedonia'] });
    const [e] = events(doc);
    assert.equal(e?.type, 'SANCTION');
    assert.deepEqual(e?.actor, ['can']);
  });
  it('marks a negated call for talks instead of coding a positive one', () => {
    const doc = docOf('Norway has not called for talks with Sweden.', { nor: ['Norway'], swe: ['Sweden'] });
    const es = events(doc);
    assert.ok(es.length > 0);
    assert.ok(es.every((e) => e.negated || !['CONSULT', 'AGREE', 'REQUEST'].includes(e.type)));
  });
  it('marks framed and disputed attacks as alleged', () => {
    const doc = docOf('Lima condemned what it described as a Chilean drone attack on Arica, an allegation denied by Santiago.', {
      per: ['Lima'], chl: ['Chilean', 'Santiago'], ari: ['Arica'],
    });
    const attack = events(doc).find((e) => e.type === 'ASSAULT');
    assert.equal(attack?.modality, 'alleged');
    assert.equal(attack?.mode, 'drone');
    assert.deepEqual(attack?.actor, ['chl']);
  });
  it('marks conditional events hypothetical and planned ones intended', () => {
    const hyp = events(docOf('If talks fail, Ruritania will attack Freedonia.', { rur: ['Ruritania'], fre: ['Freedonia'] }));
    assert.ok(hyp.some((e) => e.modality === 'hypothetical'));
    const planned = events(docOf('Freedonia will ask Ruritania for help.', { fre: ['Freedonia'], rur: ['Ruritania'] }));
    assert.equal(planned[0]?.type, 'REQUEST');
    assert.equal(planned[0]?.modality, 'intended');
    // A planned attack is a threat (PLOVER codes the single category, not ASSAULT + future).
    const threat = events(docOf('Freedonia plans to attack Ruritania.', { fre: ['Freedonia'], rur: ['Ruritania'] }));
    assert.equal(threat[0]?.type, 'THREATEN');
  });
  it('resolves the event date against the publication date', () => {
    const doc = docOf('Chile last month accused Peru of spying.', { chl: ['Chile'], per: ['Peru'] }, { published: '2026-01-16' });
    assert.equal(events(doc)[0]?.date, '2025-12');
  });
  it("gives an event in a quote to the quote's speaker, with reportedBy", () => {
    const text = '“We welcome the Chilean proposal,” the Peruvian minister said.';
    const start = 1;
    const end = text.indexOf(',”');
    const quote: QuoteRecord = { id: 'q1', kind: 'direct', content: makeSpan(text, start, end), speaker: 'min', confidence: 1 };
    const doc = docOf(text, { min: ['the Peruvian minister'], chl: ['Chilean'] }, { quotes: [quote] });
    const e = events(doc).find((x) => x.type === 'SUPPORT');
    assert.deepEqual(e?.actor, ['min']);
    assert.deepEqual(e?.recipient, ['chl']);
    assert.equal(e?.reportedBy, 'q1');
  });
  it('makes the sides of a compound actor act on each other when the object is a thing', () => {
    const signed = events(docOf('Peru and Chile signed a fisheries pact on Monday.', { per: ['Peru'], chl: ['Chile'] })).filter((e) => e.type === 'SUPPORT');
    assert.deepEqual(signed.map((e) => [e.actor, e.recipient]), [[['per'], ['chl']], [['chl'], ['per']]]);
    const failed = events(docOf('Ghana and Togo failed to reach a deal on the border.', { gha: ['Ghana'], tog: ['Togo'] })).filter((e) => e.type === 'REJECT');
    assert.deepEqual(failed.map((e) => e.recipient), [['tog'], ['gha']]);
  });
  it('aims a threat or refusal without an object of its own at the party of the act it is about', () => {
    const [threat] = events(docOf('Freedonia threatened to shell Ruritania, officials said.', { fre: ['Freedonia'], rur: ['Ruritania'] }));
    assert.equal(threat?.type, 'THREATEN');
    assert.deepEqual(threat?.recipient, ['rur']);
    const [refusal] = events(docOf('Lima refused to send troops to Bolivia.', { lim: ['Lima'], bol: ['Bolivia'] }));
    assert.equal(refusal?.type, 'REJECT');
    assert.deepEqual(refusal?.recipient, ['bol']);
  });
  it('gives a nominal trigger after a light verb the subject of that verb, not a phrase naming no actor', () => {
    const strikes = events(docOf('Freedonia has carried out two dozen air strikes against Ruritania.', { fre: ['Freedonia'], rur: ['Ruritania'] })).find((e) => e.type === 'ASSAULT');
    assert.deepEqual(strikes?.actor, ['fre']);
    assert.deepEqual(strikes?.recipient, ['rur']);
  });
  it('sends goods to the party after "to", and never takes a time or money phrase for a party', () => {
    const back = events(docOf('Canada returned 12 stolen paintings to Peru on Friday.', { can: ['Canada'], per: ['Peru'] })).find((e) => e.type === 'RETREAT');
    assert.deepEqual(back?.recipient, ['per']);
    const curfew = events(docOf('Officials imposed a curfew on Gao starting at 1300 GMT.', { gao: ['Gao'], gmt: ['GMT'] })).find((e) => e.type === 'COERCE');
    assert.deepEqual(curfew?.recipient, ['gao']);
  });
  it('takes "A group of X hackers" as the agent where the actor X sits after "of"', () => {
    const [e] = events(docOf('A group of Freedonian hackers launched cyber attacks on Ruritania.', { fre: ['Freedonian'], rur: ['Ruritania'] }));
    assert.equal(e?.type, 'ASSAULT');
    assert.deepEqual(e?.actorSpans?.map((x) => x.text), ['A group of Freedonian hackers']);
    assert.deepEqual(e?.recipient, ['rur']);
  });
  it('reads a nominal trigger after a possessive and a light verb ("expressed its strong condemnation of")', () => {
    const [e] = events(docOf('Chile expressed its strong condemnation of Peru.', { chl: ['Chile', 'its'], per: ['Peru'] }));
    assert.equal(e?.type, 'ACCUSE');
    assert.deepEqual([e?.actor, e?.recipient], [['chl'], ['per']]);
  });
  it('keeps a weak promise whose content was the only strong trigger ("agreed with Y to exchange technology")', () => {
    const [e] = events(docOf('Chile agreed with Peru to exchange technology in the navy.', { chl: ['Chile'], per: ['Peru'] }));
    assert.equal(e?.type, 'AGREE');
    assert.deepEqual(e?.recipient, ['per']);
  });
  it('takes the complement of the trigger after "into" as the recipient, or the party "of" which it speaks', () => {
    const [a] = events(docOf('Chile opened an investigation into Zorro on suspicion of fraud at the port.', { chl: ['Chile'] }));
    assert.equal(a?.type, 'ACCUSE');
    assert.deepEqual(a?.recipientSpans?.map((x) => x.text), ['Zorro']);
    const [b] = events(docOf('Chile launched an investigation into the death of Peru\'s envoy.', { chl: ['Chile'], per: ['Peru'] }));
    assert.deepEqual(b?.recipient, ['per']);
  });
  it('places an act with no party recipient ("eased restrictions on the movement of traders in the border zone")', () => {
    const [e] = events(docOf('Chile eased restrictions on the movement of traders in the border zone.', { chl: ['Chile'] }));
    assert.deepEqual(e?.recipientSpans?.map((x) => x.text), ['the border zone']);
    const [c] = events(docOf('Chile extended the curfew order in Arica for two weeks.', { chl: ['Chile'], ari: ['Arica'] }));
    assert.deepEqual(c?.recipient, ['ari']);
  });
  it('keeps sides acting on each other where the only other phrase is a place ("agreed to a ceasefire in the border zone")', () => {
    const evs = events(docOf('Chile and Peru agreed to a ceasefire in the border zone.', { chl: ['Chile'], per: ['Peru'] }));
    assert.deepEqual(evs.map((e) => [e.actor, e.recipient]), [[['chl'], ['per']], [['per'], ['chl']]]);
  });
  it('takes the object of an attack over the place after it ("attacked an army camp in Lima")', () => {
    const [e] = events(docOf('The rebels attacked an army camp in Lima.', { per: ['Lima'] }));
    assert.equal(e?.type, 'ASSAULT');
    assert.deepEqual(e?.recipientSpans?.map((x) => x.text), ['an army camp']);
  });
  it('gives an infinitive of purpose the main verb\'s subject ("called Y on Monday to congratulate him")', () => {
    const evs = events(docOf('Chile called the Peruvian premier on Monday to congratulate him.', { chl: ['Chile'], per: ['the Peruvian premier', 'him'] }));
    const e = evs.find((x) => x.type === 'SUPPORT');
    assert.deepEqual([e?.actor, e?.recipient], [['chl'], ['per']]);
  });
  it('joins a phrase no actor covers to the sides of an act ("The Harbour Board and the Lima Port Authority agreed")', () => {
    const evs = events(docOf('The Harbour Board and the Lima Port Authority agreed to share data.', { lpa: ['Lima Port Authority'] }));
    assert.deepEqual(evs.map((e) => e.actorSpans?.map((x) => x.text)), [['The Harbour Board'], ['Lima Port Authority']]);
  });
  it('finds the persons expelled inside the trigger ("expelled two Peruvian diplomats"), not a later name', () => {
    const [e] = events(docOf('Chile expelled two Peruvian diplomats, accusing Bolivia of spying.', { chl: ['Chile'], per: ['Peruvian'], bol: ['Bolivia'] }));
    assert.deepEqual([e?.type, e?.recipient], ['SANCTION', ['per']]);
    const [w] = events(docOf('Chile withdrew its 200 peacekeepers from Peru.', { chl: ['Chile', 'its'], per: ['Peru'] }));
    assert.deepEqual(w?.recipient, ['per']);
  });
  it('sends goods to a place or institution that takes them, over an aside of time ("missing since 1950")', () => {
    const [a] = events(docOf('Chile sent a team of doctors, equipment and drugs to the hospital.', { chl: ['Chile'] }));
    assert.deepEqual(a?.recipientSpans?.map((x) => x.text), ['the hospital']);
    const [b] = events(docOf('Chile returned a painting, missing since 1950, to the museum of Lima.', { chl: ['Chile'] }));
    assert.deepEqual(b?.recipientSpans?.map((x) => x.text), ['the museum of Lima']);
  });
  it('reads a light verb over "out" and "more than" ("carried out more than two dozen air strikes against")', () => {
    const [e] = events(docOf('Chile has carried out more than two dozen air strikes this year against Peru.', { chl: ['Chile'], per: ['Peru'] }));
    assert.deepEqual([e?.type, e?.actor, e?.recipient], ['ASSAULT', ['chl'], ['per']]);
  });
  it('reads the subject after a clause-opening "after" and leaves a later participle\'s "by" alone', () => {
    const evs = events(docOf('Peru protested after Chile expelled 20 aid workers employed by the Red Cross.', { chl: ['Chile'], per: ['Peru'], rc: ['the Red Cross'] }));
    const e = evs.find((x) => x.type === 'SANCTION');
    assert.deepEqual(e?.actor, ['chl']);
    assert.deepEqual(e?.recipientSpans?.map((x) => x.text), ['20 aid workers']);
  });
});
