package vn.truongso.curriculum;

import java.util.List;
import java.util.Optional;

/**
 * A subject or educational activity of the general education programme (CT GDPT 2018), with the grades it is
 * taught in. The code is stable upper snake case ASCII (TOAN, NGU_VAN, …) and is what other modules store.
 */
public record Subject(String code, String nameVi, String nameEn, List<SubjectOfGrade> grades) {

    public Subject {
        grades = List.copyOf(grades);
    }

    public Optional<SubjectOfGrade> inGrade(int grade) {
        return grades.stream().filter(g -> g.grade() == grade).findFirst();
    }

    public boolean taughtIn(int grade) {
        return inGrade(grade).isPresent();
    }
}
