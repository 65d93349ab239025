-- A SCORM/cmi5 package attached to a learning material is imported as a content package, so the material's page can
-- play it; the file row points at it.
ALTER TABLE material_file ADD COLUMN package_id uuid;
ALTER TABLE material_file ADD CONSTRAINT material_file_package_fk
    FOREIGN KEY (school_id, package_id) REFERENCES content_package (school_id, id);
