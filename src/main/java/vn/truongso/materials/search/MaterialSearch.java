package vn.truongso.materials.search;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.materials.MaterialKind;
import vn.truongso.materials.Reach;
import vn.truongso.materials.VersionStatus;
import vn.truongso.materials.domain.MaterialService;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.VietnameseText;

/**
 * Full-text search of learning materials as a user sees them from one school: the school's own materials (as the
 * materials list shows them to her role), and what other schools shared in the school's district or city.
 *
 * <p>Matching works on folded text ({@link VietnameseText#fold}, mirrored in SQL by {@code truongso_fold} in
 * {@code V2_10__materials_search.sql}): every word of the query must be a word of the title, description or files' text,
 * or start one when it is no whole word of any title (so a half-typed word matches); a word that neither is nor starts a
 * title word is widened to the title words like it, which tolerates typos ("phna so" finds "Phân số"). Who may see a
 * version is part of the index ({@code V3_30__materials_search_audience.sql}), so a search reads only visible rows.
 * Ranking: title words weigh 1.0, description 0.4 ({@code ts_rank}), a match in the files' text alone 0.05, plus, when
 * a word was widened, twice the trigram similarity of the query to the title.
 */
@Service
public class MaterialSearch {

    /** Where a hit comes from, as seen from the school searched. */
    public enum Scope {
        /** The school's own materials. */
        SCHOOL,
        /** Another school's material shared in (or, for a Phòng officer, proposed to) the school's district. */
        DISTRICT,
        /** Another school's material shared at (or, for a Sở officer, proposed to) the city level. */
        CITY
    }

    public static final int MAX_QUERY = 200;
    public static final int MAX_PAGE_SIZE = 100;
    /** Trigram similarity (0-1) from which a title word stands in for a mistyped query word. */
    static final double TYPO_SIMILARITY = 0.3;
    /** At most this many title words stand in for one mistyped query word. */
    static final int ALTERNATIVES = 4;


    /** A search; null filters mean any. {@code page} counts from 1. */
    public record Query(String text, String subjectCode, Integer grade, MaterialKind kind, UUID topicId, VersionStatus status, Scope scope,
            int page, int size) {
    }

    public record Hit(UUID schoolId, UUID id, UUID versionId, int versionNumber, String title, String description, MaterialKind kind,
            String subjectCode, List<Integer> grades, VersionStatus status, Reach reach, boolean live, Scope scope, double score,
            /** HTML: the matched words in {@code <mark>}, everything else escaped. */
            String snippet, Instant updatedAt) {
    }

    public record FacetValue(String value, long count) {
    }

    /** Counts per value for the current query: each dimension with every other filter applied, but not its own. */
    public record Facets(List<FacetValue> subject, List<FacetValue> grade, List<FacetValue> kind, List<FacetValue> scope) {
    }

    public record Result(String query, long total, int page, int size, List<Hit> hits, Facets facets) {
    }

    private final MaterialService service;
    private final OrgUnits orgUnits;
    private final JdbcClient jdbc;

    MaterialSearch(MaterialService service, OrgUnits orgUnits, JdbcClient jdbc) {
        this.service = service;
        this.orgUnits = orgUnits;
        this.jdbc = jdbc;
    }

    /** Searches from the school {@code schoolId}: 404 outside the user's schools, 403 without VIEW_MATERIALS there. */
    @Transactional(readOnly = true)
    public Result search(CurrentUser user, UUID schoolId, Query query) {
        MaterialService.View view = service.viewAt(user, schoolId);
        validate(query);
        String folded = VietnameseText.fold(query.text() == null ? "" : query.text());
        List<String> terms = terms(folded);

        List<UUID> chain = orgUnits.selfAndAncestors(schoolId);
        UUID phong = chain.size() > 1 ? chain.get(1) : null;
        UUID so = chain.size() > 2 ? chain.get(2) : null;

        // Who sees a version is in its audience tokens (V3_30__materials_search_audience.sql), which lead the word indexes,
        // so the index scan itself keeps only what this user may see. Her own school's materials as her view there shows
        // them; other schools' exactly as MaterialService.visible lets her open them: a member of the school (staff,
        // student) sees what is shared in its district and city, a Phòng officer what reached his district (he reaches
        // each of its schools with the district view), a Sở officer what reached the city.
        boolean member = user.grants().stream().anyMatch(g -> g.orgUnitId().equals(schoolId) && Capability.VIEW_MATERIALS.grantedTo(g.role()));
        List<String> own = List.of(switch (view) {
            case STAFF -> "staff:" + schoolId;
            case PUBLISHED -> "pub:" + schoolId;
            case DISTRICT -> "dist-all:" + phong;
            case CITY -> "city-all:" + so;
        });
        List<String> district = phong == null ? List.of() : switch (view) {
            case DISTRICT -> List.of("dist-all:" + phong);
            case STAFF, PUBLISHED -> member ? List.of("dist:" + phong) : List.of();
            case CITY -> List.of();
        };
        List<String> city = so == null ? List.of() : switch (view) {
            case CITY -> List.of("city-all:" + so);
            case STAFF, PUBLISHED -> member ? List.of("city:" + so) : List.of();
            case DISTRICT -> List.of();
        };
        List<String> others = new ArrayList<>(district);
        others.addAll(city);
        List<String> all = new ArrayList<>(own);
        all.addAll(others);

        Map<String, Object> params = new HashMap<>();
        params.put("school", schoolId);
        params.put("all", all.toArray(String[]::new));
        params.put("own", own.toArray(String[]::new));
        params.put("others", others.toArray(String[]::new));
        params.put("district", district.toArray(String[]::new));
        String scopeExpression = "CASE WHEN v.school_id = :school THEN 'SCHOOL' WHEN v.audience && CAST(:district AS text[]) THEN 'DISTRICT' ELSE 'CITY' END";

        List<String> marked = new ArrayList<>(terms);
        StringBuilder where = new StringBuilder("v.audience && CAST(:all AS text[]) AND CASE WHEN v.school_id = :school "
                + "THEN v.audience && CAST(:own AS text[]) ELSE v.audience && CAST(:others AS text[]) END");
        String score;
        if (terms.isEmpty()) {
            score = "0.0::float8";
        } else {
            Set<String> words = knownWords(terms);
            Map<String, List<String>> widened = widen(terms);
            widened.values().forEach(marked::addAll);
            params.put("tsq", tsquery(terms, words, widened));
            where.append(" AND (v.search_vector @@ to_tsquery('simple', :tsq) OR v.file_vector @@ to_tsquery('simple', :tsq))");
            // Title and description through ts_rank; a match in the files' text alone counts a fixed 0.05. When a word was
            // mistyped, the hits found through the words like it are ranked by how close the title is to the query.
            String similarity = "";
            if (!widened.isEmpty()) {
                similarity = "2 * word_similarity(:folded, v.title_folded) + ";
                params.put("folded", folded);
            }
            score = "(" + similarity + "CASE WHEN v.search_vector @@ to_tsquery('simple', :tsq) "
                    + "THEN ts_rank('{0.05, 0.1, 0.4, 1.0}', v.search_vector, to_tsquery('simple', :tsq)) ELSE 0.05 END)::float8";
        }
        if (query.topicId() != null) {
            where.append(" AND :topic = ANY (v.topic_ids)");
            params.put("topic", query.topicId());
        }
        if (query.status() != null) {
            where.append(" AND v.status = :status");
            params.put("status", query.status().name());
        }
        String hits = "WITH hits AS MATERIALIZED (SELECT v.school_id, v.material_id AS id, v.updated_at, v.id AS version_id, "
                + "v.number, v.title, v.description, v.kind, v.subject_code, v.grades, v.status, " + scopeExpression + " AS scope, "
                + score + " AS score FROM material_version v WHERE " + where + ") ";

        // The facet filters apply to the hits: each facet's counts leave its own dimension out.
        Map<String, String> filters = new HashMap<>();
        if (query.subjectCode() != null && !query.subjectCode().isBlank()) {
            filters.put("subject", "subject_code = :subject");
            params.put("subject", query.subjectCode().strip().toUpperCase(Locale.ROOT));
        }
        if (query.grade() != null) {
            filters.put("grade", ":grade = ANY (grades)");
            params.put("grade", query.grade());
        }
        if (query.kind() != null) {
            filters.put("kind", "kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.scope() != null) {
            filters.put("scope", "scope = :scope");
            params.put("scope", query.scope().name());
        }

        int size = query.size();
        int page = query.page();
        params.put("limit", size);
        params.put("offset", (long) (page - 1) * size);
        // One statement: the hits are computed once, then the page and the facet counts read them.
        String sql = hits.substring(0, hits.length() - 1) + ", ranked AS (SELECT h.*, row_number() OVER (ORDER BY score DESC, updated_at DESC, id) AS rank "
                + "FROM hits h WHERE " + except(filters, null) + " ORDER BY score DESC, updated_at DESC, id LIMIT :limit OFFSET :offset), "
                // Only the page's rows read the material (reach, live version) and the start of the files' text for the snippet.
                + "page AS (SELECT r.*, m.reach, m.live_version_id, m.updated_at AS material_updated_at, "
                + "(SELECT left(x.search_text, 20000) FROM material_version x WHERE x.school_id = r.school_id AND x.id = r.version_id) AS file_text "
                + "FROM ranked r JOIN material m ON m.school_id = r.school_id AND m.id = r.id) "
                + "SELECT 'hit' AS dim, NULL AS val, rank AS n, school_id, id, reach, live_version_id, material_updated_at AS updated_at, version_id, "
                + "number, title, description, kind, subject_code, grades, status, scope, score, file_text FROM page"
                + facet("'total', ''", "hits WHERE " + except(filters, null), "")
                + facet("'subject', subject_code", "hits WHERE " + except(filters, "subject"), " GROUP BY subject_code")
                + facet("'grade', g::text", "hits, unnest(grades) AS g WHERE " + except(filters, "grade"), " GROUP BY g")
                + facet("'kind', kind", "hits WHERE " + except(filters, "kind"), " GROUP BY kind")
                + facet("'scope', scope", "hits WHERE " + except(filters, "scope"), " GROUP BY scope");
        Map<String, List<FacetValue>> facets = new HashMap<>();
        long[] total = {0};
        List<Row> rows = new ArrayList<>();
        Map<Row, Long> ranks = new HashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            String dim = rs.getString("dim");
            switch (dim) {
                case "hit" -> {
                    Row row = row(rs);
                    rows.add(row);
                    ranks.put(row, rs.getLong("n"));
                }
                case "total" -> total[0] = rs.getLong("n");
                default -> facets.computeIfAbsent(dim, d -> new ArrayList<>()).add(new FacetValue(rs.getString("val"), rs.getLong("n")));
            }
        });
        rows.sort(java.util.Comparator.comparingLong(ranks::get));

        List<Hit> list = rows.stream().map(r -> r.hit(Snippets.of(marked, r.description(), r.fileText()))).toList();
        return new Result(query.text() == null ? "" : query.text(), total[0], page, size, list,
                new Facets(sorted(facets.get("subject"), false), sorted(facets.get("grade"), true), sorted(facets.get("kind"), false),
                        sorted(facets.get("scope"), false)));
    }

    private static void validate(Query query) {
        List<InputError> errors = new ArrayList<>();
        if (query.text() != null && query.text().length() > MAX_QUERY) {
            errors.add(InputError.field("q", "materials.search.error.tooLong", MAX_QUERY));
        }
        if (query.page() < 1) {
            errors.add(InputError.field("page", "materials.search.error.page"));
        }
        if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
            errors.add(InputError.field("size", "materials.search.error.size", MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }

    /**
     * For each query word that is neither a word nor the beginning of a word of any title: the title words like it
     * (trigram similarity at least {@link #TYPO_SIMILARITY}, or the same letters in another order), most similar first.
     */
    Map<String, List<String>> widen(List<String> terms) {
        Map<String, List<String>> widened = new HashMap<>();
        jdbc.sql("SELECT set_config('pg_trgm.similarity_threshold', ?, true)").param(Double.toString(TYPO_SIMILARITY)).query(String.class).single();
        jdbc.sql("""
                SELECT t.term, w.word FROM unnest(CAST(:terms AS text[])) AS t(term)
                CROSS JOIN LATERAL (SELECT s.word FROM material_search_word s WHERE (s.word % t.term OR s.letters = truongso_letters(t.term))
                    ORDER BY similarity(s.word, t.term) DESC, s.word LIMIT :alternatives) AS w
                WHERE length(t.term) >= 2 AND NOT EXISTS (SELECT 1 FROM material_search_word p
                    WHERE p.word >= t.term COLLATE "C" AND p.word < (t.term || U&'\\+10FFFF') COLLATE "C")""")
                .param("terms", terms.toArray(String[]::new)).param("alternatives", ALTERNATIVES)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> widened.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return widened;
    }

    /** The query words that are whole words of some title. */
    Set<String> knownWords(List<String> terms) {
        return Set.copyOf(jdbc.sql("SELECT word FROM material_search_word WHERE word = ANY (CAST(:terms AS text[]))")
                .param("terms", terms.toArray(String[]::new)).query(String.class).list());
    }

    /**
     * Every word must match. A whole word of some title matches as itself: matching it as a prefix too would read every
     * longer word of the index ("so" would also read "soan", "song", ...) and made a search several times slower for no
     * better hits. Any other word matches as a prefix (a half-typed word), or as one of the words it was widened to.
     */
    static String tsquery(List<String> terms, Set<String> words, Map<String, List<String>> widened) {
        List<String> parts = new ArrayList<>();
        for (String term : terms) {
            List<String> alternatives = new ArrayList<>();
            alternatives.add(words.contains(term) ? quote(term) : quote(term) + ":*");
            widened.getOrDefault(term, List.of()).forEach(w -> alternatives.add(quote(w)));
            parts.add(alternatives.size() == 1 ? alternatives.getFirst() : "(" + String.join(" | ", alternatives) + ")");
        }
        return String.join(" & ", parts);
    }

    private static String quote(String word) {
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** The words of a folded query (letters and digits), without repeats; at most 12. */
    static List<String> terms(String folded) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && terms.size() < 12) {
                terms.add(word);
            }
        }
        return List.copyOf(terms);
    }

    /** A branch of the facet union: the label columns, the count, and nulls for the hit columns. */
    private static String facet(String labels, String from, String groupBy) {
        return " UNION ALL SELECT " + labels + ", count(*), NULL::uuid, NULL::uuid, NULL, NULL::uuid, NULL::timestamptz, NULL::uuid, NULL::int, NULL, "
                + "NULL, NULL, NULL, NULL::int[], NULL, NULL, NULL::float8, NULL FROM " + from + groupBy;
    }

    private static String except(Map<String, String> filters, String left) {
        List<String> conditions = filters.entrySet().stream().filter(e -> !e.getKey().equals(left)).map(Map.Entry::getValue).sorted().toList();
        return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
    }

    private static List<FacetValue> sorted(List<FacetValue> values, boolean numeric) {
        if (values == null) {
            return List.of();
        }
        List<FacetValue> copy = new ArrayList<>(values);
        copy.sort(numeric ? java.util.Comparator.comparingInt((FacetValue f) -> Integer.parseInt(f.value()))
                : java.util.Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
        return copy;
    }

    private record Row(UUID schoolId, UUID id, UUID versionId, int number, String title, String description, MaterialKind kind,
            String subjectCode, List<Integer> grades, VersionStatus status, Reach reach, boolean live, Scope scope, double score,
            Instant updatedAt, String fileText) {

        Hit hit(String snippet) {
            return new Hit(schoolId, id, versionId, number, title, description, kind, subjectCode, grades, status, reach, live, scope,
                    Math.round(score * 1000) / 1000.0, snippet, updatedAt);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        UUID versionId = rs.getObject("version_id", UUID.class);
        Array grades = rs.getArray("grades");
        return new Row(rs.getObject("school_id", UUID.class), rs.getObject("id", UUID.class), versionId, rs.getInt("number"),
                rs.getString("title"), rs.getString("description"), MaterialKind.valueOf(rs.getString("kind")), rs.getString("subject_code"),
                grades == null ? List.of() : Arrays.asList((Integer[]) grades.getArray()), VersionStatus.valueOf(rs.getString("status")),
                Reach.valueOf(rs.getString("reach")), versionId.equals(rs.getObject("live_version_id", UUID.class)),
                Scope.valueOf(rs.getString("scope")), rs.getDouble("score"), rs.getTimestamp("updated_at").toInstant(), rs.getString("file_text"));
    }

    /** Parses the scope parameter (school, district, city; any case); null or blank means every scope. */
    public static Scope scope(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Scope.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(List.of(InputError.field("scope", "materials.search.error.scope", value)));
        }
    }
}
