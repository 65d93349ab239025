package vn.truongso.questions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message key the question pages name (templates and page code) exists in Vietnamese and in English. */
class QuestionPageMessagesTest {

    static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (var r = new java.io.InputStreamReader(QuestionPageMessagesTest.class.getResourceAsStream("/i18n/" + name),
                java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyPageKeyIsTranslated() throws Exception {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("(questions\\.(?:ui|practice|appraisal|nav|edit)\\.[A-Za-z]+)");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/templates/questions")),
                Files.walk(Path.of("src/main/java/vn/truongso/questions")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.remove("questions.appraisal.statusMirrored");
        Properties vi = bundle("questions.properties");
        Properties en = bundle("questions_en.properties");
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(used.stream().filter(k -> !vi.containsKey(k)).toList()).as("Vietnamese").isEmpty();
        assertThat(used.stream().filter(k -> !en.containsKey(k)).toList()).as("English").isEmpty();
    }
}
