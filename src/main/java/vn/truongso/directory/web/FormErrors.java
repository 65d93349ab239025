package vn.truongso.directory.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.truongso.platform.InputError;
import vn.truongso.platform.web.BilingualMessages;

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
    static FormErrors of(List<InputError> errors, Set<String> fields, BilingualMessages messages, Locale locale) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (InputError error : errors) {
            boolean onField = error.column() != null && error.sheet() == null && error.row() == null && fields.contains(error.column());
            if (onField) {
                byField.computeIfAbsent(error.column(), k -> new ArrayList<>()).add(messages.in(locale, error.code(), error.args()));
            } else {
                general.add(messages.describe(error, locale));
            }
        }
        return new FormErrors(byField, general);
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
