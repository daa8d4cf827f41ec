-- A newsroom that editors trust: review levels (三审), revisions, the recycle bin and the audit log.

-- While PENDING, the level (1..3) whose sign-off the article awaits; 0 otherwise. A rejected article is a draft
-- again, carrying the reviewer's reason until it is submitted anew. A deleted article lies in the recycle bin
-- (status TRASHED) with the status it had before, until it is restored or purged.
ALTER TABLE article ADD COLUMN review_level INT NOT NULL DEFAULT 0;
ALTER TABLE article ADD COLUMN rejection_reason VARCHAR(500);
ALTER TABLE article ADD COLUMN status_before_trash VARCHAR(20);
ALTER TABLE article ADD COLUMN trashed_at ${timestamp};
ALTER TABLE article ADD COLUMN trashed_by VARCHAR(50);

CREATE INDEX ix_article_status_review ON article (status, review_level);

-- Every step of every review round: submitted, approved at a level, rejected (with the reason), published.
CREATE TABLE article_review (
    id              ${id_column},
    article_id      BIGINT        NOT NULL,
    review_level    INT           NOT NULL,
    account         VARCHAR(50)   NOT NULL,
    decision        VARCHAR(20)   NOT NULL,
    reason          VARCHAR(500),
    decided_at      ${timestamp}  NOT NULL,
    CONSTRAINT fk_article_review_article FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_article_review_article ON article_review (article_id, id);

-- How many levels a review has, site-wide, the sources the site reprints from (稿源单位名单) and the key of preview
-- links (key/value, like comment_setting); per channel where the number of levels differs.
CREATE TABLE review_setting (
    setting_key     VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value   ${long_text}  NOT NULL
) ${table_options};

-- Who may sign off each level: a minimum role and, optionally, only the named accounts (comma-separated). A level
-- without a row has the default (levels 1 and 2 editors, level 3 administrators): a fresh database has no rows, so
-- that a backup can be restored into it.
CREATE TABLE review_level (
    review_level    INT           NOT NULL PRIMARY KEY,
    minimum_role    VARCHAR(20)   NOT NULL,
    accounts        VARCHAR(1000)
) ${table_options};

CREATE TABLE review_channel_rule (
    channel_id      BIGINT        NOT NULL PRIMARY KEY,
    levels          INT           NOT NULL,
    CONSTRAINT fk_review_channel_rule_channel FOREIGN KEY (channel_id) REFERENCES channel (id) ON DELETE CASCADE
) ${table_options};

-- Every save of an article, in full: who, when, which fields changed. A pending revision is an author's edit of a
-- published article, waiting for an editor while the live version stays up.
CREATE TABLE article_revision (
    id              ${id_column},
    article_id      BIGINT        NOT NULL,
    revision_number INT           NOT NULL,
    account         VARCHAR(50)   NOT NULL,
    created_at      ${timestamp}  NOT NULL,
    changed_fields  VARCHAR(500)  NOT NULL,
    pending         BOOLEAN       NOT NULL DEFAULT FALSE,
    article_version BIGINT        NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    subtitle        VARCHAR(200),
    summary         VARCHAR(1000),
    body            ${long_text}  NOT NULL,
    channel_id      BIGINT        NOT NULL,
    author          VARCHAR(100),
    source_name     VARCHAR(100),
    source_url      VARCHAR(500),
    editor          VARCHAR(100),
    tags            VARCHAR(400),
    rights_type     VARCHAR(20)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    published_at    ${timestamp},
    cover_image     VARCHAR(500),
    headline        BOOLEAN       NOT NULL,
    pinned          BOOLEAN       NOT NULL,
    comments_open   BOOLEAN       NOT NULL,
    CONSTRAINT uk_article_revision_number UNIQUE (article_id, revision_number),
    CONSTRAINT fk_article_revision_article FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
) ${table_options};

-- What was changed, by whom, when and from where. Only ever inserted, and pruned after the retention time.
CREATE TABLE audit_entry (
    id              ${id_column},
    created_at      ${timestamp}  NOT NULL,
    actor           VARCHAR(50)   NOT NULL,
    action          VARCHAR(50)   NOT NULL,
    object          VARCHAR(200)  NOT NULL,
    address         VARCHAR(64),
    changes         ${long_text}
) ${table_options};

CREATE INDEX ix_audit_entry_created ON audit_entry (created_at);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, created_at);
CREATE INDEX ix_audit_entry_object ON audit_entry (object, created_at);
