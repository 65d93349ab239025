package vn.truongso.materials.search;

import static org.assertj.core.api.Assertions.assertThat;

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
}
