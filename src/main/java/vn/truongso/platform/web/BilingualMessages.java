package vn.truongso.platform.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import vn.truongso.platform.InputError;

/**
 * Resolves a message in Vietnamese and in English: the API answers with both, the UI shows the user's language.
 * Exposed to the other modules (a named interface), which describe their own input errors with it.
 */
@Component
@NamedInterface("messages")
public class BilingualMessages {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    public BilingualMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String vi(String code, Object... args) {
        return messages.getMessage(code, args, code, VIETNAMESE);
    }

    public String en(String code, Object... args) {
        return messages.getMessage(code, args, code, Locale.ENGLISH);
    }

    public String in(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    /** "Trang 'Học sinh', dòng 5, cột 'Ngày sinh': …" in the given language. */
    public String describe(InputError error, Locale locale) {
        StringBuilder where = new StringBuilder();
        if (error.sheet() != null) {
            where.append(in(locale, "where.sheet", error.sheet()));
        }
        if (error.row() != null) {
            append(where, in(locale, "where.row", error.row()));
        }
        if (error.column() != null) {
            append(where, in(locale, error.sheet() != null || error.row() != null ? "where.column" : "where.field", error.column()));
        }
        String message = in(locale, error.code(), error.args());
        return where.isEmpty() ? message : where + ": " + message;
    }

    private static void append(StringBuilder where, String part) {
        if (!where.isEmpty()) {
            where.append(", ");
        }
        where.append(part);
    }
}
