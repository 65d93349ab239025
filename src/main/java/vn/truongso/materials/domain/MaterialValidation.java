package vn.truongso.materials.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.RequiredOutcome;
import vn.truongso.curriculum.Subject;
import vn.truongso.curriculum.Topic;
import vn.truongso.materials.MaterialKind;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.InputError;
import vn.truongso.platform.VietnameseText;

/**
 * Checks a version's content and cleans its text: the subject and grades exist in the curriculum (the subject is
 * taught in every grade given), the topics belong to that subject and those grades, the outcomes to those topics, and
 * a link is an https address; a video link must be YouTube, a Drive link must be Google Drive. Every problem is
 * reported at once, each naming its field.
 */
@Component
public class MaterialValidation {

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 10_000;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final Set<String> YOUTUBE = Set.of("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be");
    private static final Set<String> DRIVE = Set.of("drive.google.com", "docs.google.com");

    private final Curriculum curriculum;

    MaterialValidation(Curriculum curriculum) {
        this.curriculum = curriculum;
    }

    public MaterialContent check(MaterialContent in) {
        List<InputError> errors = new ArrayList<>();
        String title = clean(in.title());
        if (title.isEmpty()) {
            errors.add(InputError.field("title", "materials.error.required"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(InputError.field("title", "materials.error.tooLong", MAX_TITLE));
        }
        String description = clean(in.description());
        if (description.length() > MAX_DESCRIPTION) {
            errors.add(InputError.field("description", "materials.error.tooLong", MAX_DESCRIPTION));
        }
        if (in.kind() == null) {
            errors.add(InputError.field("kind", "materials.error.required"));
        }
        String subjectCode = null;
        Subject subject = null;
        if (in.subjectCode() == null || in.subjectCode().isBlank()) {
            errors.add(InputError.field("subjectCode", "materials.error.required"));
        } else {
            subject = curriculum.subject(in.subjectCode().strip()).orElse(null);
            if (subject == null) {
                errors.add(InputError.field("subjectCode", "materials.error.unknownSubject", in.subjectCode().strip()));
            } else {
                subjectCode = subject.code();
            }
        }
        List<Integer> grades = in.grades().stream().distinct().sorted().toList();
        if (grades.isEmpty()) {
            errors.add(InputError.field("grades", "materials.error.required"));
        }
        for (Integer grade : grades) {
            if (grade == null || grade < 1 || grade > 12) {
                errors.add(InputError.field("grades", "materials.error.badGrade", String.valueOf(grade)));
            } else if (subject != null && !subject.taughtIn(grade)) {
                errors.add(InputError.field("grades", "materials.error.subjectNotInGrade", subject.nameVi(), grade));
            }
        }
        Set<UUID> topicIds = new HashSet<>();
        for (UUID topicId : in.topicIds().stream().distinct().toList()) {
            Topic topic = curriculum.topic(topicId).orElse(null);
            if (topic == null) {
                errors.add(InputError.field("topicIds", "materials.error.unknownTopic", topicId.toString()));
            } else if (subjectCode != null && (!topic.subjectCode().equals(subjectCode) || !grades.contains(topic.grade()))) {
                errors.add(InputError.field("topicIds", "materials.error.topicMismatch", topic.title(), topic.subjectCode(), topic.grade()));
            } else {
                topicIds.add(topicId);
            }
        }
        List<UUID> outcomeIds = in.outcomeIds().stream().distinct().toList();
        if (!outcomeIds.isEmpty()) {
            Set<UUID> allowed = new HashSet<>();
            for (UUID topicId : topicIds) {
                curriculum.outcomes(topicId).stream().map(RequiredOutcome::id).forEach(allowed::add);
            }
            for (UUID outcomeId : outcomeIds) {
                if (!allowed.contains(outcomeId)) {
                    errors.add(InputError.field("outcomeIds", "materials.error.outcomeNotInTopics", outcomeId.toString()));
                }
            }
        }
        String language = in.language() == null || in.language().isBlank() ? "vi" : in.language().strip();
        if (!LANGUAGE.matcher(language).matches()) {
            errors.add(InputError.field("language", "materials.error.badLanguage", language));
        }
        String licence = clean(in.licence());
        if (licence.isEmpty()) {
            errors.add(InputError.field("licence", "materials.error.required"));
        }
        List<String> authors = in.authors().stream().map(MaterialValidation::clean).filter(s -> !s.isEmpty()).distinct().toList();
        if (authors.isEmpty()) {
            errors.add(InputError.field("authors", "materials.error.required"));
        }
        List<String> competencies = in.competencies().stream().map(MaterialValidation::clean).filter(s -> !s.isEmpty()).distinct().toList();
        String link = in.linkUrl() == null || in.linkUrl().isBlank() ? null : in.linkUrl().strip();
        if (link != null) {
            checkLink(link, in.kind(), errors);
        } else if (in.kind() == MaterialKind.LINK) {
            errors.add(InputError.field("linkUrl", "materials.error.required"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return new MaterialContent(title, description, in.kind(), subjectCode, grades, List.copyOf(in.topicIds().stream().distinct().toList()),
                outcomeIds, competencies, language, licence, authors, link);
    }

    /** https only; a VIDEO link must be YouTube (shared unlisted), any other link YouTube or Google Drive. */
    private static void checkLink(String link, MaterialKind kind, List<InputError> errors) {
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            errors.add(InputError.field("linkUrl", "materials.error.badLink", link));
            return;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || host.isEmpty() || uri.getUserInfo() != null) {
            errors.add(InputError.field("linkUrl", "materials.error.badLink", link));
            return;
        }
        boolean youtube = YOUTUBE.contains(host);
        boolean drive = DRIVE.contains(host);
        if (kind == MaterialKind.VIDEO ? !youtube : !(youtube || drive)) {
            errors.add(InputError.field("linkUrl", kind == MaterialKind.VIDEO ? "materials.error.videoLinkNotYoutube" : "materials.error.linkHost", host));
            return;
        }
        if (youtube && !youtubeVideo(uri, host)) {
            errors.add(InputError.field("linkUrl", "materials.error.badYoutube", link));
        }
        if (drive && (uri.getPath() == null || uri.getPath().length() < 2)) {
            errors.add(InputError.field("linkUrl", "materials.error.badDrive", link));
        }
    }

    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");

    private static boolean youtubeVideo(URI uri, String host) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (host.equals("youtu.be")) {
            return VIDEO_ID.matcher(path.replaceFirst("^/", "")).matches();
        }
        if (path.startsWith("/embed/") || path.startsWith("/shorts/") || path.startsWith("/live/")) {
            return VIDEO_ID.matcher(path.substring(path.indexOf('/', 1) + 1)).matches();
        }
        if (path.equals("/watch") && uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.startsWith("v=") && VIDEO_ID.matcher(pair.substring(2)).matches()) {
                    return true;
                }
            }
        }
        return path.equals("/playlist") && uri.getRawQuery() != null && uri.getRawQuery().contains("list=");
    }

    static String clean(String text) {
        return text == null ? "" : VietnameseText.clean(text);
    }
}
