package vn.truongso.directory.web;

import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.truongso.curriculum.Curriculum;

/** Subject names for the pages, in the user's language, from the curriculum (templates call {@code @subjectLabels}). */
@Component("subjectLabels")
public class SubjectLabels {

    private final Curriculum curriculum;

    SubjectLabels(Curriculum curriculum) {
        this.curriculum = curriculum;
    }

    /** The subject's name, or its code for a subject the curriculum does not know (a school's own subject). */
    public String name(String code, Locale locale) {
        boolean english = locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        return curriculum.subject(code).map(s -> english ? s.nameEn() : s.nameVi()).orElse(code);
    }
}
