-- Concurrent edits: each transition remembers the material's row_version it produced, and an edit which fields it
-- changed, so that a save based on an older row_version is refused naming who changed what since.
ALTER TABLE material_transition
    ADD COLUMN row_version     integer,
    ADD COLUMN changed_fields  text[];
