package vn.truongso.questions.papers;

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

import vn.truongso.questions.types.QuestionTypes;

/** Every message key of the papers area, in code and templates, exists in Vietnamese and in English. */
class PaperMessagesTest {

    static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(PaperMessagesTest.class.getResourceAsStream("/i18n/" + name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyKeyIsTranslated() throws Exception {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("[\"{'](papers\\.(?:blueprint|cell|spec|shortage|generate|ui|nav|mode)[A-Za-z.]*)[\"}'(]");
        for (String dir : new String[] {"src/main/java/vn/truongso/questions/papers", "src/main/resources/templates/papers"}) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = key.matcher(Files.readString(f));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        used.removeIf(k -> k.endsWith(".") || k.startsWith("papers.blueprint.created") || k.startsWith("papers.blueprint.updated")
                || k.startsWith("papers.blueprint.deleted"));
        PaperGenerator.PART_ORDER.forEach(t -> used.add("papers.type." + t));
        used.add("papers.mode.SAME");
        used.add("papers.mode.FRESH");
        Properties vi = bundle("papers.properties");
        Properties en = bundle("papers_en.properties");
        assertThat(used).hasSizeGreaterThan(40);
        assertThat(used.stream().filter(k -> !vi.containsKey(k)).toList()).as("Vietnamese").isEmpty();
        assertThat(used.stream().filter(k -> !en.containsKey(k)).toList()).as("English").isEmpty();
        assertThat(vi.keySet()).isEqualTo(en.keySet());
        assertThat(QuestionTypes.codes()).contains(QuestionTypes.ESSAY);
    }
}
