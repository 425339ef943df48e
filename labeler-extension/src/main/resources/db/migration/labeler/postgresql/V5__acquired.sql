-- When an image was acquired: the date of an extracted chip's layer, or given at upload.
ALTER TABLE labeler_images ADD COLUMN acquired_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX labeler_images_acquired ON labeler_images (event_id, acquired_at);
