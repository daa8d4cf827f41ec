-- Corrections (已更正, with a public note), notices that lapse (已失效, 已废止), and where a reprint came from.

ALTER TABLE article ADD COLUMN correction_note VARCHAR(500);
ALTER TABLE article ADD COLUMN corrected_at ${timestamp};
ALTER TABLE article ADD COLUMN validity VARCHAR(20) NOT NULL DEFAULT 'IN_FORCE';
ALTER TABLE article ADD COLUMN original_title VARCHAR(200);
ALTER TABLE article ADD COLUMN original_author VARCHAR(100);
ALTER TABLE article ADD COLUMN original_published_at ${timestamp};

ALTER TABLE article_revision ADD COLUMN original_title VARCHAR(200);
ALTER TABLE article_revision ADD COLUMN original_author VARCHAR(100);
ALTER TABLE article_revision ADD COLUMN original_published_at ${timestamp};
