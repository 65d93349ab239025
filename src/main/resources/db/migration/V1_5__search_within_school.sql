-- Name search always happens inside one school. A trigram index on the name alone made PostgreSQL read the matching
-- names of every school and then discard those of other schools; with btree_gin the school id joins the same GIN
-- index, so a search reads only its own school's matches (and stays flat as the city grows).
CREATE EXTENSION IF NOT EXISTS btree_gin;

DROP INDEX IF EXISTS student_name_search;
CREATE INDEX student_name_search ON student USING gin (school_id, name_folded gin_trgm_ops);

DROP INDEX IF EXISTS staff_name_search;
CREATE INDEX staff_name_search ON staff USING gin (school_id, name_folded gin_trgm_ops);
