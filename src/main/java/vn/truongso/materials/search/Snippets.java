package vn.truongso.materials.search;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

import vn.truongso.platform.VietnameseText;

/**
 * The snippet shown under a hit: a stretch of the description (else of the files' text) around the first word that
 * matches the query, with the matching words in {@code <mark>}. A word matches when its folded form starts with a
 * query term, so "phan so" marks "phân số" in the original text. Everything else is HTML-escaped.
 */
final class Snippets {

    static final int WORDS_BEFORE = 8;
    static final int WORDS = 30;
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private Snippets() {
    }

    static String of(List<String> terms, String description, String fileText) {
        String fromDescription = around(terms, description, true);
        if (fromDescription != null) {
            return fromDescription;
        }
        String fromFiles = around(terms, fileText, true);
        if (fromFiles != null) {
            return fromFiles;
        }
        String plain = around(terms, description, false);
        return plain == null ? "" : plain;
    }

    /** Null when {@code mustMatch} and no word matches (or the text is empty). */
    private static String around(List<String> terms, String text, boolean mustMatch) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // A file's text runs to thousands of words: one pass over the whole folded text rules most of them out, and the
        // words are folded one by one only up to the first match and inside the window shown.
        if (mustMatch && !mentionsAny(terms, fold(text))) {
            return null;
        }
        String[] words = WHITE_SPACE.split(text.strip());
        int first = -1;
        for (int i = 0; i < words.length && first < 0; i++) {
            if (matches(terms, words[i])) {
                first = i;
            }
        }
        if (first < 0 && mustMatch) {
            return null;
        }
        int from = Math.max(0, first - WORDS_BEFORE);
        int to = Math.min(words.length, from + WORDS);
        StringBuilder out = new StringBuilder();
        if (from > 0) {
            out.append("… ");
        }
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(' ');
            }
            // Words before the first match are known not to match.
            boolean marked = first >= 0 && (i == first || i > first && matches(terms, words[i]));
            String escaped = HtmlUtils.htmlEscape(words[i], "UTF-8");
            out.append(marked ? "<mark>" + escaped + "</mark>" : escaped);
        }
        if (to < words.length) {
            out.append(" …");
        }
        return out.toString();
    }

    /**
     * {@link VietnameseText#fold} one character at a time through a table for the Latin letters (every Vietnamese letter,
     * precomposed or as a base letter followed by combining marks), which is what a snippet meets; any other character
     * sends the text through {@link VietnameseText#fold} itself. The table is built from that method, so both agree; it
     * saves the normalisation and the regular expressions a snippet paid for every word of a file's text.
     */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = c < FOLDED.length ? FOLDED[c] : SLOW;
            if (f == SLOW) {
                return VietnameseText.fold(text);
            }
            if (f == MARK) {
                continue;
            }
            if (f == ' ') {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(f);
                space = false;
            }
        }
        int end = out.length();
        return end > 0 && out.charAt(end - 1) == ' ' ? out.substring(0, end - 1) : out.toString();
    }

    private static final char SLOW = '\uffff';
    private static final char MARK = '\ufffe';
    /** Up to the end of Latin Extended Additional (U+1EFF): what each character folds to, MARK (dropped) or SLOW. */
    private static final char[] FOLDED = new char[0x1F00];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            boolean latin = c < 0x250 || (c >= 0x300 && c < 0x370) || c >= 0x1E00;
            String one = String.valueOf(c);
            if (!latin || Character.isSurrogate(c)) {
                FOLDED[c] = SLOW;
            } else if (Character.isWhitespace(c) || one.matches("\\s")) {
                FOLDED[c] = Character.isWhitespace(c) && one.matches("\\s") ? ' ' : SLOW;
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                FOLDED[c] = VietnameseText.fold("a" + c).equals("a") ? MARK : SLOW;
            } else {
                String folded = VietnameseText.fold(one);
                FOLDED[c] = folded.length() == 1 && folded.charAt(0) < MARK ? folded.charAt(0) : SLOW;
            }
        }
    }

    private static boolean letterOrDigit(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetter(codePoint) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean mentionsAny(List<String> terms, String folded) {
        for (String term : terms) {
            if (folded.contains(term)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(List<String> terms, String word) {
        String folded = fold(word);
        // The word's letters and digits (\\p{L}, \\p{N}), without its punctuation.
        StringBuilder letters = new StringBuilder(folded.length());
        folded.codePoints().filter(Snippets::letterOrDigit).forEach(letters::appendCodePoint);
        if (letters.isEmpty()) {
            return false;
        }
        String key = letters.toString();
        for (String term : terms) {
            if (key.startsWith(term)) {
                return true;
            }
        }
        return false;
    }
}
