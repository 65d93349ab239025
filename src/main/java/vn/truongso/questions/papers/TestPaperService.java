package vn.truongso.questions.papers;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.VietnameseText;
import vn.truongso.questions.domain.Questions;
import vn.truongso.questions.domain.StoredQuestion;
import vn.truongso.questions.model.Question;

/**
 * Blueprints and the papers generated from them. Reading needs {@link Capability#VIEW_QUESTION_BANKS}, changing and
 * generating {@link Capability#MANAGE_QUESTION_BANKS} (teachers and group heads); another school answers 404. Every
 * change is audited in its transaction.
 */
@Service
class TestPaperService {

    static final int MAX_VARIANTS = 99;
    static final int MAX_RECENT_DAYS = 3650;
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,10}");

    /** How to generate: how many variants or their codes, the mode, an optional seed and the recent-use window. */
    record GenerateInput(Integer variants, List<String> codes, String mode, Long seed, Integer avoidRecentDays, String title) {
    }

    /** A stored paper with its variants. */
    record PaperDetail(Papers.Header header, List<PaperGenerator.Variant> variants) {
    }

    private final AccessPolicy access;
    private final AuditLog audit;
    private final BlueprintCheck check;
    private final Blueprints blueprints;
    private final Papers papers;
    private final QuestionPool pool;
    private final Questions questions;
    private final SecureRandom seeds = new SecureRandom();

    TestPaperService(AccessPolicy access, AuditLog audit, BlueprintCheck check, Blueprints blueprints, Papers papers, QuestionPool pool,
            Questions questions) {
        this.access = access;
        this.audit = audit;
        this.check = check;
        this.blueprints = blueprints;
        this.papers = papers;
        this.pool = pool;
        this.questions = questions;
    }

    // ---- blueprints

    List<Blueprint> blueprints(CurrentUser user, UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return blueprints.ofSchool(schoolId);
    }

    Blueprint blueprint(CurrentUser user, UUID schoolId, UUID id) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return blueprintOrNotFound(schoolId, id);
    }

    @Transactional
    Blueprint createBlueprint(CurrentUser user, UUID schoolId, BlueprintInput in) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        BlueprintInput clean = check.check(schoolId, in);
        UUID id = Ids.newId();
        blueprints.insert(schoolId, id, clean, user.id(), now());
        audit.record("papers.blueprint.created", schoolId, "blueprint", id.toString(), detail(clean));
        return blueprints.find(schoolId, id).orElseThrow();
    }

    @Transactional
    Blueprint updateBlueprint(CurrentUser user, UUID schoolId, UUID id, BlueprintInput in) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Blueprint before = blueprintOrNotFound(schoolId, id);
        BlueprintInput clean = check.check(schoolId, in);
        blueprints.update(schoolId, id, clean, now());
        Map<String, Object> detail = detail(clean);
        detail.put("previousName", before.name());
        detail.put("previousCells", before.cells().size());
        audit.record("papers.blueprint.updated", schoolId, "blueprint", id.toString(), detail);
        return blueprints.find(schoolId, id).orElseThrow();
    }

    @Transactional
    void deleteBlueprint(CurrentUser user, UUID schoolId, UUID id) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Blueprint before = blueprintOrNotFound(schoolId, id);
        blueprints.delete(schoolId, id);
        audit.record("papers.blueprint.deleted", schoolId, "blueprint", id.toString(), Map.of("name", before.name()));
    }

    /** The blueprint's cells that cannot be filled from its banks now (empty when a paper can be generated). */
    List<InputError> shortages(CurrentUser user, UUID schoolId, UUID blueprintId) {
        Blueprint b = blueprint(user, schoolId, blueprintId);
        try {
            PaperGenerator.generate(new PaperGenerator.Request(b.cells(), b.specs(), List.of("1"), PaperGenerator.Mode.SAME, 1),
                    candidates(schoolId, b, null), ids -> Map.of());
            return List.of();
        } catch (PaperGenerator.ShortageException e) {
            return shortageErrors(b, e);
        }
    }

    // ---- papers

    /** Draws a paper from a blueprint and stores it; a bank that cannot fill every cell answers every short cell. */
    @Transactional
    PaperDetail generate(CurrentUser user, UUID schoolId, UUID blueprintId, GenerateInput in) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Blueprint b = blueprintOrNotFound(schoolId, blueprintId);
        GenerateInput input = in == null ? new GenerateInput(null, null, null, null, null, null) : in;
        List<InputError> errors = new ArrayList<>();
        List<String> codes = codes(input, errors);
        PaperGenerator.Mode mode = PaperGenerator.Mode.SAME;
        if (input.mode() != null && !input.mode().isBlank()) {
            try {
                mode = PaperGenerator.Mode.valueOf(input.mode().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(InputError.field("mode", "papers.generate.badMode", input.mode()));
            }
        }
        Integer days = input.avoidRecentDays();
        if (days != null && (days < 0 || days > MAX_RECENT_DAYS)) {
            errors.add(InputError.field("avoidRecentDays", "papers.generate.badDays", MAX_RECENT_DAYS));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        OffsetDateTime now = now();
        long seed = input.seed() != null ? input.seed() : seeds.nextLong();
        List<PaperGenerator.Candidate> candidates = candidates(schoolId, b, days == null || days == 0 ? null : now.minusDays(days));
        Map<UUID, Question> drawn = new LinkedHashMap<>();
        List<PaperGenerator.Variant> variants;
        try {
            variants = PaperGenerator.generate(new PaperGenerator.Request(b.cells(), b.specs(), codes, mode, seed), candidates, ids -> {
                for (StoredQuestion q : questions.findAll(schoolId, ids)) {
                    drawn.put(q.id(), q.question());
                }
                return drawn;
            });
        } catch (PaperGenerator.ShortageException e) {
            throw new BadInputException(shortageErrors(b, e));
        }
        String title = input.title() == null || input.title().isBlank() ? b.name() : VietnameseText.clean(input.title());
        UUID id = Ids.newId();
        Papers.Header header = new Papers.Header(schoolId, id, b.id(), title, b.subjectCode(), b.grade(), b.durationMinutes(), b.points(),
                mode.name(), seed, b, now, codes);
        papers.insert(header, variants, drawn, user.id());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("blueprint", b.id().toString());
        detail.put("title", title);
        detail.put("mode", mode.name());
        detail.put("seed", seed);
        detail.put("codes", codes);
        detail.put("questions", drawn.size());
        detail.put("avoidRecentDays", days);
        audit.record("papers.paper.generated", schoolId, "test_paper", id.toString(), detail);
        return new PaperDetail(papers.find(schoolId, id).orElseThrow(), variants);
    }

    List<Papers.Header> papers(CurrentUser user, UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return papers.ofSchool(schoolId);
    }

    PaperDetail paper(CurrentUser user, UUID schoolId, UUID paperId) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        Papers.Header header = papers.find(schoolId, paperId).orElseThrow(() -> new NotFoundException("test paper " + paperId));
        return new PaperDetail(header, papers.variants(schoolId, paperId));
    }

    /** The paper's questions as drawn, for printing. */
    Map<UUID, Question> questionsOf(UUID schoolId, UUID paperId) {
        return papers.questions(schoolId, paperId);
    }

    @Transactional
    void deletePaper(CurrentUser user, UUID schoolId, UUID paperId) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Papers.Header header = papers.find(schoolId, paperId).orElseThrow(() -> new NotFoundException("test paper " + paperId));
        papers.delete(schoolId, paperId);
        audit.record("papers.paper.deleted", schoolId, "test_paper", paperId.toString(),
                Map.of("title", header.title(), "seed", header.seed(), "codes", header.codes()));
    }

    // ---- helpers

    private List<PaperGenerator.Candidate> candidates(UUID schoolId, Blueprint b, OffsetDateTime usedSince) {
        return pool.candidates(schoolId, b.bankIds(), b.cells().stream().filter(c -> c.count() > 0).toList(), usedSince);
    }

    private List<InputError> shortageErrors(Blueprint b, PaperGenerator.ShortageException e) {
        return e.shortages().stream().map(s -> new InputError(null, s.cellIndex() + 1, "cells", "papers.shortage",
                check.label(s.cell(), b.cognitiveScheme()), s.needed(), s.available())).toList();
    }

    private static List<String> codes(GenerateInput in, List<InputError> errors) {
        if (in.codes() != null && !in.codes().isEmpty()) {
            Set<String> codes = new LinkedHashSet<>();
            for (String code : in.codes()) {
                String c = code == null ? "" : code.trim();
                if (!CODE.matcher(c).matches()) {
                    errors.add(InputError.field("codes", "papers.generate.badCode", String.valueOf(code)));
                } else if (!codes.add(c)) {
                    errors.add(InputError.field("codes", "papers.generate.duplicateCode", c));
                }
            }
            if (codes.size() > MAX_VARIANTS) {
                errors.add(InputError.field("codes", "papers.generate.badVariants", MAX_VARIANTS));
            }
            if (in.variants() != null && in.variants() != in.codes().size()) {
                errors.add(InputError.field("variants", "papers.generate.codesCount", in.codes().size(), in.variants()));
            }
            return List.copyOf(codes);
        }
        int n = in.variants() == null ? 4 : in.variants();
        if (n < 1 || n > MAX_VARIANTS) {
            errors.add(InputError.field("variants", "papers.generate.badVariants", MAX_VARIANTS));
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            codes.add(String.valueOf(100 + i));
        }
        return codes;
    }

    private Blueprint blueprintOrNotFound(UUID schoolId, UUID id) {
        return blueprints.find(schoolId, id).orElseThrow(() -> new NotFoundException("blueprint " + id));
    }

    private static Map<String, Object> detail(BlueprintInput in) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", in.name());
        d.put("subjectCode", in.subjectCode());
        d.put("grade", in.grade());
        d.put("banks", in.bankIds().stream().map(UUID::toString).toList());
        d.put("cells", in.cells().size());
        d.put("questions", in.cells().stream().mapToInt(BlueprintCell::count).sum());
        d.put("points", in.cells().stream().map(BlueprintCell::points).reduce(BigDecimal.ZERO, BigDecimal::add));
        return d;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
