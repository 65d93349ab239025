-- Search reads a narrow table of its own (issue 3: p95 under 50 ms over 100,000 materials with 50 users).
--
-- Measured on 100,000 generated materials: a two-word search found about 850 versions, and fetching them from
-- material_version cost a page each (its rows hold the description, the files' text and both word vectors: about
-- 3.5 kB), then the match of the files' words was rechecked on the heap for every hit of the BitmapOr of the two
-- indexes. A search now reads one row per searchable version holding only what matching, ranking and the facets need:
--
--   match_vector   every word of the title, description and files' text, without positions (strip): matched only,
--                  through one GIN index with the audience, so one index scan finds the hits and no row is rechecked
--   rank_vector    the title (weight A) and description (B) words with their positions, for ts_rank: small
--   the facet columns (kind, subject, grades), the status and topics (filters), the folded title (typo ranking)
--
-- A query word now has to be found somewhere in the title, description or files' text of a version (before: all of
-- them in the title and description, or all of them in the files' text). On the generated materials the two rules
-- find the same versions; a version with one word in its title and another in its files is now also found (ranked
-- after every version whose title or description holds all the words).
--
-- Only versions somebody may find are kept (audience not empty); the rows are kept by a trigger on material_version,
-- which re-reads the version (the audience trigger updates it after its insert), so no Java code path can forget them.
CREATE TABLE material_search (
    school_id     uuid        NOT NULL,
    version_id    uuid        NOT NULL,
    material_id   uuid        NOT NULL,
    audience      text[]      NOT NULL,
    updated_at    timestamptz NOT NULL,
    status        text        NOT NULL,
    kind          text        NOT NULL,
    subject_code  text        NOT NULL,
    grades        integer[]   NOT NULL,
    topic_ids     uuid[]      NOT NULL,
    title_folded  text        NOT NULL,
    rank_vector   tsvector    NOT NULL,
    match_vector  tsvector    NOT NULL,
    PRIMARY KEY (school_id, version_id),
    FOREIGN KEY (school_id, version_id) REFERENCES material_version (school_id, id) ON DELETE CASCADE
);
-- A row with a long files' text moves its match_vector out of line uncompressed (the index answers the match, the row's
-- copy is never read), rather than compressing the rank_vector that every hit reads.
ALTER TABLE material_search ALTER COLUMN match_vector SET STORAGE EXTERNAL;
CREATE INDEX material_search_words ON material_search USING gin (audience, match_vector);

CREATE FUNCTION material_search_sync(p_school uuid, p_version uuid) RETURNS void LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO material_search (school_id, version_id, material_id, audience, updated_at, status, kind, subject_code, grades, topic_ids,
                                 title_folded, rank_vector, match_vector)
    SELECT v.school_id, v.id, v.material_id, v.audience, v.updated_at, v.status, v.kind, v.subject_code, v.grades, v.topic_ids,
           coalesce(v.title_folded, ''), coalesce(v.search_vector, ''), strip(coalesce(v.search_vector, '') || coalesce(v.file_vector, ''))
      FROM material_version v
     WHERE v.school_id = p_school AND v.id = p_version AND v.audience <> '{}'
    ON CONFLICT (school_id, version_id) DO UPDATE
       SET audience = excluded.audience, updated_at = excluded.updated_at, status = excluded.status, kind = excluded.kind,
           subject_code = excluded.subject_code, grades = excluded.grades, topic_ids = excluded.topic_ids,
           title_folded = excluded.title_folded, rank_vector = excluded.rank_vector, match_vector = excluded.match_vector;
    IF NOT FOUND THEN
        DELETE FROM material_search WHERE school_id = p_school AND version_id = p_version;
    END IF;
END
$$;

CREATE FUNCTION material_search_of_version() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM material_search_sync(NEW.school_id, NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER material_version_search_row AFTER INSERT OR UPDATE OF audience, updated_at, status, kind, subject_code, grades, topic_ids,
    title, description, search_text ON material_version
    FOR EACH ROW EXECUTE FUNCTION material_search_of_version();

-- Clustered by school: one school's rows (its staff's searches) share pages.
INSERT INTO material_search (school_id, version_id, material_id, audience, updated_at, status, kind, subject_code, grades, topic_ids,
                             title_folded, rank_vector, match_vector)
SELECT v.school_id, v.id, v.material_id, v.audience, v.updated_at, v.status, v.kind, v.subject_code, v.grades, v.topic_ids,
       coalesce(v.title_folded, ''), coalesce(v.search_vector, ''), strip(coalesce(v.search_vector, '') || coalesce(v.file_vector, ''))
  FROM material_version v
 WHERE v.audience <> '{}'
 ORDER BY v.school_id, v.updated_at;
ANALYZE material_search;

-- material_version's own word indexes served only the search.
DROP INDEX material_version_search;
DROP INDEX material_version_file_search;
