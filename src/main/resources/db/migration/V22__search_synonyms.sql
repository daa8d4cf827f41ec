-- The newsroom's synonyms for search: a query with one way of saying a thing also finds the others (医保 = 医疗保障,
-- 地铁 = 轨道交通). Applied to queries, never to the index, so a change needs no reindexing.
CREATE TABLE search_synonym (
    id              ${id_column},
    words           VARCHAR(400)  NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    created_at      ${timestamp}  NOT NULL
) ${table_options};
