import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segmentComponent } from '../segment/segment-component.js';
import { Doc } from '../../doc/doc.js';
import type { ActorRecord, QuoteRecord } from '../../doc/records.js';
import { makeSpan } from '../../doc/span.js';
import { quotesFor } from './quote-component.js';

/** A Doc with paragraphs split at blank lines by hand, then tokens and sentences from segment. */
function handBuilt(text: string): Doc {
  const doc = new Doc(text);
  const paragraphs = [];
  const re = /\n\s*\n/g;
  let at = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m ? m.index : text.length;
    paragraphs.push(makeSpan(text, at, end));
    if (!m) break;
    at = m.index + m[0].length;
  }
  doc.set('paragraphs', paragraphs);
  segmentComponent.run(doc, { resources: {} });
  return doc;
}

/** Tokens for a short text we wrote, then the quote rules (no trained scorer). */
function quotes(text: string, actors?: (doc: Doc) => ActorRecord[]): { doc: Doc; q: QuoteRecord[] } {
  const doc = handBuilt(text);
  if (actors) doc.set('actors', actors(doc));
  return { doc, q: quotesFor(doc, { model: null }) };
}

const byContent = (q: QuoteRecord[], s: string) => q.find((x) => x.content.text.includes(s));

/** An actor whose mentions are every occurrence of the given strings. */
function actor(doc: Doc, id: string, kind: ActorRecord['kind'], names: string[]): ActorRecord {
  const mentions = [];
  for (const n of names) for (let at = doc.text.indexOf(n); at >= 0; at = doc.text.indexOf(n, at + 1)) mentions.push(makeSpan(doc.text, at, at + n.length));
  return { id, name: names[0]!, kind, mentions };
}

describe('direct quotes', () => {
  it('finds a quote with its cue after it and the speaker before the cue', () => {
    const { q } = quotes('“The harbour will reopen next week,” Mayor Ana Ruiz told reporters.');
    const x = byContent(q, 'harbour')!;
    assert.equal(x.kind, 'direct');
    assert.equal(x.content.text, 'The harbour will reopen next week,');
    assert.equal(x.cue?.text, 'told');
    assert.equal(x.source?.text, 'Mayor Ana Ruiz');
  });

  it('finds an inverted cue ("said Ruiz")', () => {
    const { q } = quotes('“We are ready,” said Ruiz.');
    assert.equal(byContent(q, 'ready')?.source?.text, 'Ruiz');
  });

  it('finds the cue before the quote ("He added that:")', () => {
    const { q } = quotes('Ruiz spoke first. He added that: “Nobody will be left behind.”');
    const x = byContent(q, 'Nobody')!;
    assert.equal(x.source?.text, 'He');
    assert.equal(x.cue?.text, 'added');
  });

  it('joins both parts of a quote interrupted by its attribution under one cue', () => {
    const { q } = quotes('“The talks went well,” she said, “and we will meet again in May.”');
    const a = byContent(q, 'talks')!;
    const b = byContent(q, 'meet again')!;
    assert.deepEqual(a.cue, b.cue);
    assert.equal(b.source?.text, 'she');
  });

  it('gives a second quote with no cue of its own to the same speaker', () => {
    const { q } = quotes('“I cannot say more,” Ruiz told reporters. “But the port will open.”');
    const b = byContent(q, 'port will open')!;
    assert.equal(b.rule, 'direct-continued');
    assert.equal(b.source?.text, 'Ruiz');
  });

  it('reads "…, adding:" as the same speaker', () => {
    const { q } = quotes('“It is early,” the minister said, adding: “We will see in spring.”');
    assert.equal(byContent(q, 'spring')?.source?.text, 'the minister');
  });

  it('runs a quote over paragraphs that re-open with a mark', () => {
    const { q } = quotes('The mayor said: “We start on Monday.\n\n“Then we will rebuild the bridge.”');
    const x = byContent(q, 'Monday')!;
    assert.ok(x.content.text.includes('rebuild the bridge'));
  });

  it('reads straight quotes and guillemets', () => {
    assert.equal(byContent(quotes('"We will vote," the senator said.').q, 'vote')?.source?.text, 'the senator');
    assert.equal(byContent(quotes('« Nous verrons », the envoy said.').q, 'Nous')?.source?.text, 'the envoy');
  });
});

describe('partial and mixed quotes', () => {
  it('gives a partial quote the speaker of the report around it', () => {
    const { q } = quotes('The ministry warned it would “respond firmly” to any attack.');
    const p = q.find((x) => x.kind === 'partial')!;
    assert.equal(p.content.text, 'respond firmly');
    assert.equal(p.source?.text, 'The ministry');
    assert.equal(q.find((x) => x.kind === 'mixed')?.cue?.text, 'warned');
  });
});

describe('reported speech', () => {
  it('reads "X said (that) …" with the clause as content', () => {
    const { q } = quotes('The governor said that the roads would stay closed.');
    const x = q[0]!;
    assert.equal(x.kind, 'indirect');
    assert.equal(x.content.text, 'the roads would stay closed');
    assert.equal(x.source?.text, 'The governor');
  });

  it('skips the addressee and time words ("told reporters on Friday")', () => {
    const { q } = quotes('Ruiz told reporters on Friday that the budget was final.');
    assert.equal(q[0]?.content.text, 'the budget was final');
  });

  it('reads warned/stressed/insisted/denied/emphasised that …', () => {
    for (const v of ['warned', 'stressed', 'insisted', 'denied', 'emphasised']) {
      const { q } = quotes(`The envoy ${v} that the deal was fragile.`);
      assert.equal(q[0]?.content.text, 'the deal was fragile', v);
      assert.equal(q[0]?.cue?.text, v);
    }
  });

  it('reads "according to X, …" and "…, according to X."', () => {
    const a = quotes('According to the ministry, the border stays open.').q[0]!;
    assert.equal(a.content.text, 'the border stays open');
    assert.equal(a.source?.text, 'the ministry');
    const b = quotes('The border stays open, according to officials.').q[0]!;
    assert.equal(b.content.text, 'The border stays open');
    assert.equal(b.cue?.text, 'according to');
  });

  it('reads a post-posed cue ("…, the spokesman said.")', () => {
    const x = quotes('The vote will take place in June, the spokesman said.').q[0]!;
    assert.equal(x.content.text, 'The vote will take place in June');
    assert.equal(x.source?.text, 'the spokesman');
  });

  it('reads "X\'s statement that …"', () => {
    const x = quotes("Ruiz's statement that the port was safe surprised nobody.").q.find((y) => y.rule === 'noun-statement-that')!;
    assert.equal(x.source?.text, 'Ruiz');
    assert.ok(x.content.text.startsWith('the port was safe'));
  });

  it('reads "X expressed support for …"', () => {
    const x = quotes('The two leaders expressed support for a ceasefire.').q[0]!;
    assert.equal(x.content.text, 'a ceasefire');
    assert.equal(x.cue?.text, 'expressed support for');
  });

  it('takes organisations, countries and documents as sources', () => {
    assert.equal(quotes('The ministry said in a statement that exports had fallen.').q[0]?.source?.text, 'The ministry');
    assert.equal(quotes('Norway warned that it would close the strait.').q[0]?.source?.text, 'Norway');
    assert.equal(quotes('The report shows that exports fell by a third.').q[0]?.source?.text, 'The report');
  });

  it('gives "…, saying …" the subject of the sentence', () => {
    const x = quotes('The senator left the hall, saying the vote was rigged.').q.find((y) => y.cue?.text === 'saying')!;
    assert.equal(x.source?.text, 'The senator');
  });

  it('ends a report where the speaker\'s next cue is coordinated ("… and threatened …", "…, claiming …")', () => {
    const a = quotes('Ruiz said the tariff was a “fair deal” and threatened to leave the talks.').q;
    assert.equal(a.find((y) => y.cue?.text === 'said' && y.kind === 'mixed')?.content.text, 'the tariff was a “fair deal”');
    assert.ok(a.some((y) => y.cue?.text === 'threatened'));
    const b = quotes('The mayor said the budget was balanced, claiming that taxes would fall.').q;
    assert.equal(b.find((y) => y.cue?.text === 'said')?.content.text, 'the budget was balanced');
    // A verb that is no cue keeps the clause whole.
    const c = quotes('Ruiz said the plan cut costs and raised wages.').q;
    assert.equal(c.find((y) => y.cue?.text === 'said')?.content.text, 'the plan cut costs and raised wages');
  });

  it('ends a report at a coordinated cue after a comma inside the marks ("… “a fair deal,” claiming …")', () => {
    const a = quotes('Ruiz said the tariff was “a fair deal,” claiming that prices would fall.').q;
    assert.equal(a.find((y) => y.cue?.text === 'said' && y.kind === 'mixed')?.content.text, 'the tariff was “a fair deal,”');
  });

  it('ends a report where its quotation ends a sentence inside the marks, even if the sentence runs on', () => {
    // Built by hand so that the test does not depend on where the splitter puts the boundary.
    const text = 'Ruiz said the harbour has “served the town well.” She praised the crews in every district.';
    const doc = new Doc(text);
    doc.set('paragraphs', [makeSpan(text, 0, text.length)]);
    segmentComponent.run(doc, { resources: {} });
    doc.set('sentences', [makeSpan(text, 0, text.length)]);
    const x = quotesFor(doc, { model: null }).find((y) => y.cue?.text === 'said' && y.kind === 'mixed')!;
    assert.equal(x.content.text, 'the harbour has “served the town well.”');
  });
});

describe('channels and speakers', () => {
  it('records the channel ("as quoted by …", "in a statement")', () => {
    const a = quotes('“We are ready,” Ruiz told reporters as quoted by the state-run Lumen news agency.').q[0]!;
    assert.equal(a.viaSpan?.text, 'the state-run Lumen news agency');
    const b = quotes('The ministry said in a statement that exports had fallen.').q[0]!;
    assert.equal(b.viaSpan?.text, 'a statement');
  });

  it('names the speaker through the actors layer, a pronoun included', () => {
    const text = 'Mayor Ana Ruiz spoke on Monday.\n\n“We will rebuild,” she said.';
    const { q } = quotes(text, (doc) => {
      const ruiz = actor(doc, 'ruiz', 'person', ['Mayor Ana Ruiz']);
      const she = doc.text.indexOf('she');
      return [{ ...ruiz, mentions: [...ruiz.mentions, makeSpan(doc.text, she, she + 3)] }];
    });
    assert.equal(byContent(q, 'rebuild')?.speaker, 'ruiz');
  });

  it('names the channel actor as via', () => {
    const text = '“We are ready,” Ruiz said in an interview with Radio Lumen.';
    const { q } = quotes(text, (doc) => [actor(doc, 'ruiz', 'person', ['Ruiz']), actor(doc, 'lumen', 'media', ['Radio Lumen'])]);
    assert.equal(q[0]?.speaker, 'ruiz');
    assert.equal(q[0]?.via, 'lumen');
  });

  it('never reads quotes inside ignored ranges', () => {
    const doc = handBuilt('“Share this,” the button said.\n\nThe mayor said that the port was open.');
    doc.addIgnored(0, doc.text.indexOf('\n'));
    const q = quotesFor(doc, { model: null });
    assert.ok(q.every((x) => x.content.start > doc.text.indexOf('\n')));
  });
});

describe('sources far from the cue', () => {
  const srcOf = (text: string, content: string, cue?: string) => quotes(text).q.find((x) => x.content.text.includes(content) && (!cue || x.cue?.text === cue))?.source?.text;

  it('takes subjects the tagger splits: "those surveyed", "people familiar with her thinking", "voters overall"', () => {
    assert.equal(srcOf('Most of those surveyed said the harbour should reopen.', 'harbour', 'said'), 'those surveyed');
    assert.equal(srcOf('People familiar with her thinking say the harbour will reopen.', 'harbour', 'say'), 'People familiar with her thinking');
    assert.equal(srcOf('Nearly eight in 10 voters overall said the harbour should reopen.', 'harbour', 'said'), '10 voters');
  });

  it('names no speaker for passive and raising cues ("Roe is expected to …", "Roe seems …") but keeps the progressive', () => {
    for (const [text, cue] of [['The mayor is expected to announce the harbour plan on Monday.', 'expected'], ['The mayor seems to favour the harbour plan.', 'seems']] as const) {
      const x = quotes(text).q.find((y) => y.cue?.text === cue);
      assert.ok(x, cue);
      assert.equal(x.source, undefined);
    }
    assert.equal(srcOf('The mayor is saying the harbour plan is dead.', 'harbour', 'saying'), 'The mayor');
  });

  it('takes a quantifier standing for people as the source ("Many argue that …")', () => {
    assert.equal(srcOf('Many argue that the harbour plan came too late.', 'harbour', 'argue'), 'Many');
    assert.equal(srcOf('Some have argued that the harbour plan came too late.', 'harbour', 'argued'), 'Some');
  });

  it('reads a capitalised word the tagger calls an adverb before a cue as a name, and asides such as "himself …" or "though"', () => {
    assert.equal(srcOf('Jolly said he would be careful with the harbour budget.', 'harbour', 'said'), 'Jolly');
    assert.equal(srcOf('Ruiz, himself up for reelection in 2028, said he opposed the harbour plan.', 'harbour', 'said'), 'Ruiz, himself up for reelection in 2028');
    assert.equal(srcOf('Ruiz, though, said he opposed the harbour plan.', 'harbour', 'said'), 'Ruiz, though');
  });

  it('reads "Noting …, Ruiz said he …": the main subject speaks both, and its comma ends the first report', () => {
    const q = quotes('Noting that the harbour had flooded twice, Ruiz said he would rebuild it.').q;
    const noting = q.find((y) => y.cue?.text === 'Noting')!;
    assert.equal(noting.content.text, 'the harbour had flooded twice');
    assert.equal(noting.source?.text, 'Ruiz');
    const said = q.find((y) => y.cue?.text === 'said')!;
    assert.equal(said.content.text, 'he would rebuild it');
  });

  it('keeps a parenthesis before an appositive ("Sen. Jane Roe (D-Ore.), a co-author of the bill, said")', () => {
    assert.equal(srcOf('Sen. Jane Roe (D-Ore.), one of the few co-authors still in office, said the bill would pass.', 'bill would pass', 'said'), 'Sen. Jane Roe (D-Ore.), one of the few co-authors still in office');
  });

  it('reaches the subject through a verb chain ("was quick to add")', () => {
    assert.equal(srcOf('Jane Roe was quick to add that the ferry would run again.', 'ferry'), 'Jane Roe');
  });

  it('reaches the subject over an object ("mounted a campaign to condemn")', () => {
    assert.equal(srcOf('The guild mounted a loud campaign to condemn the new harbour tax.', 'harbour tax'), 'The guild');
  });

  it('keeps a parenthesis after the name ("Sen. Jane Roe (D-Ore.) said")', () => {
    assert.equal(srcOf('Sen. Jane Roe (D-Ore.) said the ferry would run again.', 'ferry'), 'Sen. Jane Roe (D-Ore.)');
  });

  it('skips a long appositive or a prepositional aside between commas', () => {
    assert.match(srcOf('Jane Roe, the harbour master of the northern district, said the ferry would run again.', 'ferry') ?? '', /^Jane Roe/);
    assert.match(srcOf('The mayor, in a short interview on Monday, said the ferry would run again.', 'ferry') ?? '', /^The mayor/);
  });

  it('takes a relative pronoun as the source ("the guild, which reported …")', () => {
    assert.equal(srcOf('Members backed the guild, which reported that the catch had doubled.', 'catch', 'reported'), 'which');
  });

  it('gives a second verb of the sentence its first subject ("Asked about it, Roe smiled and praised …")', () => {
    assert.equal(srcOf('Asked about the vote, Jane Roe smiled and praised the crews for their patience.', 'crews', 'praised'), 'Jane Roe');
  });
});

describe('direct quotes the first rules missed', () => {
  it('finds the cue after a name and its appositive', () => {
    const x = byContent(quotes('“We are ready,” Roe, a former captain of the fleet, told reporters.').q, 'ready')!;
    assert.equal(x.kind, 'direct');
    assert.equal(x.cue?.text, 'told');
    assert.match(x.source?.text ?? '', /^Roe, a former captain/);
  });

  it('finds the cue in a paragraph that ends with a colon', () => {
    const x = byContent(quotes('The mayor continued:\n\n“Nobody will be left behind in this town.”').q, 'Nobody')!;
    assert.equal(x.kind, 'direct');
    assert.equal(x.cue?.text, 'continued');
    assert.equal(x.source?.text, 'The mayor');
  });

  it('reads a verb of manner next to the marks as a cue ("she snapped")', () => {
    assert.equal(byContent(quotes('“Enough of this nonsense,” she snapped.').q, 'Enough')?.cue?.text, 'snapped');
  });

  it('does not end a sentence at a title ("Mr. Lund said")', () => {
    const { q } = quotes('“We will win the vote,” Mr. Lund said. “And we will win it soon.”');
    assert.equal(byContent(q, 'win the vote')?.source?.text, 'Mr. Lund');
    assert.equal(byContent(q, 'soon')?.source?.text, 'Mr. Lund');
  });

  it('takes no cue after a quote that ends its sentence with a full stop', () => {
    const { q } = quotes('Roe blamed the delay on “careless planning.” Her remarks came late in the day.');
    const x = byContent(q, 'careless')!;
    assert.equal(x.source?.text, 'Roe');
    assert.equal(x.cue?.text, 'blamed');
  });

  it('makes a quote with a cue verb earlier in its sentence a report of that verb', () => {
    const x = byContent(quotes('Jane Roe called the plan “a reckless gamble” on Monday.').q, 'reckless')!;
    assert.equal(x.cue?.text, 'called');
    assert.equal(x.source?.text, 'Jane Roe');
    assert.ok(x.content.text.startsWith('the plan'));
  });

  it('takes the whole clause as the words of a quote that ends it ("The plan is a “welcome step,” she said")', () => {
    const q = quotes('The new harbour plan is a “very welcome step,” Ruiz said.').q;
    const x = q.find((y) => y.kind === 'mixed')!;
    assert.equal(x.content.text, 'The new harbour plan is a “very welcome step,');
    assert.equal(x.source?.text, 'Ruiz');
    assert.equal(q.find((y) => y.kind === 'partial')?.content.text, 'very welcome step,');
    // A quote that opens its sentence stays direct.
    assert.equal(byContent(quotes('“We are ready,” Ruiz said.').q, 'ready')?.kind, 'direct');
  });

  it('reads an opening mark typed after the words as their closing mark ("… ready?“ she asked")', () => {
    const x = byContent(quotes('“Are we ready?“ Ruiz asked. “Yes.”').q, 'ready')!;
    assert.equal(x.content.text, 'Are we ready?');
    assert.equal(x.source?.text, 'Ruiz');
  });

  it('reads a capitalised name the tagger took for a verb as the speaker, and an age as a noun ("said Skelly", "the 43-year-old said")', () => {
    assert.equal(byContent(quotes('“The file is worth having,” said Skelly, who runs the office.').q, 'worth')?.source?.text, 'Skelly');
    assert.equal(byContent(quotes('“We will win,” the 43-year-old said.').q, 'win')?.source?.text, 'the 43-year-old');
  });

  it('gives an unattributed quote after a report in its paragraph the speaker of that report', () => {
    const q = quotes('The harbour crews left early. Ruiz argues that the port was never at risk. “The rules are clear.”').q;
    const x = byContent(q, 'rules are clear')!;
    assert.equal(x.source?.text, 'Ruiz');
  });

  it('lets the subject speak when a statement is the object before an -ing cue ("released a statement saying …")', () => {
    const q = quotes('The town council released a statement on Friday saying the vote was fair.').q;
    assert.equal(q.find((y) => y.cue?.text === 'saying')?.source?.text, 'The town council');
    const d = quotes('The office put out a statement saying: “We will not comment.”').q;
    assert.equal(byContent(d, 'comment')?.source?.text, 'The office');
  });

  it('runs a quote taken by an earlier cue verb on to the end of a short, unpunctuated clause', () => {
    const a = byContent(quotes('The senator railed against “the harbour cartel” at every stop.').q, 'harbour cartel')!;
    assert.equal(a.content.text, 'against “the harbour cartel” at every stop');
    const b = byContent(quotes('The senator railed against “the harbour cartel”, a phrase from his first campaign.').q, 'harbour cartel')!;
    assert.equal(b.content.text, 'against “the harbour cartel');
  });

  it('gives an -ing cue after the object of another verb that verb\'s subject ("emailed supporters saying …")', () => {
    const q = quotes('The campaign emailed supporters on Monday saying: “We will win this state.”').q;
    assert.equal(byContent(q, 'win this state')?.source?.text, 'The campaign');
  });

  it('reads the cue after an appositive that lists nouns ("Ana Ruiz, minister for ports, ferries, and harbours, said")', () => {
    const x = byContent(quotes('“The harbour will reopen next week,” Ana Ruiz, minister for ports, ferries, and harbours, said on Monday.').q, 'harbour')!;
    assert.equal(x.kind, 'direct');
    assert.equal(x.cue?.text, 'said');
    assert.equal(x.source?.text, 'Ana Ruiz, minister for ports, ferries, and harbours');
  });

  it('reads the cue after a name with a parenthesis, a name the tagger misreads after the marks, and "“…” - Name."', () => {
    assert.equal(byContent(quotes('“The harbour will reopen,” Sen. Jane Roe (D-Ore.) said.').q, 'harbour')?.source?.text, 'Sen. Jane Roe (D-Ore.)');
    assert.equal(byContent(quotes('“The harbour will reopen,” Jolly, after a long pause, said.').q, 'harbour')?.source?.text, 'Jolly, after a long pause');
    const x = byContent(quotes('“The harbour will reopen in May.” - Ruiz.').q, 'harbour')!;
    assert.equal(x.kind, 'direct');
    assert.equal(x.source?.text, 'Ruiz');
  });

  it('keeps an unattributed quote, spoken by the sentence subject when inside a sentence', () => {
    const x = byContent(quotes('“The Long Winter” is what the senator likes best.').q, 'Long Winter')!;
    assert.equal(x.kind, 'direct');
    // After the subject's verb, the clause holding the quote is that verb's report.
    const q = quotes('Ruiz decried the council for “turning its back” on the harbour crews.').q;
    const m = q.find((y) => y.kind === 'mixed')!;
    assert.equal(m.content.text, 'the council for “turning its back” on the harbour crews');
    assert.equal(m.cue?.text, 'decried');
    assert.equal(m.source?.text, 'Ruiz');
    assert.equal(q.find((y) => y.kind === 'partial')?.content.text, 'turning its back');
  });
});

describe('reports that hold quoted words', () => {
  it('end with the quoted words when the sentence goes on in a clause of the writer\'s', () => {
    const a = byContent(quotes('Mayor Ruiz says she is “proud of where we stand” as she faces a hard vote in the council next month.').q, 'proud of')!;
    assert.equal(a.kind, 'mixed');
    assert.equal(a.content.text, 'she is “proud of where we stand”');
    const b = byContent(quotes('Mayor Ruiz said the ferry plan was “a waste of money” in her view, which angered the harbour crews and their union.').q, 'waste of')!;
    assert.equal(b.content.text, 'the ferry plan was “a waste of money” in her view');
  });

  it('keep a short rest of the clause after the quoted words, and every quote the clause holds', () => {
    const a = byContent(quotes('Mayor Ruiz said the ferry plan was “a waste” and a mistake.').q, 'waste')!;
    assert.equal(a.content.text, 'the ferry plan was “a waste” and a mistake');
    const q = quotes('Mayor Ruiz called the ferry plan a “new low” and a “reckless gamble with the money of the harbour crews.”').q;
    assert.equal(q.find((y) => y.kind === 'mixed')?.content.text, 'the ferry plan a “new low” and a “reckless gamble with the money of the harbour crews');
  });

  it('end a clause that holds quoted words at a full stop inside the marks ("… as a “breakthrough.”")', () => {
    const q = quotes('Chancellor Ruiz hailed the ferry deal with the islands as a “breakthrough.” The deal starts in May.').q;
    const m = q.find((y) => y.kind === 'mixed')!;
    assert.equal(m.cue?.text, 'hailed');
    assert.equal(m.content.text, 'the ferry deal with the islands as a “breakthrough');
  });

  it('take the clause after a cue that follows a title in quotes ("on “Morning Harbour,” Ruiz said the …")', () => {
    const q = quotes('Speaking on Monday on “Morning Harbour,” Mayor Ruiz said the ferry would be “back in service” by June.').q;
    const x = byContent(q, 'back in service')!;
    assert.equal(x.cue?.text, 'said');
    assert.equal(x.source?.text, 'Mayor Ruiz');
    const m = q.find((y) => y.kind === 'mixed')!;
    assert.equal(m.content.text, 'the ferry would be “back in service” by June');
    // A quote that ends the speaker's clause keeps its cue after it.
    const d = byContent(quotes('The plan is “reckless,” Mayor Ruiz said on Monday.').q, 'reckless')!;
    assert.equal(d.cue?.text, 'said');
  });
});
