-- Which sizes of a picture (thumbnail, cover, large) also have a WebP copy beside the JPEG or PNG one: made at upload
-- and kept only where smaller. Empty for pictures uploaded before, which pages keep offering as JPEG or PNG.
ALTER TABLE media ADD COLUMN webp_sizes VARCHAR(40);
