package vn.truongso.platform;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text rules for Vietnamese: NFC storage, diacritics-insensitive search keys, and the given name (tên) that
 * Vietnamese lists sort by before the family and middle names.
 */
public final class VietnameseText {

    private VietnameseText() {
    }

    /** Trims, collapses white space and normalises to NFC (Word and some keyboards produce decomposed text). */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return nfc.strip().replaceAll("\\s+", " ");
    }

    /** "Nguyễn Văn Đức" becomes "nguyen van duc": the key that search compares, typed with or without diacritics. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(switch (c) {
                case 'đ', 'Đ' -> 'd';
                default -> c;
            });
        }
        return out.toString().toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** The given name: the last word of a full name ("Nguyễn Thị Minh Anh" gives "Anh"). */
    public static String givenName(String fullName) {
        String cleaned = clean(fullName);
        if (cleaned == null || cleaned.isEmpty()) {
            return "";
        }
        int space = cleaned.lastIndexOf(' ');
        return space < 0 ? cleaned : cleaned.substring(space + 1);
    }
}
