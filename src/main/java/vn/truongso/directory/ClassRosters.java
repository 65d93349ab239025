package vn.truongso.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may read of a school's classes and who is in them: practice sets and online tests are assigned to
 * classes a teacher teaches, and a student sees what her class was given.
 */
public interface ClassRosters {

    record ClassRef(UUID id, String name, int grade) {
    }

    record StudentInfo(UUID id, String learnerCode, String fullName, UUID classId, String className) {
    }

    /** The classes of the school's current year, by grade and name. */
    List<ClassRef> currentClasses(UUID schoolId);

    /** The school's classes with these ids (of any year); ids of other schools are absent. */
    List<ClassRef> classes(UUID schoolId, Collection<UUID> classIds);

    /** The current-year classes the staff member teaches a subject in or is homeroom teacher of, by grade and name. */
    List<ClassRef> taughtBy(UUID schoolId, UUID staffId);

    /** The current-year classes a student is enrolled in now (at most one). */
    List<ClassRef> classesOf(UUID schoolId, UUID studentId);

    /** The students now enrolled in these classes, Vietnamese name order. */
    List<StudentInfo> studentsOf(UUID schoolId, Collection<UUID> classIds);

    /** The school's students with these ids, each with the class she is now in (if any). */
    List<StudentInfo> students(UUID schoolId, Collection<UUID> studentIds);

    Optional<StudentInfo> student(UUID schoolId, UUID studentId);
}
