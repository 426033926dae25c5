import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Analysis } from '../analysis/analysis.js';
import type { ActorKind, ActorRecord, Modality, QuoteKind, StanceValue } from '../doc/records.js';
import type { MetaText, Span } from '../doc/span.js';
import { sameStatement, toWording, type Wording } from '../components/statements/wording.js';
import { AttacheError } from '../errors.js';
import { compactSpans, expandSpans } from './compact-spans.js';
import { SQLITE_MIGRATIONS, SQLITE_SCHEMA_VERSION } from './sqlite-migrations.js';
import {
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  type ActorDetail,
  type ActorPosition,
  type ActorQuery,
  type ActorRef,
  type ActorSummary,
  type ArticleHit,
  type ArticleInput,
  type ArticleQuery,
  type ArticleSummary,
  type DateRange,
  type EventHit,
  type EventNetwork,
  type EventQuery,
  type EventTypeCount,
  type IssueDetail,
  type IssueSummary,
  type NetworkEdge,
  type OpenStoreOptions,
  type OutletSummary,
  type PageQuery,
  type Paged,
  type Period,
  type PutResult,
  type QuoteHit,
  type QuoteQuery,
  type StanceHit,
  type StancePoint,
  type StanceQuery,
  type StatementHit,
  type StatementQuery,
  type Store,
  type StoredArticle,
  type StoredVersion,
  type StoreStats,
  type TimeCount,
} from './store.js';

type Db = Database.Database;
type Row = Record<string, unknown>;
type Param = string | number | null;

const MAX_LIMIT = 500;

// ---------------------------------------------------------------- small helpers

function page(q: PageQuery | undefined, dflt = 20): { limit: number; offset: number } {
  const limit = Math.max(0, Math.min(MAX_LIMIT, Math.floor(q?.limit ?? dflt)));
  const offset = Math.max(0, Math.floor(q?.offset ?? 0));
  return { limit: Number.isFinite(limit) ? limit : dflt, offset: Number.isFinite(offset) ? offset : 0 };
}

/** `2026-01-16T09:30Z` → `2026-01-16`; `2026-01` stays; an interval takes its start; anything else → null. */
export function dayOf(date: string | undefined | null): string | null {
  if (!date) return null;
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(date.trim());
  return m ? m[1]! : null;
}

function metaText(m: MetaText | undefined): string | null {
  return m ? m.text : null;
}

/** The global key of an actor: its knowledge-base id where known, else its name and country. */
export function actorKey(a: Pick<ActorRecord, 'name' | 'country' | 'kbId'>): string {
  if (a.kbId) return `kb:${a.kbId}`;
  return `n:${a.name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()}|${a.country ?? ''}`;
}

/**
 * Turns what a user typed into a safe FTS5 query: each word or `"quoted phrase"` becomes a quoted
 * phrase (so punctuation and FTS syntax in the input cannot break the query), `word*` keeps its
 * prefix star, and a bare `OR` between terms is kept. Returns undefined when nothing searchable is left.
 */
export function ftsQuery(input: string): string | undefined {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input))) {
    if (m[1] !== undefined) {
      if (/[\p{L}\p{N}]/u.test(m[1])) parts.push(`"${m[1].replace(/"/g, '""')}"`);
      continue;
    }
    const w = m[2]!;
    if (w === 'OR' && parts.length && parts[parts.length - 1] !== 'OR') {
      parts.push('OR');
      continue;
    }
    const star = w.endsWith('*');
    const core = (star ? w.slice(0, -1) : w).replace(/"/g, '');
    if (!/[\p{L}\p{N}]/u.test(core)) continue;
    parts.push(`"${core}"${star ? '*' : ''}`);
  }
  while (parts[parts.length - 1] === 'OR') parts.pop();
  return parts.length ? parts.join(' ') : undefined;
}

/** SQL for the bucket a `day` column falls in. Week buckets start on Monday. */
function periodSql(col: string, period: Period): string {
  switch (period) {
    case 'day':
      return `substr(${col}, 1, 10)`;
    case 'week':
      return `date(substr(${col}, 1, 10), 'weekday 0', '-6 days')`;
    case 'month':
      return `substr(${col}, 1, 7)`;
    case 'year':
      return `substr(${col}, 1, 4)`;
  }
}

function periodFilter(col: string, period: Period): string {
  const len = period === 'year' ? 4 : period === 'month' ? 7 : 10;
  return `${col} IS NOT NULL AND length(${col}) >= ${len}`;
}

function checkPeriod(p: string | undefined, dflt: Period): Period {
  if (p === undefined) return dflt;
  if (p === 'day' || p === 'week' || p === 'month' || p === 'year') return p;
  throw new AttacheError('ATT_E060', `period must be day, week, month or year, not "${p}"`);
}

class Where {
  readonly clauses: string[] = [];
  readonly params: Param[] = [];
  add(sql: string, ...params: Param[]): this {
    this.clauses.push(sql);
    this.params.push(...params);
    return this;
  }
  dates(col: string, r: DateRange | undefined): this {
    if (r?.from) this.add(`${col} >= ?`, checkDate(r.from, 'from'));
    if (r?.to) this.add(`${col} <= ?`, `${checkDate(r.to, 'to')}\uffff`);
    return this;
  }
  sql(prefix = 'WHERE'): string {
    return this.clauses.length ? `${prefix} ${this.clauses.join(' AND ')}` : '';
  }
}

function checkDate(d: string, name: string): string {
  const day = dayOf(d);
  if (!day || day.length !== d.trim().length) throw new AttacheError('ATT_E060', `${name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not "${d}"`);
  return day;
}

function str(v: unknown): string | undefined {
  return v === null || v === undefined ? undefined : String(v);
}

function defined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) out[k] = v;
  return out as T;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

const ACTOR_COLS = (p: string) => `${p}.key AS ${p}_key, ${p}.name AS ${p}_name, ${p}.kind AS ${p}_kind, ${p}.country AS ${p}_country, ${p}.sector AS ${p}_sector, ${p}.role AS ${p}_role, ${p}.kb_id AS ${p}_kb`;

function actorRefFrom(r: Row, p: string): ActorRef | undefined {
  if (r[`${p}_key`] === null || r[`${p}_key`] === undefined) return undefined;
  return defined({
    id: String(r[`${p}_key`]),
    name: String(r[`${p}_name`]),
    kind: r[`${p}_kind`] as ActorKind,
    country: str(r[`${p}_country`]),
    sector: str(r[`${p}_sector`]),
    role: str(r[`${p}_role`]),
    kbId: str(r[`${p}_kb`]),
  });
}

function actorRefOf(r: Row): ActorRef {
  return defined({
    id: String(r.key),
    name: String(r.name),
    kind: r.kind as ActorKind,
    country: str(r.country),
    sector: str(r.sector),
    role: str(r.role),
    kbId: str(r.kb_id),
  });
}

function actorSummaryOf(r: Row): ActorSummary {
  return defined({
    ...actorRefOf(r),
    articleCount: Number(r.article_count),
    mentionCount: Number(r.mention_count),
    quoteCount: Number(r.quote_count),
    eventCount: Number(r.event_count),
    firstSeen: str(r.first_seen),
    lastSeen: str(r.last_seen),
  });
}

const ARTICLE_COLS = `a.rowid AS a_rowid, a.id, a.url, a.uri, o.name AS outlet, a.headline, a.published, a.language, a.pipeline, a.ingested_at,
  a.quote_count, a.event_count, a.actor_count`;

function articleSummaryOf(r: Row): ArticleSummary {
  return defined({
    id: String(r.id),
    url: str(r.url),
    uri: str(r.uri),
    outlet: str(r.outlet),
    headline: str(r.headline),
    published: str(r.published),
    language: String(r.language),
    pipeline: String(r.pipeline),
    ingestedAt: String(r.ingested_at),
    quoteCount: Number(r.quote_count),
    eventCount: Number(r.event_count),
    actorCount: Number(r.actor_count),
  });
}

// ---------------------------------------------------------------- the store

/** The SQLite backend: one file, WAL, FTS5; every article written in one transaction. */
export class SqliteStore implements Store {
  readonly backend = 'sqlite' as const;
  private readonly stmts = new Map<string, Database.Statement>();

  private constructor(
    private readonly db: Db,
    readonly location: string,
    readonly schemaVersion: number,
  ) {}

  static open(path: string, opts: OpenStoreOptions = {}): SqliteStore {
    const readonly = !!opts.readonly;
    const memory = path === ':memory:';
    const file = memory ? path : resolve(path);
    if (!memory && !readonly && opts.create !== false) {
      try {
        mkdirSync(dirname(file), { recursive: true });
      } catch {
        // the open below reports the problem with the path
      }
    }
    if (!memory && (readonly || opts.create === false) && !existsSync(file)) {
      throw new AttacheError('ATT_E040', 'no store here (run attache ingest first, or name one with --db)', path);
    }
    let db: Db;
    try {
      db = new Database(file, { readonly, fileMustExist: readonly || opts.create === false });
    } catch (e) {
      const msg = (e as Error).message;
      throw new AttacheError('ATT_E040', /does not exist|unable to open/i.test(msg) ? `cannot open store (${msg})` : `cannot open store: ${msg}`, path);
    }
    try {
      db.pragma('busy_timeout = 10000');
      if (!readonly && !memory) db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('cache_size = -32000');
      db.pragma('temp_store = MEMORY');
      const version = migrate(db, path, readonly);
      return new SqliteStore(db, path, version);
    } catch (e) {
      db.close();
      if (e instanceof AttacheError) throw e;
      const msg = (e as Error).message;
      throw new AttacheError('ATT_E040', /not a database|malformed/i.test(msg) ? `not an Attaché store (${msg})` : msg, path);
    }
  }

  private st(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private all(sql: string, params: readonly Param[] = []): Row[] {
    return this.st(sql).all(...params) as Row[];
  }

  private get(sql: string, params: readonly Param[] = []): Row | undefined {
    return this.st(sql).get(...params) as Row | undefined;
  }

  private count(sql: string, params: readonly Param[] = []): number {
    return Number((this.st(sql).get(...params) as Row | undefined)?.n ?? 0);
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof AttacheError) throw e;
      const msg = (e as Error).message;
      if (/fts5: syntax error|fts5:/i.test(msg)) throw new AttacheError('ATT_E060', `search query not understood (${msg})`);
      throw new AttacheError('ATT_E040', msg, this.location, { cause: e });
    }
  }

  // ---------------------------------------------------------------- writes

  async putArticles(inputs: readonly ArticleInput[]): Promise<PutResult[]> {
    return this.putArticlesSync(inputs);
  }

  /** The synchronous core of `putArticles`: one transaction for the batch, one savepoint per article. */
  putArticlesSync(inputs: readonly ArticleInput[]): PutResult[] {
    const results: PutResult[] = [];
    const one = this.db.transaction((input: ArticleInput) => this.putOne(input));
    const batch = this.db.transaction(() => {
      for (const input of inputs) {
        try {
          results.push(one(input));
        } catch (e) {
          results.push({ id: input.analysis.doc.id, status: 'failed', error: (e as Error).message.split('\n')[0]! });
        }
      }
    });
    this.guard(() => batch.immediate());
    return results;
  }

  /** Wordings of stored statements, by statement rowid: comparing a new statement reuses them. */
  private readonly wordings = new Map<number, Wording>();

  /**
   * The group of an earlier statement by the same speaker, in another article, that says the same
   * thing as `text` (the statements component's `sameStatement`: a verbatim part, or a paraphrase of
   * equal polarity above its thresholds). The most recent 300 statements of the speaker are compared.
   */
  private statementGroupOf(speaker: number, article: number, text: string): number | undefined {
    const mine = toWording(text);
    const rows = this.all(
      `SELECT rowid, group_rowid, canonical_text FROM statements
       WHERE speaker_rowid = ? AND article_rowid != ? AND canonical_text IS NOT NULL ORDER BY day DESC, rowid DESC LIMIT 300`,
      [speaker, article],
    );
    for (const r of rows) {
      const id = Number(r.rowid);
      let w = this.wordings.get(id);
      if (!w) {
        w = toWording(String(r.canonical_text));
        if (this.wordings.size > 50_000) this.wordings.clear();
        this.wordings.set(id, w);
      }
      if (sameStatement(mine, w)) return Number(r.group_rowid ?? id);
    }
    return undefined;
  }

  private putOne(input: ArticleInput): PutResult {
    const a = input.analysis;
    const id = a.doc.id;
    if (!id) throw new AttacheError('ATT_E040', 'analysis has no document id');
    if (a.diagnostics.some((d) => d.severity === 'fatal')) throw new AttacheError('ATT_E040', 'analysis failed (fatal diagnostic); not stored');
    const url = input.url ?? a.meta.url ?? null;
    const existing = (this.get('SELECT rowid, id, url, pipeline FROM articles WHERE id = ?', [id]) ??
      (url ? this.get('SELECT rowid, id, url, pipeline FROM articles WHERE url = ?', [url]) : undefined)) as
      | { rowid: number; id: string; url: string | null; pipeline: string }
      | undefined;
    if (existing && existing.pipeline === a.pipeline && !input.replace) return { id: existing.id, status: 'duplicate' };
    if (existing) this.deleteRow(existing.rowid);
    // a URL already held by another stored article stays with that one
    const urlFree = !url || !this.get('SELECT 1 AS x FROM articles WHERE url = ?', [url]);
    this.insertArticle(input, urlFree ? url : null);
    return { id, status: existing ? 'replaced' : 'inserted' };
  }

  private insertArticle(input: ArticleInput, url: string | null): void {
    const a = input.analysis;
    const outletName = a.meta.outlet ?? input.outlet ?? hostOf(url ?? undefined);
    let outletRow: number | null = null;
    if (outletName) {
      this.st('INSERT INTO outlets(name) VALUES (?) ON CONFLICT(name) DO NOTHING').run(outletName);
      outletRow = Number(this.get('SELECT rowid FROM outlets WHERE name = ?', [outletName])!.rowid);
    }
    const published = a.meta.published ?? input.published ?? null;
    const day = dayOf(published);
    const headline = metaText(a.meta.headline);
    const { text: _text, ...docRest } = a.doc;
    const stored = JSON.stringify(compactSpans({ ...a, doc: docRest }, a.doc.text));
    const now = new Date().toISOString();

    // actors first: local id → global rowid
    const local = new Map<string, number>();
    const perGlobal = new Map<number, { mentions: number; quotes: number; events: number }>();
    for (const act of a.actors) {
      const row = this.st(
        `INSERT INTO actors(key, name, kind, country, sector, role, kb_id, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?)
         ON CONFLICT(key) DO UPDATE SET
           name = CASE WHEN excluded.kb_id IS NOT NULL THEN excluded.name ELSE actors.name END,
           country = coalesce(actors.country, excluded.country),
           sector = coalesce(actors.sector, excluded.sector),
           role = CASE WHEN excluded.role IS NOT NULL AND (actors.last_seen IS NULL OR excluded.last_seen >= actors.last_seen) THEN excluded.role ELSE actors.role END,
           first_seen = CASE WHEN actors.first_seen IS NULL OR excluded.first_seen < actors.first_seen THEN excluded.first_seen ELSE actors.first_seen END,
           last_seen = CASE WHEN actors.last_seen IS NULL OR excluded.last_seen > actors.last_seen THEN excluded.last_seen ELSE actors.last_seen END
         RETURNING rowid`,
      ).get(actorKey(act), act.name, act.kind, act.country ?? null, act.sector ?? null, act.role ?? null, act.kbId ?? null, day, day) as { rowid: number };
      local.set(act.id, row.rowid);
      const g = perGlobal.get(row.rowid) ?? { mentions: 0, quotes: 0, events: 0 };
      g.mentions += act.mentions.length;
      perGlobal.set(row.rowid, g);
    }
    for (const q of a.quotes) if (q.speaker && local.has(q.speaker)) perGlobal.get(local.get(q.speaker)!)!.quotes++;
    for (const e of a.events) {
      const seen = new Set<number>();
      for (const x of [...e.actor, ...e.recipient]) {
        const g = local.get(x);
        if (g !== undefined && !seen.has(g)) {
          seen.add(g);
          perGlobal.get(g)!.events++;
        }
      }
    }

    const art = this.st(
      `INSERT INTO articles(id, url, uri, outlet_rowid, headline, published, day, language, text, analysis, pipeline, ingested_at, quote_count, event_count, actor_count)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(id(a), url, input.uri ?? a.doc.uri ?? null, outletRow, headline, published, day, a.doc.language, a.doc.text, stored, a.pipeline, now, a.quotes.length, a.events.length, perGlobal.size);
    const ar = Number(art.lastInsertRowid);
    this.st('INSERT INTO articles_fts(rowid, headline, text) VALUES (?,?,?)').run(ar, headline ?? '', a.doc.text);

    for (const act of a.actors) {
      this.st('INSERT OR IGNORE INTO article_actors(article_rowid, local_id, actor_rowid, name, role, mention_count) VALUES (?,?,?,?,?,?)').run(
        ar,
        act.id,
        local.get(act.id)!,
        act.name,
        act.role ?? null,
        act.mentions.length,
      );
      for (const m of act.mentions) this.st('INSERT INTO mentions(article_rowid, actor_rowid, start, end, text) VALUES (?,?,?,?,?)').run(ar, local.get(act.id)!, m.start, m.end, m.text);
    }
    for (const [g, c] of perGlobal) {
      this.st('UPDATE actors SET article_count = article_count + 1, mention_count = mention_count + ?, quote_count = quote_count + ?, event_count = event_count + ? WHERE rowid = ?').run(
        c.mentions,
        c.quotes,
        c.events,
        g,
      );
    }

    const statementRow = new Map<string, number>();
    const quoteText = new Map(a.quotes.map((q) => [q.id, q.content.text]));
    for (const s of a.statements) {
      const speaker = s.speaker ? local.get(s.speaker) ?? null : null;
      const canonical = quoteText.get(s.canonical) ?? null;
      const r = this.st(
        'INSERT OR IGNORE INTO statements(article_rowid, local_id, speaker_rowid, canonical_local, quote_locals, pipeline, day, canonical_text) VALUES (?,?,?,?,?,?,?,?)',
      ).run(ar, s.id, speaker, s.canonical, JSON.stringify(s.quotes), a.pipeline, day, canonical);
      if (!r.changes) continue;
      const row = Number(r.lastInsertRowid);
      statementRow.set(s.id, row);
      const group = speaker !== null && canonical ? this.statementGroupOf(speaker, ar, canonical) : undefined;
      this.st('UPDATE statements SET group_rowid = ? WHERE rowid = ?').run(group ?? row, row);
    }
    const speakerName = new Map(a.actors.map((x) => [x.id, x.name]));
    const quoteRow = new Map<string, { rowid: number; start: number; end: number }>();
    for (const q of a.quotes) {
      const r = this.st(
        `INSERT OR IGNORE INTO quotes(article_rowid, local_id, kind, content, start, end, cue, source_text, speaker_rowid, via_rowid, statement_rowid, confidence, rule, pipeline, day)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(
        ar,
        q.id,
        q.kind,
        q.content.text,
        q.content.start,
        q.content.end,
        q.cue?.text ?? null,
        q.source?.text ?? null,
        q.speaker ? local.get(q.speaker) ?? null : null,
        q.via ? local.get(q.via) ?? null : null,
        q.statement ? statementRow.get(q.statement) ?? null : null,
        q.confidence,
        q.rule ?? null,
        a.pipeline,
        day,
      );
      if (!r.changes) continue;
      const qr = Number(r.lastInsertRowid);
      quoteRow.set(q.id, { rowid: qr, start: q.content.start, end: q.content.end });
      const speaker = [q.speaker ? speakerName.get(q.speaker) : undefined, q.source?.text].filter(Boolean).join(' ');
      this.st('INSERT INTO quotes_fts(rowid, content, speaker) VALUES (?,?,?)').run(qr, q.content.text, speaker);
    }

    for (const e of a.events) {
      const eday = dayOf(e.date) ?? day;
      const r = this.st(
        `INSERT OR IGNORE INTO events(article_rowid, local_id, type, mode, context, cameo, quad, goldstein, trigger, trigger_start, trigger_end, evidence, evidence_start, evidence_end,
           date, day, modality, negated, reported_by, confidence, rule, pipeline) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(
        ar,
        e.id,
        e.type,
        e.mode ?? null,
        JSON.stringify(e.context ?? []),
        e.cameo ?? null,
        e.quad,
        e.goldstein ?? null,
        e.trigger.text,
        e.trigger.start,
        e.trigger.end,
        e.evidence.text,
        e.evidence.start,
        e.evidence.end,
        e.date ?? null,
        eday,
        e.modality,
        e.negated ? 1 : 0,
        e.reportedBy ?? null,
        e.confidence ?? null,
        e.rule ?? null,
        a.pipeline,
      );
      if (!r.changes) continue;
      const er = Number(r.lastInsertRowid);
      for (const [side, ids] of [['a', e.actor], ['r', e.recipient]] as const) {
        for (const x of ids) {
          const g = local.get(x);
          if (g !== undefined) this.st('INSERT OR IGNORE INTO event_actors(event_rowid, actor_rowid, side) VALUES (?,?,?)').run(er, g, side);
        }
      }
    }

    const issueLinks = new Set<string>();
    for (const s of a.stances) {
      const g = local.get(s.actor);
      if (g === undefined) continue;
      this.st('INSERT INTO issues(id) VALUES (?) ON CONFLICT(id) DO NOTHING').run(s.issue);
      this.st('INSERT INTO stances(article_rowid, actor_rowid, issue_id, stance, evidence, date, day, confidence, pipeline) VALUES (?,?,?,?,?,?,?,?,?)').run(
        ar,
        g,
        s.issue,
        s.stance,
        JSON.stringify(s.evidence.map((ev: Span) => ({ start: ev.start, end: ev.end, text: ev.text }))),
        s.date ?? null,
        dayOf(s.date) ?? day,
        s.confidence ?? null,
        a.pipeline,
      );
      for (const ev of s.evidence) {
        for (const q of quoteRow.values()) {
          if (q.start < ev.end && ev.start < q.end) issueLinks.add(`${q.rowid}\u0000${s.issue}`);
        }
      }
    }
    for (const link of issueLinks) {
      const [qr, issue] = link.split('\u0000');
      this.st('INSERT OR IGNORE INTO quote_issues(quote_rowid, issue_id) VALUES (?,?)').run(Number(qr), issue!);
    }
  }

  /** Removes an article and all its facts, keeping the actor counters true. Call inside a transaction. */
  private deleteRow(ar: number): void {
    const touched = this.all('SELECT DISTINCT actor_rowid FROM article_actors WHERE article_rowid = ?', [ar]).map((r) => Number(r.actor_rowid));
    const perGlobal = new Map<number, { mentions: number; quotes: number; events: number }>();
    for (const r of this.all('SELECT actor_rowid, sum(mention_count) AS n FROM article_actors WHERE article_rowid = ? GROUP BY actor_rowid', [ar])) {
      perGlobal.set(Number(r.actor_rowid), { mentions: Number(r.n), quotes: 0, events: 0 });
    }
    for (const r of this.all('SELECT speaker_rowid AS g, count(*) AS n FROM quotes WHERE article_rowid = ? AND speaker_rowid IS NOT NULL GROUP BY speaker_rowid', [ar])) {
      const g = perGlobal.get(Number(r.g));
      if (g) g.quotes = Number(r.n);
    }
    for (const r of this.all(
      'SELECT ea.actor_rowid AS g, count(DISTINCT ea.event_rowid) AS n FROM event_actors ea JOIN events e ON e.rowid = ea.event_rowid WHERE e.article_rowid = ? GROUP BY ea.actor_rowid',
      [ar],
    )) {
      const g = perGlobal.get(Number(r.g));
      if (g) g.events = Number(r.n);
    }
    const old = this.get('SELECT headline, text, day FROM articles WHERE rowid = ?', [ar]);
    const oldDay = (old?.day as string | null | undefined) ?? null;
    if (old) this.st("INSERT INTO articles_fts(articles_fts, rowid, headline, text) VALUES ('delete', ?, ?, ?)").run(ar, old.headline ?? '', old.text as string);
    this.st('DELETE FROM quotes_fts WHERE rowid IN (SELECT rowid FROM quotes WHERE article_rowid = ?)').run(ar);
    this.st('DELETE FROM articles WHERE rowid = ?').run(ar);
    for (const [g, c] of perGlobal) {
      this.st('UPDATE actors SET article_count = article_count - 1, mention_count = mention_count - ?, quote_count = quote_count - ?, event_count = event_count - ? WHERE rowid = ?').run(
        c.mentions,
        c.quotes,
        c.events,
        g,
      );
    }
    // first and last seen change only for actors whose first or last article this was
    for (const g of touched) {
      this.st(
        `UPDATE actors SET
           first_seen = (SELECT min(a.day) FROM article_actors aa JOIN articles a ON a.rowid = aa.article_rowid WHERE aa.actor_rowid = actors.rowid),
           last_seen = (SELECT max(a.day) FROM article_actors aa JOIN articles a ON a.rowid = aa.article_rowid WHERE aa.actor_rowid = actors.rowid)
         WHERE rowid = ? AND (? IS NULL OR first_seen IS NULL OR first_seen = ? OR last_seen = ?)`,
      ).run(g, oldDay, oldDay, oldDay);
    }
    // actors no stored article mentions any more go (every fact's actor is one of its article's actors)
    for (const g of touched) {
      this.st('DELETE FROM actors WHERE rowid = ? AND article_count <= 0 AND NOT EXISTS (SELECT 1 FROM article_actors WHERE actor_rowid = ?)').run(g, g);
    }
  }

  async findArticle(key: { readonly id?: string; readonly url?: string }): Promise<StoredVersion | undefined> {
    return this.findArticleSync(key);
  }

  findArticleSync(key: { readonly id?: string; readonly url?: string }): StoredVersion | undefined {
    const r = (key.id ? this.get('SELECT id, pipeline FROM articles WHERE id = ?', [key.id]) : undefined) ?? (key.url ? this.get('SELECT id, pipeline FROM articles WHERE url = ?', [key.url]) : undefined);
    return r ? { id: String(r.id), pipeline: String(r.pipeline) } : undefined;
  }

  async putIssues(issues: readonly { readonly id: string; readonly label?: string; readonly proposition?: string }[]): Promise<void> {
    const tx = this.db.transaction(() => {
      for (const i of issues) {
        this.st('INSERT INTO issues(id, label, proposition) VALUES (?,?,?) ON CONFLICT(id) DO UPDATE SET label = coalesce(excluded.label, issues.label), proposition = coalesce(excluded.proposition, issues.proposition)').run(
          i.id,
          i.label ?? null,
          i.proposition ?? null,
        );
      }
    });
    this.guard(() => tx.immediate());
  }

  async deleteArticle(id: string): Promise<boolean> {
    const r = this.get('SELECT rowid FROM articles WHERE id = ?', [id]);
    if (!r) return false;
    this.guard(() => this.db.transaction(() => this.deleteRow(Number(r.rowid))).immediate());
    return true;
  }

  // ---------------------------------------------------------------- articles

  async articles(query: ArticleQuery = {}): Promise<Paged<ArticleHit>> {
    return this.guard(() => {
      const { limit, offset } = page(query);
      const w = new Where().dates('a.day', query);
      if (query.outlet) w.add('o.name = ?', query.outlet);
      if (query.actor) w.add('a.rowid IN (SELECT aa.article_rowid FROM article_actors aa JOIN actors x ON x.rowid = aa.actor_rowid WHERE x.key = ?)', query.actor);
      const fts = query.q ? ftsQuery(query.q) : undefined;
      if (query.q && !fts) return { items: [], total: 0 };
      if (fts) {
        const from = 'FROM articles_fts f JOIN articles a ON a.rowid = f.rowid LEFT JOIN outlets o ON o.rowid = a.outlet_rowid';
        const where = `WHERE articles_fts MATCH ?${w.clauses.length ? ` AND ${w.clauses.join(' AND ')}` : ''}`;
        const params = [fts, ...w.params];
        const total = this.count(`SELECT count(*) AS n ${from} ${where}`, params);
        const order = query.sort === 'published' ? 'a.day DESC, a.rowid DESC' : query.sort === 'ingested' ? 'a.rowid DESC' : 'f.rank';
        const rows = this.all(
          `SELECT ${ARTICLE_COLS}, f.rank AS score, snippet(articles_fts, 1, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', 24) AS snip ${from} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
          [...params, limit, offset],
        );
        return { items: rows.map((r) => ({ ...articleSummaryOf(r), snippet: String(r.snip), score: -Number(r.score) })), total };
      }
      const from = 'FROM articles a LEFT JOIN outlets o ON o.rowid = a.outlet_rowid';
      const total = this.count(`SELECT count(*) AS n ${from} ${w.sql()}`, w.params);
      const order = query.sort === 'ingested' ? 'a.rowid DESC' : 'a.day DESC, a.rowid DESC';
      const rows = this.all(`SELECT ${ARTICLE_COLS} ${from} ${w.sql()} ORDER BY ${order} LIMIT ? OFFSET ?`, [...w.params, limit, offset]);
      return { items: rows.map(articleSummaryOf), total };
    });
  }

  async article(id: string): Promise<StoredArticle | undefined> {
    return this.guard(() => {
      const r = this.get(`SELECT ${ARTICLE_COLS}, a.text, a.analysis FROM articles a LEFT JOIN outlets o ON o.rowid = a.outlet_rowid WHERE a.id = ?`, [id]);
      if (!r) return undefined;
      const actors: Record<string, ActorRef> = {};
      for (const x of this.all('SELECT aa.local_id, x.* FROM article_actors aa JOIN actors x ON x.rowid = aa.actor_rowid WHERE aa.article_rowid = ?', [Number(r.a_rowid)])) {
        actors[String(x.local_id)] = actorRefOf(x);
      }
      return { ...articleSummaryOf(r), text: String(r.text), analysis: this.analysisOf(r), actors };
    });
  }

  private analysisOf(r: Row): Analysis {
    const text = String(r.text);
    const parsed = expandSpans(JSON.parse(String(r.analysis)) as Analysis, text);
    const { id: docId, text: _stripped, ...rest } = parsed.doc;
    return { ...parsed, doc: { id: docId, text, ...rest } };
  }

  async outlets(query: PageQuery = {}): Promise<Paged<OutletSummary>> {
    return this.guard(() => {
      const { limit, offset } = page(query);
      const total = this.count('SELECT count(*) AS n FROM outlets');
      const rows = this.all(
        'SELECT o.name, count(a.rowid) AS n FROM outlets o LEFT JOIN articles a ON a.outlet_rowid = o.rowid GROUP BY o.rowid ORDER BY n DESC, o.name LIMIT ? OFFSET ?',
        [limit, offset],
      );
      return { items: rows.map((x) => ({ name: String(x.name), articleCount: Number(x.n) })), total };
    });
  }

  // ---------------------------------------------------------------- quotes and statements

  private actorFilter(w: Where, col: string, who: string | undefined, country: string | undefined): void {
    if (who) {
      if (/^(kb|n):/.test(who)) w.add(`${col} = (SELECT rowid FROM actors WHERE key = ?)`, who);
      else w.add(`${col} IN (SELECT rowid FROM actors WHERE name LIKE ? ESCAPE '\\')`, `%${who.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
    }
    if (country) w.add(`${col} IN (SELECT rowid FROM actors WHERE country = ?)`, country.toUpperCase());
  }

  private quoteWhere(query: QuoteQuery): Where {
    const w = new Where().dates('q.day', query);
    this.actorFilter(w, 'q.speaker_rowid', query.speaker, query.country);
    if (query.issue) w.add('q.rowid IN (SELECT quote_rowid FROM quote_issues WHERE issue_id = ?)', query.issue);
    if (query.articleId) w.add('q.article_rowid = (SELECT rowid FROM articles WHERE id = ?)', query.articleId);
    if (query.kind) w.add('q.kind = ?', query.kind);
    if (query.outlet) w.add('q.article_rowid IN (SELECT a2.rowid FROM articles a2 JOIN outlets o2 ON o2.rowid = a2.outlet_rowid WHERE o2.name = ?)', query.outlet);
    return w;
  }

  private static readonly QUOTE_COLS = `q.rowid AS q_rowid, q.local_id, q.kind, q.content, q.start, q.end, q.cue, q.source_text, q.confidence, q.pipeline, q.day,
    a.id AS article_id, a.published, a.headline, a.url, o.name AS outlet, st.local_id AS statement_local,
    ${ACTOR_COLS('s')}, ${ACTOR_COLS('v')},
    (SELECT group_concat(issue_id, ' ') FROM quote_issues qi WHERE qi.quote_rowid = q.rowid) AS issue_ids`;

  private static readonly QUOTE_JOINS = `JOIN articles a ON a.rowid = q.article_rowid LEFT JOIN outlets o ON o.rowid = a.outlet_rowid
    LEFT JOIN actors s ON s.rowid = q.speaker_rowid LEFT JOIN actors v ON v.rowid = q.via_rowid LEFT JOIN statements st ON st.rowid = q.statement_rowid`;

  private quoteOf(r: Row): QuoteHit {
    const articleId = String(r.article_id);
    return defined({
      id: `${articleId}:${r.local_id}`,
      articleId,
      localId: String(r.local_id),
      kind: r.kind as QuoteKind,
      text: String(r.content),
      start: Number(r.start),
      end: Number(r.end),
      cue: str(r.cue),
      speaker: actorRefFrom(r, 's'),
      sourceText: str(r.source_text),
      via: actorRefFrom(r, 'v'),
      statementId: r.statement_local ? `${articleId}:${r.statement_local}` : undefined,
      confidence: Number(r.confidence),
      published: str(r.published),
      outlet: str(r.outlet),
      headline: str(r.headline),
      url: str(r.url),
      pipeline: String(r.pipeline),
      issues: r.issue_ids ? String(r.issue_ids).split(' ') : [],
      snippet: str(r.snip),
      score: r.score === undefined || r.score === null ? undefined : -Number(r.score),
    });
  }

  async quotes(query: QuoteQuery = {}): Promise<Paged<QuoteHit>> {
    return this.guard(() => this.quotesSync(query));
  }

  /**
   * Synchronous quote search (the HTTP server may call it directly to skip a microtask). Two steps:
   * the page of row ids is found first (ranked or by date), then only those rows are joined and
   * highlighted, so the cost of the details does not grow with the number of matches.
   */
  quotesSync(query: QuoteQuery = {}): Paged<QuoteHit> {
    const { limit, offset } = page(query);
    const w = this.quoteWhere(query);
    const fts = query.q ? ftsQuery(query.q) : undefined;
    if (query.q && !fts) return { items: [], total: 0 };
    let ids: { r: number; score?: number }[];
    let total: number;
    if (fts) {
      const where = `WHERE quotes_fts MATCH ?${w.clauses.length ? ` AND ${w.clauses.join(' AND ')}` : ''}`;
      const params = [fts, ...w.params];
      const join = w.clauses.length || query.sort === 'published' ? 'JOIN quotes q ON q.rowid = f.rowid' : '';
      total = w.clauses.length ? this.count(`SELECT count(*) AS n FROM quotes_fts f ${join} ${where}`, params) : this.count('SELECT count(*) AS n FROM quotes_fts WHERE quotes_fts MATCH ?', [fts]);
      if (!total || limit === 0) return { items: [], total };
      const order = query.sort === 'published' ? 'q.day DESC, q.rowid DESC' : 'f.rank';
      ids = this.all(`SELECT f.rowid AS r, f.rank AS score FROM quotes_fts f ${join} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, limit, offset]) as { r: number; score: number }[];
    } else {
      total = this.count(`SELECT count(*) AS n FROM quotes q ${w.sql()}`, w.params);
      if (!total || limit === 0) return { items: [], total };
      ids = this.all(`SELECT q.rowid AS r FROM quotes q ${w.sql()} ORDER BY q.day DESC, q.rowid DESC LIMIT ? OFFSET ?`, [...w.params, limit, offset]) as { r: number }[];
    }
    if (!ids.length) return { items: [], total };
    const list = JSON.stringify(ids.map((x) => x.r));
    const rows = new Map<number, Row>();
    for (const r of this.all(`SELECT ${SqliteStore.QUOTE_COLS} FROM quotes q ${SqliteStore.QUOTE_JOINS} WHERE q.rowid IN (SELECT value FROM json_each(?))`, [list])) rows.set(Number(r.q_rowid), r);
    if (fts) {
      for (const h of this.all(
        `SELECT rowid AS r, highlight(quotes_fts, 0, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}') AS snip FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
        [fts, list],
      )) {
        const r = rows.get(Number(h.r));
        if (r) r.snip = h.snip;
      }
    }
    const items: QuoteHit[] = [];
    for (const x of ids) {
      const r = rows.get(x.r);
      if (!r) continue;
      if (x.score !== undefined) r.score = x.score;
      items.push(this.quoteOf(r));
    }
    return { items, total };
  }

  async quote(id: string): Promise<QuoteHit | undefined> {
    return this.guard(() => {
      const i = id.indexOf(':');
      if (i < 0) return undefined;
      const r = this.get(`SELECT ${SqliteStore.QUOTE_COLS} FROM quotes q ${SqliteStore.QUOTE_JOINS} WHERE a.id = ? AND q.local_id = ?`, [id.slice(0, i), id.slice(i + 1)]);
      return r ? this.quoteOf(r) : undefined;
    });
  }

  async statements(query: StatementQuery = {}): Promise<Paged<StatementHit>> {
    return this.guard(() => {
      const { limit, offset } = page(query);
      const w = new Where().dates('st.day', query);
      this.actorFilter(w, 'st.speaker_rowid', query.speaker, query.country);
      if (query.group) {
        const g = /^g(\d+)$/.exec(query.group);
        if (!g) return { items: [], total: 0 };
        w.add('st.group_rowid = ?', Number(g[1]));
      }
      const fts = query.q ? ftsQuery(query.q) : undefined;
      if (query.q && !fts) return { items: [], total: 0 };
      if (fts) w.add('st.rowid IN (SELECT q2.statement_rowid FROM quotes_fts f JOIN quotes q2 ON q2.rowid = f.rowid WHERE quotes_fts MATCH ? AND q2.statement_rowid IS NOT NULL)', fts);
      const total = this.count(`SELECT count(*) AS n FROM statements st ${w.sql()}`, w.params);
      const rows = this.all(
        `SELECT st.local_id, st.quote_locals, a.id AS article_id, a.published, a.headline, o.name AS outlet, ${ACTOR_COLS('s')},
           st.canonical_text, st.group_rowid,
           (SELECT count(DISTINCT g.article_rowid) FROM statements g WHERE g.group_rowid = st.group_rowid) AS group_articles
         FROM statements st JOIN articles a ON a.rowid = st.article_rowid LEFT JOIN outlets o ON o.rowid = a.outlet_rowid LEFT JOIN actors s ON s.rowid = st.speaker_rowid
         ${w.sql()} ORDER BY st.day DESC, st.rowid DESC LIMIT ? OFFSET ?`,
        [...w.params, limit, offset],
      );
      const items = rows.map((r): StatementHit => {
        const articleId = String(r.article_id);
        return defined({
          id: `${articleId}:${r.local_id}`,
          articleId,
          speaker: actorRefFrom(r, 's'),
          text: String(r.canonical_text ?? ''),
          quoteIds: (JSON.parse(String(r.quote_locals)) as string[]).map((q) => `${articleId}:${q}`),
          group: r.group_rowid === null || r.group_rowid === undefined ? undefined : `g${r.group_rowid}`,
          groupArticles: Number(r.group_articles ?? 1),
          published: str(r.published),
          outlet: str(r.outlet),
          headline: str(r.headline),
        });
      });
      return { items, total };
    });
  }

  // ---------------------------------------------------------------- actors

  async actors(query: ActorQuery = {}): Promise<Paged<ActorSummary>> {
    return this.guard(() => {
      const { limit, offset } = page(query);
      const w = new Where();
      if (query.q) w.add("x.name LIKE ? ESCAPE '\\'", `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
      if (query.country) w.add('x.country = ?', query.country.toUpperCase());
      if (query.kind) w.add('x.kind = ?', query.kind);
      if (query.sector) w.add('x.sector = ?', query.sector.toUpperCase());
      const total = this.count(`SELECT count(*) AS n FROM actors x ${w.sql()}`, w.params);
      const order =
        query.sort === 'name' ? 'x.name COLLATE NOCASE' : query.sort === 'mentions' ? 'x.mention_count DESC, x.name' : query.sort === 'events' ? 'x.event_count DESC, x.name' : 'x.quote_count DESC, x.mention_count DESC, x.name';
      const rows = this.all(`SELECT x.* FROM actors x ${w.sql()} ORDER BY ${order} LIMIT ? OFFSET ?`, [...w.params, limit, offset]);
      return { items: rows.map(actorSummaryOf), total };
    });
  }

  async actor(id: string, opts: { readonly period?: Period; readonly eventLimit?: number } = {}): Promise<ActorDetail | undefined> {
    const period = checkPeriod(opts.period, 'month');
    const x = this.guard(() => this.get('SELECT x.* FROM actors x WHERE x.key = ?', [id]));
    if (!x) return undefined;
    const rowid = Number(x.rowid);
    const quotesOverTime = this.guard(() =>
      this.all(`SELECT ${periodSql('day', period)} AS p, count(*) AS n FROM quotes WHERE speaker_rowid = ? AND ${periodFilter('day', period)} GROUP BY p ORDER BY p`, [rowid]).map(
        (r): TimeCount => ({ period: String(r.p), count: Number(r.n) }),
      ),
    );
    const recent = await this.quotes({ speaker: id, limit: 10 });
    const eventLimit = opts.eventLimit ?? 20;
    const eventsAsActor = await this.events({ source: id, limit: eventLimit });
    const eventsAsRecipient = await this.events({ recipient: id, limit: eventLimit });
    const stances: Record<string, StancePoint[]> = {};
    for (const s of this.guard(() => this.all('SELECT s.*, a.id AS article_id FROM stances s JOIN articles a ON a.rowid = s.article_rowid WHERE s.actor_rowid = ? ORDER BY s.issue_id, s.day, s.rowid', [rowid]))) {
      (stances[String(s.issue_id)] ??= []).push(stancePointOf(s));
    }
    return { ...actorSummaryOf(x), quotesOverTime, recentQuotes: recent.items, eventsAsActor, eventsAsRecipient, stances };
  }

  // ---------------------------------------------------------------- issues and stances

  async issues(query: PageQuery = {}): Promise<Paged<IssueSummary>> {
    return this.guard(() => {
      const { limit, offset } = page(query);
      const total = this.count('SELECT count(*) AS n FROM issues');
      const rows = this.all(
        `SELECT i.id, i.label, i.proposition, count(s.rowid) AS n, count(DISTINCT s.actor_rowid) AS actors, max(s.day) AS last
         FROM issues i LEFT JOIN stances s ON s.issue_id = i.id GROUP BY i.id ORDER BY n DESC, i.id LIMIT ? OFFSET ?`,
        [limit, offset],
      );
      return { items: rows.map(issueSummaryOf), total };
    });
  }

  async issue(id: string, opts: { readonly period?: Period } & DateRange = {}): Promise<IssueDetail | undefined> {
    const period = checkPeriod(opts.period, 'week');
    return this.guard(() => {
      const w = new Where().add('s.issue_id = ?', id).dates('s.day', opts);
      const head = this.get(
        `SELECT i.id, i.label, i.proposition, count(s.rowid) AS n, count(DISTINCT s.actor_rowid) AS actors, max(s.day) AS last
         FROM issues i LEFT JOIN stances s ON s.issue_id = i.id WHERE i.id = ? GROUP BY i.id`,
        [id],
      );
      if (!head) return undefined;
      const byActor = new Map<number, { actor: ActorRef; history: StancePoint[] }>();
      for (const r of this.all(
        `SELECT s.*, a.id AS article_id, ${ACTOR_COLS('x')} FROM stances s JOIN articles a ON a.rowid = s.article_rowid JOIN actors x ON x.rowid = s.actor_rowid
         ${w.sql()} ORDER BY s.day, s.rowid`,
        w.params,
      )) {
        const k = Number(r.actor_rowid);
        const e = byActor.get(k) ?? { actor: actorRefFrom(r, 'x')!, history: [] };
        e.history.push(stancePointOf(r));
        byActor.set(k, e);
      }
      const positions: ActorPosition[] = [...byActor.values()].map(({ actor, history }) => {
        const last = history[history.length - 1]!;
        return defined({ actor, stance: last.stance, date: last.date, articleId: last.articleId, history });
      });
      positions.sort((a, b) => b.history.length - a.history.length || a.actor.name.localeCompare(b.actor.name));
      const overTime = this.all(
        `SELECT ${periodSql('s.day', period)} AS p, s.stance, count(*) AS n FROM stances s ${w.sql()} AND ${periodFilter('s.day', period)} GROUP BY p, s.stance ORDER BY p, s.stance`,
        w.params,
      ).map((r) => ({ period: String(r.p), stance: r.stance as StanceValue, count: Number(r.n) }));
      return { ...issueSummaryOf(head), positions, overTime };
    });
  }

  async stances(query: StanceQuery = {}): Promise<Paged<StanceHit>> {
    return this.guard(() => {
      const { limit, offset } = page(query);
      const w = new Where().dates('s.day', query);
      if (query.issue) w.add('s.issue_id = ?', query.issue);
      if (query.actor) w.add('s.actor_rowid = (SELECT rowid FROM actors WHERE key = ?)', query.actor);
      if (query.stance) w.add('s.stance = ?', query.stance);
      const total = this.count(`SELECT count(*) AS n FROM stances s ${w.sql()}`, w.params);
      const rows = this.all(
        `SELECT s.*, a.id AS article_id, a.published, a.headline, ${ACTOR_COLS('x')} FROM stances s JOIN articles a ON a.rowid = s.article_rowid JOIN actors x ON x.rowid = s.actor_rowid
         ${w.sql()} ORDER BY s.day DESC, s.rowid DESC LIMIT ? OFFSET ?`,
        [...w.params, limit, offset],
      );
      return { items: rows.map((r) => defined({ ...stancePointOf(r), actor: actorRefFrom(r, 'x')!, published: str(r.published), headline: str(r.headline) })), total };
    });
  }

  // ---------------------------------------------------------------- events

  private eventWhere(query: EventQuery): Where {
    const w = new Where().dates('e.day', query);
    if (query.type) w.add('e.type = ?', query.type.toUpperCase());
    if (query.quad !== undefined) w.add('e.quad = ?', query.quad);
    if (query.modality) w.add('e.modality = ?', query.modality);
    if (query.articleId) w.add('e.article_rowid = (SELECT rowid FROM articles WHERE id = ?)', query.articleId);
    const side = (key: string, s: string | null) =>
      w.add(`e.rowid IN (SELECT ea.event_rowid FROM event_actors ea WHERE ea.actor_rowid = (SELECT rowid FROM actors WHERE key = ?)${s ? ` AND ea.side = '${s}'` : ''})`, key);
    if (query.actor) side(query.actor, null);
    if (query.source) side(query.source, 'a');
    if (query.recipient) side(query.recipient, 'r');
    if (query.country) w.add('e.rowid IN (SELECT ea.event_rowid FROM event_actors ea JOIN actors x ON x.rowid = ea.actor_rowid WHERE x.country = ?)', query.country.toUpperCase());
    return w;
  }

  async events(query: EventQuery = {}): Promise<Paged<EventHit>> {
    return this.guard(() => {
      const { limit, offset } = page(query);
      const w = this.eventWhere(query);
      const total = this.count(`SELECT count(*) AS n FROM events e ${w.sql()}`, w.params);
      if (!total || !limit) return { items: [], total };
      const rows = this.all(
        `SELECT e.*, a.id AS article_id, a.published, a.headline FROM events e JOIN articles a ON a.rowid = e.article_rowid ${w.sql()} ORDER BY e.day DESC, e.rowid DESC LIMIT ? OFFSET ?`,
        [...w.params, limit, offset],
      );
      const sides = new Map<number, { a: ActorRef[]; r: ActorRef[] }>();
      if (rows.length) {
        const ids = rows.map((r) => Number(r.rowid));
        for (const x of this.all(
          `SELECT ea.event_rowid, ea.side, x.* FROM event_actors ea JOIN actors x ON x.rowid = ea.actor_rowid WHERE ea.event_rowid IN (${ids.map(() => '?').join(',')})`,
          ids,
        )) {
          const e = sides.get(Number(x.event_rowid)) ?? { a: [], r: [] };
          (x.side === 'a' ? e.a : e.r).push(actorRefOf(x));
          sides.set(Number(x.event_rowid), e);
        }
      }
      const items = rows.map((r): EventHit => {
        const articleId = String(r.article_id);
        const s = sides.get(Number(r.rowid)) ?? { a: [], r: [] };
        return defined({
          id: `${articleId}:${r.local_id}`,
          articleId,
          localId: String(r.local_id),
          type: String(r.type),
          mode: str(r.mode),
          cameo: str(r.cameo),
          quad: Number(r.quad),
          actors: s.a,
          recipients: s.r,
          trigger: String(r.trigger),
          evidence: String(r.evidence),
          evidenceStart: Number(r.evidence_start),
          evidenceEnd: Number(r.evidence_end),
          date: str(r.date) ?? str(r.day),
          modality: r.modality as Modality,
          negated: !!r.negated,
          published: str(r.published),
          headline: str(r.headline),
          pipeline: String(r.pipeline),
        });
      });
      return { items, total };
    });
  }

  async eventCounts(query: EventQuery & { readonly period?: Period } = {}): Promise<EventTypeCount[]> {
    const period = checkPeriod(query.period, 'month');
    return this.guard(() => {
      const w = this.eventWhere(query).add(periodFilter('e.day', period));
      return this.all(`SELECT ${periodSql('e.day', period)} AS p, e.type, count(*) AS n FROM events e ${w.sql()} GROUP BY p, e.type ORDER BY p, e.type`, w.params).map((r) => ({
        period: String(r.p),
        type: String(r.type),
        count: Number(r.n),
      }));
    });
  }

  async eventNetwork(query: EventQuery & { readonly minCount?: number; readonly maxEdges?: number } = {}): Promise<EventNetwork> {
    return this.guard(() => {
      const w = this.eventWhere(query);
      const rows = this.all(
        `SELECT s.actor_rowid AS src, t.actor_rowid AS dst, e.type, count(*) AS n FROM event_actors s
           JOIN event_actors t ON t.event_rowid = s.event_rowid AND t.side = 'r'
           JOIN events e ON e.rowid = s.event_rowid
         WHERE s.side = 'a'${w.clauses.length ? ` AND ${w.clauses.join(' AND ')}` : ''} GROUP BY src, dst, e.type`,
        w.params,
      );
      const edges = new Map<string, { src: number; dst: number; count: number; types: Record<string, number> }>();
      for (const r of rows) {
        const k = `${r.src}>${r.dst}`;
        const e = edges.get(k) ?? { src: Number(r.src), dst: Number(r.dst), count: 0, types: {} };
        e.count += Number(r.n);
        e.types[String(r.type)] = (e.types[String(r.type)] ?? 0) + Number(r.n);
        edges.set(k, e);
      }
      const kept = [...edges.values()]
        .filter((e) => e.count >= (query.minCount ?? 1))
        .sort((a, b) => b.count - a.count || a.src - b.src || a.dst - b.dst)
        .slice(0, Math.max(0, query.maxEdges ?? 200));
      const ids = [...new Set(kept.flatMap((e) => [e.src, e.dst]))];
      const refs = new Map<number, ActorRef>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        for (const x of this.all(`SELECT x.rowid AS r, x.* FROM actors x WHERE x.rowid IN (${chunk.map(() => '?').join(',')})`, chunk)) refs.set(Number(x.r), actorRefOf(x));
      }
      const degree = new Map<number, number>();
      for (const e of kept) {
        degree.set(e.src, (degree.get(e.src) ?? 0) + e.count);
        degree.set(e.dst, (degree.get(e.dst) ?? 0) + e.count);
      }
      const outEdges: NetworkEdge[] = kept.map((e) => ({ source: refs.get(e.src)!, target: refs.get(e.dst)!, count: e.count, types: e.types }));
      return { nodes: ids.map((i) => ({ ...refs.get(i)!, degree: degree.get(i) ?? 0 })), edges: outEdges };
    });
  }

  // ---------------------------------------------------------------- stats and export

  private statsCache: { key: string; value: StoreStats } | undefined;

  /** Counts are cached until this or another connection writes (`data_version`, `total_changes()`). */
  async stats(): Promise<StoreStats> {
    const key = `${this.db.pragma('data_version', { simple: true })}:${(this.get('SELECT total_changes() AS n') as { n: number }).n}`;
    if (this.statsCache?.key === key) return this.statsCache.value;
    const value = this.computeStats();
    this.statsCache = { key, value };
    return value;
  }

  private computeStats(): StoreStats {
    return this.guard(() => {
      const n = (t: string) => this.count(`SELECT count(*) AS n FROM ${t}`);
      const span = this.get('SELECT min(day) AS first, max(day) AS last, max(ingested_at) AS ingested FROM articles')!;
      return defined({
        articles: n('articles'),
        outlets: n('outlets'),
        actors: n('actors'),
        mentions: n('mentions'),
        quotes: n('quotes'),
        statements: n('statements'),
        events: n('events'),
        stances: n('stances'),
        issues: n('issues'),
        firstPublished: str(span.first),
        lastPublished: str(span.last),
        lastIngested: str(span.ingested),
        pipelines: this.all('SELECT pipeline, count(*) AS n FROM articles GROUP BY pipeline ORDER BY n DESC').map((r) => ({ pipeline: String(r.pipeline), articles: Number(r.n) })),
        schemaVersion: this.schemaVersion,
        backend: 'sqlite',
      });
    });
  }

  async *iterateAnalyses(): AsyncIterable<{ readonly summary: ArticleSummary; readonly analysis: Analysis }> {
    let last = 0;
    for (;;) {
      const rows = this.guard(() =>
        this.all(`SELECT ${ARTICLE_COLS}, a.text, a.analysis FROM articles a LEFT JOIN outlets o ON o.rowid = a.outlet_rowid WHERE a.rowid > ? ORDER BY a.rowid LIMIT 200`, [last]),
      );
      if (!rows.length) return;
      for (const r of rows) yield { summary: articleSummaryOf(r), analysis: this.analysisOf(r) };
      last = Number(rows[rows.length - 1]!.a_rowid);
    }
  }

  /** Runs a checkpoint and `PRAGMA optimize` (for long-running writers). */
  optimize(): void {
    this.db.pragma('optimize');
  }

  async close(): Promise<void> {
    if (this.db.open) {
      try {
        if (!this.db.readonly) this.db.pragma('optimize');
      } catch {
        // closing must not fail on a busy database
      }
      this.db.close();
    }
  }
}

function id(a: Analysis): string {
  return a.doc.id;
}

function stancePointOf(r: Row): StancePoint {
  return defined({
    issue: String(r.issue_id),
    stance: r.stance as StanceValue,
    date: str(r.date) ?? str(r.day),
    articleId: String(r.article_id),
    evidence: (JSON.parse(String(r.evidence)) as Span[]).map((e) => e.text),
    confidence: r.confidence === null ? undefined : Number(r.confidence),
  });
}

function issueSummaryOf(r: Row): IssueSummary {
  return defined({
    id: String(r.id),
    label: str(r.label),
    proposition: str(r.proposition),
    stanceCount: Number(r.n),
    actorCount: Number(r.actors),
    lastSeen: str(r.last),
  });
}

/** Applies the migrations a store lacks; refuses a store written by a newer program. */
function migrate(db: Db, where: string, readonly: boolean): number {
  const has = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!has) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) throw new AttacheError('ATT_E040', 'not an Attaché store (the file holds other tables)', where);
    if (readonly) throw new AttacheError('ATT_E040', 'store is empty (ingest something first)', where);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  }
  const current = Number((db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0);
  if (current > SQLITE_SCHEMA_VERSION) {
    throw new AttacheError('ATT_E041', `store schema version ${current} is newer than this program's (${SQLITE_SCHEMA_VERSION}); upgrade Attaché to use it`, where);
  }
  const pending = SQLITE_MIGRATIONS.filter((m) => m.version > current);
  if (pending.length && readonly) throw new AttacheError('ATT_E040', `store schema version ${current} is older than this program's (${SQLITE_SCHEMA_VERSION}); open it once for writing (e.g. attache ingest) to upgrade it`, where);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.up);
      db.prepare('INSERT INTO schema_migrations(version, name, applied_at) VALUES (?,?,?)').run(m.version, m.name, new Date().toISOString());
    })();
  }
  return pending.length ? SQLITE_SCHEMA_VERSION : current;
}
