package vn.truongso.materials.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.truongso.support.IntegrationTest;

/** The audience keys Java puts into a query are the keys the database writes into material_search.words. */
@IntegrationTest
class MaterialSearchKeyTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void javaKeyIsSqlKey() {
        for (String token : new String[] {"staff:01a2090a-62ae-7c8b-9c1c-2e9dd30f4007", "dist-all:x", "city:ü"}) {
            assertThat(MaterialSearch.key(token)).hasSize(8)
                    .isEqualTo(jdbc.sql("SELECT material_search_key(?)").param(token).query(String.class).single());
        }
        assertThat(jdbc.sql("SELECT tsvector_to_array(material_search_keyed(ARRAY['a', 'b'], to_tsvector('simple', 'phan so')))::text")
                .query(String.class).single()).contains(MaterialSearch.key("a") + "phan", MaterialSearch.key("b") + "so");
    }

    /** A key that reads like a number ("1e5...") must not be split from its word, as the text search parser would. */
    @Test
    void keysThatLookLikeNumbersStillMatch() {
        int found = 0;
        for (int i = 0; found < 5 && i < 100_000; i++) {
            String token = "staff:" + i;
            String key = MaterialSearch.key(token);
            if (key.matches("\\d+e\\d.*") || key.matches("\\d+.*")) {
                found++;
                String query = MaterialSearch.tsquery(List.of("phan", "so"), Set.of("phan", "so"), Map.of(), List.of(key));
                assertThat(jdbc.sql("SELECT material_search_keyed(ARRAY[?], to_tsvector('simple', 'Phân số phan so')) @@ CAST(? AS tsquery)")
                        .params(token, query).query(Boolean.class).single()).as(token + " " + key).isTrue();
            }
        }
        assertThat(found).isEqualTo(5);
    }
}
