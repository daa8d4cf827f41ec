-- The media library: one row per stored picture. The files live in the media folder under yyyy/MM/ with a name made
-- of the hash of the uploaded bytes (so the same upload is stored once) and one smaller copy per size.
CREATE TABLE media (
    id              ${id_column},
    content_hash    VARCHAR(64)   NOT NULL,
    path            VARCHAR(200)  NOT NULL,
    content_type    VARCHAR(40)   NOT NULL,
    width           INT           NOT NULL,
    height          INT           NOT NULL,
    bytes           BIGINT        NOT NULL,
    original_name   VARCHAR(200),
    alt_text        VARCHAR(300),
    caption         VARCHAR(500),
    credit          VARCHAR(200),
    uploaded_by     VARCHAR(50)   NOT NULL,
    uploaded_at     ${timestamp}  NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_media_hash UNIQUE (content_hash)
) ${table_options};

CREATE INDEX ix_media_uploaded ON media (uploaded_at);
