import type { Analysis } from '../analysis/analysis.js';
import type { ActorKind, Modality, QuoteKind, StanceValue } from '../doc/records.js';
import { AttacheError } from '../errors.js';

/**
 * The narrow, backend-neutral store interface: what ingestion writes and what the CLI, the HTTP API
 * and the dashboard read. Every method is async so a PostgreSQL backend can implement the same
 * contract; the SQLite backend (`sqlite-store.ts`) answers synchronously underneath.
 *
 * Ids: an article's id is its content hash (`Analysis.doc.id`); a stored actor's id is global across
 * articles (`kb:<kbId>` for knowledge-base actors, otherwise `n:<name>|<country>`); a quote's or
 * event's id is `<articleId>:<id in its Analysis>`. Dates are ISO 8601 strings; date filters are
 * inclusive and compare on the article's publication date (or the fact's own date where it has one).
 */

/** Where the store lives: the default file when the user names none. */
export const DEFAULT_DB = 'attache.db';

// ---------------------------------------------------------------- common shapes

export interface PageQuery {
  /** At most this many items (default 20, capped by the backend at 500). */
  readonly limit?: number;
  /** Skip this many items first (default 0). */
  readonly offset?: number;
}

/** A page of results and how many there are in all. */
export interface Paged<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface DateRange {
  /** Inclusive lower bound, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly from?: string;
  /** Inclusive upper bound (a day, month or year includes all of it). */
  readonly to?: string;
}

/** The bucket size of a time series. */
export type Period = 'day' | 'week' | 'month' | 'year';

/** A short description of a stored actor, as it appears inside other results. */
export interface ActorRef {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly country?: string;
  readonly sector?: string;
  readonly role?: string;
  readonly kbId?: string;
}

// ---------------------------------------------------------------- writes

/** One analysed article to store, with what the source said about it outside the text. */
export interface ArticleInput {
  readonly analysis: Analysis;
  /** Canonical URL (feed item link, `<link rel=canonical>`, JSONL `url`); second key for de-duplication. */
  readonly url?: string;
  /** Where it was read from (file path, feed URL#item). */
  readonly uri?: string;
  /** Outlet name or host when the Analysis does not know it. */
  readonly outlet?: string;
  /** Publication date from the source (e.g. a feed) when the Analysis does not carry one. */
  readonly published?: string;
  /** Replace the stored facts even when they came from the same pipeline version (`ingest --force`). */
  readonly replace?: boolean;
}

export type PutStatus = 'inserted' | 'replaced' | 'duplicate' | 'failed';

export interface PutResult {
  readonly id: string;
  readonly status: PutStatus;
  /** Why a `failed` article was not stored (the others of the batch are). */
  readonly error?: string;
}

/** What the store knows of an article before analysing it again: lets ingestion skip early. */
export interface StoredVersion {
  readonly id: string;
  readonly pipeline: string;
}

// ---------------------------------------------------------------- articles

export interface ArticleSummary {
  readonly id: string;
  readonly url?: string;
  readonly uri?: string;
  readonly outlet?: string;
  readonly headline?: string;
  readonly published?: string;
  readonly language: string;
  readonly pipeline: string;
  readonly ingestedAt: string;
  readonly quoteCount: number;
  readonly eventCount: number;
  readonly actorCount: number;
}

export interface StoredArticle extends ArticleSummary {
  readonly text: string;
  /** The full Analysis as produced at ingestion. */
  readonly analysis: Analysis;
  /** The article's actors mapped to their global store ids (Analysis actor id → stored actor). */
  readonly actors: Readonly<Record<string, ActorRef>>;
}

export interface ArticleQuery extends PageQuery, DateRange {
  /** Full-text query over headline and text. */
  readonly q?: string;
  readonly outlet?: string;
  /** Articles that mention this stored actor id. */
  readonly actor?: string;
  readonly sort?: 'published' | 'ingested' | 'relevance';
}

export interface ArticleHit extends ArticleSummary {
  /** With a full-text query: text around the match, matched words wrapped in `SNIPPET_OPEN` / `SNIPPET_CLOSE`. */
  readonly snippet?: string;
  readonly score?: number;
}

// ---------------------------------------------------------------- quotes and statements

export interface QuoteHit {
  readonly id: string;
  readonly articleId: string;
  /** The quote's id inside its article's Analysis. */
  readonly localId: string;
  readonly kind: QuoteKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly cue?: string;
  readonly speaker?: ActorRef;
  /** The speaker as written where it was not resolved to an actor. */
  readonly sourceText?: string;
  readonly via?: ActorRef;
  readonly statementId?: string;
  readonly confidence: number;
  readonly published?: string;
  readonly outlet?: string;
  readonly headline?: string;
  readonly url?: string;
  readonly pipeline: string;
  /** Issue ids this quote bears on (through stances whose evidence it overlaps). */
  readonly issues: readonly string[];
  /** With a full-text query: the quote text with matches wrapped in `SNIPPET_OPEN` / `SNIPPET_CLOSE`. */
  readonly snippet?: string;
  readonly score?: number;
}

export interface QuoteQuery extends PageQuery, DateRange {
  /** Full-text query over quote content and speaker names (words; `"a phrase"`; `word*`). */
  readonly q?: string;
  /** A stored actor id, or a name matched case-insensitively as a substring of the speaker's name. */
  readonly speaker?: string;
  /** ISO3 / IGO code of the speaker. */
  readonly country?: string;
  readonly issue?: string;
  readonly articleId?: string;
  readonly kind?: QuoteKind;
  readonly outlet?: string;
  readonly sort?: 'relevance' | 'published';
}

/** Marks placed around matched words in snippets; never characters that can occur in escaped HTML. */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

export interface StatementHit {
  /** `<articleId>:<statement id>`. */
  readonly id: string;
  readonly articleId: string;
  readonly speaker?: ActorRef;
  /** Text of the canonical quote. */
  readonly text: string;
  readonly quoteIds: readonly string[];
  readonly published?: string;
  readonly outlet?: string;
  readonly headline?: string;
  /**
   * The same remark across articles: statements of one speaker in several articles (outlets,
   * wordings, translations) that say the same thing share this id (`g<n>`).
   */
  readonly group?: string;
  /** How many articles carry this statement's group. */
  readonly groupArticles?: number;
}

export interface StatementQuery extends PageQuery, DateRange {
  readonly q?: string;
  readonly speaker?: string;
  readonly country?: string;
  /** The statements of one cross-article group (`StatementHit.group`). */
  readonly group?: string;
}

// ---------------------------------------------------------------- actors

export interface ActorSummary extends ActorRef {
  readonly articleCount: number;
  readonly mentionCount: number;
  readonly quoteCount: number;
  readonly eventCount: number;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
}

export interface ActorQuery extends PageQuery {
  /** Case-insensitive substring of the name. */
  readonly q?: string;
  readonly country?: string;
  readonly kind?: ActorKind;
  readonly sector?: string;
  readonly sort?: 'quotes' | 'mentions' | 'name' | 'events';
}

export interface TimeCount {
  /** Bucket start: `YYYY-MM-DD` (day, week: its Monday), `YYYY-MM` (month) or `YYYY` (year). */
  readonly period: string;
  readonly count: number;
}

export interface StancePoint {
  readonly issue: string;
  readonly stance: StanceValue;
  readonly date?: string;
  readonly articleId: string;
  readonly evidence: readonly string[];
  readonly confidence?: number;
}

export interface ActorDetail extends ActorSummary {
  readonly quotesOverTime: readonly TimeCount[];
  /** The latest quotes (use `quotes({ speaker: id })` for more). */
  readonly recentQuotes: readonly QuoteHit[];
  readonly eventsAsActor: Paged<EventHit>;
  readonly eventsAsRecipient: Paged<EventHit>;
  /** Every stance of this actor, by issue, in date order. */
  readonly stances: Readonly<Record<string, readonly StancePoint[]>>;
}

// ---------------------------------------------------------------- issues and stances

export interface IssueSummary {
  readonly id: string;
  readonly label?: string;
  readonly proposition?: string;
  readonly stanceCount: number;
  readonly actorCount: number;
  readonly lastSeen?: string;
}

export interface ActorPosition {
  readonly actor: ActorRef;
  /** The latest stance. */
  readonly stance: StanceValue;
  readonly date?: string;
  readonly articleId: string;
  /** Every stance of this actor on the issue, oldest first. */
  readonly history: readonly StancePoint[];
}

export interface IssueDetail extends IssueSummary {
  /** Who stands where now (latest stance per actor). */
  readonly positions: readonly ActorPosition[];
  /** Counts of stances per period and value, for the chart over time. */
  readonly overTime: readonly (TimeCount & { readonly stance: StanceValue })[];
}

export interface StanceQuery extends PageQuery, DateRange {
  readonly issue?: string;
  readonly actor?: string;
  readonly stance?: StanceValue;
}

export interface StanceHit extends StancePoint {
  readonly actor: ActorRef;
  readonly published?: string;
  readonly headline?: string;
}

// ---------------------------------------------------------------- events

export interface EventHit {
  readonly id: string;
  readonly articleId: string;
  readonly localId: string;
  readonly type: string;
  readonly mode?: string;
  readonly cameo?: string;
  readonly quad: number;
  readonly actors: readonly ActorRef[];
  readonly recipients: readonly ActorRef[];
  readonly trigger: string;
  readonly evidence: string;
  readonly evidenceStart: number;
  readonly evidenceEnd: number;
  /** The event's own date, else the article's publication date. */
  readonly date?: string;
  readonly modality: Modality;
  readonly negated: boolean;
  readonly published?: string;
  readonly headline?: string;
  readonly pipeline: string;
}

export interface EventQuery extends PageQuery, DateRange {
  /** PLOVER type (AGREE, CONSULT, …). */
  readonly type?: string;
  readonly quad?: number;
  /** Stored actor id on either side. */
  readonly actor?: string;
  /** Stored actor id as the source only. */
  readonly source?: string;
  /** Stored actor id as the recipient only. */
  readonly recipient?: string;
  /** Country of an actor on either side. */
  readonly country?: string;
  readonly articleId?: string;
  readonly modality?: Modality;
}

export interface EventTypeCount extends TimeCount {
  readonly type: string;
}

export interface NetworkEdge {
  readonly source: ActorRef;
  readonly target: ActorRef;
  readonly count: number;
  /** Counts by PLOVER type. */
  readonly types: Readonly<Record<string, number>>;
}

export interface EventNetwork {
  readonly nodes: readonly (ActorRef & { readonly degree: number })[];
  readonly edges: readonly NetworkEdge[];
}

// ---------------------------------------------------------------- stats

export interface StoreStats {
  readonly articles: number;
  readonly outlets: number;
  readonly actors: number;
  readonly mentions: number;
  readonly quotes: number;
  readonly statements: number;
  readonly events: number;
  readonly stances: number;
  readonly issues: number;
  readonly firstPublished?: string;
  readonly lastPublished?: string;
  readonly lastIngested?: string;
  /** Articles per pipeline version. */
  readonly pipelines: readonly { readonly pipeline: string; readonly articles: number }[];
  readonly schemaVersion: number;
  readonly backend: string;
}

export interface OutletSummary {
  readonly name: string;
  readonly articleCount: number;
}

// ---------------------------------------------------------------- the interface

export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** The file path or URL the store was opened with (credentials removed). */
  readonly location: string;

  // writes -------------------------------------------------------
  /**
   * Stores analysed articles. Each article is written atomically (all its facts or none); an article
   * already stored by content hash or canonical URL is a `duplicate` unless its stored pipeline version
   * differs, in which case its facts are `replaced`. Results come in input order.
   */
  putArticles(inputs: readonly ArticleInput[]): Promise<PutResult[]>;
  /** The stored version of an article by content id or canonical URL, if any (to skip before analysing). */
  findArticle(key: { readonly id?: string; readonly url?: string }): Promise<StoredVersion | undefined>;
  /** Known issue definitions (id → label, proposition), e.g. from the shipped issue files. */
  putIssues(issues: readonly { readonly id: string; readonly label?: string; readonly proposition?: string }[]): Promise<void>;
  deleteArticle(id: string): Promise<boolean>;

  // reads --------------------------------------------------------
  articles(query?: ArticleQuery): Promise<Paged<ArticleHit>>;
  article(id: string): Promise<StoredArticle | undefined>;
  outlets(query?: PageQuery): Promise<Paged<OutletSummary>>;

  quotes(query?: QuoteQuery): Promise<Paged<QuoteHit>>;
  quote(id: string): Promise<QuoteHit | undefined>;
  statements(query?: StatementQuery): Promise<Paged<StatementHit>>;

  actors(query?: ActorQuery): Promise<Paged<ActorSummary>>;
  actor(id: string, opts?: { readonly period?: Period; readonly eventLimit?: number }): Promise<ActorDetail | undefined>;

  issues(query?: PageQuery): Promise<Paged<IssueSummary>>;
  issue(id: string, opts?: { readonly period?: Period } & DateRange): Promise<IssueDetail | undefined>;
  stances(query?: StanceQuery): Promise<Paged<StanceHit>>;

  events(query?: EventQuery): Promise<Paged<EventHit>>;
  eventCounts(query?: EventQuery & { readonly period?: Period }): Promise<EventTypeCount[]>;
  eventNetwork(query?: EventQuery & { readonly minCount?: number; readonly maxEdges?: number }): Promise<EventNetwork>;

  stats(): Promise<StoreStats>;

  /** Every stored article's Analysis, in ingestion order (for export). */
  iterateAnalyses(): AsyncIterable<{ readonly summary: ArticleSummary; readonly analysis: Analysis }>;

  close(): Promise<void>;
}

export interface OpenStoreOptions {
  readonly readonly?: boolean;
  /** Create the file when it does not exist (default true unless `readonly`). */
  readonly create?: boolean;
}

/** Is this `--db` value a URL for a server backend rather than a file path? */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/**
 * Opens the store at a file path (SQLite) or a `postgres://` URL. The SQLite backend is loaded only
 * here, so a user of `analyze()` never loads the native driver.
 */
export async function openStore(dbPathOrUrl: string = DEFAULT_DB, opts: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(dbPathOrUrl)) {
    throw new AttacheError('ATT_E040', 'PostgreSQL backend not available in this build', dbPathOrUrl.replace(/\/\/[^@/]*@/, '//'));
  }
  const { SqliteStore } = await import('./sqlite-store.js');
  return SqliteStore.open(dbPathOrUrl, opts);
}
