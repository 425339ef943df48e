-- Who labeled an image: a rejected image goes back to them.
ALTER TABLE labeler_images ADD COLUMN labeled_by VARCHAR(64);
