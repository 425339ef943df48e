-- Dataset exports: what was asked, the job that writes the archive, and the archive once written.
CREATE TABLE labeler_exports (
    id          VARCHAR(36)  PRIMARY KEY,
    event_id    VARCHAR(36)  NOT NULL REFERENCES labeler_events (id) ON DELETE CASCADE,
    job_id      VARCHAR(36)  NOT NULL,
    options     TEXT         NOT NULL,
    file_path   VARCHAR(500),
    bytes       BIGINT,
    images      INTEGER,
    annotations INTEGER,
    created_by  VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX labeler_exports_event ON labeler_exports (event_id, created_at);
CREATE INDEX labeler_exports_expiry ON labeler_exports (expires_at);
