package vn.truongso.curriculum.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.truongso.platform.VietnameseText;

/**
 * Matches what people type for a subject to its code: case, diacritics, punctuation and the word "và" do not matter,
 * and the i/y spelling variants of Vietnamese (lí/lý, mĩ/mỹ, kĩ/kỹ) are the same. "Lịch sử - Địa lý", "lich su & dia
 * li" and "Lịch sử và Địa lí" all give the key {@code "lich su dia li"}. A key claimed by two subjects matches none.
 */
public final class SubjectNames {

    private final Map<String, String> codeByKey = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();

    /** Adds a name (or alias, or the code itself) of a subject. */
    public SubjectNames add(String name, String code) {
        String key = key(name);
        if (key.isEmpty() || ambiguous.contains(key)) {
            return this;
        }
        String previous = codeByKey.putIfAbsent(key, code);
        if (previous != null && !previous.equals(code)) {
            codeByKey.remove(key);
            ambiguous.add(key);
        }
        return this;
    }

    public Optional<String> codeFor(String name) {
        return Optional.ofNullable(codeByKey.get(key(name)));
    }

    /** The comparison key of a subject name or code. */
    public static String key(String text) {
        String folded = VietnameseText.fold(text).replaceAll("[^a-z0-9]+", " ").strip();
        if (folded.isEmpty()) {
            return "";
        }
        StringBuilder key = new StringBuilder();
        for (String word : folded.split(" ")) {
            if (word.equals("va")) {
                continue;
            }
            // A syllable that ends in y after consonants only (lý, mỹ, kỹ) is spelled with i as well (lí, mĩ, kĩ).
            String normalised = word.matches("[b-df-hj-np-tv-xz]+y") ? word.substring(0, word.length() - 1) + "i" : word;
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(normalised);
        }
        return key.toString();
    }
}
