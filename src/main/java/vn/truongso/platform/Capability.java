package vn.truongso.platform;

import java.util.EnumSet;
import java.util.Set;

import static vn.truongso.platform.Role.*;

/**
 * What a user may do with a school's data. The one table that maps roles to capabilities lives here, so an
 * authorisation decision never depends on which controller asks.
 */
public enum Capability {
    /** Read the school's directory: classes, staff, students, guardians, assignments. */
    VIEW_DIRECTORY(EnumSet.of(SYSTEM_ADMIN, SO_OFFICER, PHONG_OFFICER, PRINCIPAL, VICE_PRINCIPAL, GROUP_HEAD, TEACHER, IT_STAFF)),
    /** Change the directory: import rosters, edit classes, record transfers. */
    MANAGE_DIRECTORY(EnumSet.of(SYSTEM_ADMIN, PRINCIPAL, VICE_PRINCIPAL, IT_STAFF)),
    /** Create accounts, reset passwords, unlock accounts. */
    MANAGE_ACCOUNTS(EnumSet.of(SYSTEM_ADMIN, PRINCIPAL, IT_STAFF)),
    /** Read the audit log of the unit. */
    VIEW_AUDIT(EnumSet.of(SYSTEM_ADMIN, SO_OFFICER, PHONG_OFFICER, PRINCIPAL, IT_STAFF)),
    /** Register Phòng and schools beneath one's unit, and create their first accounts. */
    MANAGE_ORG_UNITS(EnumSet.of(SYSTEM_ADMIN, SO_OFFICER, PHONG_OFFICER)),
    /** Edit national reference data such as the curriculum. */
    MANAGE_REFERENCE_DATA(EnumSet.of(SYSTEM_ADMIN, SO_OFFICER)),
    /** Read the school's question banks, search their questions and export them. */
    VIEW_QUESTION_BANKS(EnumSet.of(PRINCIPAL, VICE_PRINCIPAL, GROUP_HEAD, TEACHER)),
    /** Create, change and delete question banks and import questions into them. */
    MANAGE_QUESTION_BANKS(EnumSet.of(GROUP_HEAD, TEACHER)),
    /** Open the school's learning materials (students and officers only those published or shared to them). */
    VIEW_MATERIALS(EnumSet.of(SYSTEM_ADMIN, SO_OFFICER, PHONG_OFFICER, PRINCIPAL, VICE_PRINCIPAL, GROUP_HEAD, TEACHER, IT_STAFF, STUDENT)),
    /** See the school's materials in every state, drafts included. */
    VIEW_MATERIAL_DRAFTS(EnumSet.of(SYSTEM_ADMIN, PRINCIPAL, VICE_PRINCIPAL, GROUP_HEAD, TEACHER, IT_STAFF)),
    /** Build materials, upload their files, sit on an appraisal council, rate materials. */
    CONTRIBUTE_MATERIALS(EnumSet.of(PRINCIPAL, VICE_PRINCIPAL, GROUP_HEAD, TEACHER)),
    /** Start the appraisal of a submitted material (tổ trưởng chuyên môn). */
    APPRAISE_MATERIALS(EnumSet.of(GROUP_HEAD)),
    /** Approve, reject, publish, propose to the Phòng and archive materials; plan the work and set the rubric. */
    APPROVE_MATERIALS(EnumSet.of(PRINCIPAL, VICE_PRINCIPAL)),
    /** Appraise what schools propose to the Phòng, share it in the district, propose it to the Sở. */
    CURATE_DISTRICT_MATERIALS(EnumSet.of(PHONG_OFFICER)),
    /** Appraise what the Phòng propose to the Sở and share it in the city. */
    CURATE_CITY_MATERIALS(EnumSet.of(SO_OFFICER)),
    /** Import SCORM/cmi5 content packages into the school, list them and read their structure. */
    IMPORT_CONTENT_PACKAGES(EnumSet.of(SYSTEM_ADMIN, PRINCIPAL, VICE_PRINCIPAL, GROUP_HEAD, TEACHER, IT_STAFF)),
    /** Launch a content package in the player (tracking data is kept for the learner). */
    LAUNCH_CONTENT_PACKAGES(EnumSet.of(PRINCIPAL, VICE_PRINCIPAL, GROUP_HEAD, TEACHER, IT_STAFF, STUDENT)),
    /** Read every learner's tracking data of the school's content packages. */
    VIEW_CONTENT_PACKAGE_TRACKING(EnumSet.of(PRINCIPAL, VICE_PRINCIPAL, GROUP_HEAD, TEACHER)),
    /** Take the practice sets (bộ ôn tập) published to one's class, with feedback per question. */
    PRACTICE(EnumSet.of(STUDENT)),
    /** Create online test sessions, monitor them, grade essays, correct keys, extend time and read the results. */
    MANAGE_TESTS(EnumSet.of(PRINCIPAL, VICE_PRINCIPAL, GROUP_HEAD, TEACHER)),
    /** Take the online tests assigned to one's class (students). */
    TAKE_TESTS(EnumSet.of(STUDENT));

    private final Set<Role> roles;

    Capability(Set<Role> roles) {
        this.roles = roles;
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }
}
