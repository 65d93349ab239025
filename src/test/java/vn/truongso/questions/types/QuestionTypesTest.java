package vn.truongso.questions.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;

class QuestionTypesTest {

    static Question single(boolean... correct) {
        Question.Builder b = Question.builder(QuestionTypes.SINGLE_CHOICE).stem("2 + 2 = ?");
        for (int i = 0; i < correct.length; i++) {
            b.choice(String.valueOf((char) ('A' + i)), "option " + i, correct[i]);
        }
        return b.build();
    }

    static List<String> codes(Question q) {
        return QuestionTypes.validate(q).stream().map(Problem::code).toList();
    }

    static BigDecimal score(Question q, Response r) {
        return QuestionTypes.score(q, r).points();
    }

    @Test
    void singleChoiceNeedsExactlyOneCorrectOptionAndTwoToEightOptions() {
        assertThat(codes(single(false, true, false, false))).isEmpty();
        assertThat(codes(single(true, true, false, false))).containsExactly("questions.invalid.singleChoiceCorrect");
        assertThat(QuestionTypes.validate(single(true, true, false)).getFirst().args()).containsExactly(2L);
        assertThat(codes(single(false, false, false))).containsExactly("questions.invalid.singleChoiceCorrect");
        assertThat(codes(single(true))).containsExactly("questions.invalid.optionCount");
        assertThat(codes(single(true, false, false, false, false, false, false, false, false))).containsExactly("questions.invalid.optionCount");
        assertThat(codes(single(true, false, false, false, false, false, false, false))).isEmpty();
    }

    @Test
    void singleChoiceRefusesABlankOptionAndAnEmptyStem() {
        Question q = Question.builder(QuestionTypes.SINGLE_CHOICE).stem(" ").choice("A", "x", true).choice("B", " ", false).build();
        assertThat(codes(q)).containsExactlyInAnyOrder("questions.invalid.emptyStem", "questions.invalid.blankOption");
    }

    @Test
    void singleChoiceScoresTheCorrectOptionOnly() {
        Question q = single(false, true, false, false).toBuilder().points("0.25").build();
        assertThat(score(q, Response.select("B"))).isEqualByComparingTo("0.25");
        assertThat(score(q, Response.select("A"))).isEqualByComparingTo("0");
        assertThat(score(q, Response.select("A", "B"))).isEqualByComparingTo("0");
        assertThat(score(q, Response.select())).isEqualByComparingTo("0");
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1,0.1", "2,0.25", "3,0.5", "4,1.0"})
    void trueFalseClusterEarnsTheExamShareOfCorrectJudgements(int right, String share) {
        Question q = Question.builder(QuestionTypes.TRUE_FALSE_CLUSTER).stem("Cho hàm số y = x²").points("1")
                .choice("a", "Hàm số đồng biến trên (0; +∞)", true).choice("b", "Đồ thị đi qua gốc toạ độ", true)
                .choice("c", "Hàm số có cực đại", false).choice("d", "Giá trị nhỏ nhất là 1", false).build();
        assertThat(codes(q)).isEmpty();
        String[] truth = {"true", "true", "false", "false"};
        String[] ids = {"a", "b", "c", "d"};
        Map<String, String> answers = new java.util.HashMap<>();
        for (int i = 0; i < 4; i++) {
            boolean judgeRight = i < right;
            answers.put(ids[i], judgeRight ? truth[i] : (truth[i].equals("true") ? "false" : "true"));
        }
        assertThat(score(q, Response.values(answers))).isEqualByComparingTo(share);
    }

    @Test
    void trueFalseClusterAcceptsVietnameseJudgementsAndNeedsFourStatements() {
        Question q = Question.builder(QuestionTypes.TRUE_FALSE_CLUSTER).stem("S").points("2")
                .choice("a", "1", true).choice("b", "2", false).choice("c", "3", true).choice("d", "4", true).build();
        assertThat(score(q, Response.values(Map.of("a", "Đ", "b", "S", "c", "đúng", "d", "sai")))).isEqualByComparingTo("1.0");
        assertThat(score(q, Response.values(Map.of("a", "Đ")))).isEqualByComparingTo("0.2");
        Question three = Question.builder(QuestionTypes.TRUE_FALSE_CLUSTER).stem("S").choice("a", "1", true).choice("b", "2", false)
                .choice("c", "3", true).build();
        assertThat(codes(three)).containsExactly("questions.invalid.clusterStatements");
    }

    @Test
    void multipleResponseWithoutWeightsIsAllOrNothing() {
        Question q = Question.builder(QuestionTypes.MULTIPLE_RESPONSE).stem("Chọn số nguyên tố").choice("A", "2", true)
                .choice("B", "3", true).choice("C", "4", false).build();
        assertThat(codes(q)).isEmpty();
        assertThat(score(q, Response.select("A", "B"))).isEqualByComparingTo("1");
        assertThat(score(q, Response.select("B", "A"))).isEqualByComparingTo("1");
        assertThat(score(q, Response.select("A"))).isEqualByComparingTo("0");
        assertThat(codes(Question.builder(QuestionTypes.MULTIPLE_RESPONSE).stem("x").choice("A", "2", false).choice("B", "3", false).build()))
                .containsExactly("questions.invalid.noCorrect");
    }

    @Test
    void multipleResponseWithWeightsAddsThemAndClampsAtZero() {
        Question q = Question.builder(QuestionTypes.MULTIPLE_RESPONSE).stem("x").points("2")
                .choice(new Choice("A", Content.plain("a"), true, new BigDecimal("0.5"), null))
                .choice(new Choice("B", Content.plain("b"), true, new BigDecimal("0.5"), null))
                .choice(new Choice("C", Content.plain("c"), false, new BigDecimal("-1"), null)).build();
        assertThat(codes(q)).isEmpty();
        assertThat(score(q, Response.select("A"))).isEqualByComparingTo("1");
        assertThat(score(q, Response.select("A", "B"))).isEqualByComparingTo("2");
        assertThat(score(q, Response.select("A", "C"))).isEqualByComparingTo("0");
        Question bad = q.toBuilder().choices(List.of(new Choice("A", Content.plain("a"), true, new BigDecimal("0.3"), null),
                new Choice("B", Content.plain("b"), false, null, null))).build();
        assertThat(codes(bad)).containsExactly("questions.invalid.weightsSum");
    }

    @Test
    void shortAnswerTextComparesVietnameseNormalised() {
        Question q = Question.builder(QuestionTypes.SHORT_ANSWER).stem("Thủ đô của Việt Nam?").choice("A", "Hà Nội", true).build();
        assertThat(codes(q)).isEmpty();
        String decomposed = java.text.Normalizer.normalize("hà   nội ", java.text.Normalizer.Form.NFD);
        assertThat(score(q, Response.text(decomposed))).isEqualByComparingTo("1");
        assertThat(score(q, Response.text("HÀ NỘI"))).isEqualByComparingTo("1");
        assertThat(score(q, Response.text("Ha Noi"))).isEqualByComparingTo("0");
        Question folded = q.toBuilder().ignoreDiacritics(true).build();
        assertThat(score(folded, Response.text("ha noi"))).isEqualByComparingTo("1");
        Question cased = q.toBuilder().caseSensitive(true).build();
        assertThat(score(cased, Response.text("hà nội"))).isEqualByComparingTo("0");
        assertThat(score(cased, Response.text("Hà Nội"))).isEqualByComparingTo("1");
    }

    @Test
    void shortAnswerNumberAcceptsTheToleranceAndAVietnameseComma() {
        Question q = Question.builder(QuestionTypes.SHORT_ANSWER).stem("π ≈ ?").points("0.5")
                .number(new NumericAnswer(new BigDecimal("3.14"), new BigDecimal("0.01"), null, null, false)).build();
        assertThat(codes(q)).isEmpty();
        assertThat(score(q, Response.text("3,15"))).isEqualByComparingTo("0.5");
        assertThat(score(q, Response.text("3.13"))).isEqualByComparingTo("0.5");
        assertThat(score(q, Response.text("3.16"))).isEqualByComparingTo("0");
        assertThat(score(q, Response.text("ba"))).isEqualByComparingTo("0");
        assertThat(codes(Question.builder(QuestionTypes.SHORT_ANSWER).stem("x").build())).containsExactly("questions.invalid.noAnswer");
    }

    @Test
    void essayWaitsForATeacher() {
        Question q = Question.builder(QuestionTypes.ESSAY).stem("Phân tích…").rubric(Content.plain("Ý 1: 0,5 điểm")).build();
        assertThat(codes(q)).isEmpty();
        assertThat(QuestionTypes.score(q, Response.text("bài làm")).needsManualGrading()).isTrue();
        assertThat(codes(q.toBuilder().choice("A", "x", true).build())).containsExactly("questions.invalid.essayAnswers");
    }

    @Test
    void matchingEarnsAShareForEachRightPair() {
        Question q = Question.builder(QuestionTypes.MATCHING).stem("Ghép").points("1").pair("1", "Canada", "Ottawa").pair("2", "Italy", "Rome")
                .pair("3", "Japan", "Tokyo").pair(new vn.truongso.questions.model.MatchPair("4", null, "Paris")).build();
        assertThat(codes(q)).isEmpty();
        assertThat(score(q, Response.values(Map.of("1", "Ottawa", "2", "Rome", "3", "Tokyo")))).isEqualByComparingTo("1");
        assertThat(score(q, Response.values(Map.of("1", "Ottawa", "2", "Paris")))).isEqualByComparingTo("0.3333");
        assertThat(codes(Question.builder(QuestionTypes.MATCHING).stem("x").pair("1", "a", "b").build())).contains("questions.invalid.matchingPairs");
    }

    @Test
    void orderingNeedsTheWholeOrder() {
        Question q = Question.builder(QuestionTypes.ORDERING).stem("Sắp xếp").choice("A", "1", true).choice("B", "2", true).choice("C", "3", true).build();
        assertThat(codes(q)).isEmpty();
        assertThat(score(q, Response.select("A", "B", "C"))).isEqualByComparingTo("1");
        assertThat(score(q, Response.select("B", "A", "C"))).isEqualByComparingTo("0");
    }

    @Test
    void clozeScoresEachGapAndChecksTheMarkers() {
        Question q = Question.builder(QuestionTypes.CLOZE).stem(Content.plain("Nước sôi ở [[1]] độ C, đông đặc ở [[2]] độ C.")).points("1")
                .gap(new Gap("1", List.of(Choice.of("a", "100", true)), false))
                .gap(new Gap("2", List.of(Choice.of("a", "0", true), Choice.of("b", "4", false)), true)).build();
        assertThat(codes(q)).isEmpty();
        assertThat(score(q, Response.values(Map.of("1", " 100 ", "2", "a")))).isEqualByComparingTo("1");
        assertThat(score(q, Response.values(Map.of("1", "100", "2", "b")))).isEqualByComparingTo("0.5");
        Question missing = q.toBuilder().stem(Content.plain("Nước sôi ở [[1]] độ C.")).build();
        assertThat(codes(missing)).containsExactly("questions.invalid.gapNotInStem");
    }

    @Test
    void trueFalseAndUnknownTypes() {
        Question tf = Question.builder(QuestionTypes.TRUE_FALSE).stem("Trái Đất quay quanh Mặt Trời.").choice("true", "Đúng", true)
                .choice("false", "Sai", false).build();
        assertThat(codes(tf)).isEmpty();
        assertThat(score(tf, Response.select("true"))).isEqualByComparingTo("1");
        assertThat(score(tf, Response.select("false"))).isEqualByComparingTo("0");
        assertThat(codes(Question.builder("HOTSPOT").stem("x").build())).containsExactly("questions.invalid.unknownType");
        assertThat(codes(single(true, false).toBuilder().points("0").build())).containsExactly("questions.invalid.points");
    }
}
