-- What several nodes on one database need to behave as one site (docs/architecture.md, "Many nodes").

-- Every change of public content, written in the transaction of the change. The other nodes of a cluster read it to
-- evict their caches (a Redis message only wakes them at once), and catch up from it after missing messages.
CREATE TABLE content_change (
    id              ${id_column},
    node            VARCHAR(36)   NOT NULL,
    page_keys       VARCHAR(4000) NOT NULL,
    changed_at      ${timestamp}  NOT NULL
) ${table_options};

CREATE INDEX ix_content_change_changed_at ON content_change (changed_at);

-- ShedLock's table: scheduled work runs on one node at a time.
CREATE TABLE shedlock (
    name            VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until      ${lock_timestamp} NOT NULL,
    locked_at       ${lock_timestamp} NOT NULL,
    locked_by       VARCHAR(255) NOT NULL
) ${table_options};

-- The "阅读排行" ranking as last announced, so that every node shows the same one.
CREATE TABLE most_read (
    place           INT    NOT NULL PRIMARY KEY,
    article_id      BIGINT NOT NULL
) ${table_options};

-- A published article whose time lies ahead waits here until one node announces that it went live.
ALTER TABLE article ADD COLUMN awaiting_go_live BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE article SET awaiting_go_live = TRUE WHERE status = 'PUBLISHED' AND published_at > CURRENT_TIMESTAMP;
CREATE INDEX ix_article_awaiting_go_live ON article (awaiting_go_live, published_at);
