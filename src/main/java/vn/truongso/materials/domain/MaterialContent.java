package vn.truongso.materials.domain;

import java.util.List;
import java.util.UUID;

import vn.truongso.materials.MaterialKind;

/** What one version of a material says about itself; checked by {@link MaterialValidation} before it is kept. */
public record MaterialContent(String title, String description, MaterialKind kind, String subjectCode, List<Integer> grades,
        List<UUID> topicIds, List<UUID> outcomeIds, List<String> competencies, String language, String licence, List<String> authors,
        String linkUrl) {

    public MaterialContent {
        grades = grades == null ? List.of() : List.copyOf(grades);
        topicIds = topicIds == null ? List.of() : List.copyOf(topicIds);
        outcomeIds = outcomeIds == null ? List.of() : List.copyOf(outcomeIds);
        competencies = competencies == null ? List.of() : List.copyOf(competencies);
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
