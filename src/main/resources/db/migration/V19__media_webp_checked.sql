-- Whether a picture's WebP copies were tried. Pictures stored before V18, or on a machine where the encoder did not
-- load, have not been: a background job makes their copies from the stored JPEG and PNG ones.
ALTER TABLE media ADD COLUMN webp_checked BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE media SET webp_checked = TRUE WHERE webp_sizes IS NOT NULL;
