-- An article's key takes its language (claimtrail.VersionKey): a site that
-- serves two editions at one URL holds two articles, not one with versions
-- in two languages. Keys stored before this take the language of the
-- article's latest version. Versions already stored under one key in two
-- languages stay together, and an article whose latest text mixes scripts
-- keeps its bare URL (the edition is decided by counting letters, which
-- SQL cannot): its next version starts a new article.
UPDATE articles SET key = key || ' [' || (
	SELECT v.lang FROM versions v WHERE v.article = articles.id ORDER BY v.number DESC LIMIT 1) || ']'
WHERE EXISTS (SELECT 1 FROM versions v WHERE v.article = articles.id AND v.url = articles.key)
	AND (SELECT v.lang FROM versions v WHERE v.article = articles.id ORDER BY v.number DESC LIMIT 1) IN ('ar', 'en');
