/**
 * The SQLite schema as ordered migration steps. A step is never edited once released: a change to the
 * schema is a new step at the end. `schema_migrations` records the steps a store has applied.
 *
 * Dates are kept twice where they are filtered: as given (`published`, `date`) and as a sortable
 * `day` (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only that much is known).
 */
export interface SqliteMigration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'articles, actors, quotes, statements, events, stances, issues',
    up: `
CREATE TABLE outlets (
  rowid INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT UNIQUE,
  uri TEXT,
  outlet_rowid INTEGER REFERENCES outlets(rowid),
  headline TEXT,
  published TEXT,
  day TEXT,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  analysis TEXT NOT NULL,
  pipeline TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  quote_count INTEGER NOT NULL DEFAULT 0,
  event_count INTEGER NOT NULL DEFAULT 0,
  actor_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX articles_outlet ON articles(outlet_rowid, day);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  headline, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE actors (
  rowid INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  sector TEXT,
  role TEXT,
  kb_id TEXT,
  article_count INTEGER NOT NULL DEFAULT 0,
  mention_count INTEGER NOT NULL DEFAULT 0,
  quote_count INTEGER NOT NULL DEFAULT 0,
  event_count INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT,
  last_seen TEXT
);
CREATE INDEX actors_country ON actors(country);
CREATE INDEX actors_quotes ON actors(quote_count DESC);

CREATE TABLE article_actors (
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  actor_rowid INTEGER NOT NULL REFERENCES actors(rowid),
  name TEXT NOT NULL,
  role TEXT,
  mention_count INTEGER NOT NULL,
  PRIMARY KEY (article_rowid, local_id)
) WITHOUT ROWID;
CREATE INDEX article_actors_actor ON article_actors(actor_rowid);

CREATE TABLE mentions (
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  actor_rowid INTEGER NOT NULL REFERENCES actors(rowid),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_rowid);
CREATE INDEX mentions_actor ON mentions(actor_rowid);

CREATE TABLE statements (
  rowid INTEGER PRIMARY KEY,
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  speaker_rowid INTEGER REFERENCES actors(rowid),
  canonical_local TEXT NOT NULL,
  quote_locals TEXT NOT NULL,
  pipeline TEXT NOT NULL,
  day TEXT,
  UNIQUE (article_rowid, local_id)
);
CREATE INDEX statements_speaker ON statements(speaker_rowid, day);
CREATE INDEX statements_day ON statements(day);

CREATE TABLE quotes (
  rowid INTEGER PRIMARY KEY,
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  content TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  cue TEXT,
  source_text TEXT,
  speaker_rowid INTEGER REFERENCES actors(rowid),
  via_rowid INTEGER REFERENCES actors(rowid),
  statement_rowid INTEGER REFERENCES statements(rowid) ON DELETE SET NULL,
  confidence REAL NOT NULL,
  rule TEXT,
  pipeline TEXT NOT NULL,
  day TEXT,
  UNIQUE (article_rowid, local_id)
);
CREATE INDEX quotes_day ON quotes(day);
CREATE INDEX quotes_speaker ON quotes(speaker_rowid, day);
CREATE INDEX quotes_statement ON quotes(statement_rowid);

CREATE VIRTUAL TABLE quotes_fts USING fts5(content, speaker, tokenize='unicode61 remove_diacritics 2');

CREATE TABLE issues (
  id TEXT PRIMARY KEY,
  label TEXT,
  proposition TEXT
) WITHOUT ROWID;

CREATE TABLE quote_issues (
  quote_rowid INTEGER NOT NULL REFERENCES quotes(rowid) ON DELETE CASCADE,
  issue_id TEXT NOT NULL,
  PRIMARY KEY (issue_id, quote_rowid)
) WITHOUT ROWID;
CREATE INDEX quote_issues_quote ON quote_issues(quote_rowid);

CREATE TABLE events (
  rowid INTEGER PRIMARY KEY,
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  context TEXT NOT NULL,
  cameo TEXT,
  quad INTEGER NOT NULL,
  goldstein REAL,
  trigger TEXT NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  date TEXT,
  day TEXT,
  modality TEXT NOT NULL,
  negated INTEGER NOT NULL,
  reported_by TEXT,
  confidence REAL,
  rule TEXT,
  pipeline TEXT NOT NULL,
  UNIQUE (article_rowid, local_id)
);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_type ON events(type, day);

CREATE TABLE event_actors (
  event_rowid INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
  actor_rowid INTEGER NOT NULL REFERENCES actors(rowid),
  side TEXT NOT NULL CHECK (side IN ('a', 'r')),
  PRIMARY KEY (event_rowid, side, actor_rowid)
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors(actor_rowid, side);

CREATE TABLE stances (
  rowid INTEGER PRIMARY KEY,
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  actor_rowid INTEGER NOT NULL REFERENCES actors(rowid),
  issue_id TEXT NOT NULL,
  stance TEXT NOT NULL,
  evidence TEXT NOT NULL,
  date TEXT,
  day TEXT,
  confidence REAL,
  pipeline TEXT NOT NULL
);
CREATE INDEX stances_issue ON stances(issue_id, day);
CREATE INDEX stances_actor ON stances(actor_rowid, issue_id, day);
CREATE INDEX stances_article ON stances(article_rowid);
`,
  },
  {
    version: 2,
    name: 'statements grouped across articles',
    // `group_rowid`: the statement (of any article) that first said this remark; statements of one
    // speaker in several articles that say the same thing share it. `canonical_text` keeps the
    // canonical wording beside the statement so grouping does not join quotes.
    up: `
ALTER TABLE statements ADD COLUMN group_rowid INTEGER;
ALTER TABLE statements ADD COLUMN canonical_text TEXT;
UPDATE statements SET group_rowid = rowid,
  canonical_text = (SELECT content FROM quotes q WHERE q.article_rowid = statements.article_rowid AND q.local_id = statements.canonical_local);
CREATE INDEX statements_group ON statements(group_rowid);
`,
  },
];

export const SQLITE_SCHEMA_VERSION = SQLITE_MIGRATIONS[SQLITE_MIGRATIONS.length - 1]!.version;
