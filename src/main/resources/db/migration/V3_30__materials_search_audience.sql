-- Search narrows by visibility inside the index (issue 3: p95 under 50 ms over 100,000 materials).
--
-- Before, a search matched the words across the whole city's versions through the GIN indexes and only then joined
-- them to the materials the user may see (a fifth of them at most), so its cost grew with the city. Now each version
-- carries its audience: tokens naming who sees it, and the GIN indexes hold the audience next to the words, so one index
-- scan intersects "these words" with "visible to this user" and reads only rows she may see.
--
--   staff:<school>      the version the school's staff are shown: the one in progress, else the live one, else the latest
--   pub:<school>        the live version of a material published in the school (PUBLISHED and beyond)
--   dist:<phong>        the live version shared with the district's schools (SHARED_DISTRICT, PROPOSED_CITY, SHARED_CITY)
--   dist-all:<phong>    what the Phòng sees: proposed to it or beyond
--   city:<so>           the live version shared with the city's schools (SHARED_CITY)
--   city-all:<so>       what the Sở sees: proposed to it or shared
--
-- The reach lists mirror vn.truongso.materials.Reach and MaterialService.reachesOf; MaterialSearchTest checks every
-- view against them. The tokens are kept by triggers, so no Java code path can forget them.
ALTER TABLE material_version ADD COLUMN audience text[] NOT NULL DEFAULT '{}';

CREATE FUNCTION material_audience_refresh(p_school uuid, p_material uuid) RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
    m     material%ROWTYPE;
    shown uuid;
BEGIN
    SELECT * INTO m FROM material WHERE school_id = p_school AND id = p_material;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    SELECT w.id INTO shown FROM material_version w WHERE w.school_id = p_school AND w.material_id = p_material
     ORDER BY (w.status IN ('DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL', 'RETURNED', 'APPRAISED')) DESC,
              (w.id IS NOT DISTINCT FROM m.live_version_id) DESC, w.number DESC
     LIMIT 1;
    UPDATE material_version v SET audience = a.tokens
      FROM (SELECT x.id, array_remove(ARRAY[
                CASE WHEN x.id = shown THEN 'staff:' || p_school END,
                CASE WHEN x.id = m.live_version_id AND m.reach IN ('PUBLISHED', 'PROPOSED_DISTRICT', 'SHARED_DISTRICT', 'PROPOSED_CITY', 'SHARED_CITY')
                     THEN 'pub:' || p_school END,
                CASE WHEN x.id = m.live_version_id AND m.reach IN ('SHARED_DISTRICT', 'PROPOSED_CITY', 'SHARED_CITY')
                     THEN 'dist:' || m.phong_id END,
                CASE WHEN x.id = m.live_version_id AND m.reach IN ('PROPOSED_DISTRICT', 'SHARED_DISTRICT', 'PROPOSED_CITY', 'SHARED_CITY')
                     THEN 'dist-all:' || m.phong_id END,
                CASE WHEN x.id = m.live_version_id AND m.reach = 'SHARED_CITY' THEN 'city:' || m.so_id END,
                CASE WHEN x.id = m.live_version_id AND m.reach IN ('PROPOSED_CITY', 'SHARED_CITY') THEN 'city-all:' || m.so_id END
            ], NULL) AS tokens
              FROM material_version x WHERE x.school_id = p_school AND x.material_id = p_material) AS a
     WHERE v.school_id = p_school AND v.id = a.id AND v.audience IS DISTINCT FROM a.tokens;
END
$$;

CREATE FUNCTION material_audience_of_material() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM material_audience_refresh(NEW.school_id, NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER material_audience AFTER UPDATE OF reach, live_version_id, phong_id, so_id ON material
    FOR EACH ROW EXECUTE FUNCTION material_audience_of_material();

CREATE FUNCTION material_audience_of_version() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM material_audience_refresh(NEW.school_id, NEW.material_id);
    RETURN NULL;
END
$$;
-- Updating audience itself names neither column, so the refresh does not fire these triggers again.
CREATE TRIGGER material_version_audience AFTER INSERT OR UPDATE OF status, number ON material_version
    FOR EACH ROW EXECUTE FUNCTION material_audience_of_version();

SELECT material_audience_refresh(school_id, id) FROM material;

-- The word indexes now lead with the audience (a multi-column GIN index: each column keeps its own operator class).
DROP INDEX material_version_search;
DROP INDEX material_version_file_search;
CREATE INDEX material_version_search ON material_version USING gin (audience, search_vector);
CREATE INDEX material_version_file_search ON material_version USING gin (audience, file_vector);
