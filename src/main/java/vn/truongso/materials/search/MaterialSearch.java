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

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
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
 * title word is widened to the title words closest to it, which tolerates typos ("phna so" finds "Phân số"). A search
 * reads its own narrow table, {@code material_search} ({@code V4_3__materials_search_table.sql}), whose word index
 * holds who may see each version ({@code V3_30__materials_search_audience.sql}), so it reads only visible rows.
 * Ranking: title words weigh 1.0, description 0.4 ({@code ts_rank}), plus, when a word was widened, twice the trigram
 * similarity of the query to the title; a version whose title and description do not hold every word (found through its
 * files' text) counts 0.05.
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
    /** A trigram alternative counts only within this much similarity of the closest one. */
    static final double TYPO_MARGIN = 0.1;


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
    private final DataSource dataSource;

    MaterialSearch(MaterialService service, OrgUnits orgUnits, JdbcClient jdbc, DataSource dataSource) {
        this.service = service;
        this.orgUnits = orgUnits;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Searches from the school {@code schoolId}: 404 outside the user's schools, 403 without VIEW_MATERIALS there. */
    @Transactional(readOnly = true)
    public Result search(CurrentUser user, UUID schoolId, Query query) {
        MaterialService.View view = service.viewAt(user, schoolId);
        validate(query);
        // The driver prepares a statement on the server (parsed and planned once per connection) only from its fifth use on a
        // connection; with 20 pooled connections and a few statement texts, half the searches of a 75-second benchmark were
        // still parsed and planned (about 1 ms). The search's statements are prepared at once, on this transaction's
        // connection only, which is then given back as it was.
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            int threshold = pg.getPrepareThreshold();
            pg.setPrepareThreshold(1);
            try {
                return search(user, schoolId, query, view);
            } finally {
                pg.setPrepareThreshold(threshold);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private Result search(CurrentUser user, UUID schoolId, Query query, MaterialService.View view) {
        String folded = VietnameseText.fold(query.text() == null ? "" : query.text());
        List<String> terms = terms(folded);

        // Generic plans for this transaction's statements once the driver has prepared them: their shape does not depend on
        // the values, and planning the search cost about 1 ms a request (the words lookup 0.5 ms) when PostgreSQL kept
        // planning it for each set of values.
        jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
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

        Map<String, Object> params = new HashMap<>();
        params.put("school", schoolId);
        params.put("own", own.toArray(String[]::new));
        params.put("others", others.toArray(String[]::new));
        params.put("district", district.toArray(String[]::new));

        // The search reads material_search (V4_3__materials_search_table.sql): one narrow row per version somebody may find.
        // The school's own versions and the other schools' are two index scans (their audience tokens differ), so no row
        // pays for a test of which tokens apply to it.
        List<String> marked = new ArrayList<>(terms);
        StringBuilder where = new StringBuilder();
        String with = "";
        String ownMatch = "";
        String othersMatch = "";
        String score;
        if (terms.isEmpty()) {
            score = "0.0::float8";
        } else {
            Words words = words(terms);
            words.widened().values().forEach(marked::addAll);
            params.put("tsq", tsquery(terms, words.known(), words.widened(), List.of("")));
            // The words are matched keyed by each audience token the branch may see (V4_3: "1f3a9c0bphan"); the plain query
            // ranks. Each query is parsed once (a materialized CTE read through InitPlans), not once per row, whatever plan runs.
            params.put("own_tsq", tsquery(terms, words.known(), words.widened(), own.stream().map(MaterialSearch::key).toList()));
            params.put("others_tsq", others.isEmpty() ? "" : tsquery(terms, words.known(), words.widened(), others.stream().map(MaterialSearch::key).toList()));
            // The keyed queries are read as written (tsquery input): to_tsquery would run the parser over "1e5a0b3cphan"
            // and split a key that looks like a number ("1e5") from the rest, and the stored keyed words were never parsed.
            with = "t AS MATERIALIZED (SELECT to_tsquery('simple', :tsq) AS q, CAST(:own_tsq AS tsquery) AS own, "
                    + "CAST(:others_tsq AS tsquery) AS others), ";
            ownMatch = "s.words @@ (SELECT own FROM t) AND ";
            othersMatch = "s.words @@ (SELECT others FROM t) AND ";
            // Title and description through ts_rank; a version found through its files' text (a word missing from its title and
            // description) counts a fixed 0.05. When a word was mistyped, the title and description hits found through the words
            // like it are ranked by how close the title is to the query (the trigram similarity costs about 10 µs a row, so it is
            // computed only for them: the files' hits rank after them anyway).
            params.put("folded", words.widened().isEmpty() ? null : folded);
            score = "(CASE WHEN s.rank_vector @@ (SELECT q FROM t) THEN CASE WHEN CAST(:folded AS text) IS NULL THEN 0 "
                    + "ELSE 2 * word_similarity(:folded, s.title_folded) END + ts_rank('{0.05, 0.1, 0.4, 1.0}', s.rank_vector, (SELECT q FROM t)) "
                    + "ELSE 0.05 END)::float8";
        }
        // Every filter is a parameter (null: any), so a search has one statement text (two without words) whatever its
        // filters: the driver prepares it on the server after a few uses, and its generic plan spares the planning.
        where.append(" AND (CAST(:topic AS uuid) IS NULL OR :topic = ANY (s.topic_ids)) AND (CAST(:status AS text) IS NULL OR s.status = :status)");
        params.put("topic", query.topicId());
        params.put("status", query.status() == null ? null : query.status().name());

        // The facet filters: the page applies them all; the facets are counted from the hits' combinations below.
        Filters filters = new Filters(query.subjectCode() == null || query.subjectCode().isBlank() ? null : query.subjectCode().strip().toUpperCase(Locale.ROOT),
                query.grade(), query.kind() == null ? null : query.kind().name(), query.scope() == null ? null : query.scope().name());
        String pageFilters = "(CAST(:subject AS text) IS NULL OR subject_code = :subject) AND (CAST(:grade AS int) IS NULL OR :grade = ANY (grades)) "
                + "AND (CAST(:kind AS text) IS NULL OR kind = :kind) AND (CAST(:scope AS text) IS NULL OR scope = :scope)";
        params.put("subject", filters.subject());
        params.put("grade", filters.grade());
        params.put("kind", filters.kind());
        params.put("scope", filters.scope());

        int size = query.size();
        int page = query.page();
        params.put("limit", size);
        params.put("offset", (long) (page - 1) * size);
        // One statement: the hits are computed once (narrow rows), then the page reads the version and material of its rows
        // only, and the facets are the counts per combination of kind, subject, grades and scope (a few dozen rows), from
        // which each facet is summed leaving its own filter out.
        String columns = "SELECT s.school_id, s.material_id AS id, s.version_id, s.updated_at, s.kind, s.subject_code, s.grades, ";
        // With words, the keyed words index finds the rows and the exact audience is then tested on each (coalesce keeps the
        // planner from intersecting the audience index too); without, the audience index finds them.
        String ownAudience = terms.isEmpty() ? "s.audience && CAST(:own AS text[])" : "coalesce(s.audience && CAST(:own AS text[]), false)";
        String othersAudience = terms.isEmpty() ? "s.audience && CAST(:others AS text[])" : "coalesce(s.audience && CAST(:others AS text[]), false)";
        // "IS TRUE" keeps the primary key out of the plan: intersecting the school's 5,000 row ids with the index's hits cost
        // more than testing the school on each hit.
        String hits = columns + "'SCHOOL' AS scope, " + score + " AS score FROM material_search s WHERE " + ownMatch + ownAudience
                + " AND (s.school_id = :school) IS TRUE" + where;
        if (!others.isEmpty()) {
            hits += " UNION ALL " + columns + "CASE WHEN s.audience && CAST(:district AS text[]) THEN 'DISTRICT' ELSE 'CITY' END"
                    + " AS scope, " + score + " AS score FROM material_search s WHERE " + othersMatch + othersAudience + " AND s.school_id <> :school" + where;
        }
        String sql = "WITH " + with + "hits AS MATERIALIZED (" + hits + "), "
                // ORDER BY right under LIMIT sorts only the page's rows (a top-N heap sort), then they are numbered in that order.
                + "ranked AS (SELECT p.*, row_number() OVER () AS rank FROM (SELECT h.* FROM hits h WHERE "
                + pageFilters + " ORDER BY score DESC, updated_at DESC, id LIMIT :limit OFFSET :offset) p) "
                + "SELECT 'hit' AS dim, r.rank AS n, r.school_id, r.id, m.reach, m.live_version_id, m.updated_at, r.version_id, x.number, x.title, "
                + "x.description, r.kind, r.subject_code, r.grades, x.status, r.scope, r.score, left(x.search_text, 20000) AS file_text "
                + "FROM ranked r JOIN material m ON m.school_id = r.school_id AND m.id = r.id "
                + "JOIN material_version x ON x.school_id = r.school_id AND x.id = r.version_id "
                + "UNION ALL SELECT 'facet', count(*), NULL::uuid, NULL::uuid, NULL, NULL::uuid, NULL::timestamptz, NULL::uuid, NULL::int, NULL, NULL, "
                + "kind, subject_code, grades, NULL, scope, NULL::float8, NULL FROM hits GROUP BY kind, subject_code, grades, scope";
        List<Row> rows = new ArrayList<>();
        Map<Row, Long> ranks = new HashMap<>();
        FacetCounter counter = new FacetCounter(filters);
        jdbc.sql(sql).params(params).query(rs -> {
            if (rs.getString("dim").equals("hit")) {
                Row row = row(rs);
                rows.add(row);
                ranks.put(row, rs.getLong("n"));
            } else {
                Array grades = rs.getArray("grades");
                counter.add(rs.getString("kind"), rs.getString("subject_code"), grades == null ? new Integer[0] : (Integer[]) grades.getArray(),
                        rs.getString("scope"), rs.getLong("n"));
            }
        });
        rows.sort(java.util.Comparator.comparingLong(ranks::get));

        List<Hit> list = rows.stream().map(r -> r.hit(Snippets.of(marked, r.description(), r.fileText()))).toList();
        return new Result(query.text() == null ? "" : query.text(), counter.total, page, size, list,
                new Facets(sorted(counter.subject), sortedGrades(counter.grade), sorted(counter.kind), sorted(counter.scope)));
    }

    /** The facet filters of a query (null: any). */
    record Filters(String subject, Integer grade, String kind, String scope) {
    }

    /**
     * Sums the hits' combinations into the total (every filter) and the facets: each dimension's counts with every other
     * filter applied, but not its own (choosing grade 6 keeps the other grades' counts). A version of several grades counts
     * once for each of them in the grade facet.
     */
    static final class FacetCounter {
        private final Filters filters;
        long total;
        final Map<String, Long> subject = new HashMap<>();
        final Map<Integer, Long> grade = new HashMap<>();
        final Map<String, Long> kind = new HashMap<>();
        final Map<String, Long> scope = new HashMap<>();

        FacetCounter(Filters filters) {
            this.filters = filters;
        }

        void add(String kindValue, String subjectValue, Integer[] grades, String scopeValue, long count) {
            boolean subjectOk = filters.subject() == null || filters.subject().equals(subjectValue);
            boolean gradeOk = filters.grade() == null || Arrays.asList(grades).contains(filters.grade());
            boolean kindOk = filters.kind() == null || filters.kind().equals(kindValue);
            boolean scopeOk = filters.scope() == null || filters.scope().equals(scopeValue);
            if (subjectOk && gradeOk && kindOk && scopeOk) {
                total += count;
            }
            if (gradeOk && kindOk && scopeOk) {
                subject.merge(subjectValue, count, Long::sum);
            }
            if (subjectOk && kindOk && scopeOk) {
                for (Integer g : new LinkedHashSet<>(Arrays.asList(grades))) {
                    grade.merge(g, count, Long::sum);
                }
            }
            if (subjectOk && gradeOk && scopeOk) {
                kind.merge(kindValue, count, Long::sum);
            }
            if (subjectOk && gradeOk && kindOk) {
                scope.merge(scopeValue, count, Long::sum);
            }
        }
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

    /** The query words that are whole words of some title, and the title words each other word stands for (a typo). */
    record Words(Set<String> known, Map<String, List<String>> widened) {
    }

    /**
     * One statement: which query words are whole words of some title, and for each word that is neither a word nor the
     * beginning of a word of any title, the title words like it: the same letters in another order ("phna" → "phan"),
     * which trigrams miss on short syllables, and the most similar by trigrams (at least {@link #TYPO_SIMILARITY}, at most
     * {@link #ALTERNATIVES}) that come within {@link #TYPO_MARGIN} of the closest one. A word far behind the closest adds
     * only noise: "giacc" stands for "giac", not also for "gia", "giao" and "giang", which matched thousands of versions.
     */
    Words words(List<String> terms) {
        Set<String> known = new java.util.HashSet<>();
        Map<String, List<String>> widened = new HashMap<>();
        record Alternative(String term, String word, double similarity, boolean sameLetters) {
        }
        List<Alternative> alternatives = new ArrayList<>();
        // pg_trgm's % uses its similarity threshold (0.3 unless changed); the explicit bound keeps TYPO_SIMILARITY either way.
        jdbc.sql("""
                SELECT t.term, EXISTS (SELECT 1 FROM material_search_word k WHERE k.word = t.term) AS known, w.word, w.sim, w.same
                FROM unnest(CAST(:terms AS text[])) AS t(term)
                LEFT JOIN LATERAL (SELECT s.word, similarity(s.word, t.term) AS sim, s.letters = truongso_letters(t.term) AS same
                    FROM material_search_word s
                    WHERE length(t.term) >= 2 AND ((s.word % t.term AND similarity(s.word, t.term) >= :threshold) OR s.letters = truongso_letters(t.term))
                      AND NOT EXISTS (SELECT 1 FROM material_search_word p WHERE p.word >= t.term COLLATE "C" AND p.word < (t.term || U&'\\+10FFFF') COLLATE "C")
                    ORDER BY similarity(s.word, t.term) DESC, s.word LIMIT :alternatives) AS w ON true""")
                .param("terms", terms.toArray(String[]::new)).param("alternatives", ALTERNATIVES).param("threshold", TYPO_SIMILARITY)
                .query((rs, n) -> {
                    if (rs.getBoolean("known")) {
                        known.add(rs.getString("term"));
                    }
                    return rs.getString("word") == null ? null
                            : new Alternative(rs.getString("term"), rs.getString("word"), rs.getDouble("sim"), rs.getBoolean("same"));
                }).list().stream().filter(java.util.Objects::nonNull).forEach(alternatives::add);
        Map<String, Double> best = new HashMap<>();
        alternatives.stream().filter(a -> !a.sameLetters()).forEach(a -> best.merge(a.term(), a.similarity(), Math::max));
        for (Alternative a : alternatives) {
            if (a.sameLetters() || a.similarity() >= best.get(a.term()) - TYPO_MARGIN) {
                widened.computeIfAbsent(a.term(), k -> new ArrayList<>()).add(a.word());
            }
        }
        return new Words(known, widened);
    }

    /**
     * Every word must match. A whole word of some title matches as itself: matching it as a prefix too would read every
     * longer word of the index ("so" would also read "soan", "song", ...) and made a search several times slower for no
     * better hits. Any other word matches as a prefix (a half-typed word), or as one of the words it was widened to.
     */
    static String tsquery(List<String> terms, Set<String> words, Map<String, List<String>> widened, List<String> keys) {
        List<String> branches = new ArrayList<>();
        for (String key : keys) {
            List<String> parts = new ArrayList<>();
            for (String term : terms) {
                List<String> alternatives = new ArrayList<>();
                alternatives.add(words.contains(term) ? quote(key + term) : quote(key + term) + ":*");
                widened.getOrDefault(term, List.of()).forEach(w -> alternatives.add(quote(key + w)));
                parts.add(alternatives.size() == 1 ? alternatives.getFirst() : "(" + String.join(" | ", alternatives) + ")");
            }
            branches.add(String.join(" & ", parts));
        }
        return branches.size() == 1 ? branches.getFirst() : "(" + String.join(") | (", branches) + ")";
    }

    /** An audience token's key in material_search.words: the first 8 hex digits of its md5, as material_search_key does. */
    static String key(String token) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    private static <K> List<FacetValue> sorted(Map<K, Long> counts) {
        List<FacetValue> values = new ArrayList<>();
        counts.forEach((k, n) -> values.add(new FacetValue(String.valueOf(k), n)));
        values.sort(java.util.Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
        return values;
    }

    private static List<FacetValue> sortedGrades(Map<Integer, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> new FacetValue(e.getKey().toString(), e.getValue())).toList();
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
