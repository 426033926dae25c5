import type { El } from './html-clean.js';

/** One paragraph of extracted text, with what the HTML said about it. */
export interface Block {
  text: string;
  /** Tag of the block element the text sat in (`P`, `H2`, `LI`, …). */
  readonly tag: string;
  /** Characters of the text that were link text. */
  readonly linkChars: number;
  /** What the reader makes of it: article text, a line kept in the text but ignored (byline, date), or dropped. */
  role: 'content' | 'ignored' | 'drop';
  /** The rule that gave a block its role, when not plain content. */
  rule?: string;
}

const BLOCK = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'MAIN', 'TABLE', 'TR',
  'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'DL', 'DT', 'DD', 'BR', 'HR', 'NAV', 'ADDRESS', 'DETAILS', 'SUMMARY', 'CAPTION',
  'CENTER', 'FORM', 'FIELDSET', 'HGROUP',
]);
const SPACED = new Set(['TD', 'TH', 'IMG', 'INPUT', 'BUTTON', 'LABEL', 'OPTION']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'TITLE', 'META', 'LINK']);

const squash = (s: string) => s.replace(/[ \t\r\n\u00a0\u200b\ufeff]+/g, ' ').trim();

/** Flattens article HTML into blocks: one per paragraph-like element. */
export function htmlToBlocks(root: El): Block[] {
  const blocks: Block[] = [];
  let cur = '';
  let curLink = 0;
  let tagStack: string[] = [];
  let linkDepth = 0;
  const flush = () => {
    const t = squash(cur);
    if (t) {
      const linkChars = Math.min(t.length, curLink);
      blocks.push({ text: t, tag: tagStack[tagStack.length - 1] ?? 'DIV', linkChars, role: 'content' });
    }
    cur = '';
    curLink = 0;
  };
  const visit = (n: El) => {
    if (n.nodeType === 3) {
      const t = n.textContent ?? '';
      cur += t;
      if (linkDepth > 0) curLink += squash(t).length;
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) {
      flush();
      tagStack.push(name);
    } else if (SPACED.has(name)) cur += ' ';
    if (name === 'A') linkDepth++;
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) visit(kids[i]!);
    if (name === 'A') linkDepth--;
    if (block) {
      flush();
      tagStack.pop();
    } else if (SPACED.has(name)) cur += ' ';
  };
  visit(root);
  flush();
  tagStack = [];
  return blocks;
}

/** Flattens article HTML into text: one block a paragraph, separated by blank lines. */
export function htmlToText(root: El): string {
  return htmlToBlocks(root)
    .map((b) => b.text)
    .join('\n\n');
}

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Short interface words that are never article text on their own. */
const UI_LINE =
  /^(?:advert(?:isement)?|anzeige|publicidad|pubblicità|publicité|reklama|caption|close|open|menu|home|search|share(?: this)?(?: (?:article|story|post))?|tweet|email|print|comments?|(?:\d+ )?comments?|leave a (?:comment|reply)|post comment.*|reply|skip to (?:main )?content|sign in|log ?in|sign up|subscribe(?: now)?|register|follow us.*|like us.*|related(?: articles| stories| posts| content)?:?|read more|see more|show more|load more|view (?:comments|gallery|more)|more (?:on|from|about) .{0,40}|you may also like.*|recommended(?: for you)?|trending(?: now)?|most (?:read|popular|viewed)|popular|also read:?|see also:?|next|previous|back to top|top|tags?:?|filed under:?.*|topics?:?|categories:?|loading\.*|this slideshow requires javascript\.?|image \d+ of \/? ?\d+|\d+ of \d+|photo|photos|video|watch|listen|play|enlarge(?: image)?|expand|zoom|copy link|link copied|whatsapp|facebook|twitter|linkedin|pinterest|reddit)$/i;

/** A line that only carries a byline, a date or a time stamp. */
const BYLINE_LINE = /^(?:(?:by|von|par|por|di|door|av|af)\s+\S.{0,80}|(?:posted|published|updated|first published|last updated|modified|created|written)(?: on| at| by)?\b.{0,90}|.{0,60}\b(?:staff|contributor|correspondent|reporter|editor|columnist|writer)s?)$/i;

const MONTHS =
  'jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?';
const DATE_ONLY = new RegExp(
  `^[\\s|·•,;:/-]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s*)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\s*,?\\s*\\d{2,4}|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s*\\d{2,4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4})(?:[\\s,|·•-]*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[a-z]{2,4})?)?[\\s|·•,;:/-]*$`,
  'i',
);

/** Photo credits and image notes ("Photo: …", "(Image: © …)", "Image copyright …", "Getty Images"). */
const CREDIT_LINE =
  /^(?:\(?\s*(?:photo|image|picture|pic|foto|video|illustration|graphic|source|credit|file photo)s?(?: credit)?\s*(?::|by|©|copyright)|image copyright|copyright\s|©|\(c\)\s).{0,150}$|^\(?(?:[^.!?]{0,60}[/|]\s*)?(?:getty images|shutterstock|afp|ap photo|reuters|epa|alamy|istock)(?:\s*[/|]\s*[^/|]{1,40})*\)?\.?$/i;

/** Prompts to subscribe, sign up, follow, or read elsewhere. */
const PROMPT_LINE =
  /^(?:\[?(?:read more|related|read also|also read|see also|more|recommended|watch|listen|sign up|subscribe|follow|join us|don't miss)\s*:.{0,200}|\[?(?:read more|read also|also read|see also|sign up (?:for|to)|subscribe (?:to|for|now)|follow us|join us)\b.{0,200}|.{0,120}\b(?:sign up (?:for|to) (?:our|the)|subscribe to (?:our|the)|newsletter|follow us on|like us on facebook|download our app|all rights reserved|this website uses cookies|we use cookies)\b.{0,160})$/i;

/**
 * Decides the role of each block by general rules: interface words, bylines and dates at the top,
 * photo credits, sign-up prompts, link lists, short lines repeated on the page, and runs of short
 * non-sentences before the first or after the last paragraph of prose.
 */
export function classifyBlocks(blocks: Block[], title?: string): Block[] {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const counts = new Map<string, number>();
  for (const b of blocks) {
    const k = norm(b.text);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const titleN = title ? norm(title) : '';
  const isProse = (b: Block) => wordCount(b.text) >= 12 && /[.!?:;"”’)»…]\s*$/.test(b.text) && b.linkChars < b.text.length * 0.5;
  const firstProse = blocks.findIndex(isProse);
  let lastProse = -1;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (isProse(blocks[i]!)) {
      lastProse = i;
      break;
    }
  }
  blocks.forEach((b, i) => {
    const t = b.text;
    const words = wordCount(t);
    const k = norm(t);
    const linkShare = b.linkChars / Math.max(1, t.length);
    const heading = /^H[1-6]$/.test(b.tag);
    const set = (role: Block['role'], rule: string) => {
      b.role = role;
      b.rule = rule;
    };
    if (!k) set('drop', 'empty');
    else if (words <= 12 && UI_LINE.test(t.replace(/[\s.:|»›>→()+-]+$/g, '').replace(/^[\s|»›>()+-]+/, ''))) set('drop', 'ui');
    else if (words <= 40 && CREDIT_LINE.test(t)) set('drop', 'credit');
    else if (words <= 60 && !heading && b.tag !== 'LI' && PROMPT_LINE.test(t)) set('drop', 'prompt');
    else if (titleN && k === titleN && (firstProse < 0 || i < firstProse)) set('drop', 'title');
    else if (words <= 20 && (DATE_ONLY.test(t) || BYLINE_LINE.test(t)) && (firstProse < 0 || i <= firstProse + 1 || i > lastProse)) set('ignored', 'byline-date');
    else if (words <= 30 && linkShare > 0.6 && (i < firstProse || i > lastProse)) set('drop', 'links');
  });
  return blocks;
}
