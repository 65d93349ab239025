package vn.truongso.materials.search;

import java.util.List;

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
        String[] words = text.strip().split("\\s+");
        int first = -1;
        boolean[] marked = new boolean[words.length];
        for (int i = 0; i < words.length; i++) {
            marked[i] = matches(terms, words[i]);
            if (marked[i] && first < 0) {
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
            String escaped = HtmlUtils.htmlEscape(words[i], "UTF-8");
            out.append(marked[i] ? "<mark>" + escaped + "</mark>" : escaped);
        }
        if (to < words.length) {
            out.append(" …");
        }
        return out.toString();
    }

    private static boolean matches(List<String> terms, String word) {
        String folded = VietnameseText.fold(word).replaceAll("[^\\p{L}\\p{N}]+", "");
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
