package vn.truongso.questions.papers;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.truongso.curriculum.CognitiveLevel;
import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.Topic;
import vn.truongso.platform.web.BilingualMessages;

/** Names of a blueprint's topics, levels and types for pages and JSON, in Vietnamese or English. */
@Component
class BlueprintLabels {

    private final Curriculum curriculum;
    private final BilingualMessages messages;

    BlueprintLabels(Curriculum curriculum, BilingualMessages messages) {
        this.curriculum = curriculum;
        this.messages = messages;
    }

    String topic(UUID topicId, String chapter) {
        if (topicId != null) {
            return curriculum.topic(topicId).map(t -> (t.code() == null ? "" : t.code() + ". ") + t.title()).orElse(topicId.toString());
        }
        return chapter == null ? "" : chapter;
    }

    /** The label of a topic key of {@link Blueprint.Totals#byTopic()}. */
    String topicOfKey(List<BlueprintCell> cells, String key) {
        return cells.stream().filter(c -> c.topicKey().equals(key)).findFirst().map(c -> topic(c.topicId(), c.chapter())).orElse(key);
    }

    String level(String scheme, String code, Locale locale) {
        List<CognitiveLevel> levels = curriculum.levels(scheme == null ? "BHV" : scheme);
        return BlueprintCheck.level(levels, code).map(l -> Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? l.nameEn() : l.nameVi())
                .orElse(String.valueOf(code));
    }

    String type(String code, Locale locale) {
        return messages.in(locale, "papers.type." + code);
    }

    List<Topic> topics(String subjectCode, Integer grade) {
        return subjectCode == null || grade == null ? List.of() : curriculum.topics(subjectCode, grade);
    }

    List<CognitiveLevel> levels(String scheme) {
        return curriculum.levels(scheme == null ? "BHV" : scheme);
    }
}
