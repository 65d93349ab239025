package vn.truongso.curriculum;

import java.util.UUID;

/** A topic or chapter (chủ đề / chương) of a subject in a grade, in teaching order. */
public record Topic(UUID id, String subjectCode, int grade, String code, String title, int position) {
}
