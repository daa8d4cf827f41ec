-- The articles most like an article by their text, best first (comma-separated ids), chosen by the search index when
-- the article is saved; NULL until chosen (articles saved before this version get theirs from a background job).
ALTER TABLE article ADD COLUMN similar_ids VARCHAR(200);
