package vn.truongso.questions;

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

/** Every message key the questions module uses exists in Vietnamese and in English. */
class QuestionMessagesTest {

    static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(QuestionMessagesTest.class.getResourceAsStream("/i18n/" + name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyKeyIsTranslated() throws Exception {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(questions\\.(?:invalid|import|bank|export|where|docx)\\.[A-Za-z.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/vn/truongso/questions"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.removeAll(Set.of("questions.bank.created", "questions.bank.updated", "questions.bank.deleted", "questions.import.previewed",
                "questions.import.committed"));
        Properties vi = bundle("questions.properties");
        Properties en = bundle("questions_en.properties");
        assertThat(used).isNotEmpty();
        assertThat(used.stream().filter(k -> !vi.containsKey(k)).toList()).as("Vietnamese").isEmpty();
        assertThat(used.stream().filter(k -> !en.containsKey(k)).toList()).as("English").isEmpty();
        assertThat(vi.keySet()).isEqualTo(en.keySet());
    }
}
