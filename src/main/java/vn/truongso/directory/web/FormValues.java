package vn.truongso.directory.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.UUID;

import vn.truongso.directory.domain.Sex;
import vn.truongso.platform.InputError;

/** Reads what a form sent: dates as a date picker sends them (2026-09-05) or as people type them (5/9/2026). */
final class FormValues {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private FormValues() {
    }

    /** The date, or null when blank; an unreadable date adds an error for the field and gives null. */
    static LocalDate date(String value, String field, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.contains("/") ? LocalDate.parse(text, TYPED) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(InputError.field(field, "ui.form.dateInvalid", text));
            return null;
        }
    }

    static Sex sex(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Sex.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Errors of the form's own reading replace the service's errors for the same field (a bad date is not a missing one). */
    static List<InputError> merge(List<InputError> own, List<InputError> fromService) {
        var fields = own.stream().map(InputError::column).toList();
        var merged = new java.util.ArrayList<>(own);
        fromService.stream().filter(e -> e.sheet() != null || e.row() != null || !fields.contains(e.column())).forEach(merged::add);
        return merged;
    }

    /** True for an htmx request that wants a piece of a page, not a history restore that wants the whole page. */
    static boolean wantsFragment(jakarta.servlet.http.HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request")) && request.getHeader("HX-History-Restore-Request") == null
                && request.getHeader("HX-Boosted") == null;
    }
}
