-- A package attached to a material shared at district or city level is played by learners of other schools. Their
-- attempts and launches belong to the learner's own school (school_id), and point at the package where it lives
-- (package_school_id, the owning school). Existing rows are the owning school's own learners.
ALTER TABLE content_package_attempt ADD COLUMN package_school_id uuid;
UPDATE content_package_attempt SET package_school_id = school_id;
ALTER TABLE content_package_attempt ALTER COLUMN package_school_id SET NOT NULL;
ALTER TABLE content_package_attempt DROP CONSTRAINT content_package_attempt_school_id_package_id_fkey;
ALTER TABLE content_package_attempt ADD CONSTRAINT content_package_attempt_package_fk
    FOREIGN KEY (package_school_id, package_id) REFERENCES content_package (school_id, id) ON DELETE CASCADE;
ALTER TABLE content_package_attempt ADD CONSTRAINT content_package_attempt_school_fk FOREIGN KEY (school_id) REFERENCES org_unit (id);
CREATE INDEX content_package_attempt_package ON content_package_attempt (package_school_id, package_id);

ALTER TABLE content_package_launch ADD COLUMN package_school_id uuid;
UPDATE content_package_launch SET package_school_id = school_id;
ALTER TABLE content_package_launch ALTER COLUMN package_school_id SET NOT NULL;
-- The content presents only the token (and the owning school in the path): found by its hash alone.
CREATE INDEX content_package_launch_token ON content_package_launch (token_sha256);
