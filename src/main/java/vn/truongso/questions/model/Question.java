package vn.truongso.questions.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One question as every format and type sees it. Which fields matter depends on {@link #type()}: choice types use
 * {@code choices}, numeric short answers {@code numbers}, matching {@code pairs}, cloze {@code gaps}, essays
 * {@code rubric}. The type's class in {@code types} validates and scores it.
 */
public record Question(String type, String title, Content stem, BigDecimal points, List<Choice> choices,
        List<NumericAnswer> numbers, List<MatchPair> pairs, List<Gap> gaps, Content generalFeedback, Content rubric,
        boolean caseSensitive, boolean ignoreDiacritics, String category, String externalId, Classification classification) {

    public static final BigDecimal DEFAULT_POINTS = BigDecimal.ONE;

    public Question {
        stem = stem == null ? Content.plain("") : stem;
        points = points == null ? DEFAULT_POINTS : points;
        choices = choices == null ? List.of() : List.copyOf(choices);
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        classification = classification == null ? Classification.NONE : classification;
    }

    public static Builder builder(String type) {
        return new Builder(type);
    }

    public Builder toBuilder() {
        Builder b = new Builder(type);
        b.title = title;
        b.stem = stem;
        b.points = points;
        b.choices.addAll(choices);
        b.numbers.addAll(numbers);
        b.pairs.addAll(pairs);
        b.gaps.addAll(gaps);
        b.generalFeedback = generalFeedback;
        b.rubric = rubric;
        b.caseSensitive = caseSensitive;
        b.ignoreDiacritics = ignoreDiacritics;
        b.category = category;
        b.externalId = externalId;
        b.classification = classification;
        return b;
    }

    public Question withClassification(Classification c) {
        return toBuilder().classification(c).build();
    }

    /** Mutable helper for importers and tests. */
    public static final class Builder {
        private String type;
        private String title;
        private Content stem;
        private BigDecimal points;
        private final List<Choice> choices = new ArrayList<>();
        private final List<NumericAnswer> numbers = new ArrayList<>();
        private final List<MatchPair> pairs = new ArrayList<>();
        private final List<Gap> gaps = new ArrayList<>();
        private Content generalFeedback;
        private Content rubric;
        private boolean caseSensitive;
        private boolean ignoreDiacritics;
        private String category;
        private String externalId;
        private Classification classification;

        private Builder(String type) {
            this.type = type;
        }

        public Builder type(String v) { type = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder stem(Content v) { stem = v; return this; }
        public Builder stem(String plain) { stem = Content.plain(plain); return this; }
        public Builder points(BigDecimal v) { points = v; return this; }
        public Builder points(String v) { points = new BigDecimal(v); return this; }
        public Builder choice(Choice v) { choices.add(v); return this; }
        public Builder choice(String id, String text, boolean correct) { choices.add(Choice.of(id, text, correct)); return this; }
        public Builder choices(List<Choice> v) { choices.clear(); choices.addAll(v); return this; }
        public Builder number(NumericAnswer v) { numbers.add(v); return this; }
        public Builder numbersFrom(Question q) { numbers.clear(); numbers.addAll(q.numbers()); return this; }
        public Builder pair(MatchPair v) { pairs.add(v); return this; }
        public Builder pair(String id, String prompt, String answer) { pairs.add(new MatchPair(id, Content.plain(prompt), answer)); return this; }
        public Builder gap(Gap v) { gaps.add(v); return this; }
        public Builder clearPairs() { pairs.clear(); return this; }
        public Builder generalFeedback(Content v) { generalFeedback = v; return this; }
        public Builder rubric(Content v) { rubric = v; return this; }
        public Builder caseSensitive(boolean v) { caseSensitive = v; return this; }
        public Builder ignoreDiacritics(boolean v) { ignoreDiacritics = v; return this; }
        public Builder category(String v) { category = v; return this; }
        public Builder externalId(String v) { externalId = v; return this; }
        public Builder classification(Classification v) { classification = v; return this; }

        public String type() { return type; }
        public List<Choice> choices() { return choices; }

        public Question build() {
            return new Question(type, title, stem, points, choices, numbers, pairs, gaps, generalFeedback, rubric, caseSensitive,
                    ignoreDiacritics, category, externalId, classification);
        }
    }
}
