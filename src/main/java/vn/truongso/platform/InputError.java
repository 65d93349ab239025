package vn.truongso.platform;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One problem with what a user sent: where it is (sheet, row, column or field; any may be absent) and a message
 * key from the message bundles with its arguments, so the same error reads in Vietnamese and in English.
 */
public record InputError(String sheet, Integer row, String column, String code, Object... args) implements Serializable {

    public static InputError field(String field, String code, Object... args) {
        return new InputError(null, null, field, code, args);
    }

    public static InputError general(String code, Object... args) {
        return new InputError(null, null, null, code, args);
    }

    public static InputError cell(String sheet, int row, String column, String code, Object... args) {
        return new InputError(sheet, row, column, code, args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputError e && java.util.Objects.equals(sheet, e.sheet) && java.util.Objects.equals(row, e.row)
                && java.util.Objects.equals(column, e.column) && code.equals(e.code) && Arrays.equals(args, e.args);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(sheet, row, column, code, Arrays.hashCode(args));
    }

    @Override
    public String toString() {
        return (sheet == null ? "" : sheet + "!") + (row == null ? "" : "row " + row + " ") + (column == null ? "" : column + ": ")
                + code + Arrays.toString(args);
    }
}
