-- A tag's listing (its pages, the related articles of its articles) is read from the tag's own rows: each row
-- carries the article's publish time while the article is published (scheduled ones included), else NULL. Read
-- through the article table instead, a new process's first listing of a large tag read nearly every article row
-- from disk (1.2 s for 8,042 of 10,000 articles in H2, 0.1 s from these rows). Kept by ArticleService.
ALTER TABLE article_tag ADD COLUMN listed_at ${timestamp};
UPDATE article_tag SET listed_at = (SELECT a.published_at FROM article a
                                    WHERE a.id = article_tag.article_id AND a.status = 'PUBLISHED');
CREATE INDEX ix_article_tag_listing ON article_tag (tag_id, listed_at, article_id);
