package vn.truongso.questions.model;

import java.util.List;

/**
 * A blank of a cloze question, written in the stem as {@code [[id]]}. A typed gap accepts the texts of its correct
 * options (compared as short answers); a {@code select} gap offers its options in a list.
 */
public record Gap(String id, List<Choice> options, boolean select) {

    public Gap {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static String marker(String id) {
        return "[[" + id + "]]";
    }
}
