package vn.truongso.questions.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.truongso.platform.web.BilingualMessages;
import vn.truongso.questions.model.Problem;

/** An import problem as a teacher reads it, "Câu 3, dòng 12: …", in the pages and in the API's bilingual errors. */
public final class ProblemText {

    private ProblemText() {
    }

    public static String describe(Problem p, BilingualMessages messages, Locale locale) {
        List<String> where = new ArrayList<>();
        if (p.question() != null) {
            where.add(messages.in(locale, "questions.where.question", String.valueOf(p.question())));
        }
        if (p.line() != null) {
            // As text: MessageFormat would write line 1234 as "1.234" in Vietnamese.
            where.add(messages.in(locale, "questions.where.line", String.valueOf(p.line())));
        }
        String message = messages.in(locale, p.code(), p.args());
        return where.isEmpty() ? message : String.join(", ", where) + ": " + message;
    }
}
