-- The Phòng's and Sở's appraisal of a proposed material, with their own rubric (material_settings keyed by their org
-- unit, the same table the schools use). One appraisal at a time per material: the reach says which level.
ALTER TABLE material
    -- NONE, UNDER_APPRAISAL (the named officers appraise), APPRAISED (a majority recommended sharing; the unit decides).
    ADD COLUMN unit_appraisal        text    NOT NULL DEFAULT 'NONE' CHECK (unit_appraisal IN ('NONE', 'UNDER_APPRAISAL', 'APPRAISED')),
    ADD COLUMN unit_appraiser_ids    uuid[]  NOT NULL DEFAULT '{}',
    -- Each start at the Phòng or the Sở opens a new round; appraisals of the material_appraisal table with level
    -- DISTRICT or CITY carry it.
    ADD COLUMN unit_appraisal_round  integer NOT NULL DEFAULT 0;

-- The Phòng's and Sở's inboxes: proposals under appraisal by an officer.
CREATE INDEX material_unit_appraisers ON material USING gin (unit_appraiser_ids) WHERE unit_appraisal = 'UNDER_APPRAISAL';
