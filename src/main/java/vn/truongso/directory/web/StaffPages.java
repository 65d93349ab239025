package vn.truongso.directory.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.School;
import vn.truongso.directory.domain.SchoolAccess;
import vn.truongso.directory.domain.SchoolYear;
import vn.truongso.directory.domain.SchoolYears;
import vn.truongso.directory.domain.StaffDirectory;
import vn.truongso.directory.domain.SubjectGroups;
import vn.truongso.directory.domain.TeachingAssignments;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.NotFoundException;

/** Cán bộ (with search), tổ chuyên môn, and phân công chuyên môn as a class × subject table. */
@Controller
@RequestMapping("/schools/{schoolId}")
class StaffPages {

    static final int PAGE_SIZE = 50;

    /**
     * The order subjects take in the CT GDPT 2018 timetable; a code not listed follows in alphabetical order. Only the
     * order of columns depends on it, so an unknown code is never a problem.
     */
    static final List<String> SUBJECT_ORDER = List.of("TIENG_VIET", "NGU_VAN", "TOAN", "NGOAI_NGU_1", "DAO_DUC", "TNXH",
            "LICH_SU_DIA_LI", "KHOA_HOC", "TIN_HOC_CONG_NGHE", "GDCD", "KHTN", "CONG_NGHE", "TIN_HOC", "LICH_SU", "DIA_LI", "GDKT_PL",
            "VAT_LI", "HOA_HOC", "SINH_HOC", "GDTC", "NGHE_THUAT", "AM_NHAC", "MI_THUAT", "GDQP_AN", "HDTN", "GDDP");

    /** One class of the assignment table: the teacher of each subject code. */
    public record AssignmentRow(Classes.ClassSummary schoolClass, Map<String, TeachingAssignments.AssignmentView> bySubject) {
    }

    private final SchoolAccess access;
    private final SchoolYears years;
    private final StaffDirectory staff;
    private final SubjectGroups groups;
    private final Classes classes;
    private final TeachingAssignments assignments;

    StaffPages(SchoolAccess access, SchoolYears years, StaffDirectory staff, SubjectGroups groups, Classes classes,
            TeachingAssignments assignments) {
        this.access = access;
        this.years = years;
        this.staff = staff;
        this.groups = groups;
        this.classes = classes;
        this.assignments = assignments;
    }

    @GetMapping("/staff")
    String staff(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, HttpServletResponse response, Model model) {
        School school = access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        response.addHeader("Vary", "HX-Request");
        model.addAttribute("school", school);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("results", staff.search(schoolId, q, Math.max(page, 0), PAGE_SIZE));
        return FormValues.wantsFragment(request) ? "directory/staff :: results" : "directory/staff";
    }

    @GetMapping("/subject-groups")
    String subjectGroups(CurrentUser user, @PathVariable UUID schoolId, Model model) {
        model.addAttribute("school", access.require(user, schoolId, Capability.VIEW_DIRECTORY));
        model.addAttribute("groups", groups.ofSchool(schoolId));
        return "directory/subject-groups";
    }

    @GetMapping("/assignments")
    String assignments(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) UUID yearId, Model model) {
        model.addAttribute("school", access.require(user, schoolId, Capability.VIEW_DIRECTORY));
        List<SchoolYear> all = years.ofSchool(schoolId);
        SchoolYear year = yearId == null ? all.stream().filter(SchoolYear::isCurrent).findFirst().orElse(all.isEmpty() ? null : all.getFirst())
                : all.stream().filter(y -> y.id().equals(yearId)).findFirst().orElseThrow(() -> new NotFoundException("year " + yearId));
        List<AssignmentRow> rows = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        if (year != null) {
            Map<UUID, Map<String, TeachingAssignments.AssignmentView>> byClass = new LinkedHashMap<>();
            for (var assignment : assignments.ofYear(schoolId, year.id())) {
                byClass.computeIfAbsent(assignment.classId(), k -> new LinkedHashMap<>()).put(assignment.subjectCode(), assignment);
                if (!subjects.contains(assignment.subjectCode())) {
                    subjects.add(assignment.subjectCode());
                }
            }
            subjects.sort(subjectOrder());
            for (var schoolClass : classes.ofYear(schoolId, year.id())) {
                rows.add(new AssignmentRow(schoolClass, byClass.getOrDefault(schoolClass.id(), Map.of())));
            }
        }
        model.addAttribute("years", all);
        model.addAttribute("year", year);
        model.addAttribute("subjects", subjects);
        model.addAttribute("rows", rows);
        return "directory/assignments";
    }

    static Comparator<String> subjectOrder() {
        return Comparator.<String>comparingInt(code -> {
            int index = SUBJECT_ORDER.indexOf(code);
            return index < 0 ? Integer.MAX_VALUE : index;
        }).thenComparing(Comparator.naturalOrder());
    }
}
