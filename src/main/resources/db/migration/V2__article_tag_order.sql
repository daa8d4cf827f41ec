-- Tags are shown in the order the editor typed them (the first is usually the most important),
-- so their position within an article is stored.
ALTER TABLE article_tag ADD COLUMN tag_order INT NOT NULL DEFAULT 0;
