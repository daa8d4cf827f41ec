-- Indexes that start with the sort order of the newest articles (home page, feeds, sitemap), the headlines and the
-- most-read ranking, so that each of those queries reads the first rows of an index instead of sorting every
-- article (H2 uses an index for ORDER BY only when the index starts with the ORDER BY columns).
CREATE INDEX ix_article_newest ON article (published_at DESC, id DESC);
CREATE INDEX ix_article_headlines ON article (headline DESC, published_at DESC, id DESC);
CREATE INDEX ix_article_most_read ON article (view_count DESC, published_at DESC);
