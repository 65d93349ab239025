package vn.truongso.questions.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.directory.ClassRosters;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.VietnameseText;
import vn.truongso.questions.PracticeSets.PracticeSet;
import vn.truongso.questions.QuestionScoring;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/**
 * Practice sets (bộ ôn tập): a teacher picks questions from a bank (by filter or by hand) and assigns the set to
 * classes she teaches with a publish date and a due date; students of those classes see it from the publish date and
 * answer question by question. Answers are scored here, on the server, and the key is shown only after the answer.
 */
@Service
public class PracticeService {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The most questions a set may hold. */
    public static final int MAX_QUESTIONS = 100;

    /** What a teacher sends to create a set: chosen question ids, or a filter and a count to draw from the bank. */
    public record NewSet(String title, String description, UUID bankId, List<UUID> questionIds, QuestionFilter filter, Integer count,
            List<UUID> classIds, LocalDate publishOn, LocalDate dueOn) {
    }

    /** A set as a student takes it: its questions (definitions, for the page to show without their keys) and her results. */
    public record Taking(PracticeSet set, List<StoredQuestion> questions, Map<UUID, PracticeSetStore.Result> results, UUID studentId) {

        public BigDecimal total() {
            return questions.stream().map(q -> q.question().points()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal last() {
            return results.values().stream().map(PracticeSetStore.Result::lastPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal best() {
            return results.values().stream().map(PracticeSetStore.Result::bestPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The outcome of one answer: the points, and the question with its key for the feedback. */
    public record Feedback(StoredQuestion question, Score score, Response response) {
    }

    private final AccessPolicy access;
    private final AuditLog audit;
    private final ClassRosters rosters;
    private final PracticeSetStore sets;
    private final Questions questions;
    private final Banks banks;

    PracticeService(AccessPolicy access, AuditLog audit, ClassRosters rosters, PracticeSetStore sets, Questions questions, Banks banks) {
        this.access = access;
        this.audit = audit;
        this.rosters = rosters;
        this.sets = sets;
        this.questions = questions;
        this.banks = banks;
    }

    // ---- teachers

    public List<PracticeSetStore.Listed> sets(CurrentUser user, UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return sets.ofSchool(schoolId);
    }

    /** The classes the teacher may assign sets to: those she teaches or is homeroom teacher of. */
    public List<ClassRosters.ClassRef> assignableClasses(CurrentUser user, UUID schoolId) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        return rosters.taughtBy(schoolId, user.personId());
    }

    public PracticeSet set(CurrentUser user, UUID schoolId, UUID setId) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return sets.find(schoolId, setId).orElseThrow(() -> new NotFoundException("practice set " + setId));
    }

    /** How the students of the set's classes are doing: for the school's staff who read banks. */
    public List<PracticeSetStore.StudentResult> results(CurrentUser user, UUID schoolId, UUID setId) {
        set(user, schoolId, setId);
        return sets.classResults(schoolId, setId);
    }

    @Transactional
    public UUID create(CurrentUser user, UUID schoolId, NewSet in) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        List<InputError> errors = new ArrayList<>();
        String title = in.title() == null ? "" : VietnameseText.clean(in.title());
        if (title.isEmpty()) {
            errors.add(InputError.field("title", "questions.practice.titleRequired"));
        }
        if (in.bankId() == null || banks.find(schoolId, in.bankId()).isEmpty()) {
            errors.add(InputError.field("bankId", "questions.practice.bankRequired"));
        }
        if (in.publishOn() == null) {
            errors.add(InputError.field("publishOn", "questions.practice.publishRequired"));
        } else if (in.dueOn() != null && in.dueOn().isBefore(in.publishOn())) {
            errors.add(InputError.field("dueOn", "questions.practice.dueBeforePublish"));
        }
        Set<UUID> allowed = new LinkedHashSet<>();
        rosters.taughtBy(schoolId, user.personId()).forEach(c -> allowed.add(c.id()));
        Set<UUID> classes = new LinkedHashSet<>(in.classIds() == null ? List.of() : in.classIds());
        if (classes.isEmpty()) {
            errors.add(InputError.field("classIds", "questions.practice.classRequired"));
        } else if (!allowed.containsAll(classes)) {
            errors.add(InputError.field("classIds", "questions.practice.notYourClass"));
        }
        List<UUID> picked = new ArrayList<>();
        if (in.bankId() != null && errors.stream().noneMatch(e -> "bankId".equals(e.column()))) {
            if (in.questionIds() != null && !in.questionIds().isEmpty()) {
                for (StoredQuestion q : questions.findAll(schoolId, in.questionIds())) {
                    if (q.bankId().equals(in.bankId()) && !"ARCHIVED".equals(q.status())) {
                        picked.add(q.id());
                    }
                }
                // Keep the teacher's order.
                picked.sort(java.util.Comparator.comparingInt(in.questionIds()::indexOf));
            } else {
                QuestionFilter f = in.filter() == null ? new QuestionFilter(in.bankId(), null, null, null, null, null, null, null, null, null, "ACTIVE")
                        : in.filter();
                int count = in.count() == null ? MAX_QUESTIONS : Math.max(1, Math.min(MAX_QUESTIONS, in.count()));
                for (StoredQuestion q : questions.search(schoolId, new QuestionFilter(in.bankId(), f.type(), null, null, f.topicId(), null,
                        f.cognitiveLevel(), f.difficulty(), null, f.text(), "ACTIVE"), 0, count).items()) {
                    picked.add(q.id());
                }
            }
            if (picked.isEmpty()) {
                errors.add(InputError.field("questionIds", "questions.practice.noQuestions"));
            } else if (picked.size() > MAX_QUESTIONS) {
                errors.add(InputError.field("questionIds", "questions.practice.tooMany", MAX_QUESTIONS));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        UUID id = Ids.newId();
        sets.insert(schoolId, id, title, in.description() == null || in.description().isBlank() ? null : VietnameseText.clean(in.description()),
                in.bankId(), in.publishOn(), in.dueOn(), picked, classes, user.id(), OffsetDateTime.now(ZoneOffset.UTC));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("title", title);
        detail.put("bank", in.bankId().toString());
        detail.put("questions", picked.size());
        detail.put("classes", classes.stream().map(UUID::toString).toList());
        detail.put("publishOn", in.publishOn().toString());
        detail.put("dueOn", in.dueOn() == null ? null : in.dueOn().toString());
        audit.record("questions.practice.created", schoolId, "practice_set", id.toString(), detail);
        return id;
    }

    // ---- students

    /** The student's school and classes; students act only in their own school. */
    private List<UUID> studentClasses(CurrentUser user, UUID schoolId) {
        access.require(user, schoolId, Capability.PRACTICE);
        return rosters.classesOf(schoolId, user.personId()).stream().map(ClassRosters.ClassRef::id).toList();
    }

    public List<PracticeSetStore.Listed> published(CurrentUser user, UUID schoolId) {
        return sets.publishedTo(schoolId, studentClasses(user, schoolId), today());
    }

    public Taking take(CurrentUser user, UUID schoolId, UUID setId) {
        PracticeSet set = visible(user, schoolId, setId);
        Map<UUID, StoredQuestion> byId = new LinkedHashMap<>();
        questions.findAll(schoolId, set.questionIds()).forEach(q -> byId.put(q.id(), q));
        List<StoredQuestion> ordered = set.questionIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        Map<UUID, PracticeSetStore.Result> results = new LinkedHashMap<>();
        sets.results(schoolId, setId, user.personId()).forEach(r -> results.put(r.questionId(), r));
        return new Taking(set, ordered, results, user.personId());
    }

    /** Scores a student's answer on the server, records it (last and best) and answers the feedback with the key. */
    @Transactional
    public Feedback answer(CurrentUser user, UUID schoolId, UUID setId, UUID questionId, Response response) {
        PracticeSet set = visible(user, schoolId, setId);
        if (!set.questionIds().contains(questionId)) {
            throw new NotFoundException("question " + questionId);
        }
        StoredQuestion q = questions.find(schoolId, questionId).orElseThrow(() -> new NotFoundException("question " + questionId));
        Question question = q.question();
        Score score = QuestionScoring.autoScored(question.type()) ? QuestionScoring.score(question, response) : Score.manual();
        sets.recordResult(schoolId, setId, user.personId(), questionId, score.points());
        return new Feedback(q, score, response);
    }

    public boolean studentSeesBlob(CurrentUser user, UUID schoolId, String sha256) {
        return sets.publishedQuestionRefersToBlob(schoolId, studentClasses(user, schoolId), today(), sha256);
    }

    private PracticeSet visible(CurrentUser user, UUID schoolId, UUID setId) {
        List<UUID> classes = studentClasses(user, schoolId);
        PracticeSet set = sets.find(schoolId, setId).orElseThrow(() -> new NotFoundException("practice set " + setId));
        if (user.personId() == null || set.publishOn().isAfter(today()) || set.classIds().stream().noneMatch(classes::contains)) {
            throw new NotFoundException("practice set " + setId);
        }
        return set;
    }

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }
}
