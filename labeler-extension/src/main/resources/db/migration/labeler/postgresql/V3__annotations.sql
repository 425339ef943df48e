-- Annotations: boxes and polygons in an image's pixels, and shapes on the map.
CREATE TABLE labeler_annotations (
    id            VARCHAR(36)  PRIMARY KEY,
    event_id      VARCHAR(36)  NOT NULL REFERENCES labeler_events (id) ON DELETE CASCADE,
    image_id      VARCHAR(36)  REFERENCES labeler_images (id) ON DELETE CASCADE,
    space         VARCHAR(8)   NOT NULL,
    shape         VARCHAR(12)  NOT NULL,
    class_name    VARCHAR(100) NOT NULL,
    pixels        TEXT,
    geo           geometry(Geometry, 4326),
    attributes    TEXT         NOT NULL,
    author        VARCHAR(64),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       INTEGER      NOT NULL
);
CREATE INDEX labeler_annotations_image ON labeler_annotations (event_id, image_id);
CREATE INDEX labeler_annotations_geo ON labeler_annotations USING GIST (geo);
