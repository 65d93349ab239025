package vn.truongso.questions.papers;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;

import vn.truongso.platform.VietnameseText;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * Draws the questions of a blueprint from a pool and lays them out as variants (mã đề). Pure and deterministic: the
 * same cells, pool (in the same order) and seed give the same paper, so a stored seed explains a stored paper.
 *
 * <ul>
 * <li>Every cell gets exactly its number of questions of its topic, level and type; no question appears twice in a
 * variant. Within a cell the draw goes round the required outcomes (those of the specification row first, then the
 * others) so questions spread across outcomes; questions used in recent papers are taken only when the others run out.
 * <li>When some cells cannot be filled, {@link ShortageException} names every such cell with what it needs and has.
 * <li>Variants keep the 2025 exam's structure: PHẦN I single choice, PHẦN II true/false clusters, PHẦN III short
 * answers, then the other types, each a part of its own; questions are shuffled within their part, and the options
 * of single- and multiple-choice questions are shuffled, except "all of the above"-like options, which keep their
 * place. Ordering questions keep their items (their order is the answer); cluster statements keep a) b) c) d).
 * <li>{@link Mode#SAME}: one draw, shuffled per variant (every variant has the same questions). {@link Mode#FRESH}: a
 * draw per variant.
 * </ul>
 */
final class PaperGenerator {

    enum Mode { SAME, FRESH }

    /** The order of the parts: PHẦN I, II, III of the 2025 exam, then the other types. */
    static final List<String> PART_ORDER = List.of(QuestionTypes.SINGLE_CHOICE, QuestionTypes.TRUE_FALSE_CLUSTER, QuestionTypes.SHORT_ANSWER,
            QuestionTypes.MULTIPLE_RESPONSE, QuestionTypes.TRUE_FALSE, QuestionTypes.MATCHING, QuestionTypes.ORDERING, QuestionTypes.CLOZE,
            QuestionTypes.ESSAY);

    private static final Pattern PINNED = Pattern.compile(
            "^(tat ca|ca (a|b|c|ba|hai|bon|2|3|4)\\b|ca hai|khong (co )?(dap an|phuong an|y|cau) nao|a, b(,| va) c\\b|"
                    + "all of the above|none of the above|all of these|none of these|both\\b).*");

    /** A question the draw may take: only what matching needs, so a large bank is cheap to read. */
    record Candidate(UUID id, String type, UUID topicId, Set<String> chapterKeys, UUID outcomeId, String level, boolean recent) {

        Candidate {
            chapterKeys = chapterKeys == null ? Set.of() : Set.copyOf(chapterKeys);
        }

        private static final java.util.regex.Pattern NUMBERED_CHAPTER = java.util.regex.Pattern.compile(
                "^((?:chuong|chu de|bai) (?:\\d{1,3}|[ivxlc]{1,8}))(?![\\p{L}\\d])");

        /**
         * The chapter keys of a question: its category, each part of a "Toán 6/Chương 1" path, and its tags, folded; a
         * numbered chapter "Chương 1. Phân số" also as "chuong 1".
         */
        static Set<String> chapterKeys(String category, List<String> tags) {
            Set<String> keys = new HashSet<>();
            if (category != null && !category.isBlank()) {
                keys.add(VietnameseText.fold(category));
                for (String part : category.split("/")) {
                    if (!part.isBlank()) {
                        String folded = VietnameseText.fold(part);
                        keys.add(folded);
                        // "Chương 1. Phân số" is also "Chương 1" (as a blueprint's row often names it).
                        java.util.regex.Matcher numbered = NUMBERED_CHAPTER.matcher(folded);
                        if (numbered.find()) {
                            keys.add(numbered.group(1));
                        }
                    }
                }
            }
            if (tags != null) {
                tags.stream().filter(Objects::nonNull).map(VietnameseText::fold).forEach(keys::add);
            }
            return Set.copyOf(keys);
        }

        boolean fits(BlueprintCell cell) {
            return fits(cell, cell.topicId() == null ? VietnameseText.fold(cell.chapter()) : null);
        }

        /** Whether the question fits the cell, whose chapter label is given already folded. */
        boolean fits(BlueprintCell cell, String foldedChapter) {
            if (!cell.type().equals(type) || !cell.level().equalsIgnoreCase(String.valueOf(level))) {
                return false;
            }
            return cell.topicId() != null ? cell.topicId().equals(topicId) : chapterKeys.contains(foldedChapter);
        }
    }

    record Request(List<BlueprintCell> cells, List<SpecRow> specs, List<String> codes, Mode mode, long seed) {
        Request {
            cells = List.copyOf(cells);
            specs = specs == null ? List.of() : List.copyOf(specs);
            codes = List.copyOf(codes);
        }
    }

    /** A question of a variant: its part (1 = PHẦN I), type, the points the paper gives it and its option order. */
    record Item(UUID questionId, int part, String type, BigDecimal points, List<String> optionOrder) {
    }

    record Variant(String code, List<Item> items) {
    }

    /** A cell the pool cannot fill: its index in the blueprint (0-based), what it needs and how many questions fit it. */
    record Shortage(int cellIndex, BlueprintCell cell, int needed, int available) {
    }

    static final class ShortageException extends RuntimeException {
        private final transient List<Shortage> shortages;

        ShortageException(List<Shortage> shortages) {
            super("the banks cannot satisfy " + shortages.size() + " cell(s) of the blueprint");
            this.shortages = List.copyOf(shortages);
        }

        List<Shortage> shortages() {
            return shortages;
        }
    }

    private PaperGenerator() {
    }

    /**
     * The variants, one per code. {@code questions} loads the definitions of the drawn questions (for their options).
     */
    static List<Variant> generate(Request request, List<Candidate> pool, Function<Set<UUID>, Map<UUID, Question>> questions) {
        List<List<Candidate>> matches = match(request.cells(), pool);
        List<Shortage> shortages = new ArrayList<>();
        for (int i = 0; i < request.cells().size(); i++) {
            BlueprintCell cell = request.cells().get(i);
            if (matches.get(i).size() < cell.count()) {
                shortages.add(new Shortage(i, cell, cell.count(), matches.get(i).size()));
            }
        }
        if (!shortages.isEmpty()) {
            throw new ShortageException(shortages);
        }
        List<List<Drawn>> draws = new ArrayList<>();
        if (request.mode() == Mode.SAME) {
            List<Drawn> one = draw(request, matches, new Random(request.seed()));
            request.codes().forEach(code -> draws.add(one));
        } else {
            for (int v = 0; v < request.codes().size(); v++) {
                draws.add(draw(request, matches, new Random(mix(request.seed(), 1000 + v))));
            }
        }
        Set<UUID> ids = new LinkedHashSet<>();
        draws.forEach(d -> d.forEach(x -> ids.add(x.id())));
        Map<UUID, Question> defs = questions.apply(ids);
        Set<String> presentTypes = new HashSet<>();
        draws.forEach(d -> d.forEach(x -> presentTypes.add(x.type())));
        Map<String, Integer> partOf = new LinkedHashMap<>();
        for (String type : PART_ORDER) {
            if (presentTypes.contains(type)) {
                partOf.put(type, partOf.size() + 1);
            }
        }
        List<Variant> variants = new ArrayList<>();
        List<List<UUID>> orders = new ArrayList<>();
        for (int v = 0; v < request.codes().size(); v++) {
            Random rng = new Random(mix(request.seed(), v));
            List<Drawn> drawn = draws.get(v);
            List<Drawn> ordered = arrange(drawn, partOf, rng);
            // Two variants with the very same order would defeat their purpose: shuffle again (a few times at most).
            for (int attempt = 0; attempt < 10 && drawn.size() > 1 && orders.contains(ids(ordered)); attempt++) {
                ordered = arrange(drawn, partOf, rng);
            }
            orders.add(ids(ordered));
            List<Item> items = new ArrayList<>();
            for (Drawn d : ordered) {
                items.add(new Item(d.id(), partOf.get(d.type()), d.type(), d.points(), optionOrder(defs.get(d.id()), rng)));
            }
            variants.add(new Variant(request.codes().get(v), items));
        }
        return variants;
    }

    private record Drawn(UUID id, String type, BigDecimal points) {
    }

    private static List<List<Candidate>> match(List<BlueprintCell> cells, List<Candidate> pool) {
        List<List<Candidate>> matches = new ArrayList<>();
        List<String> chapters = new ArrayList<>();
        for (BlueprintCell c : cells) {
            matches.add(new ArrayList<>());
            chapters.add(c.topicId() == null ? VietnameseText.fold(c.chapter()) : null);
        }
        for (Candidate candidate : pool) {
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).count() > 0 && candidate.fits(cells.get(i), chapters.get(i))) {
                    matches.get(i).add(candidate);
                }
            }
        }
        return matches;
    }

    private static List<Drawn> draw(Request request, List<List<Candidate>> matches, Random rng) {
        Set<UUID> used = new HashSet<>();
        List<Drawn> drawn = new ArrayList<>();
        List<Shortage> shortages = new ArrayList<>();
        for (int i = 0; i < request.cells().size(); i++) {
            BlueprintCell cell = request.cells().get(i);
            if (cell.count() == 0) {
                continue;
            }
            List<UUID> required = request.specs().stream()
                    .filter(s -> s.topicKey().equals(cell.topicKey()) && cell.level().equalsIgnoreCase(String.valueOf(s.level())))
                    .flatMap(s -> s.outcomeIds().stream()).distinct().toList();
            List<Candidate> free = matches.get(i).stream().filter(c -> !used.contains(c.id())).toList();
            List<Candidate> picked = new ArrayList<>(roundRobin(free.stream().filter(c -> !c.recent()).toList(), required, cell.count(), rng));
            if (picked.size() < cell.count()) {
                picked.addAll(roundRobin(free.stream().filter(Candidate::recent).toList(), required, cell.count() - picked.size(), rng));
            }
            if (picked.size() < cell.count()) {
                // Another cell took questions that fit this one too.
                shortages.add(new Shortage(i, cell, cell.count(), free.size()));
                continue;
            }
            for (Candidate c : picked) {
                used.add(c.id());
                drawn.add(new Drawn(c.id(), cell.type(), cell.pointsEach()));
            }
        }
        if (!shortages.isEmpty()) {
            throw new ShortageException(shortages);
        }
        return drawn;
    }

    /** Takes {@code count} candidates going round their outcomes: the required ones first, then the others at random. */
    private static List<Candidate> roundRobin(List<Candidate> candidates, List<UUID> required, int count, Random rng) {
        if (count <= 0 || candidates.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Candidate>> byOutcome = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byOutcome.computeIfAbsent(c.outcomeId(), k -> new ArrayList<>()).add(c);
        }
        List<UUID> others = new ArrayList<>(byOutcome.keySet());
        others.removeAll(required);
        Collections.shuffle(others, rng);
        List<Deque<Candidate>> groups = new ArrayList<>();
        for (UUID outcome : required) {
            if (byOutcome.containsKey(outcome)) {
                groups.add(shuffled(byOutcome.get(outcome), rng));
            }
        }
        for (UUID outcome : others) {
            groups.add(shuffled(byOutcome.get(outcome), rng));
        }
        List<Candidate> picked = new ArrayList<>();
        while (picked.size() < count) {
            boolean any = false;
            for (Deque<Candidate> group : groups) {
                if (picked.size() < count && !group.isEmpty()) {
                    picked.add(group.poll());
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return picked;
    }

    private static Deque<Candidate> shuffled(List<Candidate> list, Random rng) {
        List<Candidate> copy = new ArrayList<>(list);
        Collections.shuffle(copy, rng);
        return new ArrayDeque<>(copy);
    }

    private static List<Drawn> arrange(List<Drawn> drawn, Map<String, Integer> partOf, Random rng) {
        Map<Integer, List<Drawn>> parts = new java.util.TreeMap<>();
        for (Drawn d : drawn) {
            parts.computeIfAbsent(partOf.get(d.type()), k -> new ArrayList<>()).add(d);
        }
        List<Drawn> ordered = new ArrayList<>();
        for (List<Drawn> part : parts.values()) {
            Collections.shuffle(part, rng);
            ordered.addAll(part);
        }
        return ordered;
    }

    private static List<UUID> ids(List<Drawn> drawn) {
        return drawn.stream().map(Drawn::id).toList();
    }

    /** The display order of a choice question's options; empty for the other types (they keep their stored order). */
    static List<String> optionOrder(Question q, Random rng) {
        if (q == null || !(QuestionTypes.SINGLE_CHOICE.equals(q.type()) || QuestionTypes.MULTIPLE_RESPONSE.equals(q.type()))
                || q.choices().size() < 2 || q.choices().stream().anyMatch(c -> c.id() == null)) {
            return List.of();
        }
        List<Choice> choices = q.choices();
        List<String> movable = new ArrayList<>();
        for (Choice c : choices) {
            if (!pinned(c)) {
                movable.add(c.id());
            }
        }
        Collections.shuffle(movable, rng);
        List<String> order = new ArrayList<>();
        int next = 0;
        for (Choice c : choices) {
            order.add(pinned(c) ? c.id() : movable.get(next++));
        }
        return order;
    }

    /** "Tất cả các đáp án trên", "Cả A và B", "Không có đáp án nào", "All of the above": such options keep their place. */
    static boolean pinned(Choice c) {
        String text = c.text().text();
        if (text.contains("<")) {
            text = Jsoup.parseBodyFragment(text).text();
        }
        return PINNED.matcher(VietnameseText.fold(text).strip()).matches();
    }

    private static long mix(long seed, int salt) {
        long z = seed + 0x9E3779B97F4A7C15L * (salt + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
