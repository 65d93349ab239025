package vn.truongso.directory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.Enrolments;
import vn.truongso.directory.domain.Guardians;
import vn.truongso.directory.domain.School;
import vn.truongso.directory.domain.SchoolAccess;
import vn.truongso.directory.domain.SchoolYears;
import vn.truongso.directory.domain.Student;
import vn.truongso.directory.domain.StudentTransfers;
import vn.truongso.directory.domain.Students;
import vn.truongso.directory.domain.Transfers;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.web.BilingualMessages;
import vn.truongso.platform.NotFoundException;

/**
 * Học sinh: the list with a search that ignores diacritics (live with htmx, a plain GET form without JavaScript), a
 * student's record with guardians, enrolments and transfers, and the transfer forms (chuyển đi, tiếp nhận chuyển đến).
 */
@Controller
@RequestMapping("/schools/{schoolId}/students")
class StudentPages {

    static final int PAGE_SIZE = 50;
    static final Set<String> TRANSFER_IN_FIELDS = Set.of("learnerCode", "fullName", "birthDate", "sex", "citizenId", "classId",
            "effectiveOn", "fromSchool", "reason");
    static final Set<String> TRANSFER_OUT_FIELDS = Set.of("effectiveOn", "toSchool", "reason");

    private final SchoolAccess schoolAccess;
    private final AccessPolicy access;
    private final SchoolYears years;
    private final Classes classes;
    private final Students students;
    private final Guardians guardians;
    private final Enrolments enrolments;
    private final Transfers transfers;
    private final StudentTransfers studentTransfers;
    private final BilingualMessages messages;

    StudentPages(SchoolAccess schoolAccess, AccessPolicy access, SchoolYears years, Classes classes, Students students, Guardians guardians,
            Enrolments enrolments, Transfers transfers, StudentTransfers studentTransfers, BilingualMessages messages) {
        this.schoolAccess = schoolAccess;
        this.access = access;
        this.years = years;
        this.classes = classes;
        this.students = students;
        this.guardians = guardians;
        this.enrolments = enrolments;
        this.transfers = transfers;
        this.studentTransfers = studentTransfers;
        this.messages = messages;
    }

    @GetMapping
    String list(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) String q,
            @RequestParam(required = false) String classId, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        School school = schoolAccess.require(user, schoolId, Capability.VIEW_DIRECTORY);
        response.addHeader("Vary", "HX-Request");
        listModel(user, school, q, FormValues.uuid(classId), page, model);
        if (FormValues.wantsFragment(request)) {
            return "directory/students :: results";
        }
        model.addAttribute("transferIn", Map.of());
        model.addAttribute("errors", FormErrors.none());
        return "directory/students";
    }

    @PostMapping("/transfers-in")
    String transferIn(CurrentUser user, @PathVariable UUID schoolId, @RequestParam Map<String, String> form, Locale locale, Model model,
            RedirectAttributes redirect) {
        School school = schoolAccess.require(user, schoolId, Capability.MANAGE_DIRECTORY);
        List<InputError> own = new ArrayList<>();
        var request = new StudentTransfers.TransferIn(FormValues.text(form.get("learnerCode")), FormValues.text(form.get("fullName")),
                FormValues.date(form.get("birthDate"), "birthDate", own), FormValues.sex(form.get("sex")),
                FormValues.text(form.get("citizenId")), FormValues.uuid(form.get("classId")),
                FormValues.date(form.get("effectiveOn"), "effectiveOn", own), FormValues.text(form.get("fromSchool")),
                FormValues.text(form.get("reason")));
        try {
            // An unreadable date reaches the service as a missing one, which it refuses before changing anything.
            var transfer = studentTransfers.transferIn(user, schoolId, request);
            redirect.addFlashAttribute("notice", "ui.transfer.inDone");
            return "redirect:/schools/" + schoolId + "/students/" + transfer.studentId();
        } catch (BadInputException e) {
            listModel(user, school, null, null, 0, model);
            model.addAttribute("transferIn", form);
            model.addAttribute("errors", FormErrors.of(FormValues.merge(own, e.errors()), TRANSFER_IN_FIELDS, messages, locale));
            return "directory/students";
        }
    }

    @GetMapping("/{studentId}")
    String student(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID studentId, Model model) {
        School school = schoolAccess.require(user, schoolId, Capability.VIEW_DIRECTORY);
        studentModel(user, school, studentId, model);
        model.addAttribute("transferOut", Map.of());
        model.addAttribute("errors", FormErrors.none());
        return "directory/student";
    }

    @PostMapping("/{studentId}/transfer-out")
    String transferOut(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID studentId, @RequestParam Map<String, String> form,
            Locale locale, Model model, RedirectAttributes redirect) {
        School school = schoolAccess.require(user, schoolId, Capability.MANAGE_DIRECTORY);
        List<InputError> own = new ArrayList<>();
        var request = new StudentTransfers.TransferOut(FormValues.date(form.get("effectiveOn"), "effectiveOn", own),
                FormValues.text(form.get("toSchool")), FormValues.text(form.get("reason")));
        try {
            // An unreadable date reaches the service as a missing one, which it refuses before changing anything.
            studentTransfers.transferOut(user, schoolId, studentId, request);
        } catch (BadInputException e) {
            studentModel(user, school, studentId, model);
            model.addAttribute("transferOut", form);
            model.addAttribute("errors", FormErrors.of(FormValues.merge(own, e.errors()), TRANSFER_OUT_FIELDS, messages, locale));
            return "directory/student";
        }
        redirect.addFlashAttribute("notice", "ui.transfer.outDone");
        return "redirect:/schools/" + schoolId + "/students/" + studentId;
    }

    private void listModel(CurrentUser user, School school, String q, UUID classId, int page, Model model) {
        UUID schoolId = school.schoolId();
        var year = years.current(schoolId);
        List<Classes.ClassSummary> yearClasses = year.map(y -> classes.ofYear(schoolId, y.id())).orElse(List.of());
        UUID filter = classId != null && yearClasses.stream().anyMatch(c -> c.id().equals(classId)) ? classId : null;
        model.addAttribute("school", school);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("classId", filter);
        model.addAttribute("classes", yearClasses);
        model.addAttribute("results", year.map(y -> students.search(schoolId, y.id(), q, filter, Math.max(page, 0), PAGE_SIZE)).orElse(null));
        model.addAttribute("canManage", access.allows(user, schoolId, Capability.MANAGE_DIRECTORY));
    }

    private void studentModel(CurrentUser user, School school, UUID studentId, Model model) {
        UUID schoolId = school.schoolId();
        Student student = students.find(schoolId, studentId).orElseThrow(() -> new NotFoundException("student " + studentId));
        model.addAttribute("school", school);
        model.addAttribute("student", student);
        model.addAttribute("guardians", guardians.ofStudent(schoolId, studentId));
        model.addAttribute("enrolments", enrolments.ofStudent(schoolId, studentId));
        model.addAttribute("transfers", transfers.ofStudent(schoolId, studentId));
        model.addAttribute("canManage", access.allows(user, schoolId, Capability.MANAGE_DIRECTORY));
    }
}
