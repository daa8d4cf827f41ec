-- The watermark the media library puts on the pictures it publishes (one row; off until an administrator sets it).
CREATE TABLE media_watermark (
    id              INT           NOT NULL PRIMARY KEY,
    enabled         BOOLEAN       NOT NULL,
    mark_text       VARCHAR(50),
    position        VARCHAR(20)   NOT NULL,
    opacity         INT           NOT NULL,
    updated_by      VARCHAR(50),
    updated_at      ${timestamp}
) ${table_options};

INSERT INTO media_watermark (id, enabled, position, opacity) VALUES (1, FALSE, 'BOTTOM_RIGHT', 60);
