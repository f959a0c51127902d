-- The first schema: the tables of the SQLite store, in PostgreSQL's types.
-- Keys, ids and names that queries order by are COLLATE "C" (code point
-- order), as SQLite compares them, so both stores list in one order. Search
-- vectors (tsv) are built in Go from text folded by text.Key and stored
-- beside the row they index.

CREATE TABLE outlets (
	id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name TEXT NOT NULL,
	key  TEXT COLLATE "C" NOT NULL UNIQUE
);

CREATE TABLE stories (
	id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name TEXT NOT NULL,
	key  TEXT COLLATE "C" NOT NULL UNIQUE
);

-- One row per article key (the URL, or the given id). Writers lock it
-- (FOR UPDATE) for as long as they add a version under the key.
CREATE TABLE articles (
	id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	key            TEXT COLLATE "C" NOT NULL UNIQUE,
	outlet_id      BIGINT REFERENCES outlets(id),
	story_id       BIGINT REFERENCES stories(id),
	latest_version TEXT COLLATE "C"
);
CREATE INDEX articles_outlet ON articles(outlet_id);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_latest ON articles(latest_version);

-- One row per distinct text under a key; seq is the order of saving.
CREATE TABLE versions (
	id                TEXT COLLATE "C" PRIMARY KEY,
	seq               BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
	article           BIGINT NOT NULL REFERENCES articles(id),
	number            INTEGER NOT NULL,
	article_id        TEXT COLLATE "C" NOT NULL,
	hash              TEXT COLLATE "C" NOT NULL,
	url               TEXT NOT NULL DEFAULT '',
	outlet            TEXT NOT NULL DEFAULT '',
	story             TEXT NOT NULL DEFAULT '',
	lang              TEXT NOT NULL DEFAULT '',
	title             TEXT NOT NULL DEFAULT '',
	byline            TEXT NOT NULL DEFAULT '',
	path              TEXT NOT NULL DEFAULT '',
	text              TEXT NOT NULL,
	published         TIMESTAMPTZ,
	captured          TIMESTAMPTZ,
	date              TIMESTAMPTZ, -- published, else captured
	source_line       TEXT[],
	source_line_start INTEGER,
	source_line_end   INTEGER,
	credits           JSONB,
	chrome            JSONB,
	claim_count       INTEGER NOT NULL,
	tsv               TSVECTOR NOT NULL,
	UNIQUE (article, hash)
);
CREATE INDEX versions_article_id ON versions(article_id);
CREATE INDEX versions_url ON versions(url);
CREATE INDEX versions_date ON versions(date);
CREATE INDEX versions_tsv ON versions USING gin (tsv);

CREATE TABLE sources (
	id          TEXT COLLATE "C" PRIMARY KEY,
	name        TEXT NOT NULL,
	key         TEXT COLLATE "C" NOT NULL,
	kind        TEXT NOT NULL DEFAULT '',
	anonymous   BOOLEAN NOT NULL DEFAULT false,
	affiliation TEXT NOT NULL DEFAULT '',
	roles       TEXT[],
	tsv         TSVECTOR NOT NULL
);
CREATE INDEX sources_key ON sources(key);
CREATE INDEX sources_tsv ON sources USING gin (tsv);

-- Ids of merged sources lead to the source they were merged into.
CREATE TABLE source_redirects (
	old TEXT COLLATE "C" PRIMARY KEY,
	new TEXT COLLATE "C" NOT NULL REFERENCES sources(id) ON DELETE CASCADE
);
CREATE INDEX source_redirects_new ON source_redirects(new);

CREATE TABLE aliases (
	source_id TEXT COLLATE "C" NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	alias     TEXT COLLATE "C" NOT NULL,
	key       TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (source_id, key)
);
CREATE INDEX aliases_key ON aliases(key);

CREATE TABLE claims (
	rid           BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
	version_id    TEXT COLLATE "C" NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
	seq           INTEGER NOT NULL,
	id            TEXT COLLATE "C" NOT NULL,
	article_id    TEXT NOT NULL DEFAULT '',
	type          TEXT NOT NULL,
	cue_text      TEXT NOT NULL DEFAULT '',
	cue_lemma     TEXT NOT NULL DEFAULT '',
	cue_class     TEXT NOT NULL DEFAULT '',
	stance        TEXT NOT NULL DEFAULT '',
	negated       BOOLEAN NOT NULL DEFAULT false,
	cue_start     INTEGER NOT NULL,
	cue_end       INTEGER NOT NULL,
	content       TEXT NOT NULL,
	content_start INTEGER NOT NULL,
	content_end   INTEGER NOT NULL,
	paragraph     INTEGER NOT NULL,
	sentence      INTEGER NOT NULL,
	nested_in     TEXT NOT NULL DEFAULT '',
	implicit      BOOLEAN NOT NULL DEFAULT false,
	tsv           TSVECTOR NOT NULL,
	PRIMARY KEY (version_id, seq)
);
CREATE INDEX claims_id ON claims(id);
CREATE INDEX claims_stance ON claims(stance);
CREATE INDEX claims_tsv ON claims USING gin (tsv);

-- The source (slot 0) and the reporters (slots 1..) of each claim.
CREATE TABLE mentions (
	version_id    TEXT COLLATE "C" NOT NULL,
	claim_seq     INTEGER NOT NULL,
	slot          INTEGER NOT NULL,
	mention       TEXT NOT NULL DEFAULT '',
	name          TEXT NOT NULL DEFAULT '',
	mention_key   TEXT COLLATE "C" NOT NULL DEFAULT '',
	name_key      TEXT COLLATE "C" NOT NULL DEFAULT '',
	kind          TEXT NOT NULL DEFAULT '',
	anonymous     BOOLEAN NOT NULL DEFAULT false,
	role          TEXT NOT NULL DEFAULT '',
	resolved_from TEXT NOT NULL DEFAULT '',
	aliases       TEXT[],
	source_id     TEXT COLLATE "C" REFERENCES sources(id),
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
