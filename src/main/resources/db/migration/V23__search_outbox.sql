-- Hibernate Search's outbox-polling coordination, used when the search index is on OpenSearch
-- (dayuan.search.backend=opensearch): a change to an article writes an event here in its own transaction, and the
-- nodes' agents, each registered in hsearch_agent with the share of article ids it processes, index it once.
-- Names and types are those Hibernate ORM derives from Hibernate Search's mapping under Spring Boot's naming.
CREATE TABLE hsearch_outbox_event (
    id              ${uuid}         NOT NULL PRIMARY KEY,
    entity_name     VARCHAR(256)    NOT NULL,
    entity_id       VARCHAR(256)    NOT NULL,
    entity_id_hash  INTEGER         NOT NULL,
    tenant_id       VARCHAR(255),
    payload         ${long_bytes}   NOT NULL,
    retries         INTEGER         NOT NULL,
    process_after   ${timestamp}    NOT NULL,
    status          VARCHAR(255)    NOT NULL
) ${table_options};
CREATE INDEX hsearch_outbox_event_hash ON hsearch_outbox_event (entity_id_hash);
CREATE INDEX hsearch_outbox_event_status ON hsearch_outbox_event (status);
CREATE INDEX hsearch_outbox_event_after ON hsearch_outbox_event (process_after);

CREATE TABLE hsearch_agent (
    id                    ${uuid}        NOT NULL PRIMARY KEY,
    type                  VARCHAR(255)   NOT NULL,
    name                  VARCHAR(255)   NOT NULL,
    tenant_id             VARCHAR(255),
    expiration            ${timestamp}   NOT NULL,
    state                 VARCHAR(255)   NOT NULL,
    total_shard_count     INTEGER,
    assigned_shard_index  INTEGER,
    payload               ${long_bytes}
) ${table_options};
