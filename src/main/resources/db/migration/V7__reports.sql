-- 举报: readers' reports of illegal content, infringements and other problems, with what the newsroom did about them.

CREATE TABLE report_case (
    id              ${id_column},
    case_number     VARCHAR(32)   NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    url             VARCHAR(500),
    article_id      BIGINT,
    comment_id      BIGINT,
    description     VARCHAR(2000) NOT NULL,
    contact_name    VARCHAR(50),
    contact         VARCHAR(100),
    client_address  VARCHAR(64)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    resolution      VARCHAR(1000),
    created_at      ${timestamp}  NOT NULL,
    due_at          ${timestamp}  NOT NULL,
    handled_at      ${timestamp},
    handled_by      VARCHAR(50),
    version         BIGINT        NOT NULL,
    CONSTRAINT uk_report_case_number UNIQUE (case_number)
) ${table_options};

CREATE INDEX ix_report_case_status_due ON report_case (status, due_at);

-- Every step taken on a case: who, when, what, and why.
CREATE TABLE report_action (
    id              ${id_column},
    case_id         BIGINT        NOT NULL,
    action          VARCHAR(20)   NOT NULL,
    actor           VARCHAR(50)   NOT NULL,
    acted_at        ${timestamp}  NOT NULL,
    note            VARCHAR(1000),
    CONSTRAINT fk_report_action_case FOREIGN KEY (case_id) REFERENCES report_case (id) ON DELETE CASCADE
) ${table_options};
