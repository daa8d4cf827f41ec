-- The watermark the media library puts on the pictures it publishes: one row once an administrator set it, none
-- (no watermark) before, so that a new database stays empty for a restore.
CREATE TABLE media_watermark (
    id              INT           NOT NULL PRIMARY KEY,
    enabled         BOOLEAN       NOT NULL,
    mark_text       VARCHAR(50),
    position        VARCHAR(20)   NOT NULL,
    opacity         INT           NOT NULL,
    updated_by      VARCHAR(50),
    updated_at      ${timestamp}
) ${table_options};
