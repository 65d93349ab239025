-- A bank goes through the materials module's appraisal and approval as a material (its review copy as the file):
-- material_id links the bank to that material, whose workflow moves the bank's and its questions' status.
ALTER TABLE question_bank ADD COLUMN material_id uuid;
CREATE UNIQUE INDEX question_bank_material ON question_bank (school_id, material_id) WHERE material_id IS NOT NULL;
