package vn.truongso.questions.papers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import vn.truongso.curriculum.CognitiveLevel;
import vn.truongso.curriculum.CognitiveScheme;
import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.Topic;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.InputError;
import vn.truongso.platform.VietnameseText;
import vn.truongso.questions.domain.Banks;
import vn.truongso.questions.types.QuestionTypes;

/**
 * Checks a blueprint before it is stored and writes it in canonical form (subject and level codes, the 10-point scale
 * by default). Every bad field and cell is reported at once, a cell by its row in the grid and by name ("Chủ đề Phân
 * số – Vận dụng – Một lựa chọn"), in Vietnamese and English. Also names cells for the generator's shortage report.
 */
@Component
class BlueprintCheck {

    static final BigDecimal TEN = BigDecimal.TEN;
    static final int MAX_CELLS = 500;
    static final int MAX_PER_CELL = 200;

    private final Curriculum curriculum;
    private final Banks banks;

    BlueprintCheck(Curriculum curriculum, Banks banks) {
        this.curriculum = curriculum;
        this.banks = banks;
    }

    /** The input made canonical, or {@link BadInputException} listing every problem. */
    BlueprintInput check(UUID schoolId, BlueprintInput in) {
        List<InputError> errors = new ArrayList<>();
        if (in == null) {
            throw new BadInputException(List.of(InputError.field("name", "papers.blueprint.nameRequired")));
        }
        String name = in.name() == null ? "" : VietnameseText.clean(in.name());
        if (name.isEmpty()) {
            errors.add(InputError.field("name", "papers.blueprint.nameRequired"));
        }
        String subject = null;
        if (in.subjectCode() != null && !in.subjectCode().isBlank()) {
            subject = curriculum.subject(in.subjectCode()).map(vn.truongso.curriculum.Subject::code)
                    .or(() -> curriculum.codeForName(in.subjectCode())).orElse(null);
            if (subject == null) {
                errors.add(InputError.field("subjectCode", "papers.blueprint.unknownSubject", in.subjectCode()));
            }
        }
        if (in.grade() != null && (in.grade() < 1 || in.grade() > 12)) {
            errors.add(InputError.field("grade", "papers.blueprint.badGrade", in.grade()));
        }
        if (in.durationMinutes() == null || in.durationMinutes() < 1 || in.durationMinutes() > 600) {
            errors.add(InputError.field("durationMinutes", "papers.blueprint.badDuration"));
        }
        String scheme = in.cognitiveScheme() == null || in.cognitiveScheme().isBlank() ? CognitiveScheme.BHV : in.cognitiveScheme().trim();
        List<CognitiveLevel> levels = curriculum.levels(scheme);
        if (levels.isEmpty()) {
            errors.add(InputError.field("cognitiveScheme", "papers.blueprint.unknownScheme", scheme));
        }
        BigDecimal total = in.totalPoints() == null ? TEN : in.totalPoints();
        if (total.signum() <= 0) {
            errors.add(InputError.field("totalPoints", "papers.blueprint.badTotal"));
        }
        if (in.bankIds().isEmpty()) {
            errors.add(InputError.field("bankIds", "papers.blueprint.noBank"));
        }
        for (UUID bankId : new java.util.LinkedHashSet<>(in.bankIds())) {
            if (bankId == null || banks.find(schoolId, bankId).isEmpty()) {
                errors.add(InputError.field("bankIds", "papers.blueprint.unknownBank", String.valueOf(bankId)));
            }
        }
        if (in.cells().isEmpty()) {
            errors.add(InputError.field("cells", "papers.blueprint.noCells"));
        }
        if (in.cells().size() > MAX_CELLS) {
            errors.add(InputError.field("cells", "papers.blueprint.tooManyCells", MAX_CELLS));
        }
        List<BlueprintCell> cells = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int row = 0;
        for (BlueprintCell c : in.cells()) {
            row++;
            if (c == null) {
                continue;
            }
            BlueprintCell clean = checkCell(c, row, subject, in.grade(), levels, errors);
            if (clean != null && !seen.add(clean.topicKey() + "|" + clean.level() + "|" + clean.type())) {
                errors.add(new InputError(null, row, "cells", "papers.cell.duplicate", label(clean, levels)));
            }
            cells.add(clean == null ? c : clean);
        }
        int questions = cells.stream().mapToInt(BlueprintCell::count).sum();
        if (!in.cells().isEmpty() && questions == 0) {
            errors.add(InputError.field("cells", "papers.blueprint.noQuestions"));
        }
        BigDecimal sum = cells.stream().filter(c -> c.count() >= 0 && c.pointsEach().signum() >= 0).map(BlueprintCell::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (questions > 0 && total.signum() > 0 && sum.compareTo(total) != 0) {
            errors.add(InputError.field("totalPoints", "papers.blueprint.totalMismatch", sum.stripTrailingZeros(), total.stripTrailingZeros()));
        }
        List<SpecRow> specs = new ArrayList<>();
        row = 0;
        for (SpecRow s : in.specs()) {
            row++;
            if (s == null) {
                continue;
            }
            specs.add(checkSpec(s, row, subject, in.grade(), levels, errors));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return new BlueprintInput(name, subject, in.grade(), in.durationMinutes(), scheme, total,
                List.copyOf(new java.util.LinkedHashSet<>(in.bankIds())), cells, specs);
    }

    private BlueprintCell checkCell(BlueprintCell c, int row, String subject, Integer grade, List<CognitiveLevel> levels, List<InputError> errors) {
        boolean ok = true;
        if (c.topicId() == null && c.chapter() == null) {
            errors.add(new InputError(null, row, "topic", "papers.cell.topicRequired"));
            ok = false;
        } else if (c.topicId() != null && !topicFits(c.topicId(), subject, grade)) {
            errors.add(new InputError(null, row, "topic", "papers.cell.unknownTopic", c.topicId().toString()));
            ok = false;
        }
        Optional<CognitiveLevel> level = level(levels, c.level());
        if (level.isEmpty()) {
            errors.add(new InputError(null, row, "level", "papers.cell.unknownLevel", String.valueOf(c.level()),
                    String.join(", ", levels.stream().map(l -> l.nameVi() + " (" + l.code() + ")").toList())));
            ok = false;
        }
        String type = c.type() == null ? null : c.type().trim().toUpperCase(java.util.Locale.ROOT);
        if (type == null || QuestionTypes.find(type).isEmpty() || QuestionTypes.DESCRIPTION.equals(type)) {
            errors.add(new InputError(null, row, "type", "papers.cell.unknownType", String.valueOf(c.type())));
            ok = false;
        }
        BlueprintCell clean = new BlueprintCell(c.topicId(), c.chapter(), level.map(CognitiveLevel::code).orElse(c.level()), type, c.count(),
                c.pointsEach());
        Object name = ok ? label(clean, levels) : "#" + row;
        if (c.count() < 0 || c.count() > MAX_PER_CELL) {
            errors.add(new InputError(null, row, "count", "papers.cell.badCount", name, MAX_PER_CELL));
        }
        if (c.pointsEach().signum() < 0 || (c.count() > 0 && c.pointsEach().signum() == 0) || c.pointsEach().scale() > 4) {
            errors.add(new InputError(null, row, "pointsEach", "papers.cell.badPoints", name));
        }
        return ok ? clean : null;
    }

    private SpecRow checkSpec(SpecRow s, int row, String subject, Integer grade, List<CognitiveLevel> levels, List<InputError> errors) {
        if (s.topicId() == null && s.chapter() == null) {
            errors.add(new InputError("specs", row, "topic", "papers.cell.topicRequired"));
        } else if (s.topicId() != null && !topicFits(s.topicId(), subject, grade)) {
            errors.add(new InputError("specs", row, "topic", "papers.cell.unknownTopic", s.topicId().toString()));
        }
        Optional<CognitiveLevel> level = level(levels, s.level());
        if (level.isEmpty()) {
            errors.add(new InputError("specs", row, "level", "papers.cell.unknownLevel", String.valueOf(s.level()),
                    String.join(", ", levels.stream().map(l -> l.nameVi() + " (" + l.code() + ")").toList())));
        }
        for (UUID outcome : s.outcomeIds()) {
            if (s.topicId() == null || curriculum.outcomes(s.topicId()).stream().noneMatch(o -> o.id().equals(outcome))) {
                errors.add(new InputError("specs", row, "outcomeIds", "papers.spec.unknownOutcome", String.valueOf(outcome)));
            }
        }
        return new SpecRow(s.topicId(), s.chapter(), level.map(CognitiveLevel::code).orElse(s.level()), s.description(), s.outcomeIds());
    }

    private boolean topicFits(UUID topicId, String subject, Integer grade) {
        Optional<Topic> topic = curriculum.topic(topicId);
        return topic.isPresent() && (subject == null || topic.get().subjectCode().equalsIgnoreCase(subject))
                && (grade == null || topic.get().grade() == grade);
    }

    static Optional<CognitiveLevel> level(List<CognitiveLevel> levels, String given) {
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        String key = VietnameseText.fold(given);
        return levels.stream().filter(l -> l.code().equalsIgnoreCase(given.trim()) || VietnameseText.fold(l.nameVi()).equals(key)
                || VietnameseText.fold(l.nameEn()).equals(key) || String.valueOf(l.rank()).equals(key)).findFirst();
    }

    /** "Chủ đề X – Vận dụng – Một lựa chọn" (or in English) as a message argument resolved in the reader's language. */
    Object label(BlueprintCell c, String scheme) {
        return label(c, curriculum.levels(scheme));
    }

    private Object label(BlueprintCell c, List<CognitiveLevel> levels) {
        String levelName = level(levels, c.level()).map(CognitiveLevel::nameVi).orElse(String.valueOf(c.level()));
        return new DefaultMessageSourceResolvable(new String[] {"papers.cell.label"},
                new Object[] {topicTitle(c.topicId(), c.chapter()),
                        new DefaultMessageSourceResolvable(new String[] {"papers.level." + c.level()}, levelName),
                        new DefaultMessageSourceResolvable(new String[] {"papers.type." + c.type()}, String.valueOf(c.type()))},
                topicTitle(c.topicId(), c.chapter()) + " – " + levelName + " – " + c.type());
    }

    /** The topic's title from the curriculum, or the chapter label. */
    String topicTitle(UUID topicId, String chapter) {
        if (topicId != null) {
            return curriculum.topic(topicId).map(Topic::title).orElse(topicId.toString());
        }
        return chapter == null ? "" : chapter;
    }
}
