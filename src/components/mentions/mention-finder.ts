import type { Doc } from '../../doc/doc.js';
import type { ActorKind } from '../../doc/records.js';
import { POS_TAGS } from '../../doc/tokens.js';
import type { KbEntry } from '../../kb/kb-schema.js';
import type { KnowledgeBase, SurfaceHit } from '../../kb/knowledge-base.js';
import { ANY_FIRST_BIT, type ActorLexicon, type PhraseTable } from './actor-lexicon.js';
import type { MentionRecord, MentionType } from './mention-record.js';
import { TokenScan } from './token-scan.js';

const NUM = POS_TAGS.indexOf('NUM');
/** Number words a share may start with ("six in 10", "one in five"); digits and NUM tags count too. */
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);
/** Words that may stand between a share (or an indefinite) and its verb: "46 percent also said". */
const BEFORE_VERB = new Set(['also', 'now', 'still', 'would', 'will', 'do', 'did', 'does', 'have', 'has', 'had', 'are', 'were', 'is', 'was', 'not', "n't", 'who', 'strongly', 'somewhat', 'generally', 'actually', 'really', 'either', 'already', 'largely', 'mostly']);
const QUOTE_OPEN = new Set(['"', '“', '‘', "'"]);

/** A mention while it is being built: token indexes `[a, b)`. */
interface Draft {
  a: number;
  b: number;
  type: MentionType;
  rule: string;
  headA?: number;
  headB?: number;
  entry?: KbEntry;
  kind?: ActorKind;
  country?: string;
  sector?: string;
  role?: string;
  gender?: 'm' | 'f' | 'n';
  number?: 'sg' | 'pl';
  person?: 1 | 2 | 3;
  pcase?: 'subj' | 'obj' | 'poss' | 'refl';
  us?: boolean;
  ownerA?: number;
  ownerB?: number;
  ownerEntry?: KbEntry;
}

type ElemType = 'det' | 'hon' | 'role' | 'mod' | 'kb' | 'state' | 'cap' | 'adj';

interface Elem {
  t: ElemType;
  a: number;
  b: number;
  /** For a `kb` element: the hits of the span. */
  hits?: readonly SurfaceHit[];
  sector?: string;
  us?: boolean;
  gender?: 'm' | 'f';
  plural?: boolean;
  word?: string;
  /** Followed by a possessive marker (which the element's `b` skips). */
  poss?: boolean;
}

const DETS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);
const POSS_DETS = new Set(['my', 'his', 'her', 'their', 'our', 'your', 'its']);
const QUANT = new Set(['some', 'many', 'most', 'several', 'other', 'few', 'all', 'both', 'two', 'three', 'four', 'five', 'top', 'senior', 'local', 'federal', 'state', 'former', 'unnamed', 'anonymous', 'independent', 'leading', 'prominent']);
const PARTICLES = new Set(['de', 'da', 'van', 'von', 'bin', 'al', 'la', 'le', 'del', 'di', 'du', 'dos', 'ibn', 'el', 'der', 'ter', 'den']);
const NOT_NAME = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December', 'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Aug.', 'Sept.', 'Sep.', 'Oct.', 'Nov.', 'Dec.',
  'I', 'The', 'A', 'An', 'And', 'But', 'Or', 'If', 'In', 'On', 'At', 'As', 'It', 'He', 'She', 'We', 'They', 'This', 'That', 'There', 'Mr.', 'Mrs.', 'Ms.',
  'Dr.', 'Sen.', 'Rep.', 'Gov.', 'Gen.', 'Jr.', 'Sr.', 'OK', 'TV', 'AM', 'PM', 'A.M.', 'P.M.', 'CEO', 'LGBT', 'GDP',
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'From', 'To', 'For', 'With', 'By', 'After', 'Before', 'Since', 'When', 'While', 'Where', 'What', 'Why', 'How', 'Who', 'Which', 'Although', 'Though',
  'Yet', 'So', 'Not', 'No', 'Yes', 'Our', 'Their', 'His', 'Her', 'Its', 'My', 'Your', 'These', 'Those', 'Some', 'Many', 'Most', 'All', 'Both', 'Each',
  'Every', 'Any', 'Even', 'Also', 'Only', 'Just', 'Still', 'Then', 'Now', 'Today', 'Tonight', 'Yesterday', 'Tomorrow', 'Recently', 'However', 'Meanwhile',
  'Here', 'Key', 'Points', 'Read', 'More', 'Share', 'Like', 'Follow', 'Advertisement', 'Photo', 'Video', 'Image', 'Getty', 'Images', 'AP', 'Reuters',
  'Of', 'About', 'Among', 'Over', 'Under', 'Into', 'Against', 'During', 'Without', 'Within', 'Because', 'Until', 'Unless', 'Whether', 'Do', 'Does', 'Did',
  'Is', 'Are', 'Was', 'Were', 'Will', 'Would', 'Can', 'Could', 'Should', 'May', 'Might', 'Must', 'Have', 'Has', 'Had', 'Let', 'Please', 'Thank', 'Thanks',
]);
/** Short day and month names without a dot: a date before a number, else possibly a name ("Ai Jun wrote"). */
const DATE_ABBR = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
const ORG_SUFFIX_OK = new Set(['of', 'for', 'on', 'and', '&', 'the']);
const RELATIVE_OK_BEFORE = /^[,]$/;
const IT_SKIP = new Set(['be', 'seem', 'appear', 'happen', 'remain', 'matter', 'take', 'look', 'sound', 'become', 'cost', 'mean', 'make', 'help', 'work', 'get', 'go', 'turn', 'feel', 'depend']);
const MODALS = new Set(['will', 'would', 'could', 'should', 'may', 'might', 'can', 'must', 'has', 'had', 'have', 'did', 'does']);

const STARTER_BIT = 1 << 21;
const PRONOUN_BIT = 1 << 22;
const NUMBER_BIT = 1 << 23;
const maskCache = new WeakMap<ActorLexicon, Map<string, number>>();

/** The lexicon's first-word bits plus determiners and quantifiers, pronouns and number words: one look-up per token. */
function tokenMasks(lex: ActorLexicon): Map<string, number> {
  let m = maskCache.get(lex);
  if (m) return m;
  m = new Map(lex.firstMask);
  const or = (w: string, bit: number) => m!.set(w, (m!.get(w) ?? 0) | bit);
  for (const w of [...DETS, ...QUANT, ...POSS_DETS]) or(w, STARTER_BIT);
  for (const w of lex.pronouns.keys()) or(w, PRONOUN_BIT);
  for (const w of NUMBER_WORDS) or(w, NUMBER_BIT);
  maskCache.set(lex, m);
  return m;
}

/** Scans one document for mentions of actors. Linear in the number of tokens. */
export class MentionFinder {
  private readonly s: TokenScan;
  private readonly drafts: Draft[] = [];
  private readonly pending: number[] = [];
  /** KB matches by start token (null: none), since phrases look at the same token more than once. */
  private readonly kbCache: ({ b: number; hits: readonly SurfaceHit[] } | null | undefined)[] = [];
  /** Per token: the bits of the lexicon tables whose phrases its lower-case form starts. */
  private readonly mask: Int32Array;

  constructor(
    private readonly doc: Doc,
    private readonly kb: KnowledgeBase,
    private readonly lex: ActorLexicon,
  ) {
    this.s = new TokenScan(doc);
    const n = this.s.n;
    this.mask = new Int32Array(n);
    const fm = tokenMasks(lex);
    const low = this.s.low;
    for (let i = 0; i < n; i++) this.mask[i] = fm.get(low[i]!) ?? 0;
  }

  find(): MentionRecord[] {
    const s = this.s;
    let i = 0;
    while (i < s.n) {
      if (s.ign[i] || (s.isPunct(i) && s.txt[i] !== '&')) {
        i++;
        continue;
      }
      const d = this.pronoun(i) ?? this.phrase(i) ?? this.indefinite(i) ?? this.share(i) ?? this.capRun(i);
      if (d) {
        this.drafts.push(d);
        i = Math.max(d.b, i + 1);
      } else i++;
    }
    this.resolvePending();
    return this.records();
  }

  // ---------------------------------------------------------------- matching helpers

  /** Longest phrase of a lower-case table starting at token i: its end, or -1. */
  private longest<T>(table: PhraseTable<T>, i: number, max = 6): { b: number; v: T } | undefined {
    const s = this.s;
    if (i >= s.n || !(table.bit ? this.mask[i]! & table.bit : table.first.has(s.low[i]!))) return undefined;
    let key = '';
    let best: { b: number; v: T } | undefined;
    for (let j = i; j < s.n && j < i + max; j++) {
      if (j > i) {
        if (!s.joins(j)) break;
        if (s.gap[j]) key += ' ';
      }
      key += s.low[j];
      if (!table.isPrefix(key)) break;
      const v = table.get(key);
      if (v !== undefined) best = { b: j + 1, v };
    }
    return best;
  }

  /** Longest KB surface starting at token i (case-sensitive; an all-capitals token also tried in title case). */
  private kbAt(i: number): { b: number; hits: readonly SurfaceHit[] } | undefined {
    const cached = this.kbCache[i];
    if (cached !== undefined) return cached ?? undefined;
    let r = this.kbWalk(i, false);
    if (!r && this.s.cap[i] === 2) r = this.kbWalk(i, true);
    // A derived surname right before another name word is someone's given name ("Paul" of "Paul Manafort").
    if (r && r.hits.every((h) => h.how === 'surname') && this.nameGoesOn(r.b)) r = undefined;
    this.kbCache[i] = r ?? null;
    return r;
  }

  /** True when token b continues a personal name: a capitalised word on the same line that starts no title or phrase. */
  private nameGoesOn(b: number): boolean {
    const s = this.s;
    return b < s.n && s.gap[b] === 1 && s.joins(b) && this.isCapWord(b) && s.cap[b] !== 2 && !(this.mask[b]! & ANY_FIRST_BIT) && !s.isPossessive(b) && !s.isVerb(b);
  }

  private kbWalk(i: number, titleCase: boolean): { b: number; hits: readonly SurfaceHit[] } | undefined {
    const s = this.s;
    const kb = this.kb;
    let key = '';
    let best: { b: number; hits: readonly SurfaceHit[] } | undefined;
    const max = kb.maxWords * 2 + 2;
    for (let j = i; j < s.n && j < i + max; j++) {
      if (j > i) {
        if (!s.joins(j)) break;
        if (s.gap[j]) key += ' ';
      }
      let w = s.nk[j]!;
      if (titleCase && s.cap[j] === 2 && !w.includes('.')) w = w[0] + w.slice(1).toLowerCase();
      key += w;
      if (!kb.isPrefix(key)) break;
      const hits = kb.lookup(key);
      if (hits) best = { b: j + 1, hits };
    }
    // A match must end on a word boundary: "EU" in "EU-Russia" is fine, "Russia" in "Russian" cannot happen with tokens.
    return best;
  }

  private isCapWord(i: number): boolean {
    const s = this.s;
    if (i >= s.n || !s.cap[i] || s.ign[i]) return false;
    const w = s.txt[i]!;
    // "Won’t" is tokenised "Wo" + "n’t": a verb, not a name.
    if (i + 1 < s.n && s.gap[i + 1] === 0 && (s.nk[i + 1] === "n't" || s.nk[i + 1] === "N'T")) return false;
    if (NOT_NAME.has(w)) return DATE_ABBR.has(w) && !s.first[i] && i + 1 < s.n && !/^[\d.]/.test(s.txt[i + 1]!);
    return /[A-Za-z\u00c0-\u024f]/.test(w);
  }

  private isInitial(i: number): boolean {
    return /^[A-Z]\.$/.test(this.s.txt[i] ?? '');
  }

  /** A personal name starting at token i: capitalised words, initials, particles, hyphens. Returns its end or -1. */
  private nameAt(i: number): number {
    const s = this.s;
    if (!this.isCapWord(i) || this.longest(this.lex.roles, i) || this.longest(this.lex.honorifics, i)) return -1;
    let k = i;
    let words = 0;
    while (k < s.n && words < 5) {
      if (k > i && !s.joins(k)) break;
      if (this.isCapWord(k) && !(k > i && s.cap[k] === 2 && s.cap[i] !== 2 && s.txt[k]!.length > 3 && !s.txt[k]!.includes('.'))) {
        if (k > i && s.gap[k] === 0 && !s.txt[k - 1]!.endsWith('-')) break;
        k++;
        words++;
      } else if (k > i && PARTICLES.has(s.txt[k]!) && this.isCapWord(k + 1) && s.joins(k + 1)) k++;
      else if (k > i && s.txt[k] === '-' && s.gap[k] === 0 && s.gap[k + 1] === 0 && this.isCapWord(k + 1)) k++;
      else break;
    }
    while (k > i && s.txt[k - 1] === '-') k--;
    return k > i ? k : -1;
  }

  // ---------------------------------------------------------------- pronouns

  private pronoun(i: number): Draft | undefined {
    const s = this.s;
    const lw = s.low[i]!;
    if (!(this.mask[i]! & PRONOUN_BIT)) return undefined;
    const p = this.lex.pronouns.get(lw);
    if (!p) return undefined;
    const w = s.txt[i]!;
    if (w !== lw && !(w === 'I') && w !== lw[0]!.toUpperCase() + lw.slice(1)) return undefined;
    if (w === 'I' || lw === 'i') {
      if (w !== 'I') return undefined;
    }
    if (p.relative) {
      // "who"/"which" after a comma or a noun refers back; a question's "Who …?" does not.
      if (s.first[i]) return undefined;
      const prev = i - 1;
      if (lw === 'which' && !RELATIVE_OK_BEFORE.test(s.txt[prev] ?? '')) return undefined;
      if (lw === 'who' && !(RELATIVE_OK_BEFORE.test(s.txt[prev] ?? '') || s.isNoun(prev))) return undefined;
    }
    if (lw === 'it') {
      // Expletive "it" ("it is pertinent", "it would be useful") is no mention.
      const next = i + 1;
      if (next >= s.n || !s.isVerb(next)) return undefined;
      let v = next;
      if (MODALS.has(s.low[v]!)) v++;
      while (v < s.n && (s.low[v] === 'not' || s.low[v] === 'also')) v++;
      if (v >= s.n || IT_SKIP.has(s.lemma(v)) || s.low[v] === "'s") return undefined;
    }
    if (lw === 'us' && s.cap[i]) return undefined;
    // "my father", "his aides": the phrase names someone else, found as a nominal.
    if (p.case === 'poss' && !p.relative && (this.longest(this.lex.roles, i + 1) || this.longest(this.lex.groups, i + 1))) return undefined;
    return {
      a: i,
      b: i + 1,
      type: 'pronoun',
      rule: 'pronoun',
      ...(p.gender ? { gender: p.gender } : {}),
      ...(p.number ? { number: p.number } : {}),
      person: p.person,
      pcase: p.case,
    };
  }

  // ---------------------------------------------------------------- phrases

  /** Reads the words before a head: determiners, honorifics, roles, modifiers, KB names, US states, owners. */
  private chain(i: number): Elem[] {
    const s = this.s;
    const lex = this.lex;
    const out: Elem[] = [];
    let j = i;
    for (let steps = 0; steps < 8 && j < s.n; steps++) {
      if (j > i && !s.joins(j)) break;
      const kb = s.cap[j] || s.low[j] === 'the' ? this.kbAt(j) : undefined;
      // A KB name directly followed by a title word is a modifier ("Kremlin spokesman"); so is one before a possessive.
      if (kb) {
        const e: Elem = { t: 'kb', a: j, b: kb.b, hits: kb.hits };
        if (s.isPossessive(kb.b)) {
          e.poss = true;
          e.b = kb.b + 1;
        }
        out.push(e);
        j = e.b;
        if (e.poss) continue;
        continue;
      }
      if (s.cap[j]) {
        const h = this.longest(lex.honorifics, j);
        if (h && (h.b - j > 1 || s.txt[j]!.endsWith('.') || !s.txt[j]!.includes('.'))) {
          out.push({ t: 'hon', a: j, b: h.b, ...(h.v.sector ? { sector: h.v.sector } : {}), ...(h.v.us ? { us: true } : {}), ...(h.v.gender ? { gender: h.v.gender } : {}), word: h.v.role ?? '' });
          j = h.b;
          if (this.nameAt(j) > 0) break;
          continue;
        }
      }
      const role = this.longest(lex.roles, j);
      const mod = this.longest(lex.modifiers, j);
      const adj0 = out.every((e) => e.t === 'det' || e.t === 'adj') ? this.longest(lex.orgAdjectives, j) : undefined;
      if (adj0 && adj0.b > (mod?.b ?? 0) && adj0.b > (role?.b ?? 0)) {
        out.push({ t: 'adj', a: j, b: adj0.b });
        j = adj0.b;
        continue;
      }
      if (role && (!mod || role.b >= mod.b)) {
        out.push({ t: 'role', a: j, b: role.b, ...(role.v.sector ? { sector: role.v.sector } : {}), ...(role.v.us ? { us: true } : {}), ...(role.v.gender ? { gender: role.v.gender } : {}), plural: role.v.plural, word: role.v.word });
        j = role.b;
        if (s.isPossessive(j) || (!role.v.plural && this.nameAt(j) > 0)) break;
        continue;
      }
      if (mod) {
        out.push({ t: 'mod', a: j, b: mod.b, ...(mod.v.sector ? { sector: mod.v.sector } : {}), ...(mod.v.us ? { us: true } : {}), word: mod.v.word });
        j = mod.b;
        continue;
      }
      if (out.length === 0 && (DETS.has(s.low[j]!) || POSS_DETS.has(s.low[j]!))) {
        out.push({ t: 'det', a: j, b: j + 1, word: s.low[j]! });
        j++;
        continue;
      }
      const adj = this.longest(lex.orgAdjectives, j);
      if (adj && (out.length === 0 || out.every((e) => e.t === 'det' || e.t === 'adj'))) {
        out.push({ t: 'adj', a: j, b: adj.b });
        j = adj.b;
        continue;
      }
      if (s.cap[j]) {
        const st = this.longest(lex.usStates, j);
        if (st && (this.longest(lex.roles, st.b) || this.longest(lex.honorifics, st.b) || this.longest(lex.modifiers, st.b))) {
          out.push({ t: 'state', a: j, b: st.b, us: true });
          j = st.b;
          continue;
        }
        // An unknown capitalised owner: "Clinton campaign", "Harvard professor", "Trump's spokesman".
        const end = this.nameAt(j);
        if (end > 0 && end - j <= 3) {
          const poss = s.isPossessive(end);
          const after = poss ? end + 1 : end;
          if (poss || this.longest(lex.roles, after) || this.longest(lex.modifiers, after) || this.longest(lex.orgNouns, after) || this.longest(lex.documents, after)) {
            out.push({ t: 'cap', a: j, b: after, ...(poss ? { poss: true } : {}) });
            j = after;
            continue;
          }
        }
      }
      break;
    }
    return out;
  }

  private phrase(i: number): Draft | undefined {
    const s = this.s;
    const lex = this.lex;
    if (!s.cap[i] && !(this.mask[i]! & (ANY_FIRST_BIT | STARTER_BIT))) return undefined;
    const elems = this.chain(i);
    if (!elems.length) {
      // A bare document that acts: "Polls show …", "research suggests …".
      const doc = this.longest(lex.documents, i);
      if (doc && ((s.isVerb(doc.b) && !s.isNoun(doc.b)) || this.verbLike(doc.b))) return this.finish({ a: i, b: doc.b, type: 'document', rule: 'document', number: 'sg' });
      return this.groupHead(i, i, []) ?? undefined;
    }
    const last = elems[elems.length - 1]!;
    const k = last.b;
    const info = (): ReturnType<MentionFinder['summarise']> => this.summarise(elems);
    // 1. Title + name: "Kremlin Spokesman Dmitry Peskov", "Sen. Ted Cruz", "Mr. Lavrov".
    if ((last.t === 'hon' || (last.t === 'role' && !last.plural)) && !last.poss) {
      const nameEnd = this.nameAt(k);
      if (nameEnd > 0 && !(s.titled[k] && last.t === 'role' && !s.cap[last.a])) {
        const kbName = this.kbAt(k);
        const entry = kbName && kbName.b === nameEnd ? kbName.hits.find((h) => h.entry.kind === 'person')?.entry : undefined;
        if (!(kbName && kbName.b >= nameEnd && !entry)) {
          const a = elems[0]!.t === 'det' && elems.length > 1 ? elems[0]!.a : elems[0]!.a;
          return this.finish({
            a,
            b: nameEnd,
            type: 'title-name',
            rule: last.t === 'hon' && elems.length === 1 ? 'honorific-name' : 'title-name',
            headA: k,
            headB: nameEnd,
            kind: 'person',
            number: 'sg',
            ...(entry ? { entry } : {}),
            ...info(),
          });
        }
      }
    }
    // 2. Head nouns after the words before them.
    const onlyDet = elems.every((e) => e.t === 'det');
    const group = this.groupHead(i, k, elems);
    if (group) return group;
    const hasDet = elems[0]!.t === 'det' || elems.some((e) => e.poss);
    const hasMod = elems.some((e) => e.t !== 'det' && e.t !== 'adj');
    // A person named by role: "the spokesman", "French President", "the Republican nominee".
    if (last.t === 'role' && !last.plural && !s.isNoun(k) && (hasDet || elems.length > 1) && !s.isPossessive(k) && !this.nextIsName(k)) {
      return this.finish({ a: elems[0]!.a, b: k, type: 'nominal', rule: 'role-nominal', headA: last.a, headB: last.b, kind: 'person', number: 'sg', ...info() });
    }
    // An organisation, an outlet or a document named by its head noun.
    const orgHead = this.longest(lex.orgNouns, k);
    const docHead = this.longest(lex.documents, k);
    const kbElems = elems.filter((e) => e.t === 'kb');
    const owner = elems.find((e) => e.t === 'kb' || e.t === 'cap');
    if (orgHead && !orgHead.v.plural && (hasDet || hasMod) && !s.isNoun(orgHead.b) && !onlyDetA(elems)) {
      const media = kbElems.length === 1 && this.isOrgLike(kbElems[0]!.hits![0]!.entry) && lex.mediaDescriptors.get(this.keyOf(k, orgHead.b).toLowerCase());
      if (media) return this.kbDraft(elems, kbElems[0]!, orgHead.b, 'kb-described');
      return this.finish({
        a: elems[0]!.a,
        b: orgHead.b,
        type: 'nominal',
        rule: 'org-nominal',
        headA: k,
        headB: orgHead.b,
        kind: 'organization',
        number: 'sg',
        ...info(),
        ...(orgHead.v.sector && !info().sectorFromOrg ? { sector: orgHead.v.sector } : {}),
        ...(owner ? this.ownerOf(owner) : {}),
      });
    }
    // A mod that is itself an organisation noun, last after a determiner: "the campaign", "the government".
    if (last.t === 'mod' && hasDet && !s.isNoun(k)) {
      const o = lex.orgNouns.get(this.keyOf(last.a, last.b).toLowerCase());
      if (o) {
        return this.finish({ a: elems[0]!.a, b: k, type: 'nominal', rule: 'org-nominal', headA: last.a, headB: k, kind: 'organization', number: 'sg', ...info(), ...(o.sector ? { sector: o.sector } : {}), ...(owner ? this.ownerOf(owner) : {}) });
      }
    }
    if (docHead && (hasDet || hasMod) && (!s.isNoun(docHead.b) || this.verbLike(docHead.b))) {
      return this.finish({ a: elems[0]!.a, b: docHead.b, type: 'document', rule: 'document', headA: k, headB: docHead.b, number: 'sg', ...info(), ...(owner ? this.ownerOf(owner) : {}) });
    }
    // A KB name on its own (with "the", organisation adjectives, or a possessive).
    const firstKb = elems.findIndex((e) => e.t === 'kb');
    if (firstKb >= 0 && elems.slice(0, firstKb).every((e) => e.t === 'det' || e.t === 'adj')) {
      const e = elems[firstKb]!;
      let end = e.poss ? e.b - 1 : e.b;
      // An outlet with its descriptor: "TASS news agency".
      const desc = this.longest(lex.mediaDescriptors, e.b);
      if (!e.poss && desc && this.isOrgLike(e.hits![0]!.entry) && !s.isNoun(desc.b)) end = desc.b;
      const d = this.kbDraft(elems.slice(0, firstKb + 1), e, end, end > e.b ? 'kb-described' : 'kb');
      if (d) return d;
    }
    if (elems[0]!.t === 'det' || elems[0]!.t === 'adj') return undefined;
    return undefined;
  }

  /** Plural group heads: "experts", "Russian officials", "European leaders", "Senate Republicans". */
  private groupHead(i: number, k: number, elems: Elem[]): Draft | undefined {
    const s = this.s;
    const lex = this.lex;
    let a = i;
    let j = k;
    // Quantifiers and adjectives before a group noun: "some experts", "senior officials".
    while (j < s.n && QUANT.has(s.low[j]!) && (j === k || s.joins(j))) j++;
    const last = elems[elems.length - 1];
    let head: { b: number; sector?: string; place: boolean; word: string } | undefined;
    const g = j < s.n && (j === i || s.joins(j)) ? this.longest(lex.groups, j) : undefined;
    const lastAsGroup = last && last.t === 'mod' && j === k && !g ? lex.groups.get(this.keyOf(last.a, last.b).toLowerCase()) : undefined;
    if (g) head = { b: g.b, ...(g.v.sector ? { sector: g.v.sector } : {}), place: g.v.place, word: g.v.word };
    else if (lastAsGroup && last) {
      head = { b: k, ...(lastAsGroup.sector ? { sector: lastAsGroup.sector } : {}), place: lastAsGroup.place, word: lastAsGroup.word };
      j = last.a;
    }
    else if (last && last.t === 'role' && last.plural && j === k) {
      const asGroup = lex.groups.get(this.keyOf(last.a, last.b).toLowerCase());
      head = { b: k, ...(last.sector ? { sector: last.sector } : {}), place: asGroup?.place ?? false, word: last.word ?? '' };
      j = last.a;
    }
    if (!head) return undefined;
    if (s.isNoun(head.b) && !s.isPossessive(head.b) && !this.verbLike(head.b)) return undefined;
    if (head.word === 'people' && !elems.some((e) => e.t === 'kb') && !this.speechAfter(head.b) && !this.verbLike(head.b)) return undefined;
    if (g?.v.needsDet && elems[0]?.t !== 'det' && !elems.some((e) => e.poss)) return undefined;
    // "the"/"these"/"those" belong to a plural group's mention; "that"/"a" before one do not.
    if (elems[0]?.t === 'det' && !(elems[0].word === 'the' || elems[0].word === 'these' || elems[0].word === 'those')) a = elems[1]?.a ?? j;
    const info = this.summarise(elems);
    const kbElem = elems.find((e) => e.t === 'kb');
    const place = kbElem?.hits?.find((h) => h.how === 'demonym' || h.how === 'name' || h.how === 'capital');
    if (place && head.place && (place.entry.kind === 'country' || place.entry.kind === 'region' || place.entry.kind === 'igo')) {
      return this.finish({ a, b: head.b, type: 'collective', rule: 'place-group', headA: j, headB: head.b, entry: place.entry, kind: place.entry.kind === 'igo' ? 'igo' : (place.entry.kind as ActorKind), number: 'pl', ...info });
    }
    return this.finish({
      a,
      b: head.b,
      type: 'collective',
      rule: 'group',
      headA: j,
      headB: head.b,
      kind: 'group',
      number: 'pl',
      ...info,
      ...(head.sector && !info.sectorFromOrg ? { sector: head.sector } : {}),
    });
  }

  private nextIsName(k: number): boolean {
    return this.nameAt(k) > 0;
  }

  private keyOf(a: number, b: number): string {
    const s = this.s;
    let key = '';
    for (let j = a; j < b; j++) key += (j > a && s.gap[j] ? ' ' : '') + s.txt[j];
    return key;
  }

  private isOrgLike(e: KbEntry): boolean {
    return e.kind === 'organization' || e.kind === 'media' || e.kind === 'igo';
  }

  private ownerOf(e: Elem): Pick<Draft, 'ownerA' | 'ownerB' | 'ownerEntry'> {
    const end = e.poss ? e.b - 1 : e.b;
    const entry = e.hits?.[0]?.entry;
    return { ownerA: e.a, ownerB: end, ...(entry ? { ownerEntry: entry } : {}) };
  }

  /** Country, sector, role words and US marks from the words before a head. */
  private summarise(elems: Elem[]): Partial<Draft> & { sectorFromOrg?: boolean } {
    const s = this.s;
    let country: string | undefined;
    let sector: string | undefined;
    let sectorFromOrg = false;
    let us = false;
    let gender: 'm' | 'f' | undefined;
    const roleParts: string[] = [];
    let roleStart = -1;
    let roleEnd = -1;
    for (const e of elems) {
      if (e.us) us = true;
      if (e.gender) gender = e.gender;
      if (e.t === 'kb') {
        const h = e.hits![0]!;
        if (h.entry.country && h.entry.kind !== 'person') country ??= h.entry.country;
        if (h.entry.kind !== 'country' && h.entry.kind !== 'person' && h.entry.sector && h.how !== 'demonym') {
          sector = h.entry.sector;
          sectorFromOrg = true;
        }
        if (h.entry.country === 'USA') us = true;
      }
      if (e.t === 'mod' && e.sector) {
        sector = e.sector;
        sectorFromOrg = true;
      }
      if ((e.t === 'role' || e.t === 'hon') && e.sector && !sectorFromOrg) sector = e.sector;
      if (e.t !== 'det' && e.t !== 'adj') {
        if (roleStart < 0) roleStart = e.a;
        roleEnd = e.poss ? e.b - 1 : e.b;
      }
      if (e.t === 'hon' && e.word) roleParts.push(e.word);
    }
    const lastRole = [...elems].reverse().find((e) => e.t === 'role' || (e.t === 'hon' && e.word));
    let role: string | undefined;
    if (lastRole && roleStart >= 0) {
      const from = elems.find((e) => e.t !== 'det' && e.t !== 'adj' && !(e.t === 'kb' && e.hits![0]!.how === 'demonym') && e.t !== 'state' && !(e.t === 'hon' && !e.word));
      role = lastRole.t === 'hon' ? lastRole.word : this.keyOf(from ? from.a : roleStart, lastRole.b).replace(/^(?:the|a|an)\s+/i, '');
    }
    void s;
    return {
      ...(country ? { country } : {}),
      ...(sector ? { sector } : {}),
      ...(sectorFromOrg ? { sectorFromOrg } : {}),
      ...(us ? { us } : {}),
      ...(gender ? { gender } : {}),
      ...(role ? { role } : {}),
    };
  }

  private kbDraft(elems: Elem[], e: Elem, end: number, rule: string): Draft | undefined {
    const s = this.s;
    const hits = e.hits!;
    const h = hits[0]!;
    const entry = h.entry;
    // Skip a KB word inside a longer capitalised name of an organisation ("Washington Post").
    if (!e.poss && end === e.b && entry.kind !== 'person') {
      const runEnd = this.nameAt(e.b);
      if (runEnd > 0 && s.gap[e.b] === 1 && this.orgHeadIn(e.b, runEnd)) return undefined;
    }
    let a = elems[0]!.a;
    if (elems[0]!.t === 'det' && elems[0]!.word !== 'the') a = e.a;
    if (elems[0]!.t === 'det' && !(h.how === 'metonym' || h.how === 'capital' || h.how === 'collective' || h.how === 'people' || entry.kind !== 'person')) a = e.a;
    let type: MentionType = 'name';
    if (h.how === 'metonym' || h.how === 'capital') type = entry.kind === 'country' ? 'metonym' : 'metonym';
    else if (h.how === 'demonym') type = 'demonym';
    else if (h.how === 'people' || h.how === 'collective') type = 'collective';
    const kind = kindOfEntry(entry);
    return this.finish({
      a,
      b: end,
      type,
      rule: `${rule}-${h.how}`,
      headA: e.a,
      headB: e.poss ? e.b - 1 : e.b,
      entry,
      kind,
      ...(entry.country ? { country: entry.country } : {}),
      ...(entry.sector ? { sector: entry.sector } : {}),
      ...(entry.gender ? { gender: entry.gender } : {}),
      number: type === 'collective' ? 'pl' : 'sg',
      ...(entry.country === 'USA' ? { us: true } : {}),
    });
  }

  private orgHeadIn(a: number, b: number): boolean {
    for (let j = a; j < b; j++) if (this.lex.orgNouns.get(this.s.low[j]!)) return true;
    return false;
  }

  /** A verb of speaking or reporting by its surface form, whatever the tagger made of it ("critics charge", "polls show"). */
  private verbLike(j: number): boolean {
    const s = this.s;
    return j < s.n && s.joins(j) && (this.lex.reportVerbs.has(s.low[j]!) || (this.lex.speechVerbs.has(s.low[j]!) && !s.isPossessive(j)));
  }

  /** After a subject ending at token k: skips adverbs and auxiliaries, then true for a verb of speaking or of holding a view. */
  private speaksOrHolds(k: number): boolean {
    const s = this.s;
    let j = k;
    for (let step = 0; step < 3 && j < s.n && BEFORE_VERB.has(s.low[j]!); step++) j++;
    if (j >= s.n || !s.joins(j)) return false;
    if (this.verbLike(j)) return true;
    if (!s.isVerb(j)) return this.lex.opinionVerbs.has(s.low[j]!);
    const lem = s.lemma(j);
    return this.lex.speechVerbs.has(lem) || this.lex.opinionVerbs.has(lem);
  }

  // ---------------------------------------------------------------- indefinites and shares

  /** "Some said", "others argue", "no one knows": people that speak without a name. */
  private indefinite(i: number): Draft | undefined {
    const s = this.s;
    const ind = this.longest(this.lex.indefinites, i);
    if (!ind) return undefined;
    let k = ind.b;
    // "some of them", "many of those", "both of whom"
    if (s.low[k] === 'of' && (s.low[k + 1] === 'them' || s.low[k + 1] === 'those' || s.low[k + 1] === 'us' || s.low[k + 1] === 'whom')) k += 2;
    if (!this.speaksOrHolds(k)) return undefined;
    const sg = ind.v.number === 'sg';
    return this.finish({ a: i, b: ind.b, type: sg ? 'nominal' : 'collective', rule: 'indefinite', headA: i, headB: ind.b, kind: sg ? 'person' : 'group', number: ind.v.number, sector: 'CVL' });
  }

  private isNumber(j: number): boolean {
    const s = this.s;
    if (j >= s.n) return false;
    if (s.pos[j] === NUM) return true;
    const w = s.low[j]!;
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) return true;
    return !!(this.mask[j]! & NUMBER_BIT) || (w.includes('-') && /^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-/.test(w));
  }

  /** A share of people that speaks or holds a view: "46 percent of voters said", "six in 10 support", "a majority believe". */
  private share(i: number): Draft | undefined {
    const s = this.s;
    const lex = this.lex;
    let b: number;
    if (this.isNumber(i)) {
      const j = i + 1;
      if (j < s.n && s.low[j] === 'in' && this.isNumber(j + 1)) b = j + 2;
      else if (s.low[j] === 'out' && s.low[j + 1] === 'of' && this.isNumber(j + 2)) b = j + 3;
      else {
        const sw = j < s.n && s.joins(j) ? this.longest(lex.shareWords, j) : undefined;
        if (!sw) return undefined;
        b = sw.b;
      }
    } else {
      if (!(this.mask[i]! & lex.shareWords.bit) || s.low[i] === 'percent' || s.low[i] === '%') return undefined;
      const sw = this.longest(lex.shareWords, i);
      if (!sw) return undefined;
      b = sw.b;
    }
    let k = b;
    if (s.low[k] === 'of') {
      k++;
      for (let guard = 0; guard < 8 && k < s.n && s.joins(k) && !s.isVerb(k) && !s.isPunct(k); guard++) k++;
    }
    if (!this.speaksOrHolds(k)) return undefined;
    return this.finish({ a: i, b, type: 'collective', rule: 'share', headA: i, headB: b, kind: 'group', number: 'pl', sector: 'CVL' });
  }

  // ---------------------------------------------------------------- unknown capitalised names

  private capRun(i: number): Draft | undefined {
    const s = this.s;
    if (!this.isCapWord(i)) return undefined;
    if (s.first[i] && !s.isPropn(i)) return undefined;
    let b = this.nameAt(i);
    if (b < 0) return undefined;
    // In a title-case line only a surname known from the text counts ("Stated Stone:").
    if (s.titled[i]) {
      if (b === i + 1) this.pending.push(i);
      return undefined;
    }
    // Organisation names may run on with "of", "for", "and": "Roper Center for Public Opinion Research".
    let hasOrgHead = this.orgHeadIn(i, b);
    for (let guard = 0; guard < 3; guard++) {
      const c = s.low[b];
      if (!hasOrgHead || !c || !ORG_SUFFIX_OK.has(c) || !s.joins(b) || !this.isCapWord(b + 1) || !s.joins(b + 1)) break;
      const b2 = this.nameAt(b + 1);
      if (b2 < 0) break;
      b = b2;
    }
    hasOrgHead = this.orgHeadIn(i, b);
    // A party-and-state label ("R-IN", "D-N.Y."): no actor of its own.
    if (b - i === 3 && s.txt[i + 1] === '-' && /^[RDI]$/.test(s.txt[i]!) && s.cap[i + 2] === 2) return undefined;
    // A US state named on its own: the state (its government), a region of the USA.
    const state = this.longest(this.lex.usStates, i);
    if (state && state.b === b && !hasOrgHead) {
      let a0 = i;
      if (i > 0 && s.low[i - 1] === 'the' && s.joins(i) && !s.ign[i - 1]) a0 = i - 1;
      return this.finish({ a: a0, b, type: 'name', rule: 'us-state', headA: i, headB: b, kind: 'region', country: 'USA', us: true, number: 'sg' });
    }
    let a = i;
    if (i > 0 && s.low[i - 1] === 'the' && s.joins(i) && !s.ign[i - 1]) a = i - 1;
    const w = s.txt[i]!;
    const words = b - i;
    if (hasOrgHead) {
      let sector: string | undefined;
      for (let j = i; j < b; j++) sector = this.lex.orgNouns.get(s.low[j]!)?.sector ?? sector;
      let country: string | undefined;
      for (let j = i; j < b; j++) {
        const c = this.kb.countryOfDemonym(s.txt[j]!) ?? this.kb.lookup(s.nk[j]!)?.find((h) => h.entry.kind === 'country')?.entry;
        if (c?.country) {
          country = c.country;
          break;
        }
      }
      const us = this.isUsName(i, b);
      return this.finish({ a, b, type: 'name', rule: 'org-name', headA: i, headB: b, kind: 'organization', number: 'sg', ...(sector ? { sector } : {}), ...(country ? { country } : us ? { country: 'USA', us: true } : {}) });
    }
    if (words === 1 && /^(?:[A-Z]\.){2,}$/.test(w) && !this.kb.lookup(s.nk[i]!)) {
      return this.finish({ a, b, type: 'name', rule: 'acronym', headA: i, headB: b, kind: 'organization', number: 'sg' });
    }
    if (words === 1 && s.cap[i] === 2 && s.txt[b] === ':' && (s.gap[i] === 2 || (i > 0 && s.gap[i] === 0 && s.gap[i - 1] === 2 && QUOTE_OPEN.has(s.txt[i - 1]!)))) {
      return this.finish({ a: i, b, type: 'name', rule: 'speaker-label', headA: i, headB: b, kind: 'person', number: 'sg' });
    }
    if (words === 1 && (s.cap[i] === 2 || /^[A-Z][a-z]+[A-Z]/.test(w)) && !/^(?:Mc|Mac|De|Di|Du|La|Le|O')/.test(w)) {
      // An acronym or a camel-case brand: an organisation, when it acts ("PolitiFact said").
      if (s.cap[i] === 2 && this.speechAfter(b)) {
        this.pending.push(i);
        return undefined;
      }
      if (s.cap[i] === 2 && w.length <= 6 && !s.titled[i] && !s.isNoun(b)) return this.finish({ a: i, b, type: 'name', rule: 'acronym', headA: i, headB: b, kind: 'organization', number: 'sg' });
      if (s.cap[i] !== 2) return this.finish({ a: i, b, type: 'name', rule: 'camel-name', headA: i, headB: b, kind: 'organization', number: 'sg' });
      return undefined;
    }
    if (words === 1) {
      this.pending.push(i);
      return undefined;
    }
    if (s.isPossessive(b) || !s.isNoun(b) || s.isPropn(b - 1)) {
      return this.finish({ a: i, b, type: 'name', rule: 'person-name', headA: i, headB: b, kind: 'person', number: 'sg' });
    }
    return undefined;
  }

  private isUsName(a: number, b: number): boolean {
    for (let j = a; j < b; j++) if (this.lex.usWords.has(this.s.txt[j]!)) return true;
    return false;
  }

  private speechAfter(b: number): boolean {
    const s = this.s;
    for (let j = b; j < s.n && j < b + 3; j++) {
      if (s.isPossessive(j)) return false;
      if ((s.isVerb(j) && this.lex.speechVerbs.has(s.lemma(j))) || this.lex.reportVerbs.has(s.low[j]!)) return true;
      if (!(s.low[j] === 'has' || s.low[j] === 'had' || s.low[j] === 'also' || s.low[j] === 'later' || s.low[j] === 'then')) return false;
    }
    return false;
  }

  private speechBefore(i: number): boolean {
    const s = this.s;
    if (i >= 2 && s.low[i - 2] === 'according' && s.low[i - 1] === 'to') return true;
    return i >= 1 && s.isVerb(i - 1) && this.lex.speechVerbs.has(s.lemma(i - 1)) && (i < 2 || /[,”"’']$/.test(s.txt[i - 2]!));
  }

  /** Single capitalised words: a known surname, or a word that speaks ("Caddell said"). */
  private resolvePending(): void {
    if (!this.pending.length) return;
    const s = this.s;
    const surnames = new Set<string>();
    for (const d of this.drafts) {
      if (d.kind === 'person' && d.headB !== undefined) surnames.add(s.nk[d.headB - 1]!);
    }
    const taken = new Set<number>();
    for (const d of this.drafts) for (let j = d.a; j < d.b; j++) taken.add(j);
    for (const i of this.pending) {
      if (taken.has(i)) continue;
      const w = s.txt[i]!;
      const title = s.cap[i] === 2 ? w[0] + w.slice(1).toLowerCase() : w;
      const known = surnames.has(s.nk[i]!) || surnames.has(title);
      if (!known && s.titled[i]) continue;
      if (!known && !this.speechAfter(i + 1) && !this.speechBefore(i)) continue;
      const org = s.cap[i] === 2 && !known && !(s.txt[i + 1] === ':');
      this.drafts.push(this.finish({ a: i, b: i + 1, type: 'name', rule: known ? 'surname' : 'speaker-name', headA: i, headB: i + 1, kind: org ? 'organization' : 'person', number: 'sg' }));
    }
    this.drafts.sort((x, y) => x.a - y.a || y.b - x.b);
  }

  private finish(d: Draft & { sectorFromOrg?: boolean }): Draft {
    delete d.sectorFromOrg;
    return d;
  }

  private records(): MentionRecord[] {
    const s = this.s;
    const text = s.text;
    const out: MentionRecord[] = [];
    for (const d of this.drafts) {
      const start = s.starts[d.a]!;
      const end = s.ends[d.b - 1]!;
      // Every field in one fixed order (absent ones undefined), so records share one shape.
      const rec: MentionRecord = {
        start,
        end,
        text: text.slice(start, end),
        type: d.type,
        head: d.headA !== undefined && d.headB !== undefined && (d.headA !== d.a || d.headB !== d.b) ? { start: s.starts[d.headA]!, end: s.ends[d.headB - 1]! } : undefined,
        actor: undefined,
        kbId: d.entry?.id,
        kind: d.kind,
        country: d.country || undefined,
        sector: d.sector || undefined,
        role: d.role || undefined,
        gender: d.gender,
        number: d.number,
        person: d.person,
        case: d.pcase,
        us: d.us || undefined,
        owner:
          d.ownerA !== undefined && d.ownerB !== undefined
            ? { start: s.starts[d.ownerA]!, end: s.ends[d.ownerB - 1]!, ...(d.ownerEntry ? { kbId: d.ownerEntry.id } : {}) }
            : undefined,
        rule: d.rule,
      };
      out.push(rec);
    }
    return out;
  }
}

function onlyDetA(elems: Elem[]): boolean {
  return elems.length === 1 && elems[0]!.t === 'det' && elems[0]!.word !== 'the';
}

/** The actor kind of a KB entry as the Analysis prints it (an outlet is an organisation of sector MED). */
export function kindOfEntry(e: KbEntry): ActorKind {
  if (e.kind === 'media') return 'organization';
  return e.kind;
}
