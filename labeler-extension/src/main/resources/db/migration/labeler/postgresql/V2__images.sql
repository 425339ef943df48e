-- Images of an event: uploads (and, later, chips extracted from map layers).
CREATE TABLE labeler_images (
    id          VARCHAR(36)  PRIMARY KEY,
    event_id    VARCHAR(36)  NOT NULL REFERENCES labeler_events (id) ON DELETE CASCADE,
    name        VARCHAR(255) NOT NULL,
    media_type  VARCHAR(40)  NOT NULL,
    width       INTEGER      NOT NULL,
    height      INTEGER      NOT NULL,
    bytes       BIGINT       NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    file_path   VARCHAR(500) NOT NULL,
    crs         VARCHAR(40),
    transform   VARCHAR(400),
    footprint   geometry(Geometry, 4326),
    status      VARCHAR(16)  NOT NULL,
    assignee    VARCHAR(64),
    tags        TEXT         NOT NULL,
    source      TEXT         NOT NULL,
    created_by  VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     INTEGER      NOT NULL
);
CREATE INDEX labeler_images_event ON labeler_images (event_id, created_at);
CREATE INDEX labeler_images_footprint ON labeler_images USING GIST (footprint);
