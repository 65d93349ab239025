package vn.truongso.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other modules may read of a school's classes and who is in them (the testing engine assigns tests to classes
 * and checks that a student belongs to one).
 */
public interface ClassRosters {

    record ClassInfo(UUID id, String name, int grade) {
    }

    record StudentInfo(UUID id, String learnerCode, String fullName, UUID classId, String className) {
    }

    /** The classes of the school's current year, by grade and name. */
    List<ClassInfo> currentClasses(UUID schoolId);

    /** The school's classes with these ids (of any year); ids of other schools are absent. */
    List<ClassInfo> classes(UUID schoolId, Collection<UUID> classIds);

    /** The students now enrolled in these classes, Vietnamese name order. */
    List<StudentInfo> studentsOf(UUID schoolId, Collection<UUID> classIds);

    /** The school's students with these ids, each with the class she is now in (if any). */
    List<StudentInfo> students(UUID schoolId, Collection<UUID> studentIds);

    Optional<StudentInfo> student(UUID schoolId, UUID studentId);

    /** The classes the student is now enrolled in (open enrolments). */
    Set<UUID> openClassesOf(UUID schoolId, UUID studentId);
}
