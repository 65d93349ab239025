package vn.truongso.directory.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.SchoolAccess;
import vn.truongso.directory.domain.SchoolYear;
import vn.truongso.directory.domain.SchoolYears;
import vn.truongso.directory.domain.Students;
import vn.truongso.directory.domain.TeachingAssignments;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.NotFoundException;

/** Lớp: the classes of a year by grade (khối), and one class with its students in Vietnamese order and its teachers. */
@Controller
@RequestMapping("/schools/{schoolId}/classes")
class ClassPages {

    private final SchoolAccess access;
    private final SchoolYears years;
    private final Classes classes;
    private final Students students;
    private final TeachingAssignments assignments;

    ClassPages(SchoolAccess access, SchoolYears years, Classes classes, Students students, TeachingAssignments assignments) {
        this.access = access;
        this.years = years;
        this.classes = classes;
        this.students = students;
        this.assignments = assignments;
    }

    @GetMapping
    String classes(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) UUID yearId, Model model) {
        model.addAttribute("school", access.require(user, schoolId, Capability.VIEW_DIRECTORY));
        List<SchoolYear> all = years.ofSchool(schoolId);
        SchoolYear year = yearId == null ? all.stream().filter(SchoolYear::isCurrent).findFirst().orElse(all.isEmpty() ? null : all.getFirst())
                : all.stream().filter(y -> y.id().equals(yearId)).findFirst().orElseThrow(() -> new NotFoundException("year " + yearId));
        Map<Integer, List<Classes.ClassSummary>> byGrade = new LinkedHashMap<>();
        if (year != null) {
            for (var schoolClass : classes.ofYear(schoolId, year.id())) {
                byGrade.computeIfAbsent(schoolClass.grade(), g -> new ArrayList<>()).add(schoolClass);
            }
        }
        model.addAttribute("years", all);
        model.addAttribute("year", year);
        model.addAttribute("byGrade", byGrade);
        return "directory/classes";
    }

    @GetMapping("/{classId}")
    String schoolClass(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID classId, Model model) {
        model.addAttribute("school", access.require(user, schoolId, Capability.VIEW_DIRECTORY));
        var found = classes.find(schoolId, classId).orElseThrow(() -> new NotFoundException("class " + classId));
        model.addAttribute("schoolClass", found);
        model.addAttribute("year", years.find(schoolId, found.schoolYearId()).orElse(null));
        model.addAttribute("students", students.ofClass(schoolId, classId));
        model.addAttribute("teachers", assignments.ofClass(schoolId, classId));
        return "directory/class";
    }
}
