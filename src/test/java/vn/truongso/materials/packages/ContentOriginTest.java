package vn.truongso.materials.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** With a separate content origin the player frames content from there, and only there may frames share an origin. */
class ContentOriginTest {

    static PackageProperties properties(String origin) {
        return new PackageProperties(10000, DataSize.ofGigabytes(1), 100, Duration.ofHours(3), origin);
    }

    static ContentPackage pkg() {
        var item = new PackageStructure.Item("i", "Bài 1", 0, "bai 1/trang đầu.html", "a=1", "sco", null, null);
        var structure = new PackageStructure(PackageStandard.SCORM_12, "1.2", "m", "T", List.of(item), 1, 1);
        return new ContentPackage(UUID.randomUUID(), UUID.randomUUID(), "T", PackageStandard.SCORM_12, "1.2", item.launchPath(), structure, 1, 1,
                "0".repeat(64), UUID.randomUUID(), Instant.now());
    }

    @Test
    void sameOriginContentIsAnOpaqueSandbox() throws Exception {
        var player = new PlayerContent(null, null, null, null, null, null, null, properties(""));
        assertThat(player.contentSecurityPolicy()).startsWith("sandbox allow-scripts allow-forms;").doesNotContain("allow-same-origin");
        var p = pkg();
        String url = new PackageLaunches(null, null, properties("")).contentUrl(p, "T".repeat(43), p.structure().firstLaunchable());
        assertThat(url).isEqualTo("/play/" + p.schoolId() + "/" + p.id() + "/" + "T".repeat(43) + "/bai%201/trang%20%C4%91%E1%BA%A7u.html?a=1");
    }

    @Test
    void aSeparateContentOriginLetsPackageFramesShareTheirOwnOrigin() throws Exception {
        var player = new PlayerContent(null, null, null, null, null, null, null, properties("https://noidung.truongso.example/"));
        assertThat(player.contentSecurityPolicy()).startsWith("sandbox allow-scripts allow-forms allow-same-origin;");
        var p = pkg();
        String url = new PackageLaunches(null, null, properties("https://noidung.truongso.example/")).contentUrl(p, "T".repeat(43),
                p.structure().firstLaunchable());
        assertThat(url).startsWith("https://noidung.truongso.example/play/" + p.schoolId() + "/");
    }
}
