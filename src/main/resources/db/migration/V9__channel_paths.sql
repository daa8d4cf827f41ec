-- Every path a channel had before it was renamed or moved (its own or an ancestor's slug changed), so that the old
-- addresses of its pages, feed and articles answer 301 to the current ones. One row per old path; the row points at
-- the channel, whose current path is read at request time, so several renames never make a chain of redirects. A
-- path that becomes a live channel's path again is removed from here; deleting a channel deletes its rows.
CREATE TABLE channel_path (
    id              ${id_column},
    path            VARCHAR(300) NOT NULL,
    channel_id      BIGINT       NOT NULL,
    retired_at      ${timestamp} NOT NULL,
    CONSTRAINT uk_channel_path_path UNIQUE (path),
    CONSTRAINT fk_channel_path_channel FOREIGN KEY (channel_id) REFERENCES channel (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_channel_path_channel ON channel_path (channel_id);

-- A channel can stay out of the public menu (and the home page's channel blocks) until it is ready; its pages and
-- articles are public at their addresses all the same.
ALTER TABLE channel ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT FALSE;
