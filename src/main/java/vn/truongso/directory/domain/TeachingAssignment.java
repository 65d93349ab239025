package vn.truongso.directory.domain;

import java.util.UUID;

/** Phân công chuyên môn: one teacher teaches one subject to one class in one school year. */
public record TeachingAssignment(UUID schoolId, UUID id, UUID schoolYearId, UUID staffId, String subjectCode, UUID classId) {
}
