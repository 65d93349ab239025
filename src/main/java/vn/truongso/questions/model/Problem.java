package vn.truongso.questions.model;

import java.util.Arrays;

/**
 * Something wrong with a question or an imported file: the question number (1-based in the file) and/or the line
 * where it is, and a message key of the {@code questions} bundle with its arguments.
 */
public record Problem(Integer question, Integer line, String code, Object... args) {

    public static Problem at(Integer question, Integer line, String code, Object... args) {
        return new Problem(question, line, code, args);
    }

    public Problem locate(Integer number, Integer atLine) {
        return new Problem(question != null ? question : number, line != null ? line : atLine, code, args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Problem p && java.util.Objects.equals(question, p.question) && java.util.Objects.equals(line, p.line)
                && code.equals(p.code) && Arrays.equals(args, p.args);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(question, line, code, Arrays.hashCode(args));
    }

    @Override
    public String toString() {
        return (question == null ? "" : "question " + question + " ") + (line == null ? "" : "line " + line + " ") + code
                + Arrays.toString(args);
    }
}
