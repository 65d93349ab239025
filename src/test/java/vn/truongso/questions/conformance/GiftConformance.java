package vn.truongso.questions.conformance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.questions.imports.GiftImporter;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * Compares our GIFT parse of each X.gift with the X.json beside it (the gift-pegjs shape: type MC|TF|Short|Numerical|
 * Matching|Essay|Description|Category, title, stem, choices, ...). Our model is mapped to that shape, then compared
 * field by field (numbers by value, absent = null).
 */
public final class GiftConformance {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public record Outcome(int passed, int total, List<String> failures) {
    }

    public static Outcome run(Path dir) throws Exception {
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(p -> p.toString().endsWith(".gift")).sorted().toList();
        }
        int passed = 0;
        List<String> failures = new ArrayList<>();
        for (Path gift : cases) {
            String name = gift.getFileName().toString().replace(".gift", "");
            Path expectedFile = gift.resolveSibling(name + ".json");
            if (!Files.exists(expectedFile)) {
                continue;
            }
            try {
                List<Problem> problems = new ArrayList<>();
                List<GiftImporter.Item> items = new GiftImporter().items(Files.readString(gift, StandardCharsets.UTF_8), problems);
                JsonNode actual = JSON.valueToTree(items.stream().map(GiftConformance::shape).toList());
                JsonNode expected = JSON.readTree(Files.readString(expectedFile, StandardCharsets.UTF_8));
                List<String> diffs = new ArrayList<>();
                compare("", expected, actual, diffs);
                if (!problems.isEmpty()) {
                    diffs.add("problems " + problems);
                }
                if (diffs.isEmpty()) {
                    passed++;
                } else {
                    failures.add(name + ": " + String.join("; ", diffs.subList(0, Math.min(3, diffs.size()))));
                }
            } catch (Exception e) {
                failures.add(name + ": " + e);
            }
        }
        return new Outcome(passed, passed + failures.size(), failures);
    }

    static Map<String, Object> shape(GiftImporter.Item item) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (item instanceof GiftImporter.CategoryItem c) {
            m.put("type", "Category");
            m.put("title", c.path());
            return m;
        }
        GiftImporter.QuestionItem qi = (GiftImporter.QuestionItem) item;
        Question q = qi.question();
        m.put("id", q.externalId());
        m.put("tags", qi.tags().isEmpty() ? null : qi.tags());
        m.put("title", q.title());
        m.put("stem", content(q.stem()));
        m.put("hasEmbeddedAnswers", qi.embedded());
        if (!q.type().equals(QuestionTypes.DESCRIPTION)) {
            m.put("globalFeedback", content(q.generalFeedback()));
        }
        switch (q.type()) {
            case QuestionTypes.DESCRIPTION -> m.put("type", "Description");
            case QuestionTypes.ESSAY -> m.put("type", "Essay");
            case QuestionTypes.TRUE_FALSE -> {
                m.put("type", "TF");
                Choice right = q.choices().stream().filter(Choice::correct).findFirst().orElseThrow();
                Choice wrong = q.choices().stream().filter(c -> !c.correct()).findFirst().orElseThrow();
                m.put("isTrue", right.id().equals("true"));
                m.put("trueFeedback", content(wrong.feedback()));
                m.put("falseFeedback", content(right.feedback()));
            }
            case QuestionTypes.SINGLE_CHOICE, QuestionTypes.MULTIPLE_RESPONSE -> {
                m.put("type", "MC");
                boolean multi = q.type().equals(QuestionTypes.MULTIPLE_RESPONSE);
                m.put("choices", q.choices().stream().map(c -> choice(c, multi ? c.correct() && c.fraction() == null : c.correct())).toList());
            }
            case QuestionTypes.SHORT_ANSWER -> {
                if (q.numbers().isEmpty()) {
                    m.put("type", "Short");
                    m.put("choices", q.choices().stream().map(c -> choice(c, c.correct())).toList());
                } else {
                    m.put("type", "Numerical");
                    if (q.numbers().size() == 1 && q.numbers().getFirst().fraction() == null && q.numbers().getFirst().feedback() == null) {
                        m.put("choices", number(q.numbers().getFirst()));
                    } else {
                        m.put("choices", q.numbers().stream().map(n -> {
                            Map<String, Object> c = new LinkedHashMap<>();
                            if (n.value() == null) {
                                c.put("isCorrect", false);
                                c.put("weight", null);
                                c.put("text", Map.of("format", "moodle", "text", "*"));
                                c.put("feedback", content(n.feedback()));
                                return c;
                            }
                            c.put("isCorrect", true);
                            c.put("weight", n.fraction() == null ? null : n.fraction().movePointRight(2));
                            Map<String, Object> t = number(n);
                            if ("simple".equals(t.get("type"))) {
                                t.put("type", "range");
                                t.put("range", BigDecimal.ZERO);
                            }
                            c.put("text", t);
                            c.put("feedback", content(n.feedback()));
                            return c;
                        }).toList());
                    }
                }
            }
            case QuestionTypes.MATCHING -> {
                m.put("type", "Matching");
                m.put("matchPairs", q.pairs().stream().map(p -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("subquestion", content(p.prompt()));
                    c.put("subanswer", p.answer());
                    return c;
                }).toList());
            }
            default -> m.put("type", q.type());
        }
        return m;
    }

    private static Map<String, Object> number(NumericAnswer n) {
        Map<String, Object> t = new LinkedHashMap<>();
        if (n.range()) {
            t.put("type", "high-low");
            t.put("numberHigh", n.high());
            t.put("numberLow", n.low());
        } else if (n.tolerance().signum() == 0) {
            t.put("type", "simple");
            t.put("number", n.value());
        } else {
            t.put("type", "range");
            t.put("number", n.value());
            t.put("range", n.tolerance());
        }
        return t;
    }

    private static Map<String, Object> choice(Choice c, boolean isCorrect) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("isCorrect", isCorrect);
        m.put("weight", c.fraction() == null ? null : c.fraction().movePointRight(2));
        m.put("text", content(c.text()));
        m.put("feedback", content(c.feedback()));
        return m;
    }

    private static Map<String, Object> content(Content c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", c.format());
        m.put("text", c.text());
        return m;
    }

    static void compare(String path, JsonNode expected, JsonNode actual, List<String> diffs) {
        boolean eNull = expected == null || expected.isNull() || expected.isMissingNode();
        boolean aNull = actual == null || actual.isNull() || actual.isMissingNode();
        if (eNull || aNull) {
            if (eNull != aNull) {
                diffs.add(path + ": expected " + expected + " got " + actual);
            }
            return;
        }
        if (expected.isNumber() && actual.isNumber()) {
            if (new BigDecimal(expected.asString()).compareTo(new BigDecimal(actual.asString())) != 0) {
                diffs.add(path + ": expected " + expected + " got " + actual);
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            expected.propertyNames().forEach(keys::add);
            actual.propertyNames().forEach(keys::add);
            for (String k : keys) {
                compare(path + "." + k, expected.get(k), actual.get(k), diffs);
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                diffs.add(path + ": expected " + expected.size() + " items, got " + actual.size());
            }
            Iterator<JsonNode> e = expected.iterator();
            Iterator<JsonNode> a = actual.iterator();
            int i = 0;
            while (e.hasNext() && a.hasNext()) {
                compare(path + "[" + i++ + "]", e.next(), a.next(), diffs);
            }
            return;
        }
        if (!expected.equals(actual)) {
            diffs.add(path + ": expected " + expected + " got " + actual);
        }
    }
}
