-- Search reads a narrow table of its own (issue 3: p95 under 50 ms over 100,000 materials with 50 users).
--
-- Measured on 100,000 generated materials: a two-word search found about 850 versions, and fetching them from
-- material_version cost a page each (its rows hold the description, the files' text and both word vectors: about
-- 3.5 kB), then the match of the files' words was rechecked on the heap for every hit of the BitmapOr of the two
-- indexes. A search now reads one row per searchable version holding only what matching, ranking and the facets need:
--
--   words          every word of the title, description and files' text once for each audience token of the version,
--                  written as the token's key (the first 8 hex digits of its md5) followed by the word: "1f3a9c0bphan".
--                  One GIN index over it finds "these words, visible to her" with posting lists of her audience only
--                  (a GIN index over (audience, words) intersected the city-wide lists of "so", "phan" and her tokens).
--                  Matched only, never read: stored out of line, so the rows every hit reads stay small. The exact
--                  audience is still tested on each hit (two tokens could share a key).
--   rank_vector    the title (weight A) and description (B) words with their positions, for ts_rank: small
--   the audience (a GIN index for searches without words), the facet columns (kind, subject, grades), the status
--   and topics (filters), the folded title (typo ranking)
--
-- A query word now has to be found somewhere in the title, description or files' text of a version (before: all of
-- them in the title and description, or all of them in the files' text). On the generated materials the two rules
-- find nearly the same versions; a version with one word in its title and another in its files is now also found
-- (ranked after every version whose title or description holds all the words).
--
-- Only versions somebody may find are kept (audience not empty); the rows are kept by a trigger on material_version,
-- which re-reads the version (the audience trigger updates it after its insert), so no Java code path can forget them.
-- Both GIN indexes are built without a pending list (fastupdate off): a search never scans unsorted recent entries,
-- an edit of a version pays its index entries at once.
CREATE FUNCTION material_search_key(token text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN left(md5(token), 8);

CREATE FUNCTION material_search_keyed(audience text[], words tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN (SELECT coalesce(array_to_tsvector(array_agg(material_search_key(a) || w)), ''::tsvector)
              FROM unnest(audience) AS a, unnest(tsvector_to_array(words)) AS w);

CREATE TABLE material_search (
    school_id     uuid        NOT NULL,
    version_id    uuid        NOT NULL,
    material_id   uuid        NOT NULL,
    updated_at    timestamptz NOT NULL,
    status        text        NOT NULL,
    kind          text        NOT NULL,
    subject_code  text        NOT NULL,
    grades        integer[]   NOT NULL,
    topic_ids     uuid[]      NOT NULL,
    audience      text[]      NOT NULL,
    title_folded  text        NOT NULL,
    rank_vector   tsvector    NOT NULL,
    words         tsvector    NOT NULL,
    PRIMARY KEY (school_id, version_id),
    FOREIGN KEY (school_id, version_id) REFERENCES material_version (school_id, id) ON DELETE CASCADE
);
ALTER TABLE material_search ALTER COLUMN words SET STORAGE EXTERNAL;

-- Writes the row only when something in it changes: a version's insert reaches here twice (the audience trigger updates
-- the new version first, then this trigger sees the insert itself), and an unchanged row is not rewritten.
CREATE FUNCTION material_search_sync(p_school uuid, p_version uuid) RETURNS void LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM material_version v WHERE v.school_id = p_school AND v.id = p_version AND v.audience <> '{}') THEN
        INSERT INTO material_search AS m (school_id, version_id, material_id, updated_at, status, kind, subject_code, grades, topic_ids, audience,
                                          title_folded, rank_vector, words)
        SELECT v.school_id, v.id, v.material_id, v.updated_at, v.status, v.kind, v.subject_code, v.grades, v.topic_ids, v.audience,
               coalesce(v.title_folded, ''), coalesce(v.search_vector, ''),
               material_search_keyed(v.audience, coalesce(v.search_vector, '') || coalesce(v.file_vector, ''))
          FROM material_version v
         WHERE v.school_id = p_school AND v.id = p_version
        ON CONFLICT (school_id, version_id) DO UPDATE
           SET updated_at = excluded.updated_at, status = excluded.status, kind = excluded.kind, subject_code = excluded.subject_code,
               grades = excluded.grades, topic_ids = excluded.topic_ids, audience = excluded.audience, title_folded = excluded.title_folded,
               rank_vector = excluded.rank_vector, words = excluded.words
         WHERE (m.updated_at, m.status, m.kind, m.subject_code, m.grades, m.topic_ids, m.audience, m.title_folded, m.rank_vector, m.words)
               IS DISTINCT FROM (excluded.updated_at, excluded.status, excluded.kind, excluded.subject_code, excluded.grades, excluded.topic_ids,
                                 excluded.audience, excluded.title_folded, excluded.rank_vector, excluded.words);
    ELSE
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

-- Clustered by school: one school's rows (its staff's searches) share pages. The indexes are built afterwards.
INSERT INTO material_search (school_id, version_id, material_id, updated_at, status, kind, subject_code, grades, topic_ids, audience,
                             title_folded, rank_vector, words)
SELECT v.school_id, v.id, v.material_id, v.updated_at, v.status, v.kind, v.subject_code, v.grades, v.topic_ids, v.audience,
       coalesce(v.title_folded, ''), coalesce(v.search_vector, ''),
       material_search_keyed(v.audience, coalesce(v.search_vector, '') || coalesce(v.file_vector, ''))
  FROM material_version v
 WHERE v.audience <> '{}'
 ORDER BY v.school_id, v.updated_at;
CREATE INDEX material_search_words ON material_search USING gin (words) WITH (fastupdate = off);
CREATE INDEX material_search_audience ON material_search USING gin (audience) WITH (fastupdate = off);
ANALYZE material_search;

-- material_version's own word indexes served only the search.
DROP INDEX material_version_search;
DROP INDEX material_version_file_search;
