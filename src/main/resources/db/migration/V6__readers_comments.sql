-- Readers' comments and what keeps them clean (issue: comments reviewed before they appear, sensitive words, spam).

CREATE TABLE reader_comment (
    id              ${id_column},
    article_id      BIGINT        NOT NULL,
    reply_to        BIGINT,
    author_name     VARCHAR(40)   NOT NULL,
    content         VARCHAR(2000) NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    flagged_words   VARCHAR(1000),
    client_address  VARCHAR(64)   NOT NULL,
    created_at      ${timestamp}  NOT NULL,
    decided_at      ${timestamp},
    decided_by      VARCHAR(50),
    version         BIGINT        NOT NULL,
    CONSTRAINT fk_reader_comment_article FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_reader_comment_article_status ON reader_comment (article_id, status, id);
CREATE INDEX ix_reader_comment_status_created ON reader_comment (status, created_at);

-- Every decision on a comment: who, when, what. Kept when the comment itself is deleted.
CREATE TABLE moderation_record (
    id              ${id_column},
    comment_id      BIGINT        NOT NULL,
    article_id      BIGINT        NOT NULL,
    action          VARCHAR(20)   NOT NULL,
    actor           VARCHAR(50)   NOT NULL,
    acted_at        ${timestamp}  NOT NULL
) ${table_options};

CREATE INDEX ix_moderation_record_comment ON moderation_record (comment_id);

-- How comments are published site-wide (key/value, like site_setting).
CREATE TABLE comment_setting (
    setting_key     VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value   VARCHAR(200)  NOT NULL
) ${table_options};

-- Channel-wide rules: comments closed, or always reviewed, in a channel and its sub-channels.
CREATE TABLE comment_channel_rule (
    channel_id      BIGINT        NOT NULL PRIMARY KEY,
    rule            VARCHAR(20)   NOT NULL,
    CONSTRAINT fk_comment_channel_rule_channel FOREIGN KEY (channel_id) REFERENCES channel (id) ON DELETE CASCADE
) ${table_options};

-- Articles whose comments are always reviewed, whatever the site's mode (closing is the article's own switch).
CREATE TABLE comment_article_rule (
    article_id      BIGINT        NOT NULL PRIMARY KEY,
    rule            VARCHAR(20)   NOT NULL,
    CONSTRAINT fk_comment_article_rule_article FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
) ${table_options};

-- What the newsroom blocks outright: client addresses and words (a comment with a blocked word is refused).
CREATE TABLE comment_block (
    id              ${id_column},
    kind            VARCHAR(20)   NOT NULL,
    block_value     VARCHAR(100)  NOT NULL,
    created_by      VARCHAR(50)   NOT NULL,
    created_at      ${timestamp}  NOT NULL,
    CONSTRAINT uk_comment_block UNIQUE (kind, block_value)
) ${table_options};

-- The newsroom's additions to the sensitive-word dictionary: words to flag, and words never to flag.
CREATE TABLE sensitive_word (
    word            VARCHAR(100)  NOT NULL PRIMARY KEY,
    allowed         BOOLEAN       NOT NULL,
    created_by      VARCHAR(50)   NOT NULL,
    created_at      ${timestamp}  NOT NULL
) ${table_options};
