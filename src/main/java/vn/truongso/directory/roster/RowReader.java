package vn.truongso.directory.roster;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

import vn.truongso.directory.domain.Sex;
import vn.truongso.platform.InputError;
import vn.truongso.platform.VietnameseText;

/**
 * Reads typed values out of one data row, adding an error that names the sheet, the row and the column for every cell
 * it cannot accept. Text is normalised (NFC, single spaces); a blank optional cell reads as null.
 */
final class RowReader<C extends Enum<C> & RosterColumn> {

    static final int MAX_TEXT = 255;
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("0\\d{9,10}");
    /** Doubles hold 15 significant digits exactly; a longer number typed into a numeric cell was already rounded. */
    private static final BigDecimal EXACT_LIMIT = new BigDecimal("1e15");

    private final SheetLayout<C> layout;
    private final RawWorkbook.RawRow row;
    private final List<InputError> errors;

    RowReader(SheetLayout<C> layout, RawWorkbook.RawRow row, List<InputError> errors) {
        this.layout = layout;
        this.row = row;
        this.errors = errors;
    }

    int rowNumber() {
        return row.number();
    }

    void error(C column, String code, Object... args) {
        errors.add(InputError.cell(layout.sheet().title(), row.number(), column.header(), code, args));
    }

    /** The cell as cleaned text (a whole number typed as a number reads as its digits), or null when blank. */
    String text(C column) {
        RawWorkbook.RawCell cell = layout.cell(row, column);
        if (cell == null) {
            return null;
        }
        String text = switch (cell.kind()) {
            case TEXT, BOOLEAN -> VietnameseText.clean(cell.text());
            case NUMBER -> plainNumber(cell.number());
            case DATE -> formatDate(DateUtil.getLocalDateTime(cell.number()).toLocalDate());
            case ERROR -> {
                error(column, "roster.cell.formulaError", cell.text());
                yield null;
            }
        };
        if (text != null && text.length() > MAX_TEXT) {
            error(column, "roster.cell.tooLong", MAX_TEXT);
            return null;
        }
        return text == null || text.isEmpty() ? null : text;
    }

    String required(C column) {
        int before = errors.size();
        String text = text(column);
        if (text == null && errors.size() == before) {
            error(column, "roster.cell.required");
        }
        return text;
    }

    /**
     * A code such as a learner code or a staff code: text, or a whole number typed as a number (Excel shows it
     * without decimals). A number too long to be exact, or with decimals, is refused.
     */
    String code(C column, boolean required) {
        RawWorkbook.RawCell cell = layout.cell(row, column);
        if (cell != null && cell.kind() == RawWorkbook.RawCell.Kind.NUMBER) {
            BigDecimal value = BigDecimal.valueOf(cell.number());
            if (value.abs().compareTo(EXACT_LIMIT) >= 0 || value.stripTrailingZeros().scale() > 0) {
                error(column, "roster.cell.numberNotCode", plainNumber(cell.number()), column.header());
                return null;
            }
        }
        String text = required ? required(column) : text(column);
        return text == null ? null : text.replace(" ", "");
    }

    /** A date: a real Excel date cell, or text as dd/MM/yyyy or d/M/yyyy ('.' and '-' also separate). */
    LocalDate date(C column, boolean required) {
        RawWorkbook.RawCell cell = layout.cell(row, column);
        if (cell == null) {
            if (required) {
                error(column, "roster.cell.required");
            }
            return null;
        }
        switch (cell.kind()) {
            case DATE -> {
                return DateUtil.getLocalDateTime(cell.number()).toLocalDate();
            }
            case NUMBER -> {
                error(column, "roster.date.number", plainNumber(cell.number()));
                return null;
            }
            case ERROR -> {
                error(column, "roster.cell.formulaError", cell.text());
                return null;
            }
            default -> {
            }
        }
        String text = VietnameseText.clean(cell.text());
        Matcher vietnamese = DATE.matcher(text);
        Matcher iso = ISO_DATE.matcher(text);
        try {
            if (vietnamese.matches()) {
                return LocalDate.of(Integer.parseInt(vietnamese.group(3)), Integer.parseInt(vietnamese.group(2)),
                        Integer.parseInt(vietnamese.group(1)));
            }
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
        } catch (DateTimeException e) {
            error(column, "roster.date.invalid", text);
            return null;
        }
        error(column, "roster.date.format", text);
        return null;
    }

    /** A birth date: as {@link #date}, and not in the future. */
    LocalDate birthDate(C column, boolean required) {
        LocalDate date = date(column, required);
        if (date != null && date.isAfter(LocalDate.now())) {
            error(column, "roster.date.future", formatDate(date));
            return null;
        }
        return date;
    }

    Sex sex(C column, boolean required) {
        String text = required ? required(column) : text(column);
        if (text == null) {
            return null;
        }
        return switch (VietnameseText.fold(text)) {
            case "nam", "m", "male" -> Sex.MALE;
            case "nu", "f", "female" -> Sex.FEMALE;
            default -> {
                error(column, "roster.sex.invalid", text);
                yield null;
            }
        };
    }

    /**
    * Số định danh cá nhân: 12 digits as text. Every such number begins with 0 (the province code), so one typed into
    * a numeric cell has always lost that zero: the user is told to format the column as Text.
    */
    String citizenId(C column) {
        RawWorkbook.RawCell cell = layout.cell(row, column);
        if (cell != null && (cell.kind() == RawWorkbook.RawCell.Kind.NUMBER || cell.kind() == RawWorkbook.RawCell.Kind.DATE)) {
            error(column, "roster.citizenId.numeric", plainNumber(cell.number()), column.header());
            return null;
        }
        String text = text(column);
        return text == null ? null : text.replace(" ", "");
    }

    /**
     * A phone number as 10 or 11 digits starting with 0. Spaces, dots, dashes and a +84 prefix are accepted; a
     * number typed into a numeric cell that lost its leading 0 gets it back.
     */
    String phone(C column) {
        RawWorkbook.RawCell cell = layout.cell(row, column);
        String text = text(column);
        if (text == null) {
            return null;
        }
        String digits = text.replaceAll("[\\s.()\\-]", "");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        if (cell != null && cell.kind() == RawWorkbook.RawCell.Kind.NUMBER && !digits.startsWith("0") && (digits.length() == 9 || digits.length() == 10)) {
            digits = "0" + digits;
        }
        if (!PHONE.matcher(digits).matches()) {
            error(column, "roster.phone.format", text);
            return null;
        }
        return digits;
    }

    String email(C column) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        String email = text.replace(" ", "").toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches() || email.length() > 120) {
            error(column, "roster.email.format", text);
            return null;
        }
        return email;
    }

    /** A whole number from a numeric or a text cell. */
    Integer wholeNumber(C column, boolean required, String invalidCode) {
        RawWorkbook.RawCell cell = layout.cell(row, column);
        String text = required ? required(column) : text(column);
        if (text == null) {
            return null;
        }
        String digits = VietnameseText.fold(text).replaceFirst("^khoi ", "");
        if (cell != null && cell.kind() == RawWorkbook.RawCell.Kind.NUMBER && cell.number() != Math.rint(cell.number())) {
            error(column, invalidCode, text);
            return null;
        }
        if (!digits.matches("\\d{1,2}")) {
            error(column, invalidCode, text);
            return null;
        }
        return Integer.parseInt(digits);
    }

    /** A yes/no mark: "x" (or "có", "1") is yes, blank is no. */
    boolean mark(C column) {
        String text = text(column);
        if (text == null) {
            return false;
        }
        return switch (VietnameseText.fold(text)) {
            case "x", "co", "1", "true", "yes" -> true;
            case "khong", "0", "false", "no" -> false;
            default -> {
                error(column, "roster.mark.invalid", text);
                yield false;
            }
        };
    }

    static String plainNumber(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    static String formatDate(LocalDate date) {
        return date == null ? null : String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
