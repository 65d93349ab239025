package vn.truongso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.WebUsers;

/** Pages link the site's CSS and JS under content-hashed URLs that browsers keep for a year; page links stay as they are. */
@IntegrationTest
class StaticResourcesTest {

    private static final Pattern HASHED_CSS = Pattern.compile("/css/app-([0-9a-f]{32})\\.css");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;

    @Test
    void pagesLinkHashedAssetsCachedForAYear() throws Exception {
        var school = testSchools.create();
        var signIn = mvc.perform(formLogin("/login").user(school.usernames().get(Role.PRINCIPAL)).password(TestSchools.PASSWORD)).andReturn();
        String page = mvc.perform(get("/schools/" + school.schoolId() + "/classes").with(WebUsers.session(signIn)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Matcher css = HASHED_CSS.matcher(page);
        assertThat(css.find()).as("the layout links app.css by its content hash").isTrue();
        assertThat(page).contains("/js/app-").contains("/webjars/bootstrap/5.3.8/css/bootstrap.min.css")
                .contains("href=\"/schools/" + school.schoolId() + "/classes/" + school.classId() + "\"");

        mvc.perform(get(css.group())).andExpect(status().isOk()).andExpect(header().string("Cache-Control", "max-age=31536000, public"));
        mvc.perform(get("/webjars/htmx.org/2.0.10/dist/htmx.min.js")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=31536000, public"));
        mvc.perform(get("/css/missing.css")).andExpect(status().isNotFound());
    }
}
