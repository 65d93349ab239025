package vn.truongso.questions.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.truongso.questions.types.QuestionTypes;

/**
 * The parts of a variant as printed: PHẦN I, II, III … with the instruction the 2025 exam prints for each, and the
 * questions of each part numbered from Câu 1.
 */
final class PaperLayout {

    record Part(int number, String type, List<PaperGenerator.Item> items) {

        String heading() {
            return "PHẦN " + roman(number) + ". " + instruction(type, items.size());
        }
    }

    private PaperLayout() {
    }

    static List<Part> parts(PaperGenerator.Variant variant) {
        Map<Integer, List<PaperGenerator.Item>> byPart = new LinkedHashMap<>();
        Map<Integer, String> types = new LinkedHashMap<>();
        for (PaperGenerator.Item item : variant.items()) {
            byPart.computeIfAbsent(item.part(), k -> new ArrayList<>()).add(item);
            types.putIfAbsent(item.part(), item.type());
        }
        List<Part> parts = new ArrayList<>();
        byPart.forEach((n, items) -> parts.add(new Part(n, types.get(n), items)));
        return parts;
    }

    static String instruction(String type, int n) {
        String range = n == 1 ? "Thí sinh trả lời câu 1." : "Thí sinh trả lời từ câu 1 đến câu " + n + ".";
        return switch (type == null ? "" : type) {
            case QuestionTypes.SINGLE_CHOICE -> "Câu trắc nghiệm nhiều phương án lựa chọn. " + range
                    + " Mỗi câu hỏi thí sinh chỉ chọn một phương án.";
            case QuestionTypes.TRUE_FALSE_CLUSTER -> "Câu trắc nghiệm đúng sai. " + range
                    + " Trong mỗi ý a), b), c), d) ở mỗi câu, thí sinh chọn đúng hoặc sai.";
            case QuestionTypes.SHORT_ANSWER -> "Câu trắc nghiệm trả lời ngắn. " + range;
            case QuestionTypes.MULTIPLE_RESPONSE -> "Câu trắc nghiệm nhiều lựa chọn đúng. " + range
                    + " Mỗi câu hỏi có thể có nhiều phương án đúng.";
            case QuestionTypes.TRUE_FALSE -> "Câu hỏi đúng hoặc sai. " + range;
            case QuestionTypes.MATCHING -> "Câu hỏi ghép nối. " + range;
            case QuestionTypes.ORDERING -> "Câu hỏi sắp xếp theo thứ tự đúng. " + range;
            case QuestionTypes.CLOZE -> "Câu hỏi điền vào chỗ trống. " + range;
            case QuestionTypes.ESSAY -> "Tự luận. " + range;
            default -> range;
        };
    }

    static String roman(int n) {
        String[] r = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        return n >= 0 && n < r.length ? r[n] : String.valueOf(n);
    }

    /** The letter shown for the option at this display position: A, B, C … */
    static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
