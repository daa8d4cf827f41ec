-- Special topics (专题): a page at /zt/{slug}/ gathering one story's articles in sections, each section either
-- picked by hand (topic_article, in order) or the newest articles of a tag.
CREATE TABLE topic (
    id              ${id_column},
    slug            VARCHAR(50)   NOT NULL,
    title           VARCHAR(100)  NOT NULL,
    banner          VARCHAR(500),
    introduction    VARCHAR(4000),
    published       BOOLEAN       NOT NULL,
    created_at      ${timestamp}  NOT NULL,
    updated_at      ${timestamp}  NOT NULL,
    updated_by      VARCHAR(50)   NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT uk_topic_slug UNIQUE (slug)
) ${table_options};

CREATE TABLE topic_section (
    id              ${id_column},
    topic_id        BIGINT        NOT NULL,
    position        INT           NOT NULL,
    title           VARCHAR(100)  NOT NULL,
    tag_name        VARCHAR(50),
    CONSTRAINT fk_topic_section_topic FOREIGN KEY (topic_id) REFERENCES topic (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_topic_section_topic ON topic_section (topic_id);

CREATE TABLE topic_article (
    id              ${id_column},
    section_id      BIGINT        NOT NULL,
    position        INT           NOT NULL,
    article_id      BIGINT        NOT NULL,
    CONSTRAINT fk_topic_article_section FOREIGN KEY (section_id) REFERENCES topic_section (id) ON DELETE CASCADE,
    CONSTRAINT fk_topic_article_article FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_topic_article_section ON topic_article (section_id);
CREATE INDEX ix_topic_article_article ON topic_article (article_id);
