-- Dayuan portal schema. One file for H2, PostgreSQL and MariaDB: the few types that differ
-- come in as placeholders set per database by FlywayPlaceholders (system package).

CREATE TABLE account (
    id              ${id_column},
    username        VARCHAR(50)  NOT NULL,
    display_name    VARCHAR(100) NOT NULL,
    email           VARCHAR(200),
    password_hash   VARCHAR(200) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    created_at      ${timestamp} NOT NULL,
    last_login_at   ${timestamp},
    CONSTRAINT uk_account_username UNIQUE (username)
) ${table_options};

CREATE TABLE api_token (
    id              ${id_column},
    account_id      BIGINT       NOT NULL,
    name            VARCHAR(100) NOT NULL,
    token_hash      VARCHAR(64)  NOT NULL,
    token_prefix    VARCHAR(16)  NOT NULL,
    created_at      ${timestamp} NOT NULL,
    last_used_at    ${timestamp},
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE site_setting (
    setting_key     VARCHAR(100) NOT NULL PRIMARY KEY,
    setting_value   ${long_text}
) ${table_options};

CREATE TABLE channel (
    id              ${id_column},
    parent_id       BIGINT,
    name            VARCHAR(100) NOT NULL,
    slug            VARCHAR(100) NOT NULL,
    path            VARCHAR(300) NOT NULL,
    description     VARCHAR(1000),
    sort_order      INT          NOT NULL,
    created_at      ${timestamp} NOT NULL,
    updated_at      ${timestamp} NOT NULL,
    CONSTRAINT uk_channel_path UNIQUE (path),
    CONSTRAINT fk_channel_parent FOREIGN KEY (parent_id) REFERENCES channel (id)
) ${table_options};

CREATE TABLE tag (
    id              ${id_column},
    name            VARCHAR(50)  NOT NULL,
    CONSTRAINT uk_tag_name UNIQUE (name)
) ${table_options};

CREATE TABLE article (
    id              ${id_column},
    channel_id      BIGINT        NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    subtitle        VARCHAR(200),
    summary         VARCHAR(1000),
    body            ${long_text}  NOT NULL,
    publisher_id    BIGINT        NOT NULL,
    author          VARCHAR(100),
    source_name     VARCHAR(100),
    source_url      VARCHAR(500),
    editor          VARCHAR(100),
    rights_type     VARCHAR(20)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    published_at    ${timestamp},
    cover_image     VARCHAR(500),
    headline        BOOLEAN       NOT NULL,
    pinned          BOOLEAN       NOT NULL,
    comments_open   BOOLEAN       NOT NULL,
    view_count      BIGINT        NOT NULL,
    like_count      BIGINT        NOT NULL,
    comment_count   INT           NOT NULL,
    created_at      ${timestamp}  NOT NULL,
    updated_at      ${timestamp}  NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT fk_article_channel FOREIGN KEY (channel_id) REFERENCES channel (id),
    CONSTRAINT fk_article_publisher FOREIGN KEY (publisher_id) REFERENCES account (id)
) ${table_options};

CREATE INDEX ix_article_status_published ON article (status, published_at);
CREATE INDEX ix_article_channel_status_published ON article (channel_id, status, published_at);

CREATE TABLE article_tag (
    article_id      BIGINT NOT NULL,
    tag_id          BIGINT NOT NULL,
    PRIMARY KEY (article_id, tag_id),
    CONSTRAINT fk_article_tag_article FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE,
    CONSTRAINT fk_article_tag_tag FOREIGN KEY (tag_id) REFERENCES tag (id)
) ${table_options};

CREATE INDEX ix_article_tag_tag ON article_tag (tag_id);

CREATE TABLE directory_category (
    id              ${id_column},
    name            VARCHAR(100)  NOT NULL,
    description     VARCHAR(500),
    sort_order      INT           NOT NULL,
    CONSTRAINT uk_directory_category_name UNIQUE (name)
) ${table_options};

CREATE TABLE directory_link (
    id              ${id_column},
    category_id     BIGINT        NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    url             VARCHAR(500)  NOT NULL,
    description     VARCHAR(500),
    sort_order      INT           NOT NULL,
    CONSTRAINT fk_directory_link_category FOREIGN KEY (category_id) REFERENCES directory_category (id) ON DELETE CASCADE
) ${table_options};
