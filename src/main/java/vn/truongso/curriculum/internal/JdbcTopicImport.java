package vn.truongso.curriculum.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.curriculum.Subject;
import vn.truongso.curriculum.SubjectOfGrade;
import vn.truongso.curriculum.TopicImport;
import vn.truongso.curriculum.internal.TopicWorkbook.Column;
import vn.truongso.curriculum.internal.TopicWorkbook.RawRow;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.ForbiddenException;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;
import vn.truongso.platform.VietnameseText;

/**
 * Checks a topic workbook against the reference data and applies it in one transaction. Topics and outcomes are
 * national reference data (no owner org); a file only adds or updates, it never deletes what it does not mention.
 */
@Service
class JdbcTopicImport implements TopicImport {

    static final int MAX_CODE_LENGTH = 40;
    static final int MAX_TITLE_LENGTH = 500;
    static final int MAX_TEXT_LENGTH = 4000;
    static final int MAX_POSITION = 1_000_000;
    /** More errors than this are counted but not listed, so a wrong file cannot produce a response of megabytes. */
    static final int MAX_LISTED_ERRORS = 2000;
    private static final Pattern GRADE = Pattern.compile("(?:lop\\s*)?(\\d{1,3})");
    private static final Pattern POSITIVE = Pattern.compile("\\d{1,9}");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JdbcCurriculum curriculum;
    private final AuditLog audit;

    JdbcTopicImport(JdbcClient jdbc, JdbcTemplate batch, JdbcCurriculum curriculum, AuditLog audit) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.curriculum = curriculum;
        this.audit = audit;
    }

    @Override
    public byte[] template() {
        return TopicWorkbook.template(curriculum.subjects());
    }

    @Override
    public boolean mayImport(CurrentUser user) {
        return user != null && user.grants().stream().anyMatch(grant -> Capability.MANAGE_REFERENCE_DATA.grantedTo(grant.role()));
    }

    @Override
    @Transactional(readOnly = true)
    public Result check(CurrentUser user, byte[] content) {
        requireMayImport(user);
        return analyse(content).result();
    }

    @Override
    @Transactional
    public Result apply(CurrentUser user, byte[] content) {
        requireMayImport(user);
        Analysis analysis = analyse(content);
        if (!analysis.errors.isEmpty()) {
            throw new BadInputException(analysis.errors);
        }
        List<Map<String, Object>> changes = write(analysis);
        Map<String, Object> detail = new LinkedHashMap<>();
        Result result = analysis.result();
        detail.put("sha256", sha256(content));
        detail.put("rows", result.rows());
        detail.put("newTopics", result.newTopics());
        detail.put("existingTopics", result.existingTopics());
        detail.put("newOutcomes", result.newOutcomes());
        detail.put("existingOutcomes", result.existingOutcomes());
        detail.put("subjectGrades", analysis.topics.values().stream().map(t -> t.subjectCode + "/" + t.grade).distinct().toList());
        detail.put("changed", changes.size() > 500 ? changes.subList(0, 500) : changes);
        audit.record("curriculum.topics.imported", user.homeOrgId(), "curriculum_topics", null, detail);
        return result;
    }

    private void requireMayImport(CurrentUser user) {
        if (!mayImport(user)) {
            throw new ForbiddenException("importing topics needs " + Capability.MANAGE_REFERENCE_DATA);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Checking

    private static final class Errors {
        final List<InputError> listed = new ArrayList<>();
        int total;

        void add(InputError error) {
            total++;
            if (listed.size() < MAX_LISTED_ERRORS) {
                listed.add(error);
            }
        }

        List<InputError> all() {
            if (total <= listed.size()) {
                return listed;
            }
            var all = new ArrayList<>(listed);
            all.add(InputError.field(TopicWorkbook.FILE_FIELD, "curriculum.import.moreErrors", total - listed.size(), total));
            return all;
        }
    }

    /** A topic of the file: where it first appears and what it says. */
    private static final class FileTopic {
        final String subjectCode;
        final int grade;
        final String code;
        final String title;
        final int position;
        final int firstRow;
        final Map<String, FileOutcome> outcomes = new LinkedHashMap<>();
        UUID existingId;
        String existingTitle;
        Integer existingPosition;

        FileTopic(String subjectCode, int grade, String code, String title, int position, int firstRow) {
            this.subjectCode = subjectCode;
            this.grade = grade;
            this.code = code;
            this.title = title;
            this.position = position;
            this.firstRow = firstRow;
        }
    }

    private record FileOutcome(String code, String text, int position, int row) {
    }

    private record TopicKey(String subjectCode, int grade, String code) {
    }

    private record Analysis(int rows, Map<TopicKey, FileTopic> topics, List<InputError> errors, Map<UUID, Map<String, ExistingOutcome>> existing) {

        Result result() {
            int outcomes = 0;
            int newTopics = 0;
            int newOutcomes = 0;
            for (FileTopic topic : topics.values()) {
                outcomes += topic.outcomes.size();
                if (topic.existingId == null) {
                    newTopics++;
                    newOutcomes += topic.outcomes.size();
                } else {
                    var known = existing.getOrDefault(topic.existingId, Map.of());
                    newOutcomes += (int) topic.outcomes.keySet().stream().filter(code -> !known.containsKey(code)).count();
                }
            }
            return new Result(rows, topics.size(), outcomes, newTopics, topics.size() - newTopics, newOutcomes, outcomes - newOutcomes, errors);
        }
    }

    private record ExistingOutcome(UUID id, String text, int position) {
    }

    private Analysis analyse(byte[] content) {
        var read = TopicWorkbook.read(content);
        if (!read.errors().isEmpty()) {
            return new Analysis(0, Map.of(), read.errors(), Map.of());
        }
        String sheet = read.sheet();
        Map<String, Set<Integer>> gradesBySubject = new HashMap<>();
        Map<String, String> subjectNames = new HashMap<>();
        for (Subject subject : curriculum.subjects()) {
            subjectNames.put(subject.code(), subject.nameVi() + " (" + subject.code() + ")");
            gradesBySubject.put(subject.code(), subject.grades().stream().map(SubjectOfGrade::grade).collect(Collectors.toSet()));
        }
        SubjectNames names = curriculum.names();
        Errors errors = new Errors();
        Map<TopicKey, FileTopic> topics = new LinkedHashMap<>();

        for (RawRow row : read.rows()) {
            ErrorSink at = (column, code, args) -> errors.add(InputError.cell(sheet, row.number(), column.header, code, args));
            // Subject: a code (TOAN) or a name (Toán, toan).
            String subjectText = row.get(Column.SUBJECT);
            String subjectCode = null;
            if (subjectText.isEmpty()) {
                at.error(Column.SUBJECT, "curriculum.import.required");
            } else {
                String upper = subjectText.toUpperCase(Locale.ROOT);
                subjectCode = gradesBySubject.containsKey(upper) ? upper : names.codeFor(subjectText).orElse(null);
                if (subjectCode == null) {
                    at.error(Column.SUBJECT, "curriculum.import.subjectUnknown", subjectText);
                }
            }
            // Grade 1-12, and the subject must be taught in it.
            String gradeText = row.get(Column.GRADE);
            Integer grade = null;
            if (gradeText.isEmpty()) {
                at.error(Column.GRADE, "curriculum.import.required");
            } else {
                Matcher matcher = GRADE.matcher(VietnameseText.fold(gradeText));
                if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1 || Integer.parseInt(matcher.group(1)) > 12) {
                    at.error(Column.GRADE, "curriculum.import.gradeInvalid", gradeText);
                } else {
                    grade = Integer.parseInt(matcher.group(1));
                    if (subjectCode != null && !gradesBySubject.get(subjectCode).contains(grade)) {
                        at.error(Column.GRADE, "curriculum.import.subjectNotInGrade", subjectNames.get(subjectCode), String.valueOf(grade));
                        grade = null;
                    }
                }
            }
            String topicCode = text(row, Column.TOPIC_CODE, MAX_CODE_LENGTH, at);
            String title = text(row, Column.TOPIC_TITLE, MAX_TITLE_LENGTH, at);
            Integer position = null;
            String positionText = row.get(Column.POSITION);
            if (positionText.isEmpty()) {
                at.error(Column.POSITION, "curriculum.import.required");
            } else if (!POSITIVE.matcher(positionText).matches() || Integer.parseInt(positionText) < 1
                    || Integer.parseInt(positionText) > MAX_POSITION) {
                at.error(Column.POSITION, "curriculum.import.positionInvalid", positionText);
            } else {
                position = Integer.parseInt(positionText);
            }
            // Any non-blank code is accepted; an HCMC QĐ 791 identifier (\d{6}\.\d{4}[a-z]\d, e.g. 020108.0202d3) is
            // stored exactly as written, like every other code (only surrounding spaces are trimmed).
            String outcomeCode = text(row, Column.OUTCOME_CODE, MAX_CODE_LENGTH, at);
            String outcomeText = text(row, Column.OUTCOME_TEXT, MAX_TEXT_LENGTH, at);

            if (subjectCode == null || grade == null || topicCode == null) {
                continue;
            }
            var key = new TopicKey(subjectCode, grade, topicCode);
            FileTopic topic = topics.get(key);
            if (topic == null) {
                if (title == null || position == null) {
                    continue;
                }
                topic = new FileTopic(subjectCode, grade, topicCode, title, position, row.number());
                topics.put(key, topic);
            } else {
                // The topic columns repeat on every row of the topic and must say the same thing each time.
                if (title != null && !title.equals(topic.title)) {
                    at.error(Column.TOPIC_TITLE, "curriculum.import.topicTitleDiffers", topicCode, String.valueOf(topic.firstRow), topic.title);
                }
                if (position != null && position != topic.position) {
                    at.error(Column.POSITION, "curriculum.import.topicPositionDiffers", topicCode, String.valueOf(topic.firstRow), topic.position);
                }
            }
            if (outcomeCode == null || outcomeText == null) {
                continue;
            }
            FileOutcome previous = topic.outcomes.get(outcomeCode);
            if (previous != null) {
                at.error(Column.OUTCOME_CODE, "curriculum.import.outcomeDuplicate", outcomeCode, topicCode, String.valueOf(previous.row()));
            } else {
                topic.outcomes.put(outcomeCode, new FileOutcome(outcomeCode, outcomeText, topic.outcomes.size() + 1, row.number()));
            }
        }
        var existing = matchExisting(topics);
        return new Analysis(read.rows().size(), topics, errors.all(), existing);
    }

    private interface ErrorSink {
        void error(Column column, String code, Object... args);
    }

    /** A required text cell: its cleaned value, or null after reporting it blank or too long. */
    private static String text(RawRow row, Column column, int maxLength, ErrorSink errors) {
        String value = row.get(column);
        if (value.isEmpty()) {
            errors.error(column, "curriculum.import.required");
            return null;
        }
        if (value.length() > maxLength) {
            errors.error(column, "curriculum.import.tooLong", maxLength, value.length());
            return null;
        }
        return value;
    }

    /** Marks the topics that exist already and loads their outcomes. */
    private Map<UUID, Map<String, ExistingOutcome>> matchExisting(Map<TopicKey, FileTopic> topics) {
        Set<List<Object>> subjectGrades = new LinkedHashSet<>();
        topics.keySet().forEach(key -> subjectGrades.add(List.of(key.subjectCode(), key.grade())));
        List<UUID> existingIds = new ArrayList<>();
        for (List<Object> pair : subjectGrades) {
            jdbc.sql("SELECT id, code, title, position FROM topic WHERE subject_code = ? AND grade = ?").params(pair.get(0), pair.get(1))
                    .query((rs, n) -> {
                        FileTopic topic = topics.get(new TopicKey((String) pair.get(0), (Integer) pair.get(1), rs.getString("code")));
                        if (topic != null) {
                            topic.existingId = rs.getObject("id", UUID.class);
                            topic.existingTitle = rs.getString("title");
                            topic.existingPosition = rs.getInt("position");
                            existingIds.add(topic.existingId);
                        }
                        return null;
                    }).list();
        }
        Map<UUID, Map<String, ExistingOutcome>> outcomes = new HashMap<>();
        if (!existingIds.isEmpty()) {
            jdbc.sql("SELECT id, topic_id, code, text, position FROM required_outcome WHERE topic_id = ANY (?)")
                    .param(existingIds.toArray(UUID[]::new))
                    .query((rs, n) -> outcomes.computeIfAbsent(rs.getObject("topic_id", UUID.class), id -> new HashMap<>())
                            .put(rs.getString("code"), new ExistingOutcome(rs.getObject("id", UUID.class), rs.getString("text"), rs.getInt("position"))))
                    .list();
        }
        return outcomes;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Writing

    /** Inserts what is new and updates what differs; returns the changes to existing rows for the audit log. */
    private List<Map<String, Object>> write(Analysis analysis) {
        List<Object[]> newTopics = new ArrayList<>();
        List<Object[]> changedTopics = new ArrayList<>();
        List<Object[]> newOutcomes = new ArrayList<>();
        List<Object[]> changedOutcomes = new ArrayList<>();
        List<Map<String, Object>> changes = new ArrayList<>();
        for (FileTopic topic : analysis.topics.values()) {
            UUID topicId = topic.existingId;
            if (topicId == null) {
                topicId = Ids.newId();
                newTopics.add(new Object[] {topicId, topic.subjectCode, topic.grade, topic.code, topic.title, topic.position});
            } else if (!topic.title.equals(topic.existingTitle) || !Objects.equals(topic.position, topic.existingPosition)) {
                changedTopics.add(new Object[] {topic.title, topic.position, topicId});
                changes.add(change("topic", topic, null, topic.existingTitle + " #" + topic.existingPosition, topic.title + " #" + topic.position));
            }
            var known = analysis.existing.getOrDefault(topicId, Map.of());
            for (FileOutcome outcome : topic.outcomes.values()) {
                ExistingOutcome old = known.get(outcome.code());
                if (old == null) {
                    newOutcomes.add(new Object[] {Ids.newId(), topicId, outcome.code(), outcome.text(), outcome.position()});
                } else if (!old.text().equals(outcome.text()) || old.position() != outcome.position()) {
                    changedOutcomes.add(new Object[] {outcome.text(), outcome.position(), old.id()});
                    if (!old.text().equals(outcome.text())) {
                        changes.add(change("outcome", topic, outcome.code(), old.text(), outcome.text()));
                    }
                }
            }
        }
        batch.batchUpdate("INSERT INTO topic (id, subject_code, grade, code, title, position) VALUES (?, ?, ?, ?, ?, ?)", newTopics);
        batch.batchUpdate("UPDATE topic SET title = ?, position = ? WHERE id = ?", changedTopics);
        batch.batchUpdate("INSERT INTO required_outcome (id, topic_id, code, text, position) VALUES (?, ?, ?, ?, ?)", newOutcomes);
        batch.batchUpdate("UPDATE required_outcome SET text = ?, position = ? WHERE id = ?", changedOutcomes);
        return changes;
    }

    private static Map<String, Object> change(String kind, FileTopic topic, String outcomeCode, String before, String after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("kind", kind);
        change.put("subject", topic.subjectCode);
        change.put("grade", topic.grade);
        change.put("topic", topic.code);
        if (outcomeCode != null) {
            change.put("outcome", outcomeCode);
        }
        change.put("old", before);
        change.put("new", after);
        return change;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
