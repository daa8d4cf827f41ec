-- What readers search for, per week (weeks start on Monday in the site's time zone): the query's words and two
-- counts, nothing about who searched or when within the week. Weeks older than a year are deleted.
CREATE TABLE search_query_week (
    week_start DATE NOT NULL,
    query_text VARCHAR(40) NOT NULL,
    searches BIGINT NOT NULL,
    without_results BIGINT NOT NULL,
    PRIMARY KEY (week_start, query_text)
);
