package vn.truongso.directory.api;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.truongso.directory.domain.School;
import vn.truongso.directory.domain.SchoolAccess;
import vn.truongso.directory.domain.SchoolRegistry;
import vn.truongso.directory.domain.SchoolYear;
import vn.truongso.directory.domain.Schools;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.OrgUnits;

/** The sector's units: officers register Phòng and schools beneath their own unit; principals add school years. */
@RestController
@Tag(name = "Org units", description = "Sở, Phòng and schools; school years")
class OrgUnitApi {

    private final AccessPolicy access;
    private final SchoolAccess schoolAccess;
    private final SchoolRegistry registry;
    private final OrgUnits orgUnits;
    private final Schools schools;

    OrgUnitApi(AccessPolicy access, SchoolAccess schoolAccess, SchoolRegistry registry, OrgUnits orgUnits, Schools schools) {
        this.access = access;
        this.schoolAccess = schoolAccess;
        this.registry = registry;
        this.orgUnits = orgUnits;
        this.schools = schools;
    }

    @GetMapping("/api/v1/org-units/{unitId}/schools")
    @Operation(summary = "The schools beneath a Sở or Phòng (officers of that unit or above)")
    List<School> schools(CurrentUser user, @PathVariable UUID unitId) {
        access.requireAtUnit(user, unitId, Capability.VIEW_DIRECTORY);
        return schools.all(orgUnits.schoolsUnder(unitId).stream().map(OrgUnits.OrgUnit::id).toList());
    }

    record NewPhong(String code, String name) {
    }

    @PostMapping("/api/v1/org-units/{soId}/phong")
    @ResponseStatus(HttpStatus.CREATED)
    OrgUnits.OrgUnit registerPhong(CurrentUser user, @PathVariable UUID soId, @RequestBody NewPhong request) {
        access.requireAtUnit(user, soId, Capability.MANAGE_ORG_UNITS);
        return registry.registerPhong(soId, request.code(), request.name());
    }

    @PostMapping("/api/v1/org-units/{parentId}/schools")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a school under a Phòng (or a THPT under the Sở), optionally with its principal's account")
    SchoolRegistry.RegisteredSchool registerSchool(CurrentUser user, @PathVariable UUID parentId,
            @RequestBody SchoolRegistry.NewSchool request) {
        access.requireAtUnit(user, parentId, Capability.MANAGE_ORG_UNITS);
        return registry.registerSchool(parentId, request);
    }

    @PostMapping("/api/v1/schools/{schoolId}/years")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a school year with its two semesters")
    SchoolYear addYear(CurrentUser user, @PathVariable UUID schoolId, @RequestBody SchoolRegistry.NewSchoolYear request) {
        schoolAccess.require(user, schoolId, Capability.MANAGE_DIRECTORY);
        return registry.addYear(schoolId, request);
    }
}
