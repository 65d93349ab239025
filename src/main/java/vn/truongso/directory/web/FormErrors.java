package vn.truongso.directory.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;

import vn.truongso.platform.BadInputException;
import vn.truongso.platform.InputError;

/**
 * The errors of one form, ready for a page: those of a field are shown next to it (just the message), the rest above
 * the form (with their location). Messages are in the user's language.
 */
public final class FormErrors {

    private final Map<String, List<String>> byField;
    private final List<String> general;

    private FormErrors(Map<String, List<String>> byField, List<String> general) {
        this.byField = byField;
        this.general = general;
    }

    public static FormErrors none() {
        return new FormErrors(Map.of(), List.of());
    }

    /**
     * @param fields the fields the form shows; an error about any other field is listed above the form with its name
     */
    static FormErrors of(List<InputError> errors, Set<String> fields, MessageSource messages, Locale locale) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (InputError error : errors) {
            boolean onField = error.column() != null && error.sheet() == null && error.row() == null && fields.contains(error.column());
            if (onField) {
                byField.computeIfAbsent(error.column(), k -> new ArrayList<>()).add(message(messages, locale, error.code(), error.args()));
            } else {
                general.add(describe(error, messages, locale));
            }
        }
        return new FormErrors(byField, general);
    }

    static FormErrors of(BadInputException e, Set<String> fields, MessageSource messages, Locale locale) {
        return of(e.errors(), fields, messages, locale);
    }

    /** "Trang tính 'Học sinh', dòng 5, cột 'Ngày sinh': …" in the given language (the rule of platform's messages). */
    static String describe(InputError error, MessageSource messages, Locale locale) {
        List<String> where = new ArrayList<>();
        if (error.sheet() != null) {
            where.add(message(messages, locale, "where.sheet", error.sheet()));
        }
        if (error.row() != null) {
            where.add(message(messages, locale, "where.row", error.row()));
        }
        if (error.column() != null) {
            where.add(message(messages, locale, error.sheet() != null || error.row() != null ? "where.column" : "where.field", error.column()));
        }
        String text = message(messages, locale, error.code(), error.args());
        return where.isEmpty() ? text : String.join(", ", where) + ": " + text;
    }

    static String message(MessageSource messages, Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<String> at(String field) {
        return byField.getOrDefault(field, List.of());
    }

    public List<String> getGeneral() {
        return general;
    }

    public boolean any() {
        return !byField.isEmpty() || !general.isEmpty();
    }
}
