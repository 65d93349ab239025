package vn.truongso.directory.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;

/**
 * Chuyển đi / chuyển đến. A transfer out closes the student's class enrolment and marks her transferred; a transfer in
 * creates (or, for a returning student, reopens) her record and enrols her. Every transfer is kept in the history.
 */
@Service
public class StudentTransfers {

    public record TransferOut(LocalDate effectiveOn, String toSchool, String reason) {
    }

    public record TransferIn(String learnerCode, String fullName, LocalDate birthDate, Sex sex, String citizenId, UUID classId,
            LocalDate effectiveOn, String fromSchool, String reason) {
    }

    private final Students students;
    private final Enrolments enrolments;
    private final Transfers transfers;
    private final SchoolYears years;
    private final Classes classes;
    private final AuditLog audit;

    StudentTransfers(Students students, Enrolments enrolments, Transfers transfers, SchoolYears years, Classes classes, AuditLog audit) {
        this.students = students;
        this.enrolments = enrolments;
        this.transfers = transfers;
        this.years = years;
        this.classes = classes;
        this.audit = audit;
    }

    @Transactional
    public Transfer transferOut(CurrentUser actor, UUID schoolId, UUID studentId, TransferOut request) {
        Student student = students.find(schoolId, studentId).orElseThrow(() -> new NotFoundException("student " + studentId));
        List<InputError> errors = new ArrayList<>();
        if (student.status() != Student.Status.STUDYING) {
            errors.add(InputError.general("transfer.notStudying", student.fullName()));
        }
        requireDateAndSchool(request.effectiveOn(), request.toSchool(), "toSchool", errors);
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        years.current(schoolId).ifPresent(year -> enrolments.close(schoolId, studentId, year.id(), request.effectiveOn()));
        students.update(new Student(schoolId, studentId, student.learnerCode(), student.citizenId(), student.fullName(), student.birthDate(),
                student.sex(), student.ethnicity(), student.birthplace(), student.address(), Student.Status.TRANSFERRED_OUT));
        var transfer = new Transfer(schoolId, Ids.newId(), studentId, Transfer.Direction.OUT, request.effectiveOn(), request.toSchool().strip(),
                request.reason(), actor.id(), Instant.now());
        transfers.add(transfer);
        audit.record("student.transferred-out", schoolId, "student", studentId.toString(),
                Map.of("learnerCode", student.learnerCode(), "toSchool", transfer.otherSchool(), "effectiveOn", transfer.effectiveOn().toString()));
        return transfer;
    }

    @Transactional
    public Transfer transferIn(CurrentUser actor, UUID schoolId, TransferIn request) {
        List<InputError> errors = new ArrayList<>(StudentValidation.check(request.learnerCode(), request.fullName(), request.birthDate(),
                request.sex(), request.citizenId(), (field, code) -> InputError.field(field, code)));
        requireDateAndSchool(request.effectiveOn(), request.fromSchool(), "fromSchool", errors);
        var year = years.current(schoolId);
        if (year.isEmpty()) {
            errors.add(InputError.general("schoolYear.noCurrent"));
        }
        var schoolClass = request.classId() == null ? java.util.Optional.<Classes.ClassSummary>empty() : classes.find(schoolId, request.classId());
        if (schoolClass.isEmpty() || year.isPresent() && !schoolClass.get().schoolYearId().equals(year.get().id())) {
            errors.add(InputError.field("classId", "class.unknown", String.valueOf(request.classId())));
        }
        var existing = request.learnerCode() == null ? java.util.Optional.<Student>empty() : students.byLearnerCode(schoolId, request.learnerCode());
        if (existing.isPresent() && existing.get().status() == Student.Status.STUDYING) {
            errors.add(InputError.field("learnerCode", "transfer.alreadyStudying", request.learnerCode()));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        String name = vn.truongso.platform.VietnameseText.clean(request.fullName());
        String citizenId = request.citizenId() == null || request.citizenId().isBlank() ? null : request.citizenId().strip();
        UUID studentId = existing.map(Student::id).orElseGet(Ids::newId);
        var student = new Student(schoolId, studentId, request.learnerCode(), citizenId, name, request.birthDate(), request.sex(),
                existing.map(Student::ethnicity).orElse(null), existing.map(Student::birthplace).orElse(null),
                existing.map(Student::address).orElse(null), Student.Status.STUDYING);
        if (existing.isPresent()) {
            students.update(student);
        } else {
            students.add(student);
        }
        enrolments.enrol(schoolId, studentId, year.get().id(), request.classId(), request.effectiveOn());
        var transfer = new Transfer(schoolId, Ids.newId(), studentId, Transfer.Direction.IN, request.effectiveOn(), request.fromSchool().strip(),
                request.reason(), actor.id(), Instant.now());
        transfers.add(transfer);
        audit.record("student.transferred-in", schoolId, "student", studentId.toString(),
                Map.of("learnerCode", request.learnerCode(), "fromSchool", transfer.otherSchool(), "class", schoolClass.get().name()));
        return transfer;
    }

    private static void requireDateAndSchool(LocalDate effectiveOn, String otherSchool, String schoolField, List<InputError> errors) {
        if (effectiveOn == null) {
            errors.add(InputError.field("effectiveOn", "transfer.dateRequired"));
        }
        if (otherSchool == null || otherSchool.isBlank()) {
            errors.add(InputError.field(schoolField, "transfer.otherSchoolRequired"));
        }
    }
}
