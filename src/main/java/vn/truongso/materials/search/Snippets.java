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
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

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
        if (mustMatch && !mentionsAny(terms, VietnameseText.fold(text))) {
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

    private static boolean mentionsAny(List<String> terms, String folded) {
        for (String term : terms) {
            if (folded.contains(term)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(List<String> terms, String word) {
        String folded = NOT_WORD.matcher(VietnameseText.fold(word)).replaceAll("");
        if (folded.isEmpty()) {
            return false;
        }
        for (String term : terms) {
            if (folded.startsWith(term)) {
                return true;
            }
        }
        return false;
    }
}
