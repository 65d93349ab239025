package vn.truongso.questions.model;

import java.util.List;
import java.util.Map;

/**
 * A student's answer: {@code selected} option ids (choice types; ordering in the order given), {@code values} keyed
 * by statement, pair or gap id (true/false cluster "true"/"false", matching, cloze), or free {@code text} (short
 * answer, essay).
 */
public record Response(List<String> selected, Map<String, String> values, String text) {

    public Response {
        selected = selected == null ? List.of() : List.copyOf(selected);
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static Response select(String... ids) {
        return new Response(List.of(ids), null, null);
    }

    public static Response values(Map<String, String> values) {
        return new Response(null, values, null);
    }

    public static Response text(String text) {
        return new Response(null, null, text);
    }
}
