package vn.truongso.questions.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.curriculum.CognitiveLevel;
import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.Topic;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.VietnameseText;
import vn.truongso.questions.exports.Exporters;
import vn.truongso.questions.exports.QuestionExporter;
import vn.truongso.questions.imports.Attachments;
import vn.truongso.questions.imports.ImportPipeline;
import vn.truongso.questions.imports.ImportResult;
import vn.truongso.questions.imports.ImportSource;
import vn.truongso.questions.imports.ParsedQuestion;
import vn.truongso.questions.model.Classification;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;

/**
 * Banks, the two-step import (a preview that parses and reports every problem, then an all-or-nothing commit that
 * parses the stored file again) and export. Every call checks the caller's capability at the school first: another
 * school answers 404, a role without the capability 403. Every change is audited in its own transaction.
 */
@Service
public class QuestionBankService {

    /** The largest file an import accepts. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    public record Preview(UUID importId, String format, String filename, ImportResult result) {
    }

    public record Export(String filename, String mediaType, byte[] content) {
    }

    private final AccessPolicy access;
    private final AuditLog audit;
    private final BlobStore blobs;
    private final Curriculum curriculum;
    private final Banks banks;
    private final Questions questions;
    private final QuestionImports imports;

    QuestionBankService(AccessPolicy access, AuditLog audit, BlobStore blobs, Curriculum curriculum, Banks banks, Questions questions,
            QuestionImports imports) {
        this.access = access;
        this.audit = audit;
        this.blobs = blobs;
        this.curriculum = curriculum;
        this.banks = banks;
        this.questions = questions;
        this.imports = imports;
    }

    // ---- banks

    public List<Bank> banks(CurrentUser user, UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return banks.ofSchool(schoolId);
    }

    public Bank bank(CurrentUser user, UUID schoolId, UUID bankId) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return bankOrNotFound(schoolId, bankId);
    }

    @Transactional
    public Bank createBank(CurrentUser user, UUID schoolId, BankInput in) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        BankInput clean = checkBank(schoolId, in);
        UUID id = Ids.newId();
        banks.insert(schoolId, id, clean, user.id(), now());
        audit.record("questions.bank.created", schoolId, "question_bank", id.toString(), bankDetail(clean));
        return banks.find(schoolId, id).orElseThrow();
    }

    @Transactional
    public Bank updateBank(CurrentUser user, UUID schoolId, UUID bankId, BankInput in) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Bank before = bankOrNotFound(schoolId, bankId);
        BankInput clean = checkBank(schoolId, in);
        banks.update(schoolId, bankId, clean, now());
        Map<String, Object> detail = bankDetail(clean);
        detail.put("previousName", before.name());
        audit.record("questions.bank.updated", schoolId, "question_bank", bankId.toString(), detail);
        return banks.find(schoolId, bankId).orElseThrow();
    }

    @Transactional
    public void deleteBank(CurrentUser user, UUID schoolId, UUID bankId) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Bank bank = bankOrNotFound(schoolId, bankId);
        banks.delete(schoolId, bankId);
        audit.record("questions.bank.deleted", schoolId, "question_bank", bankId.toString(),
                Map.of("name", bank.name(), "questions", bank.questionCount()));
    }

    // ---- questions

    public Questions.Page search(CurrentUser user, UUID schoolId, QuestionFilter filter, int page, int size) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        if (filter.bankId() != null) {
            bankOrNotFound(schoolId, filter.bankId());
        }
        return questions.search(schoolId, filter, page, size);
    }

    public StoredQuestion question(CurrentUser user, UUID schoolId, UUID bankId, UUID questionId) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return questions.find(schoolId, questionId).filter(q -> q.bankId().equals(bankId))
                .orElseThrow(() -> new NotFoundException("question " + questionId));
    }

    /** A question of the school by id, whatever its bank. */
    public StoredQuestion questionById(CurrentUser user, UUID schoolId, UUID questionId) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return questions.find(schoolId, questionId).orElseThrow(() -> new NotFoundException("question " + questionId));
    }

    /**
     * Sets a question's classification: subject, grade, topic and required outcome (checked against the curriculum),
     * cognitive level within a scheme (the bank's, else Biết/Hiểu/Vận dụng), difficulty, source and tags.
     */
    @Transactional
    public StoredQuestion classify(CurrentUser user, UUID schoolId, UUID bankId, UUID questionId, Classification input) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Bank bank = bankOrNotFound(schoolId, bankId);
        StoredQuestion stored = questions.find(schoolId, questionId).filter(q -> q.bankId().equals(bankId))
                .orElseThrow(() -> new NotFoundException("question " + questionId));
        Classification c = input == null ? Classification.NONE : input;
        if (c.cognitiveLevel() != null && c.cognitiveScheme() == null) {
            c = new Classification(c.subjectCode(), c.grade(), c.topicId(), c.outcomeId(),
                    bank.cognitiveScheme() != null ? bank.cognitiveScheme() : vn.truongso.curriculum.CognitiveScheme.BHV, c.cognitiveLevel(),
                    c.difficulty(), c.source(), c.tags());
        }
        List<Problem> problems = new ArrayList<>();
        if (c.difficulty() != null && (c.difficulty() < 1 || c.difficulty() > 5)) {
            problems.add(Problem.at(null, null, "questions.invalid.difficulty", c.difficulty()));
        }
        Classification checked = checkClassification(c, problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(toInputErrors(problems));
        }
        Question updated = stored.question().withClassification(checked);
        questions.reclassify(schoolId, questionId, updated, now());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("bank", bankId.toString());
        detail.put("before", stored.question().classification());
        detail.put("after", checked);
        audit.record("questions.question.classified", schoolId, "question", questionId.toString(), detail);
        return new StoredQuestion(stored.id(), stored.bankId(), stored.position(), stored.status(), updated);
    }

    /**
     * Replaces a question's definition (text, options, answers, points; the classification too). The type's own
     * validation and the curriculum checks run first: on any problem nothing is saved and every problem is reported.
     */
    @Transactional
    public StoredQuestion edit(CurrentUser user, UUID schoolId, UUID bankId, UUID questionId, Question input) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Bank bank = bankOrNotFound(schoolId, bankId);
        StoredQuestion stored = questions.find(schoolId, questionId).filter(q -> q.bankId().equals(bankId))
                .orElseThrow(() -> new NotFoundException("question " + questionId));
        if ("ARCHIVED".equals(stored.status())) {
            throw new BadInputException(InputError.general("questions.edit.archived"));
        }
        Classification c = input.classification();
        if (c.cognitiveLevel() != null && c.cognitiveScheme() == null) {
            c = new Classification(c.subjectCode(), c.grade(), c.topicId(), c.outcomeId(),
                    bank.cognitiveScheme() != null ? bank.cognitiveScheme() : vn.truongso.curriculum.CognitiveScheme.BHV, c.cognitiveLevel(),
                    c.difficulty(), c.source(), c.tags());
        }
        List<Problem> problems = new ArrayList<>(vn.truongso.questions.types.QuestionTypes.validate(input));
        Classification checked = checkClassification(c, problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(toInputErrors(problems));
        }
        Question updated = input.withClassification(checked);
        questions.replace(schoolId, questionId, updated, now());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("bank", bankId.toString());
        detail.put("before", stored.question());
        detail.put("after", updated);
        audit.record("questions.question.edited", schoolId, "question", questionId.toString(), detail);
        return new StoredQuestion(stored.id(), stored.bankId(), stored.position(), stored.status(), updated);
    }

    /**
     * Takes a question out of use. It is archived, never deleted: test papers and practice sets refer to questions by
     * id and must keep reading them. Archived questions are hidden from the bank's list and from new papers.
     */
    @Transactional
    public void archive(CurrentUser user, UUID schoolId, UUID bankId, UUID questionId) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        bankOrNotFound(schoolId, bankId);
        StoredQuestion stored = questions.find(schoolId, questionId).filter(q -> q.bankId().equals(bankId))
                .orElseThrow(() -> new NotFoundException("question " + questionId));
        if ("ARCHIVED".equals(stored.status())) {
            return;
        }
        questions.setStatus(schoolId, questionId, "ARCHIVED", now());
        audit.record("questions.question.archived", schoolId, "question", questionId.toString(),
                Map.of("bank", bankId.toString(), "previousStatus", stored.status()));
    }

    /** Puts an archived question back in the bank as a draft. */
    @Transactional
    public void restore(CurrentUser user, UUID schoolId, UUID bankId, UUID questionId) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        bankOrNotFound(schoolId, bankId);
        StoredQuestion stored = questions.find(schoolId, questionId).filter(q -> q.bankId().equals(bankId))
                .orElseThrow(() -> new NotFoundException("question " + questionId));
        if (!"ARCHIVED".equals(stored.status())) {
            return;
        }
        questions.setStatus(schoolId, questionId, "DRAFT", now());
        audit.record("questions.question.restored", schoolId, "question", questionId.toString(), Map.of("bank", bankId.toString()));
    }

    /** Whether the school's questions use this blob; the media route serves only those. */
    public boolean schoolUsesBlob(CurrentUser user, UUID schoolId, String sha256) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return questions.refersToBlob(schoolId, sha256);
    }

    // ---- import

    /**
     * Parses a file and answers the questions and every problem. A file without problems is kept (in the BlobStore)
     * for its commit, and the answer carries the id to commit; a file with problems stores nothing.
     */
    @Transactional
    public Preview preview(CurrentUser user, UUID schoolId, UUID bankId, String format, String filename, byte[] content) {
        return preview(user, schoolId, bankId, format, filename, null, content);
    }

    /**
     * Like {@link #preview(CurrentUser, UUID, UUID, String, String, byte[])}, classifying every question of the file
     * under a topic (chủ đề/chương) of the curriculum unless the file says otherwise.
     */
    @Transactional
    public Preview preview(CurrentUser user, UUID schoolId, UUID bankId, String format, String filename, UUID topicId, byte[] content) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Bank bank = bankOrNotFound(schoolId, bankId);
        String fmt = checkFormat(format);
        if (content.length > MAX_FILE_BYTES) {
            throw new BadInputException(InputError.field("file", "questions.import.tooLarge", MAX_FILE_BYTES / (1024 * 1024)));
        }
        ImportResult result = parse(bank, fmt, filename, topicId, content, Attachments.HASH_ONLY);
        UUID importId = null;
        if (result.ok()) {
            String sha256 = store(content);
            importId = Ids.newId();
            imports.insert(new QuestionImports.Upload(schoolId, importId, bankId, fmt, filename, topicId, sha256, content.length,
                    result.questions().size(), 0, user.id(), now(), null, null));
            audit.record("questions.import.previewed", schoolId, "question_import", importId.toString(),
                    Map.of("bank", bankId.toString(), "format", fmt, "filename", String.valueOf(filename), "sha256", sha256, "questions",
                            result.questions().size()));
        }
        return new Preview(importId, fmt, filename, result);
    }

    /** Stores every question of a previewed file in one transaction, or none: a file with problems is refused. */
    @Transactional
    public List<UUID> commit(CurrentUser user, UUID schoolId, UUID bankId, UUID importId) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Bank bank = bankOrNotFound(schoolId, bankId);
        QuestionImports.Upload upload = imports.lock(schoolId, bankId, importId).orElseThrow(() -> new NotFoundException("import " + importId));
        if (upload.committedAt() != null) {
            throw new BadInputException(InputError.general("questions.import.alreadyCommitted", upload.committedAt().toLocalDate().toString()));
        }
        byte[] content;
        try (InputStream in = blobs.open(upload.sha256())) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportResult result = parse(bank, upload.format(), upload.filename(), upload.topicId(), content,
                (name, bytes) -> Attachments.PREFIX + store(bytes));
        if (!result.ok()) {
            throw new BadInputException(toInputErrors(result.problems()));
        }
        OffsetDateTime now = now();
        int position = questions.nextPosition(schoolId, bankId);
        List<UUID> ids = new ArrayList<>();
        for (ParsedQuestion pq : result.questions()) {
            UUID id = Ids.newId();
            questions.insert(schoolId, id, bankId, position++, pq.question(), importId, user.id(), now);
            ids.add(id);
        }
        imports.markCommitted(schoolId, importId, user.id(), now);
        audit.record("questions.import.committed", schoolId, "question_import", importId.toString(),
                Map.of("bank", bankId.toString(), "format", upload.format(), "questions", ids.size(), "sha256", upload.sha256()));
        return ids;
    }

    // ---- export

    public Export export(CurrentUser user, UUID schoolId, UUID bankId, String format) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        Bank bank = bankOrNotFound(schoolId, bankId);
        QuestionExporter exporter = Exporters.find(format)
                .orElseThrow(() -> new BadInputException(InputError.field("format", "questions.export.unknownFormat", String.valueOf(format),
                        String.join(", ", Exporters.formats()))));
        List<Question> list = questions.ofBank(schoolId, bankId).stream().map(StoredQuestion::question).toList();
        byte[] bytes = exporter.export(bank.name(), list, sha -> {
            try (InputStream in = blobs.open(sha)) {
                return in.readAllBytes();
            } catch (IOException | NotFoundException e) {
                return null;
            }
        });
        String base = VietnameseText.fold(bank.name()).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new Export((base.isEmpty() ? "ngan-hang" : base) + "." + exporter.extension(), exporter.mediaType(), bytes);
    }

    // ---- helpers

    private ImportResult parse(Bank bank, String format, String filename, UUID topicId, byte[] content, Attachments attachments) {
        ImportResult parsed = ImportPipeline.run(format, new ImportSource(filename, content, attachments));
        Classification defaults = new Classification(bank.subjectCode(), bank.grade(), topicId, null, bank.cognitiveScheme(), null, null, null,
                List.of());
        List<ParsedQuestion> classified = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(parsed.problems());
        for (ParsedQuestion pq : parsed.questions()) {
            Classification c = pq.question().classification().withDefaults(defaults);
            if (c.cognitiveLevel() != null && c.cognitiveScheme() == null) {
                c = new Classification(c.subjectCode(), c.grade(), c.topicId(), c.outcomeId(), vn.truongso.curriculum.CognitiveScheme.BHV,
                        c.cognitiveLevel(), c.difficulty(), c.source(), c.tags());
            }
            List<Problem> found = new ArrayList<>();
            c = checkClassification(c, found);
            found.forEach(p -> problems.add(p.locate(pq.number(), pq.line())));
            classified.add(new ParsedQuestion(pq.number(), pq.line(), pq.question().withClassification(c)));
        }
        return new ImportResult(classified, problems);
    }

    /** Checks a classification against the curriculum; answers it with the level written as the scheme's code. */
    Classification checkClassification(Classification c, List<Problem> problems) {
        String subject = c.subjectCode();
        if (subject != null) {
            subject = curriculum.subject(subject).map(vn.truongso.curriculum.Subject::code).or(() -> curriculum.codeForName(c.subjectCode()))
                    .orElse(null);
            if (subject == null) {
                problems.add(Problem.at(null, null, "questions.invalid.subject", c.subjectCode()));
            }
        }
        if (c.grade() != null && (c.grade() < 1 || c.grade() > 12)) {
            problems.add(Problem.at(null, null, "questions.invalid.grade", c.grade()));
        }
        if (c.topicId() != null) {
            Optional<Topic> topic = curriculum.topic(c.topicId());
            if (topic.isEmpty() || (c.subjectCode() != null && !topic.get().subjectCode().equalsIgnoreCase(c.subjectCode()))
                    || (c.grade() != null && topic.get().grade() != c.grade().intValue())) {
                problems.add(Problem.at(null, null, "questions.invalid.topic", c.topicId()));
            }
        }
        if (c.outcomeId() != null) {
            boolean belongs = c.topicId() != null && curriculum.outcomes(c.topicId()).stream().anyMatch(o -> o.id().equals(c.outcomeId()));
            if (!belongs) {
                problems.add(Problem.at(null, null, "questions.invalid.outcome", c.outcomeId()));
            }
        }
        String level = c.cognitiveLevel();
        if (c.cognitiveScheme() != null) {
            List<CognitiveLevel> levels = curriculum.levels(c.cognitiveScheme());
            if (levels.isEmpty()) {
                problems.add(Problem.at(null, null, "questions.invalid.scheme", c.cognitiveScheme()));
            } else if (level != null) {
                String key = VietnameseText.fold(level);
                Optional<CognitiveLevel> match = levels.stream().filter(l -> l.code().equalsIgnoreCase(c.cognitiveLevel())
                        || VietnameseText.fold(l.nameVi()).equals(key) || String.valueOf(l.rank()).equals(key)).findFirst();
                Integer rank = synonymRank(key);
                if (match.isEmpty() && rank != null) {
                    match = levels.stream().filter(l -> l.rank() == rank).findFirst();
                }
                if (match.isEmpty()) {
                    problems.add(Problem.at(null, null, "questions.invalid.level", level,
                            String.join(", ", levels.stream().map(CognitiveLevel::nameVi).toList())));
                } else {
                    level = match.get().code();
                }
            }
        }
        return new Classification(subject, c.grade(), c.topicId(),
                c.outcomeId(), c.cognitiveScheme(), level, c.difficulty(), c.source(), c.tags());
    }

    /**
     * The rank a level written in another scheme's words stands for, as Word banks write them: "Nhận biết"/"NB" and
     * "Biết" are the first level, "Thông hiểu"/"TH" and "Hiểu" the second, "Vận dụng"/"VD" the third, "Vận dụng
     * cao"/"VDC" the fourth, "Mức N" the N-th; null for anything else.
     */
    static Integer synonymRank(String folded) {
        return switch (folded) {
            case "nhan biet", "nb", "biet" -> 1;
            case "thong hieu", "th", "hieu" -> 2;
            case "van dung", "vd" -> 3;
            case "van dung cao", "vdc" -> 4;
            default -> folded.matches("muc ?[1-4]") ? Integer.valueOf(folded.substring(folded.length() - 1)) : null;
        };
    }

    private BankInput checkBank(UUID schoolId, BankInput in) {
        List<InputError> errors = new ArrayList<>();
        String name = in == null ? null : VietnameseText.clean(in.name());
        if (name == null || name.isEmpty()) {
            errors.add(InputError.field("name", "questions.bank.nameRequired"));
        }
        if (in == null) {
            throw new BadInputException(errors);
        }
        String subject = in.subjectCode();
        if (subject != null && !subject.isBlank()) {
            subject = curriculum.subject(subject).map(vn.truongso.curriculum.Subject::code)
                    .or(() -> curriculum.codeForName(in.subjectCode())).orElse(null);
            if (subject == null) {
                errors.add(InputError.field("subjectCode", "questions.invalid.subject", in.subjectCode()));
            }
        } else {
            subject = null;
        }
        if (in.grade() != null && (in.grade() < 1 || in.grade() > 12)) {
            errors.add(InputError.field("grade", "questions.invalid.grade", in.grade()));
        }
        if (in.subjectGroupId() != null && !banks.subjectGroupExists(schoolId, in.subjectGroupId())) {
            errors.add(InputError.field("subjectGroupId", "questions.bank.unknownGroup", in.subjectGroupId().toString()));
        }
        if (in.cognitiveScheme() != null && curriculum.levels(in.cognitiveScheme()).isEmpty()) {
            errors.add(InputError.field("cognitiveScheme", "questions.invalid.scheme", in.cognitiveScheme()));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return new BankInput(name, in.description() == null ? null : VietnameseText.clean(in.description()), subject, in.grade(),
                in.subjectGroupId(), in.cognitiveScheme());
    }

    private static String checkFormat(String format) {
        return ImportPipeline.importer(format).map(i -> i.format())
                .orElseThrow(() -> new BadInputException(InputError.field("format", "questions.import.unknownFormat", String.valueOf(format),
                        String.join(", ", ImportPipeline.formats()))));
    }

    private Bank bankOrNotFound(UUID schoolId, UUID bankId) {
        return banks.find(schoolId, bankId).orElseThrow(() -> new NotFoundException("question bank " + bankId));
    }

    private String store(byte[] bytes) {
        try {
            return blobs.put(new ByteArrayInputStream(bytes), MAX_FILE_BYTES).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems as the platform's bad-input errors: the line as the row, the question number as the field. */
    public static List<InputError> toInputErrors(List<Problem> problems) {
        return problems.stream().map(p -> new InputError(null, p.line(), p.question() == null ? null : "#" + p.question(), p.code(), p.args()))
                .toList();
    }

    private static Map<String, Object> bankDetail(BankInput in) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", in.name());
        d.put("subjectCode", in.subjectCode());
        d.put("grade", in.grade());
        d.put("subjectGroupId", in.subjectGroupId() == null ? null : in.subjectGroupId().toString());
        return d;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
