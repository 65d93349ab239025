package vn.truongso.directory.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;
import vn.truongso.platform.VietnameseText;

/**
 * Registers the units of the sector: a Phòng under a Sở, a school under a Phòng (or, for upper-secondary schools,
 * directly under the Sở) with the account of its principal; and the school years of a school.
 */
@Service
public class SchoolRegistry {

    public record NewSchool(String code, String name, SchoolLevel level, School.Ownership ownership, String address, String phone,
            String email, String principalUsername, String principalName) {
    }

    public record RegisteredSchool(School school, String principalUsername, String temporaryPassword) {
    }

    public record NewSchoolYear(Integer startYear, LocalDate startsOn, LocalDate semester1EndsOn, LocalDate semester2StartsOn,
            LocalDate endsOn, Boolean current) {
    }

    private final OrgUnits orgUnits;
    private final Schools schools;
    private final SchoolYears years;
    private final Accounts accounts;
    private final AuditLog audit;

    SchoolRegistry(OrgUnits orgUnits, Schools schools, SchoolYears years, Accounts accounts, AuditLog audit) {
        this.orgUnits = orgUnits;
        this.schools = schools;
        this.years = years;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public OrgUnits.OrgUnit registerPhong(UUID soId, String code, String name) {
        List<InputError> errors = new ArrayList<>();
        var parent = orgUnits.find(soId).orElseThrow();
        if (parent.kind() != OrgUnits.Kind.SO) {
            errors.add(InputError.general("orgUnit.phongUnderSo"));
        }
        checkCodeAndName(code, name, errors);
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        var unit = orgUnits.register(OrgUnits.Kind.PHONG, soId, code.strip(), VietnameseText.clean(name));
        audit.record("org-unit.registered", soId, "org-unit", unit.id().toString(), Map.of("code", unit.code(), "name", unit.name()));
        return unit;
    }

    @Transactional
    public RegisteredSchool registerSchool(UUID parentId, NewSchool request) {
        List<InputError> errors = new ArrayList<>();
        var parent = orgUnits.find(parentId).orElseThrow();
        checkCodeAndName(request.code(), request.name(), errors);
        if (request.level() == null) {
            errors.add(InputError.field("level", "school.level.required"));
        } else if (parent.kind() == OrgUnits.Kind.SCHOOL
                || parent.kind() == OrgUnits.Kind.SO && request.level() != SchoolLevel.THPT && request.level() != SchoolLevel.LIEN_CAP) {
            // Kindergartens, primary and lower-secondary schools are managed by a Phòng.
            errors.add(InputError.field("level", "school.parentForLevel"));
        }
        if (request.ownership() == null) {
            errors.add(InputError.field("ownership", "school.ownership.required"));
        }
        boolean wantsPrincipal = request.principalUsername() != null && !request.principalUsername().isBlank();
        if (wantsPrincipal) {
            if (!request.principalUsername().strip().matches("[a-zA-Z0-9._-]{3,60}")) {
                errors.add(InputError.field("principalUsername", "account.username.format"));
            } else if (accounts.usernameTaken(request.principalUsername().strip())) {
                errors.add(InputError.field("principalUsername", "account.usernameTaken", request.principalUsername().strip()));
            }
            if (request.principalName() == null || request.principalName().isBlank()) {
                errors.add(InputError.field("principalName", "person.fullName.required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        var unit = orgUnits.register(OrgUnits.Kind.SCHOOL, parentId, request.code().strip(), VietnameseText.clean(request.name()));
        var school = new School(unit.id(), unit.code(), unit.name(), parentId, request.level(), request.ownership(),
                request.level().lowestGrade(), request.level().highestGrade(), request.address(), request.phone(), request.email());
        schools.add(school);
        audit.record("school.registered", unit.id(), "school", unit.id().toString(),
                Map.of("code", unit.code(), "name", unit.name(), "level", request.level().name()));
        String temporary = null;
        if (wantsPrincipal) {
            temporary = accounts.createWithTemporaryPassword(new Accounts.NewAccount(request.principalUsername().strip(),
                    VietnameseText.clean(request.principalName()), unit.id(), null, List.of(new RoleGrant(Role.PRINCIPAL, unit.id()))));
        }
        return new RegisteredSchool(school, wantsPrincipal ? request.principalUsername().strip() : null, temporary);
    }

    @Transactional
    public SchoolYear addYear(UUID schoolId, NewSchoolYear request) {
        List<InputError> errors = new ArrayList<>();
        if (request.startYear() == null || request.startYear() < 2000 || request.startYear() > 2100) {
            errors.add(InputError.field("startYear", "schoolYear.startYear.range"));
        }
        LocalDate[] dates = {request.startsOn(), request.semester1EndsOn(), request.semester2StartsOn(), request.endsOn()};
        String[] fields = {"startsOn", "semester1EndsOn", "semester2StartsOn", "endsOn"};
        boolean allDates = true;
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == null) {
                errors.add(InputError.field(fields[i], "schoolYear.date.required"));
                allDates = false;
            }
        }
        if (allDates) {
            for (int i = 1; i < dates.length; i++) {
                if (!dates[i].isAfter(dates[i - 1])) {
                    errors.add(InputError.field(fields[i], "schoolYear.date.order"));
                }
            }
            if (request.startYear() != null && request.startsOn().getYear() != request.startYear()) {
                errors.add(InputError.field("startsOn", "schoolYear.startsOn.year", request.startYear()));
            }
        }
        if (request.startYear() != null && years.ofSchool(schoolId).stream().anyMatch(y -> y.startYear() == request.startYear())) {
            errors.add(InputError.field("startYear", "schoolYear.exists", request.startYear() + "-" + (request.startYear() + 1)));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        var year = new SchoolYear(schoolId, Ids.newId(), request.startYear(), request.startsOn(), request.semester1EndsOn(),
                request.semester2StartsOn(), request.endsOn(), Boolean.TRUE.equals(request.current()));
        years.add(year);
        audit.record("school-year.added", schoolId, "school-year", year.id().toString(), Map.of("name", year.name(), "current", year.isCurrent()));
        return year;
    }

    private void checkCodeAndName(String code, String name, List<InputError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(InputError.field("code", "orgUnit.code.required"));
        } else if (!code.strip().matches("[A-Za-z0-9._-]{2,20}")) {
            errors.add(InputError.field("code", "orgUnit.code.format"));
        } else if (orgUnits.findByCode(code.strip()).isPresent()) {
            errors.add(InputError.field("code", "orgUnit.code.taken", code.strip()));
        }
        if (name == null || name.isBlank()) {
            errors.add(InputError.field("name", "orgUnit.name.required"));
        }
    }
}
