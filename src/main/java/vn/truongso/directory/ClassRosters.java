package vn.truongso.directory;

import java.util.List;
import java.util.UUID;

/**
 * What other modules may read of the school's classes in the current school year: the classes a staff member teaches
 * (by teaching assignment or as homeroom teacher) and the class a student is enrolled in.
 */
public interface ClassRosters {

    /** A class of the current school year. */
    record ClassRef(UUID id, String name, int grade) {
    }

    /** The current-year classes the staff member teaches a subject in or is homeroom teacher of, by grade and name. */
    List<ClassRef> taughtBy(UUID schoolId, UUID staffId);

    /** The current-year classes a student is enrolled in now (at most one). */
    List<ClassRef> classesOf(UUID schoolId, UUID studentId);
}
