package vn.truongso.curriculum.web;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.RequiredOutcome;
import vn.truongso.curriculum.SubjectOfGrade;
import vn.truongso.curriculum.Topic;
import vn.truongso.curriculum.TopicImport;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.ForbiddenException;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.web.BilingualMessages;

/**
 * Chương trình GDPT 2018 as pages: the subjects of each grade with periods per year and how Circular 22 / 27 assesses
 * them, the topics and required outcomes (yêu cầu cần đạt) of a subject in a grade, and, for those who maintain the
 * reference data (system admin, Sở officers), the topic import: check a file, see every error, then apply it.
 */
@Controller
@RequestMapping("/curriculum")
class CurriculumPages {

    /** A checked, error-free file waits in the (database-backed) session until it is applied or replaced. */
    private static final String PENDING_FILE = "truongso.curriculum.pendingTopicFile";

    private final Curriculum curriculum;
    private final TopicImport topicImport;
    private final BilingualMessages messages;

    CurriculumPages(Curriculum curriculum, TopicImport topicImport, BilingualMessages messages) {
        this.curriculum = curriculum;
        this.topicImport = topicImport;
        this.messages = messages;
    }

    /** A subject of the grade with how many topics have been imported for it. */
    public record SubjectRow(SubjectOfGrade subject, int topics) {
    }

    @GetMapping
    String subjects(CurrentUser user, @RequestParam(defaultValue = "6") int grade, Model model) {
        requireGrade(grade);
        List<SubjectRow> rows = curriculum.subjectsOfGrade(grade).stream()
                .map(s -> new SubjectRow(s, curriculum.topics(s.subjectCode(), grade).size())).toList();
        model.addAttribute("grade", grade);
        model.addAttribute("rows", rows);
        model.addAttribute("schemes", curriculum.cognitiveSchemes());
        model.addAttribute("mayImport", topicImport.mayImport(user));
        return "curriculum/subjects";
    }

    @GetMapping("/subjects/{code}/grades/{grade}")
    String topics(@PathVariable String code, @PathVariable int grade, Model model) {
        requireGrade(grade);
        SubjectOfGrade subject = curriculum.subjectOfGrade(code, grade)
                .orElseThrow(() -> new NotFoundException("subject " + code + " in grade " + grade));
        Map<Topic, List<RequiredOutcome>> topics = new LinkedHashMap<>();
        curriculum.topics(subject.subjectCode(), grade).forEach(topic -> topics.put(topic, curriculum.outcomes(topic.id())));
        model.addAttribute("subject", subject);
        model.addAttribute("topics", topics);
        return "curriculum/topics";
    }

    @GetMapping("/import")
    String importForm(CurrentUser user, Model model) {
        requireImporter(user);
        model.addAttribute("errors", List.of());
        return "curriculum/import";
    }

    /** Checks a file without changing anything; an error-free one is kept for {@link #apply}. */
    @PostMapping("/import")
    String check(CurrentUser user, @RequestParam(required = false) MultipartFile file, HttpSession session, Locale locale, Model model)
            throws IOException {
        requireImporter(user);
        session.removeAttribute(PENDING_FILE);
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", List.of(messages.describe(InputError.field("file", "upload.missing"), locale)));
            return "curriculum/import";
        }
        byte[] content = file.getBytes();
        TopicImport.Result result = topicImport.check(user, content);
        model.addAttribute("result", result);
        model.addAttribute("errors", describe(result.errors(), locale));
        if (result.valid()) {
            session.setAttribute(PENDING_FILE, content);
            model.addAttribute("fileId", fingerprint(content));
        }
        return "curriculum/import";
    }

    /** Applies the file checked last, if it is the one the page showed (a second tab may have checked another). */
    @PostMapping("/import/apply")
    String apply(CurrentUser user, @RequestParam String fileId, HttpSession session, Locale locale, Model model) {
        requireImporter(user);
        byte[] content = session.getAttribute(PENDING_FILE) instanceof byte[] bytes ? bytes : null;
        if (content == null || !fingerprint(content).equals(fileId)) {
            model.addAttribute("errors", List.of(messages.describe(InputError.field("file", "curriculum.page.checkAgain"), locale)));
            return "curriculum/import";
        }
        try {
            model.addAttribute("applied", topicImport.apply(user, content));
            model.addAttribute("errors", List.of());
        } catch (BadInputException e) {
            // The programme changed since the check (another officer imported first): show why, change nothing.
            model.addAttribute("errors", describe(e.errors(), locale));
        }
        session.removeAttribute(PENDING_FILE);
        return "curriculum/import";
    }

    private void requireImporter(CurrentUser user) {
        if (!topicImport.mayImport(user)) {
            throw new ForbiddenException("importing curriculum topics needs the reference-data capability");
        }
    }

    private static void requireGrade(int grade) {
        if (grade < 1 || grade > 12) {
            throw new NotFoundException("grade " + grade);
        }
    }

    private List<String> describe(List<InputError> errors, Locale locale) {
        return errors.stream().map(error -> messages.describe(error, locale)).toList();
    }

    private static String fingerprint(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
