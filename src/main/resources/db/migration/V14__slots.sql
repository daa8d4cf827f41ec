-- Recommendation slots (推荐位): the articles editors put, in their order, where the templates show each slot.
-- slot_state holds a row per slot once it was first saved, with its version, so two editors saving the same slot
-- never lose one change. (No rows here: a restore needs empty tables.)
CREATE TABLE slot_state (
    name            VARCHAR(30)   NOT NULL PRIMARY KEY,
    version         BIGINT        NOT NULL,
    updated_by      VARCHAR(50),
    updated_at      ${timestamp}
) ${table_options};


CREATE TABLE slot_article (
    id              ${id_column},
    slot            VARCHAR(30)   NOT NULL,
    position        INT           NOT NULL,
    article_id      BIGINT        NOT NULL,
    CONSTRAINT uk_slot_article UNIQUE (slot, article_id),
    CONSTRAINT fk_slot_article_slot FOREIGN KEY (slot) REFERENCES slot_state (name),
    CONSTRAINT fk_slot_article_article FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_slot_article_article ON slot_article (article_id);
