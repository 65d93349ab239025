package vn.truongso.curriculum.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.truongso.platform.InputError;

/**
 * Describes an import error the way the platform's problem responses do ({@code location}, {@code code},
 * {@code message} in Vietnamese, {@code messageEn}), for the preview, which answers 200 with its errors listed.
 */
@Component
class ImportErrorMessages {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    ImportErrorMessages(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, Object> describe(InputError error) {
        Map<String, Object> location = new LinkedHashMap<>();
        if (error.sheet() != null) {
            location.put("sheet", error.sheet());
        }
        if (error.row() != null) {
            location.put("row", error.row());
        }
        if (error.column() != null) {
            location.put(error.sheet() != null || error.row() != null ? "column" : "field", error.column());
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("location", location);
        view.put("code", error.code());
        view.put("message", describe(error, VIETNAMESE));
        view.put("messageEn", describe(error, Locale.ENGLISH));
        return view;
    }

    private String describe(InputError error, Locale locale) {
        StringBuilder where = new StringBuilder();
        if (error.sheet() != null) {
            where.append(message(locale, "where.sheet", error.sheet()));
        }
        if (error.row() != null) {
            where.append(where.isEmpty() ? "" : ", ").append(message(locale, "where.row", String.valueOf(error.row())));
        }
        if (error.column() != null) {
            String key = error.sheet() != null || error.row() != null ? "where.column" : "where.field";
            where.append(where.isEmpty() ? "" : ", ").append(message(locale, key, error.column()));
        }
        String text = message(locale, error.code(), error.args());
        return where.isEmpty() ? text : where + ": " + text;
    }

    private String message(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
