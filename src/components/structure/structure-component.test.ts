import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../doc/doc.js';
import { hasOffsets, type MetaText } from '../../doc/span.js';
import { matchDateline, structureDoc } from './structure-component.js';

function run(text: string, meta: ConstructorParameters<typeof Doc>[1] = {}): Doc {
  const doc = new Doc(text, meta);
  structureDoc(doc);
  return doc;
}

const texts = (xs: readonly MetaText[]) => xs.map((x) => x.text);
const ignored = (doc: Doc) => doc.ignoredRanges().map((r) => r.text);

/** Every span must be the text at its offsets. */
function assertTrueSpans(doc: Doc): void {
  const m = doc.meta;
  const spans = [m.headline, m.publishedSpan, m.dateline, ...m.keyPoints, ...m.sections, ...m.ignored, ...doc.get('paragraphs')];
  for (const s of spans) if (hasOffsets(s)) assert.equal(doc.text.slice(s.start, s.end), s.text);
}

const STORY = [
  'Ministers Agree to Meet Again in Geneva',
  '',
  'Tuesday, 3 March 2026',
  'Share on Facebook  Tweet  Email',
  '',
  'GENEVA (Wirewire) — Foreign ministers from both sides agreed on Tuesday to meet again next month.',
  '',
  'The talks lasted six hours.',
  '',
  'What comes next',
  '',
  'Officials said a date would be set soon.',
  '',
  'Advertisement',
  '',
  '© 2026 Example News Ltd. All rights reserved.',
].join('\n');

test('plain text: headline, date line, dateline, section heading and boilerplate', () => {
  const doc = run(STORY);
  const m = doc.meta;
  assert.equal(m.headline?.text, 'Ministers Agree to Meet Again in Geneva');
  assert.equal(m.published, '2026-03-03');
  assert.equal(m.publishedSpan?.text, 'Tuesday, 3 March 2026');
  assert.equal(m.dateline?.text, 'GENEVA');
  assert.deepEqual(texts(m.sections), ['What comes next']);
  assert.deepEqual(ignored(doc), ['Share on Facebook  Tweet  Email', 'Advertisement', '© 2026 Example News Ltd. All rights reserved.']);
  assert.deepEqual(texts(doc.get('paragraphs')), [
    'Foreign ministers from both sides agreed on Tuesday to meet again next month.',
    'The talks lasted six hours.',
    'Officials said a date would be set soon.',
  ]);
  assertTrueSpans(doc);
});

test('CRLF text gets the same structure with offsets true to the CRLF text', () => {
  const crlf = STORY.replace(/\n/g, '\r\n');
  const doc = run(crlf);
  assert.equal(doc.meta.headline?.text, 'Ministers Agree to Meet Again in Geneva');
  assert.equal(doc.meta.dateline?.text, 'GENEVA');
  assert.deepEqual(texts(doc.meta.sections), ['What comes next']);
  assert.equal(doc.get('paragraphs').length, 3);
  for (const p of doc.get('paragraphs')) assert.ok(!p.text.includes('\r'));
  assertTrueSpans(doc);
});

test('a Highlights block gives one key point per bullet, markers and heading ignored', () => {
  const doc = run(
    [
      'Port Strike Ends After Deal',
      '',
      'Highlights',
      '- Dock workers accepted a new contract.',
      '- Ships waiting offshore can now unload.',
      '* Talks had lasted three weeks.',
      '',
      'ROTTERDAM: The strike ended on Monday after union members voted.',
    ].join('\n'),
  );
  assert.deepEqual(texts(doc.meta.keyPoints), [
    'Dock workers accepted a new contract.',
    'Ships waiting offshore can now unload.',
    'Talks had lasted three weeks.',
  ]);
  assert.deepEqual(ignored(doc), ['Highlights', '-', '-', '*']);
  assert.equal(doc.meta.dateline?.text, 'ROTTERDAM');
  assertTrueSpans(doc);
});

test('"Key takeaways:" followed by lines without markers', () => {
  const doc = run(['Budget Passes', '', 'Key takeaways:', 'Spending rises by two percent.', 'Taxes stay the same.', '', 'The assembly voted late on Friday.'].join('\n'));
  assert.deepEqual(texts(doc.meta.keyPoints), ['Spending rises by two percent.', 'Taxes stay the same.']);
  assert.ok(ignored(doc).includes('Key takeaways:'));
});

test('a "Summary" line that heads an ordinary paragraph is not a key-point block', () => {
  const doc = run(['Title of the Piece', '', 'The first paragraph says something.', '', 'Summary', '', 'The last paragraph sums it up.'].join('\n'));
  assert.deepEqual(doc.meta.keyPoints, []);
});

test('dateline variants', () => {
  const cases: [string, string | undefined][] = [
    ['MOSCOW:  The Kremlin said…', 'MOSCOW'],
    ['WASHINGTON (Reuters) - The agency said…', 'WASHINGTON'],
    ['KYIV, Jan 16 (Reuters) — Officials said…', 'KYIV'],
    ['LONDON — The minister said…', 'LONDON'],
    ['SAN JOSE, Costa Rica, Aug. 10 (UPI) — A court ruled…', 'SAN JOSE, Costa Rica'],
    ['ST. PAUL, Minn. — Lawmakers met…', 'ST. PAUL, Minn.'],
    ['Nairobi, March 3 (Wirewire) - Police said…', 'Nairobi'],
    ['BREAKING: Markets fell sharply…', undefined],
    ['On Saturday, Sen. Jane Roe (D-Ore.) said…', undefined],
    ['WASHINGTON-based analysts said…', undefined],
  ];
  for (const [text, place] of cases) {
    const m = matchDateline(text);
    assert.equal(m ? text.slice(m.placeStart, m.placeEnd) : undefined, place, text);
  }
});

test('a dateline with a full date gives the publication date', () => {
  const doc = run(['Storm Hits Coast', '', 'MANILA, Oct. 2, 2025 (Wirewire) — A typhoon made landfall on Thursday.', '', 'Thousands were evacuated.'].join('\n'));
  assert.equal(doc.meta.dateline?.text, 'MANILA');
  assert.equal(doc.meta.published, '2025-10-02');
  assert.equal(doc.meta.publishedSpan?.text, 'Oct. 2, 2025');
});

test('boilerplate lines of many kinds are ignored, body lines that look alike are not', () => {
  const lines = [
    'Read more: How the vote was counted',
    'Read also',
    'Follow us on Instagram',
    'Sign up for our morning newsletter',
    'Subscribe now',
    'All rights reserved',
    'Photo: Jane Doe/Reuters',
    '(Photo by John Roe/Getty Images)',
    'icon-facebook icon-twitter icon-linkedin',
    'WhatsApp',
  ];
  const body = 'Readers who subscribe to the theory that the vote was rigged were not convinced, officials said.';
  const doc = run(['A Headline Here', '', ...lines.flatMap((l) => [l, '']), body, '', 'The second paragraph.'].join('\n'));
  assert.deepEqual(ignored(doc), lines);
  assert.ok(texts(doc.get('paragraphs')).includes(body));
});

test('headings stand alone between paragraphs; short sentences and quotes are paragraphs', () => {
  const doc = run(
    [
      'Council Votes on Plan',
      '',
      'The council met on Monday.',
      '',
      'Opposition grows in the north',
      '',
      'It did not go well.',
      '',
      '“We will fight on”',
      '',
      'Members left early.',
      '',
      'Last line without a full stop',
    ].join('\n'),
  );
  assert.deepEqual(texts(doc.meta.sections), ['Opposition grows in the north']);
  const paras = texts(doc.get('paragraphs'));
  assert.ok(paras.includes('It did not go well.'));
  assert.ok(paras.includes('“We will fight on”'));
  assert.ok(paras.includes('Last line without a full stop'));
});

test('"Updated" and "Published" lines: the published one wins', () => {
  const doc = run(['Trade Deal Signed', 'Updated: Jan. 17, 2026 8:00 AM ET', 'Published: Jan. 16, 2026 9:30 AM ET', '', 'The deal was signed on Friday.'].join('\n'));
  assert.equal(doc.meta.published, '2026-01-16T09:30:00-05:00');
  assert.equal(doc.meta.publishedSpan?.text, 'Jan. 16, 2026 9:30 AM ET');
});

test('the reader\'s date is used when the text has none, and an "Updated" line alone does not override it', () => {
  const none = run('Title Line Here\n\nBody text of the story.', { meta: { hints: { published: '2026-02-01T10:00:00Z' } } });
  assert.equal(none.meta.published, '2026-02-01T10:00:00Z');
  assert.equal(none.meta.publishedSpan, undefined);
  const upd = run('Title Line Here\nUpdated 5 February 2026\n\nBody text of the story.', { meta: { hints: { published: '2026-02-01' } } });
  assert.equal(upd.meta.published, '2026-02-01');
});

test('a byline gives the authors and is not a paragraph', () => {
  const doc = run(['Rain Delays Harvest', 'By Ana Lima and Tom Berg', '', 'Farmers waited for the fields to dry.'].join('\n'));
  assert.deepEqual(doc.meta.authors, ['Ana Lima', 'Tom Berg']);
  assert.deepEqual(texts(doc.get('paragraphs')), ['Farmers waited for the fields to dry.']);
});

test('HTML: the reader\'s title is the headline span where the text begins with it, else text alone', () => {
  const same = run('Harbour Reopens to Shipping\n\nThe harbour reopened on Monday.', { format: 'html', meta: { hints: { title: 'Harbour reopens to shipping' } } });
  assert.deepEqual(same.meta.headline, { start: 0, end: 27, text: 'Harbour Reopens to Shipping' });
  const other = run('The harbour reopened on Monday.\n\nShips queued outside.', { format: 'html', meta: { hints: { title: 'Harbour reopens' } } });
  assert.deepEqual(other.meta.headline, { text: 'Harbour reopens' });
  assert.equal(other.get('paragraphs').length, 2);
});

test('a first paragraph that is a long sentence is not a headline', () => {
  const long =
    'The government announced on Tuesday that it would raise the minimum wage by five percent next year, in a move that unions welcomed and employers said would cost jobs across the country.';
  const doc = run(`${long}\n\nA second paragraph follows.`);
  assert.equal(doc.meta.headline, undefined);
  assert.equal(doc.get('paragraphs')[0]?.text, long);
});

test('text with one paragraph per line and no blank lines', () => {
  const doc = run('Headline Without Blank Line\nFirst paragraph here.\nSecond paragraph here.');
  assert.equal(doc.meta.headline?.text, 'Headline Without Blank Line');
  assert.deepEqual(texts(doc.get('paragraphs')), ['First paragraph here.', 'Second paragraph here.']);
});

test('ranges the reader already ignored are left alone', () => {
  const text = 'Title Here Now\n\nJunk junk junk\n\nReal paragraph.';
  const doc = new Doc(text);
  doc.addIgnored(16, 30);
  structureDoc(doc);
  assert.deepEqual(texts(doc.get('paragraphs')), ['Real paragraph.']);
});

test('one paragraph per line with a final newline', () => {
  const doc = run('Headline Without Blank Line\nFirst paragraph here.\nSecond paragraph here.\n');
  assert.deepEqual(texts(doc.get('paragraphs')), ['First paragraph here.', 'Second paragraph here.']);
});

test('empty and blank texts give empty structure', () => {
  for (const t of ['', ' \r\n\r\n\t']) {
    const doc = run(t);
    assert.equal(doc.meta.headline, undefined);
    assert.deepEqual(doc.get('paragraphs'), []);
  }
});
