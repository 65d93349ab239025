package vn.truongso.directory.roster;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.Subject;

/**
 * The subjects a "Phân công" sheet may name, by code or by Vietnamese name ("TOAN", "Toán", "toan"), as the curriculum
 * module knows them, so the roster and the curriculum never disagree on a code. A school's own subject may be given
 * by its code once the school has assignments in it.
 */
@Component
class SubjectCatalog {

    private final Curriculum curriculum;

    SubjectCatalog(Curriculum curriculum) {
        this.curriculum = curriculum;
    }

    /**
     * The code a cell names: a curriculum code in any case, a subject's name or a known alias, or a code the school
     * already uses ({@code schoolCodes}).
     */
    Optional<String> resolve(String text, Collection<String> schoolCodes) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String asCode = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (schoolCodes.contains(asCode) || curriculum.subject(asCode).isPresent()) {
            return Optional.of(asCode);
        }
        return curriculum.codeForName(text);
    }

    /** The curriculum's name for a code, or the code itself for a subject the curriculum does not know. */
    String name(String code) {
        return curriculum.subject(code).map(Subject::nameVi).orElse(code);
    }

    /** Code → Vietnamese name of every curriculum subject, in the curriculum's order. */
    Map<String, String> all() {
        Map<String, String> names = new LinkedHashMap<>();
        curriculum.subjects().forEach(subject -> names.put(subject.code(), subject.nameVi()));
        return names;
    }
}
