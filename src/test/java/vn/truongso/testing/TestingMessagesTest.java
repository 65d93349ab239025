package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message key the testing module uses (code and templates) exists in Vietnamese and in English. */
class TestingMessagesTest {

    static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(TestingMessagesTest.class.getResourceAsStream("/i18n/" + name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyKeyIsTranslated() throws Exception {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("[\"{](testing\\.[A-Za-z]+\\.[A-Za-z.]+?)[\"}(]");
        for (String dir : new String[] {"src/main/java/vn/truongso/testing", "src/main/resources/templates/testing"}) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = key.matcher(Files.readString(f));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        Properties vi = bundle("testing.properties");
        Properties en = bundle("testing_en.properties");
        assertThat(used).hasSizeGreaterThan(40);
        assertThat(used.stream().filter(k -> !vi.containsKey(k)).toList()).as("Vietnamese").isEmpty();
        assertThat(used.stream().filter(k -> !en.containsKey(k)).toList()).as("English").isEmpty();
        assertThat(vi.keySet()).isEqualTo(en.keySet());
    }
}
