package vn.truongso.materials.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * A SCORM 2004 package of several SCOs: the player shows the table of contents with previous/next (flow) and choice
 * between SCOs, the runtime tells each SCO whether continue and previous are valid, and each SCO is tracked apart.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScormNavigationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    TestSchool school;
    UUID packageId;

    static byte[] threeScos() {
        return TestPackages.zip(Map.of("imsmanifest.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="vn.truongso.test.multisco" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
                    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
                  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
                  <organizations default="org">
                    <organization identifier="org">
                      <title>Phân số</title>
                      <item identifier="chuong1"><title>Chương 1</title>
                        <item identifier="sco1" identifierref="r1"><title>Khái niệm phân số</title></item>
                        <item identifier="sco2" identifierref="r2"><title>Phân số bằng nhau</title></item>
                      </item>
                      <item identifier="sco3" identifierref="r3"><title>Luyện tập</title></item>
                    </organization>
                  </organizations>
                  <resources>
                    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="sco1.html"><file href="sco1.html"/></resource>
                    <resource identifier="r2" type="webcontent" adlcp:scormType="sco" href="sco2.html"><file href="sco2.html"/></resource>
                    <resource identifier="r3" type="webcontent" adlcp:scormType="sco" href="sco3.html"><file href="sco3.html"/></resource>
                  </resources>
                </manifest>
                """,
                "sco1.html", "<html><head></head><body>1</body></html>",
                "sco2.html", "<html><head></head><body>2</body></html>",
                "sco3.html", "<html><head></head><body>3</body></html>"));
    }

    @BeforeAll
    void importPackage() throws Exception {
        school = testSchools.create();
        var result = mvc.perform(multipart("/api/v1/schools/" + school.schoolId() + "/packages")
                .file(new MockMultipartFile("file", "p.zip", "application/zip", threeScos())).header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(status().isCreated()).andReturn();
        packageId = UUID.fromString(json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("id").asString());
    }

    private String page(String item) throws Exception {
        String play = "/schools/" + school.schoolId() + "/packages/" + packageId + "/play" + (item == null ? "" : "?item=" + item);
        return mvc.perform(get(play).with(WebUsers.as(WebUsers.user(accounts, school, Role.STUDENT)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String frameUrl(String page) {
        Matcher m = Pattern.compile("id=\"package-frame\" src=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("the frame").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private String runtime(String frameUrl) throws Exception {
        String base = frameUrl.substring(0, frameUrl.lastIndexOf('/') + 1);
        return mvc.perform(get(base + "__truongso/scorm-api.js")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void flowAndChoiceBetweenScosEachTrackedApart() throws Exception {
        String play = "/schools/" + school.schoolId() + "/packages/" + packageId + "/play";
        String first = page(null);
        assertThat(first).contains("id=\"player-next\"").contains(play + "?item=sco2").doesNotContain("id=\"player-previous\"")
                .contains("data-play-base=\"" + play + "\"")
                // The table of contents: the chapter as a heading, every SCO a choice.
                .contains("Chương 1").contains(play + "?item=sco3");
        String firstRuntime = runtime(frameUrl(first));
        assertThat(firstRuntime).contains("\"adl.nav.request_valid.continue\":\"true\"").contains("\"adl.nav.request_valid.previous\":\"false\"")
                .contains("\"itemId\":\"sco1\"");

        String middle = page("sco2");
        assertThat(middle).contains("id=\"player-previous\"").contains(play + "?item=sco1").contains("id=\"player-next\"");
        String last = page("sco3");
        assertThat(last).contains("id=\"player-previous\"").doesNotContain("id=\"player-next\"");
        assertThat(runtime(frameUrl(last))).contains("\"adl.nav.request_valid.continue\":\"false\"")
                .contains("\"adl.nav.request_valid.previous\":\"true\"");

        // Each SCO keeps its own tracking data.
        for (String[] sco : new String[][] {{"sco1", "completed"}, {"sco2", "incomplete"}}) {
            String url = frameUrl(page(sco[0]));
            String base = url.substring(0, url.lastIndexOf('/') + 1);
            mvc.perform(post(base + "__truongso/commit").contentType(MediaType.TEXT_PLAIN).content("""
                    {"values":{"cmi.completion_status":"%s","adl.nav.request":"continue"},"finished":true}""".formatted(sco[1])))
                    .andExpect(status().isOk());
        }
        var rows = jdbc.sql("""
                SELECT item_id, completion_status FROM content_package_attempt WHERE school_id = ? AND package_id = ? AND account_id = ?
                ORDER BY item_id""").params(school.schoolId(), packageId, school.accountIds().get(Role.STUDENT)).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("item_id") + "=" + r.get("completion_status"))
                .containsExactly("sco1=completed", "sco2=incomplete", "sco3=null");
        // The runtime hands the SCO's navigation request to the player page on Terminate.
        assertThat(firstRuntime).contains("values['adl.nav.request']").contains("nav: navRequest");
        // A choice of something that is not a launchable item is refused with its reason.
        mvc.perform(get(play + "?item=chuong1").with(WebUsers.as(WebUsers.user(accounts, school, Role.STUDENT)))).andExpect(status().isBadRequest());
    }
}
