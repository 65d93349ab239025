package vn.truongso.questions.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.truongso.questions.conformance.RoundTrip;
import vn.truongso.questions.exports.Exporters;
import vn.truongso.questions.exports.QuestionExporter;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/** Import → export → import keeps every question's type, options, correct answers, weights and points. */
class RoundTripTest {

    static List<Question> bank() {
        return List.of(
                Question.builder(QuestionTypes.SINGLE_CHOICE).title("Nguyên tố").stem("Số nào là số nguyên tố: {7} hay 8?").points("0.25")
                        .choice("A", "4", false).choice("B", "7 = 7", true).choice("C", "9 # 3²", false).choice("D", "10: mười", false).build(),
                Question.builder(QuestionTypes.MULTIPLE_RESPONSE).stem("Các số chẵn").choice("A", "2", true).choice("B", "4", true)
                        .choice("C", "5", false).build(),
                Question.builder(QuestionTypes.MULTIPLE_RESPONSE).stem("Có trọng số").points("2")
                        .choice(new Choice("A", Content.plain("a"), true, new BigDecimal("0.5"), null))
                        .choice(new Choice("B", Content.plain("b"), true, new BigDecimal("0.5"), null))
                        .choice(new Choice("C", Content.plain("c"), false, new BigDecimal("-1"), null)).build(),
                Question.builder(QuestionTypes.TRUE_FALSE_CLUSTER).stem("Cho hàm số y = x². Xét các mệnh đề:").points("1")
                        .choice("a", "Đồng biến trên (0; +∞)", true).choice("b", "Đi qua gốc toạ độ", true).choice("c", "Có cực đại", false)
                        .choice("d", "Giá trị nhỏ nhất là 1", false).build(),
                Question.builder(QuestionTypes.TRUE_FALSE).stem("Trái Đất quay quanh Mặt Trời.").choice("true", "true", true)
                        .choice("false", "false", false).build(),
                Question.builder(QuestionTypes.SHORT_ANSWER).stem("Thủ đô của Việt Nam?").points("0.5")
                        .choice(new Choice("1", Content.plain("Hà Nội"), true, null, null))
                        .choice(new Choice("2", Content.plain("Ha Noi"), true, new BigDecimal("0.5"), null)).build(),
                Question.builder(QuestionTypes.SHORT_ANSWER).stem("π ≈ ?")
                        .number(new NumericAnswer(new BigDecimal("3.14"), new BigDecimal("0.01"), null, null, false)).build(),
                Question.builder(QuestionTypes.ESSAY).stem("Giải phương trình x² − 5x + 6 = 0.").points("1.5").build(),
                Question.builder(QuestionTypes.MATCHING).stem("Ghép thủ đô").pair("1", "Việt Nam", "Hà Nội").pair("2", "Pháp", "Paris")
                        .pair(new MatchPair("3", null, "Berlin")).build(),
                Question.builder(QuestionTypes.ORDERING).stem("Sắp xếp tăng dần").choice("A", "1", true).choice("B", "2", true)
                        .choice("C", "3", true).build(),
                Question.builder(QuestionTypes.CLOZE).stem(Content.plain("Nước sôi ở [[g1]] độ C, là chất [[g2]].")).points("1")
                        .gap(new Gap("g1", List.of(Choice.of("a", "100", true)), false))
                        .gap(new Gap("g2", List.of(Choice.of("a", "lỏng", true), Choice.of("b", "rắn", false)), true)).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gift", "moodle-xml", "qti"})
    void everyExportableQuestionSurvivesARoundTrip(String format) {
        Set<String> notExpressible = switch (format) {
            case "gift", "moodle-xml" -> Set.of(QuestionTypes.CLOZE);
            default -> Set.of();
        };
        List<Question> original = bank().stream().filter(q -> !notExpressible.contains(q.type())).toList();
        original.forEach(q -> assertThat(QuestionTypes.validate(q)).as(q.type()).isEmpty());
        QuestionExporter exporter = Exporters.find(format).orElseThrow();
        byte[] file = exporter.export("Ngân hàng thử", original, QuestionExporter.BlobReader.NONE);
        ImportResult first = ImportPipeline.run(format, ImportSource.of("export", file));
        assertThat(first.problems()).as(new String(file, java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
        assertThat(first.questions()).hasSize(original.size());
        for (int i = 0; i < original.size(); i++) {
            assertThat(RoundTrip.signature(first.questions().get(i).question())).isEqualTo(RoundTrip.signature(original.get(i)));
        }
        byte[] again = exporter.export("Ngân hàng thử", first.questions().stream().map(ParsedQuestion::question).toList(),
                QuestionExporter.BlobReader.NONE);
        ImportResult second = ImportPipeline.run(format, ImportSource.of("export", again));
        for (int i = 0; i < original.size(); i++) {
            assertThat(RoundTrip.signature(second.questions().get(i).question())).isEqualTo(RoundTrip.signature(original.get(i)));
        }
    }
}
