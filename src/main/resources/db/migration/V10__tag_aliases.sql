-- The names a tag had before it was renamed, or the names of tags merged into it: their pages answer 301 to the
-- tag's page, so links and search results that readers keep still lead somewhere. A name is either a tag's or an
-- alias's, never both: a tag created later under an alias's name takes the name over and the alias goes.
CREATE TABLE tag_alias (
    id              ${id_column},
    name            VARCHAR(50)   NOT NULL,
    tag_id          BIGINT        NOT NULL,
    created_at      ${timestamp}  NOT NULL,
    CONSTRAINT uk_tag_alias_name UNIQUE (name),
    CONSTRAINT fk_tag_alias_tag FOREIGN KEY (tag_id) REFERENCES tag (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_tag_alias_tag ON tag_alias (tag_id);
