-- The first schema. Times are Unix microseconds (NULL when unknown); lists
-- that are only ever read whole are JSON text.

CREATE TABLE outlets (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	key  TEXT NOT NULL UNIQUE -- text.Key(name): how filters find it
);

CREATE TABLE stories (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	key  TEXT NOT NULL UNIQUE
);

-- One row per article key (the URL, or the given id): what ties versions
-- together.
CREATE TABLE articles (
	id             INTEGER PRIMARY KEY,
	key            TEXT NOT NULL UNIQUE,
	outlet_id      INTEGER REFERENCES outlets(id),
	story_id       INTEGER REFERENCES stories(id),
	latest_version TEXT -- versions.id of the latest capture
);
CREATE INDEX articles_outlet ON articles(outlet_id);
CREATE INDEX articles_story ON articles(story_id);

-- One row per distinct text under a key; rowid is the order of saving.
CREATE TABLE versions (
	id                TEXT PRIMARY KEY, -- claimtrail.VersionID(key, hash)
	article           INTEGER NOT NULL REFERENCES articles(id),
	number            INTEGER NOT NULL, -- 1.. by capture time
	article_id        TEXT NOT NULL,    -- Article.ID as read
	hash              TEXT NOT NULL,
	url               TEXT NOT NULL DEFAULT '',
	outlet            TEXT NOT NULL DEFAULT '',
	story             TEXT NOT NULL DEFAULT '',
	lang              TEXT NOT NULL DEFAULT '',
	title             TEXT NOT NULL DEFAULT '',
	byline            TEXT NOT NULL DEFAULT '',
	path              TEXT NOT NULL DEFAULT '',
	text              TEXT NOT NULL,
	published         INTEGER,
	captured          INTEGER,
	date              INTEGER, -- published, else captured: what --since/--until compare
	source_line       TEXT,    -- JSON array
	source_line_start INTEGER,
	source_line_end   INTEGER,
	credits           TEXT,    -- JSON
	chrome            TEXT,    -- JSON
	claim_count       INTEGER NOT NULL,
	UNIQUE (article, hash)
);
CREATE INDEX versions_article_id ON versions(article_id);
CREATE INDEX versions_date ON versions(date);

CREATE TABLE sources (
	id          TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	key         TEXT NOT NULL,
	kind        TEXT NOT NULL DEFAULT '',
	anonymous   INTEGER NOT NULL DEFAULT 0,
	affiliation TEXT NOT NULL DEFAULT '',
	roles       TEXT -- JSON array
);
CREATE INDEX sources_key ON sources(key);

-- Ids of merged sources lead to the source they were merged into.
CREATE TABLE source_redirects (
	old TEXT PRIMARY KEY,
	new TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE
);

CREATE TABLE aliases (
	source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	alias     TEXT NOT NULL,
	key       TEXT NOT NULL,
	PRIMARY KEY (source_id, key)
);
CREATE INDEX aliases_key ON aliases(key);

CREATE TABLE claims (
	version_id    TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
	seq           INTEGER NOT NULL, -- order in the article (by offset)
	id            TEXT NOT NULL,
	article_id    TEXT NOT NULL DEFAULT '',
	type          TEXT NOT NULL,
	cue_text      TEXT NOT NULL DEFAULT '',
	cue_lemma     TEXT NOT NULL DEFAULT '',
	cue_class     TEXT NOT NULL DEFAULT '',
	stance        TEXT NOT NULL DEFAULT '',
	negated       INTEGER NOT NULL DEFAULT 0,
	cue_start     INTEGER NOT NULL,
	cue_end       INTEGER NOT NULL,
	content       TEXT NOT NULL,
	content_start INTEGER NOT NULL,
	content_end   INTEGER NOT NULL,
	paragraph     INTEGER NOT NULL,
	sentence      INTEGER NOT NULL,
	nested_in     TEXT NOT NULL DEFAULT '',
	implicit      INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (version_id, seq)
);
CREATE INDEX claims_id ON claims(id);
CREATE INDEX claims_stance ON claims(stance);

-- The source (slot 0) and the reporters (slots 1..) of each claim.
CREATE TABLE mentions (
	version_id    TEXT NOT NULL,
	claim_seq     INTEGER NOT NULL,
	slot          INTEGER NOT NULL,
	mention       TEXT NOT NULL DEFAULT '',
	name          TEXT NOT NULL DEFAULT '',
	mention_key   TEXT NOT NULL DEFAULT '',
	name_key      TEXT NOT NULL DEFAULT '',
	kind          TEXT NOT NULL DEFAULT '',
	anonymous     INTEGER NOT NULL DEFAULT 0,
	role          TEXT NOT NULL DEFAULT '',
	resolved_from TEXT NOT NULL DEFAULT '',
	aliases       TEXT, -- JSON array
	source_id     TEXT REFERENCES sources(id),
	span_start    INTEGER NOT NULL,
	span_end      INTEGER NOT NULL,
	role_start    INTEGER,
	role_end      INTEGER,
	PRIMARY KEY (version_id, claim_seq, slot),
	FOREIGN KEY (version_id, claim_seq) REFERENCES claims(version_id, seq) ON DELETE CASCADE
);
CREATE INDEX mentions_source ON mentions(source_id);
CREATE INDEX mentions_mention_key ON mentions(mention_key);
CREATE INDEX mentions_name_key ON mentions(name_key);

-- Full-text search over folded text (text.Key): body is the folded text,
-- stems its words without a leading proclitic where that changes them. The
-- rowid of each is the rowid of the row it indexes.
CREATE VIRTUAL TABLE claims_fts USING fts5(body, stems, tokenize = 'unicode61');
CREATE VIRTUAL TABLE sources_fts USING fts5(body, stems, tokenize = 'unicode61');
CREATE VIRTUAL TABLE versions_fts USING fts5(body, stems, tokenize = 'unicode61');
