import type { Doc } from '../../doc/doc.js';
import type { ActorKind, ActorRecord } from '../../doc/records.js';
import { makeSpan } from '../../doc/span.js';
import { POS_TAGS } from '../../doc/tokens.js';
import type { KbEntry } from '../../kb/kb-schema.js';
import { normKey, type KnowledgeBase } from '../../kb/knowledge-base.js';
import { hasTitleModifier, surnameOf, titleCore } from '../../kb/person-names.js';
import type { ActorLexicon } from '../mentions/actor-lexicon.js';
import { kindOfEntry } from '../mentions/mention-finder.js';
import type { MentionRecord } from '../mentions/mention-record.js';

/** An actor while mentions are being tied to it. */
interface Cluster {
  id: string;
  name: string;
  kind: ActorKind;
  country?: string;
  /** Where `country` came from: the KB entry, or words of the text. */
  countryFrom?: 'kb' | 'text';
  sector?: string;
  role?: string;
  kbId?: string;
  gender?: 'm' | 'f' | 'n';
  plural: boolean;
  us: boolean;
  mentions: number[];
  /** Last words of names it was called by (for a later bare surname). */
  surnames: Set<string>;
  /** Full names it was called by, normalised. */
  names: Set<string>;
  /** Role and head nouns, lower case ("spokesman", "agency", "campaign", "poll"). */
  heads: Set<string>;
  lastPos: number;
  /** Sentence of `lastPos`. */
  lastSent: number;
  /** Position of its last mention as the subject of a speech verb. */
  lastSpoke: number;
  /** Sentences that this actor opens (a rough subject). */
  subjectOf?: Set<number>;
}

const QUOTE_OPEN = new Set(['“', '"', '«', '‘']);
const VERB = POS_TAGS.indexOf('VERB');
const AUX = POS_TAGS.indexOf('AUX');
const PROPN = POS_TAGS.indexOf('PROPN');
const NUM = POS_TAGS.indexOf('NUM');
/** Words between a name and its speech verb ("Peskov also said", "Trump on Monday said"). */
const STEP_WORDS = new Set(['also', 'has', 'had', 'later', 'then', 'on']);
const QUOTE_CLOSE = new Set(['”', '"', '»', '’']);
const NEUTER_KINDS = new Set<ActorKind>(['organization', 'country', 'igo', 'region', 'media']);
const DET_PREFIX = /^(?:the|a|an|this|that|these|those|some|many|most|several|other|few|all|both)\s+/i;

export function slugify(s: string): string {
  const base = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'actor';
}

/** The surname of a name found in a text ("King" of "Martin Luther King Jr.", "Le Pen"), or the name itself when it is one word. */
function textSurname(name: string, country?: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return normKey(words[0]!);
  return normKey(surnameOf(name, { scope: 'text', country }) ?? words[words.length - 1]!);
}

const FUNCTION_WORDS = new Set(['of', 'for', 'the', 'and', 'to', 'on']);

/**
 * The keys a role is found by later ("the spokesman", "the vice president"): the role and its
 * shorter endings ("Kremlin spokesman", "spokesman"), and before "of" its head ("secretary" of
 * "secretary of state") — but no ending that drops a modifier ("prime minister" is no key of
 * "deputy prime minister").
 */
export function roleKeys(role: string): string[] {
  const core = titleCore(role);
  const w = role.toLowerCase().trim().split(/\s+/);
  const coreLen = core.split(' ').length;
  const keys: string[] = [];
  const stop = hasTitleModifier(role) ? w.length - coreLen : w.length - 1;
  for (let k = 0; k <= stop; k++) if (!FUNCTION_WORDS.has(w[k]!)) keys.push(w.slice(k).join(' '));
  const of = w.indexOf('of');
  if (of > 0 && !hasTitleModifier(w.slice(0, of).join(' '))) keys.push(w[of - 1]!);
  return keys;
}

/**
 * Ties every mention to one actor: knowledge-base entries, actors built from the text (title,
 * country and sector from the words around the name), later surnames, role nouns ("the
 * spokesman") and pronouns (gender, number, recency, the last speaker after a quote).
 */
export class ActorResolver {
  private readonly clusters: Cluster[] = [];
  private readonly byKb = new Map<string, Cluster>();
  private readonly ids = new Set<string>();
  private readonly out: (string | undefined)[];
  private readonly date: string | undefined;
  private quoteRanges: [number, number][] = [];
  private lastSpeaker: Cluster | undefined;
  private sentenceOf: (pos: number) => number;
  private speakerAt: Set<number> = new Set();
  private lastSubjectSent = -1;
  /** The cluster tied to each mention (the same order as `out`). */
  private readonly clusterOf: (Cluster | undefined)[];

  constructor(
    private readonly doc: Doc,
    private readonly mentions: readonly MentionRecord[],
    private readonly kb: KnowledgeBase,
    private readonly lex: ActorLexicon,
  ) {
    this.out = new Array(mentions.length);
    this.clusterOf = new Array(mentions.length);
    this.date = doc.meta.published;
    const sents = doc.maybe('sentences') ?? [];
    const starts = sents.map((s) => s.start);
    this.sentenceOf = (pos: number) => {
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid]! <= pos) lo = mid + 1;
        else hi = mid;
      }
      return lo - 1;
    };
  }

  resolve(): { actors: ActorRecord[]; mentions: MentionRecord[] } {
    this.findQuotes();
    this.findSpeakers();
    const dominant = this.dominantCountry();
    this.mentions.forEach((m, i) => {
      const c = m.type === 'pronoun' ? this.pronoun(m, i) : this.nonPronoun(m);
      if (!c) return;
      this.attach(c, i);
    });
    const actors: ActorRecord[] = [];
    const text = this.doc.text;
    for (const c of this.clusters) {
      if (!c.mentions.length) continue;
      let country = c.country;
      let countryFrom: ActorRecord['countryFrom'] = c.countryFrom ?? 'text';
      if (!country && c.kind !== 'region') {
        country = c.us ? 'USA' : dominant;
        countryFrom = c.us ? 'text' : 'context';
      }
      actors.push({
        id: c.id,
        name: c.name,
        kind: c.kind,
        ...(country ? { country, countryFrom } : {}),
        ...(c.sector ? { sector: c.sector } : {}),
        ...(c.role ? { role: c.role } : {}),
        ...(c.kbId ? { kbId: c.kbId } : {}),
        mentions: c.mentions.map((i) => makeSpan(text, this.mentions[i]!.start, this.mentions[i]!.end)),
      });
    }
    actors.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
    const mentions = this.mentions.map((m, i) => (this.out[i] ? withActor(m, this.out[i]!) : m));
    return { actors, mentions };
  }

  // ------------------------------------------------------------------ context

  /** Quotation ranges (between opening and closing marks), for first-person pronouns and "…,” he said". */
  private findQuotes(): void {
    const text = this.doc.text;
    const out: [number, number][] = [];
    let open = -1;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // Only line breaks and quotation marks matter: skip everything else quickly.
      if (ch !== 10 && ch !== 0x201c && ch !== 0xab && ch !== 34 && ch !== 0x201d && ch !== 0xbb) continue;
      if (ch === 10 && text.charCodeAt(i + 1) === 10 && open >= 0 && text.charCodeAt(i + 2) !== 0x201c) open = -1;
      if (ch === 0x201c || ch === 0xab || (ch === 34 && open < 0)) {
        open = i;
      } else if ((ch === 0x201d || ch === 0xbb || ch === 34) && open >= 0) {
        out.push([open, i + 1]);
        open = -1;
      }
    }
    this.quoteRanges = out;
  }

  private inQuote(pos: number): [number, number] | undefined {
    let lo = 0;
    let hi = this.quoteRanges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.quoteRanges[mid]![1] <= pos) lo = mid + 1;
      else hi = mid;
    }
    const q = this.quoteRanges[lo];
    return q && q[0] <= pos ? q : undefined;
  }

  /** Mentions that are the subject of a speech verb ("Peskov told", "said Peskov", "he said"). */
  private findSpeakers(): void {
    const t = this.doc.tokens;
    if (!t) return;
    const verbs = this.lex.speechVerbs;
    const pos = t.pos;
    const text = this.doc.text;
    this.mentions.forEach((m, i) => {
      let k = t.firstEndingAfter(m.end);
      for (let step = 0; step < 3 && k < t.length; step++, k++) {
        const p = pos[k];
        if ((p === VERB || p === AUX) && verbs.has(t.lemma(k))) {
          this.speakerAt.add(i);
          return;
        }
        if (p === PROPN || p === NUM) continue;
        const len = t.ends[k]! - t.starts[k]!;
        if (len > 5 || !STEP_WORDS.has(text.slice(t.starts[k]!, t.ends[k]!).toLowerCase())) break;
      }
      const b = t.firstEndingAfter(m.start) - 1;
      if (b >= 0 && pos[b] === VERB && verbs.has(t.lemma(b))) {
        const c = b > 0 ? text.charCodeAt(t.ends[b - 1]! - 1) : 0;
        if (c === 44 || c === 0x201d || c === 34) this.speakerAt.add(i);
      }
    });
  }

  private dominantCountry(): string | undefined {
    const score = new Map<string, number>();
    const add = (c: string | undefined, w: number) => {
      if (c && /^[A-Z]{3}$/.test(c)) score.set(c, (score.get(c) ?? 0) + w);
    };
    for (const m of this.mentions) {
      if (m.type === 'pronoun') continue;
      if (m.us) add('USA', 1);
      else if (m.country) add(m.country, m.kind === 'person' ? 1 : 0.5);
    }
    const dl = this.doc.meta.dateline;
    if (dl) {
      const words = dl.text.replace(/[(:—–-].*$/s, '').trim();
      const title = words.charAt(0) + words.slice(1).toLowerCase();
      const hit = this.kb.lookup(normKey(title))?.find((h) => h.entry.kind === 'country') ?? this.kb.lookup(normKey(words))?.find((h) => h.entry.kind === 'country');
      if (hit) add(hit.entry.country, 3);
    }
    let best: string | undefined;
    let bestScore = 0;
    for (const [c, s] of score) {
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ clusters

  private newId(base: string): string {
    let id = slugify(base);
    if (this.ids.has(id)) {
      let k = 2;
      while (this.ids.has(`${id}-${k}`)) k++;
      id = `${id}-${k}`;
    }
    this.ids.add(id);
    return id;
  }

  private fromKb(e: KbEntry): Cluster {
    const have = this.byKb.get(e.id);
    if (have) return have;
    const role = this.kb.rolesAt(e, this.date)[0] ?? (e.roles?.length ? e.roles[e.roles.length - 1] : undefined);
    const id = this.ids.has(e.id) ? this.newId(e.id) : e.id;
    this.ids.add(id);
    const surname = e.kind === 'person' ? surnameOf(e.name, { scope: 'kb', allowAmbiguous: true, country: e.country }) : undefined;
    const country = e.country ?? role?.country;
    const c: Cluster = {
      id,
      name: e.name,
      kind: kindOfEntry(e),
      ...(country ? { country, countryFrom: 'kb' as const } : {}),
      ...(e.sector ?? role?.sector ? { sector: e.sector ?? role?.sector } : {}),
      ...(role ? { role: role.title } : {}),
      kbId: e.id,
      ...(e.gender ? { gender: e.gender } : e.kind !== 'person' ? { gender: 'n' as const } : {}),
      plural: false,
      us: e.country === 'USA',
      mentions: [],
      surnames: new Set(surname ? [normKey(surname)] : []),
      names: new Set([normKey(e.name), ...(e.aliases ?? []).map(normKey)]),
      heads: new Set(role && e.kind === 'person' ? roleKeys(role.title) : role ? [role.title.toLowerCase().split(/\s+/).pop()!] : []),
      lastPos: -1,
      lastSent: -1,
      lastSpoke: -1,
    };
    this.byKb.set(e.id, c);
    this.clusters.push(c);
    return c;
  }

  private create(name: string, kind: ActorKind, m: MentionRecord, plural = false): Cluster {
    const c: Cluster = {
      id: this.newId(name),
      name,
      kind,
      ...(m.country ? { country: m.country, countryFrom: 'text' as const } : {}),
      ...(m.sector ? { sector: m.sector } : {}),
      ...(m.role ? { role: m.role } : {}),
      ...(m.gender ? { gender: m.gender } : kind !== 'person' && kind !== 'group' ? { gender: 'n' as const } : {}),
      plural,
      us: !!m.us,
      mentions: [],
      surnames: new Set(),
      names: new Set([normKey(name)]),
      heads: new Set(),
      lastPos: -1,
      lastSent: -1,
      lastSpoke: -1,
    };
    if (kind === 'person') c.surnames.add(textSurname(name, m.country));
    this.clusters.push(c);
    return c;
  }

  private attach(c: Cluster, i: number): void {
    const m = this.mentions[i]!;
    c.mentions.push(i);
    c.lastPos = m.start;
    c.lastSent = this.sentenceOf(m.start);
    this.out[i] = c.id;
    this.clusterOf[i] = c;
    if (m.us) c.us = true;
    if (!c.country && m.country && m.kind === c.kind) {
      c.country = m.country;
      c.countryFrom = 'text';
    }
    if (!c.sector && m.sector && m.kind === c.kind && !c.kbId && (c.kind === 'person' || c.kind === 'organization' || c.kind === 'group')) c.sector = m.sector;
    if (!c.role && m.role && c.kind === 'person' && m.kind === 'person') c.role = m.role;
    if (!c.gender && m.gender && m.type !== 'pronoun') c.gender = m.gender;
    if (m.role && c.kind === 'person') for (const k of roleKeys(m.role)) c.heads.add(k);
    if (m.head && m.type !== 'title-name' && m.type !== 'name' && !(c.kind === 'person' && m.role)) c.heads.add(this.doc.text.slice(m.head.start, m.head.end).toLowerCase());
    const sent = this.sentenceOf(m.start);
    if (sent !== this.lastSubjectSent && m.type !== 'pronoun') {
      this.lastSubjectSent = sent;
      const next = this.doc.text.charCodeAt(m.end);
      if (next !== 0x27 && next !== 0x2019) (c.subjectOf ??= new Set()).add(sent);
    }
    if (this.speakerAt.has(i)) {
      c.lastSpoke = m.start;
      this.lastSpeaker = c;
    }
  }

  /**
   * The person named earlier by this name or its surname ("Le Pen", "Peskov"); a full name whose
   * given name differs from one the actor was called by is someone else ("John Doe" after "Jane Doe").
   */
  private personBySurname(name: string, country?: string): Cluster | undefined {
    const full = normKey(name);
    const words = full.split(' ');
    const last = textSurname(name, country);
    const titled = last.charAt(0) + last.slice(1).toLowerCase();
    let best: Cluster | undefined;
    for (const c of this.clusters) {
      if (c.kind !== 'person') continue;
      if (c.names.has(full) || c.surnames.has(full) || c.surnames.has(last) || c.surnames.has(titled)) {
        if (words.length > 1 && !c.names.has(full) && givenClash(c.names, words)) continue;
        if (!best || c.lastPos > best.lastPos) best = c;
      }
    }
    return best;
  }

  private headText(m: MentionRecord): string {
    return m.head ? this.doc.text.slice(m.head.start, m.head.end) : m.text;
  }

  private nonPronoun(m: MentionRecord): Cluster | undefined {
    // "some", "46 percent of voters": people without a name, a new actor each time.
    if (m.rule === 'indefinite' || m.rule === 'share') return this.create(m.text, m.kind ?? 'group', m, m.number !== 'sg');
    const kb = this.kb;
    const entry = m.kbId ? kb.get(m.kbId) : undefined;
    // A person: KB entry, an actor named earlier, or a new one.
    if (m.kind === 'person' && (m.type === 'name' || m.type === 'title-name')) {
      const name = this.headText(m);
      if (entry && m.rule.endsWith('-name')) return this.fromKb(entry);
      const seen = this.personBySurname(name, m.country);
      if (seen && (name.split(/\s+/).length === 1 || !seen.kbId || seen.names.has(normKey(name)) || m.type === 'title-name')) {
        if (name.split(/\s+/).length > 1) seen.names.add(normKey(name));
        return seen;
      }
      const hits = kb.lookup(normKey(name)) ?? (name === name.toUpperCase() ? kb.lookup(normKey(name.charAt(0) + name.slice(1).toLowerCase())) : undefined);
      const people = (hits ?? []).filter((h) => h.entry.kind === 'person');
      if (people.length) {
        const active = people.find((h) => kb.rolesAt(h.entry, this.date).length);
        return this.fromKb((active ?? people[0]!).entry);
      }
      const c = this.create(name.includes(' ') || m.type === 'title-name' ? name : name, 'person', m);
      return c;
    }
    if (entry && (m.type !== 'nominal' || m.rule.startsWith('kb'))) {
      if (entry.kind === 'person') {
        const seen = this.personBySurname(this.headText(m), m.country);
        if (seen) return seen;
      }
      return this.fromKb(entry);
    }
    if (m.type === 'nominal' && m.kind === 'person') return this.rolePerson(m);
    if (m.type === 'nominal' && m.kind === 'organization') return this.orgNominal(m);
    if (m.type === 'document') return this.document(m);
    if (m.kind === 'organization' && m.type === 'name') {
      const name = m.text.replace(DET_PREFIX, '');
      const key = normKey(name);
      for (const c of this.clusters) if (c.names.has(key) || (c.kind === 'organization' && acronymOf(c.name) === key)) return c;
      return this.create(name, 'organization', m);
    }
    if (m.kind === 'region' && m.type === 'name') {
      const name = m.text.replace(DET_PREFIX, '');
      const key = normKey(name);
      for (const c of this.clusters) if (c.kind === 'region' && c.names.has(key)) return c;
      return this.create(name, 'region', m);
    }
    if (m.type === 'collective' && m.kind === 'group') {
      const name = m.text.replace(DET_PREFIX, '').replace(DET_PREFIX, '');
      const key = normKey(name.toLowerCase());
      for (const c of this.clusters) if (c.kind === 'group' && c.names.has(key)) return c;
      const c = this.create(name, 'group', m, true);
      c.names.add(key);
      return c;
    }
    return undefined;
  }

  /** "the spokesman", "French President", "the Republican nominee": an actor named before, or who held the office. */
  private rolePerson(m: MentionRecord): Cluster {
    const head = this.headText(m).toLowerCase();
    const headWord = head.split(/\s+/).pop()!;
    // "the deputy prime minister", "the former president": the modifier stays part of the office asked for.
    const modified = !!m.role && hasTitleModifier(m.role);
    const asked = modified ? titleCore(m.role!) : head;
    let best: Cluster | undefined;
    for (const c of this.clusters) {
      if (c.kind !== 'person' || !(modified ? c.heads.has(asked) : c.heads.has(headWord) || c.heads.has(head))) continue;
      if (m.country && c.country && m.country !== c.country) continue;
      if (!best || c.lastPos > best.lastPos) best = c;
    }
    if (best) return best;
    const country = m.country ?? (m.us ? 'USA' : undefined);
    if (country) {
      const holders = this.kb.holders(asked, country, this.date);
      if (holders.length === 1) return this.fromKb(holders[0]!.entry);
    }
    return this.create(m.text.replace(DET_PREFIX, ''), 'person', m);
  }

  private orgNominal(m: MentionRecord): Cluster {
    const head = this.headText(m).toLowerCase();
    if (m.owner) {
      const ownerName = this.doc.text.slice(m.owner.start, m.owner.end);
      const ownerEntry = m.owner.kbId ? this.kb.get(m.owner.kbId) : undefined;
      const person = ownerEntry?.kind === 'person' || (!ownerEntry && this.personBySurname(ownerName));
      if (ownerEntry && ownerEntry.kind !== 'person' && ownerEntry.kind !== 'country') return this.fromKb(ownerEntry);
      if (ownerEntry?.kind === 'country' && head === 'government') {
        const gov = this.governmentOf(ownerEntry);
        if (gov) return this.fromKb(gov);
      }
      if (person || ownerEntry || /^\p{Lu}/u.test(ownerName)) {
        const name = `${textSurname(ownerName)} ${head}`;
        const key = normKey(name.toLowerCase());
        for (const c of this.clusters) if (c.names.has(key)) return c;
        const c = this.create(name, 'organization', m);
        c.names.add(key);
        if (!c.country && ownerEntry?.country) {
          c.country = ownerEntry.country;
          c.countryFrom = 'kb';
        }
        const ownerCluster = ownerEntry ? this.byKb.get(ownerEntry.id) : this.personBySurname(ownerName);
        if (!c.country && ownerCluster?.country) {
          c.country = ownerCluster.country;
          if (ownerCluster.countryFrom) c.countryFrom = ownerCluster.countryFrom;
        }
        if (ownerCluster?.us) c.us = true;
        return c;
      }
    }
    if (m.country && head === 'government') {
      const ce = [...(this.kb.lookup(m.country.toLowerCase()) ?? [])][0]?.entry ?? this.kb.get(m.country.toLowerCase());
      if (ce) {
        const gov = this.governmentOf(ce);
        if (gov) return this.fromKb(gov);
      }
    }
    let best: Cluster | undefined;
    for (const c of this.clusters) {
      if (c.kind === 'person' || c.kind === 'group') continue;
      if (!(c.heads.has(head) || c.names.has(normKey(head)) || c.name.toLowerCase().split(/\s+/).includes(head))) continue;
      if (m.country && c.country && m.country !== c.country) continue;
      if (!best || c.lastPos > best.lastPos) best = c;
    }
    if (best) return best;
    const name = m.text.replace(DET_PREFIX, '');
    const key = normKey(name.toLowerCase());
    for (const c of this.clusters) if (c.names.has(key)) return c;
    const c = this.create(name, 'organization', m);
    c.names.add(key);
    return c;
  }

  private governmentOf(country: KbEntry): KbEntry | undefined {
    for (const e of this.kb.entries.values()) {
      if (e.parent === country.id && e.kind === 'organization' && /^Government of\b/.test(e.name)) return e;
    }
    return undefined;
  }

  /** "a Bloomberg poll" → Bloomberg; "the poll" → the poll named before; else an actor named by the document. */
  private document(m: MentionRecord): Cluster {
    const head = this.headText(m).toLowerCase();
    if (m.owner) {
      const ownerEntry = m.owner.kbId ? this.kb.get(m.owner.kbId) : undefined;
      const ownerName = this.doc.text.slice(m.owner.start, m.owner.end);
      const c = ownerEntry ? this.fromKb(ownerEntry) : this.personBySurname(ownerName) ?? this.orgByName(ownerName, m);
      c.heads.add(head);
      return c;
    }
    let best: Cluster | undefined;
    for (const c of this.clusters) if (c.heads.has(head) && (!best || c.lastPos > best.lastPos)) best = c;
    if (best) return best;
    const c = this.create(m.text.replace(DET_PREFIX, ''), 'organization', m);
    c.heads.add(head);
    return c;
  }

  private orgByName(name: string, m: MentionRecord): Cluster {
    const key = normKey(name);
    for (const c of this.clusters) if (c.names.has(key)) return c;
    return this.create(name, 'organization', { ...m, sector: undefined } as MentionRecord);
  }

  // ------------------------------------------------------------------ pronouns

  private pronoun(m: MentionRecord, i: number): Cluster | undefined {
    const q = this.inQuote(m.start);
    const lw = m.text.toLowerCase();
    if (m.person === 1) {
      if (!q) return undefined;
      return this.quoteSpeaker(q, i);
    }
    if (m.person === 2) return undefined;
    if (lw === 'who' || lw === 'whom' || lw === 'whose' || lw === 'which') {
      for (let k = i - 1; k >= 0; k--) {
        const p = this.mentions[k]!;
        if (m.start - p.end > 3) break;
        if (this.clusterOf[k]) return this.clusterOf[k];
      }
      return undefined;
    }
    const sent = this.sentenceOf(m.start);
    const wantPerson = m.gender === 'm' || m.gender === 'f';
    // "“…,” he said": the subject of a speech verb right after a quote is the last speaker.
    if (wantPerson && m.case === 'subj' && this.speakerAt.has(i) && this.afterQuote(m.start) && this.lastSpeaker && this.genderOk(this.lastSpeaker, m)) {
      return this.lastSpeaker;
    }
    let best: Cluster | undefined;
    let bestScore = -Infinity;
    for (const c of this.clusters) {
      if (c.lastPos < 0 || c.lastPos >= m.start) continue;
      if (wantPerson) {
        if (c.kind !== 'person' || !this.genderOk(c, m)) continue;
      } else if (m.number === 'pl') {
        if (c.kind === 'person') continue;
      } else if (m.gender === 'n') {
        if (!NEUTER_KINDS.has(c.kind) || c.plural) continue;
      }
      const distSent = sent - c.lastSent;
      if (distSent > 3) continue;
      let score = -distSent * 2 - (m.start - c.lastPos) / 400;
      if (c.gender && m.gender && c.gender === m.gender) score += 1;
      if (m.number === 'pl' && c.plural) score += 1;
      // Subject pronouns prefer the subject of a recent sentence; object pronouns an earlier object.
      const wasSubject = !!c.subjectOf?.has(c.lastSent);
      if (m.case === 'obj' ? !wasSubject : wasSubject) score += 0.75;
      if (m.case === 'subj' && c.lastSpoke >= 0 && this.sentenceOf(c.lastSpoke) >= sent - 1) score += 1;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (best && wantPerson && !best.gender) best.gender = m.gender;
    return best;
  }

  private genderOk(c: Cluster, m: MentionRecord): boolean {
    return !c.gender || c.gender === m.gender;
  }

  private afterQuote(pos: number): boolean {
    const text = this.doc.text;
    let k = pos - 1;
    while (k >= 0 && /\s/.test(text[k]!)) k--;
    const ch = text[k];
    if (ch && QUOTE_CLOSE.has(ch)) return true;
    if (ch === ',' && k > 0 && QUOTE_CLOSE.has(text[k - 1]!)) return true;
    return false;
  }

  /** The speaker of a quotation: a mention next to a speech verb right after it, else right before it, else the last speaker. */
  private quoteSpeaker(q: [number, number], i: number): Cluster | undefined {
    const text = this.doc.text;
    for (let k = i + 1; k < this.mentions.length; k++) {
      const p = this.mentions[k]!;
      if (p.start < q[1]) continue;
      if (p.start - q[1] > 40 || /\n/.test(text.slice(q[1], p.start))) break;
      if (this.speakerAt.has(k)) {
        if (this.clusterOf[k]) return this.clusterOf[k];
        if (p.type !== 'pronoun') return this.nonPronoun(p);
        return this.lastSpeaker;
      }
    }
    for (let k = i - 1; k >= 0; k--) {
      const p = this.mentions[k]!;
      if (p.end > q[0]) continue;
      if (q[0] - p.end > 120 || /\n/.test(text.slice(p.end, q[0]))) break;
      if (this.speakerAt.has(k) && this.clusterOf[k]) return this.clusterOf[k];
    }
    return this.lastSpeaker;
  }
}

/** A copy of a mention record with its actor filled in (fields in one fixed order, so copies share a shape). */
function withActor(m: MentionRecord, actor: string): MentionRecord {
  return {
    start: m.start,
    end: m.end,
    text: m.text,
    type: m.type,
    head: m.head,
    actor,
    kbId: m.kbId,
    kind: m.kind,
    country: m.country,
    sector: m.sector,
    role: m.role,
    gender: m.gender,
    number: m.number,
    person: m.person,
    case: m.case,
    us: m.us,
    owner: m.owner,
    rule: m.rule,
  };
}

/** True when `words` (a full name) has another given name than a full name the actor was called by. */
function givenClash(names: ReadonlySet<string>, words: readonly string[]): boolean {
  const first = words[0]!;
  const last = words[words.length - 1]!;
  for (const n of names) {
    const nw = n.split(' ');
    if (nw.length < 2 || nw[nw.length - 1] !== last) continue;
    const f = nw[0]!;
    if (f === first) return false;
    const initial = /^[A-Z]\.?$/;
    if ((initial.test(f) || initial.test(first)) && f[0] === first[0]) return false;
  }
  for (const n of names) {
    const nw = n.split(' ');
    if (nw.length >= 2 && nw[nw.length - 1] === last && nw[0] !== first) return true;
  }
  return false;
}

function acronymOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}
