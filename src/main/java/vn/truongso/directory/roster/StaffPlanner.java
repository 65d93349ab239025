package vn.truongso.directory.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import vn.truongso.directory.domain.StaffMember;
import vn.truongso.directory.domain.SubjectGroup;
import vn.truongso.directory.domain.SubjectGroups;
import vn.truongso.platform.Ids;
import vn.truongso.platform.Role;

import static vn.truongso.directory.roster.RosterColumn.Staff.*;

/**
 * Plans the "Cán bộ" sheet. A row is the staff member with its Mã cán bộ, else with its e-mail, else the only one
 * with exactly that name; otherwise it is a new person. Blank cells keep what the directory has.
 */
final class StaffPlanner {

    private static final RosterSheet SHEET = RosterSheet.STAFF;

    private final PlanContext ctx;
    private final Map<String, StaffMember> byCode;
    private final Map<String, StaffMember> byEmail;
    private final Map<String, List<StaffMember>> byName;
    private final Map<String, SubjectGroups.SubjectGroupSummary> groups;
    private final Map<String, SubjectGroup> newGroups = new HashMap<>();
    /** Every staff member after the import, by id. */
    private final Map<UUID, StaffMember> after = new LinkedHashMap<>();
    private final Map<UUID, Integer> rowOf = new HashMap<>();

    StaffPlanner(PlanContext ctx) {
        this.ctx = ctx;
        this.byCode = ctx.snapshot.staffByCode();
        this.byEmail = ctx.snapshot.staffByEmail();
        this.byName = ctx.snapshot.staffByName();
        this.groups = ctx.snapshot.groupsByName();
        ctx.snapshot.staff().forEach(s -> after.put(s.id(), s));
    }

    void plan(List<ParsedRoster.StaffRow> rows) {
        for (var row : rows) {
            plan(row);
        }
        checkEmailsUnique();
        ctx.teachers = new TeacherDirectory(after.values());
    }

    private void plan(ParsedRoster.StaffRow row) {
        StaffMember existing = match(row);
        if (existing != null) {
            Integer earlier = rowOf.putIfAbsent(existing.id(), row.row());
            if (earlier != null) {
                ctx.error(SHEET, row.row(), NAME, "roster.staff.matchedTwice", existing.fullName(), earlier);
                return;
            }
        }
        UUID groupId = row.group() != null ? group(row.group()) : existing == null ? null : existing.subjectGroupId();
        UUID id = existing == null ? Ids.newId() : existing.id();
        var member = new StaffMember(ctx.schoolId(), id, sameIgnoringCase(row.code(), existing == null ? null : existing.staffCode()),
                or(row.fullName(), existing == null ? null : existing.fullName()), or(row.birthDate(), existing == null ? null : existing.birthDate()),
                or(row.sex(), existing == null ? null : existing.sex()), or(row.citizenId(), existing == null ? null : existing.citizenId()),
                or(row.position(), existing == null ? null : existing.position()), groupId,
                sameIgnoringCase(row.email(), existing == null ? null : existing.email()), or(row.phone(), existing == null ? null : existing.phone()),
                existing == null || existing.active());
        var diff = new FieldDiff();
        if (existing != null) {
            diff.compare(CODE, existing.staffCode(), member.staffCode()).compare(NAME, existing.fullName(), member.fullName())
                    .compare(BIRTH_DATE, existing.birthDate(), member.birthDate()).compare(SEX, existing.sex(), member.sex())
                    .compare(CITIZEN_ID, existing.citizenId(), member.citizenId()).compare(POSITION, existing.position(), member.position())
                    .compare(GROUP, groupName(existing.subjectGroupId()), groupName(member.subjectGroupId()))
                    .compare(EMAIL, existing.email(), member.email()).compare(PHONE, existing.phone(), member.phone());
        }
        if (row.head() && groupId != null && !id.equals(currentHead(groupId))) {
            diff.compare(GROUP_HEAD, false, true);
            ctx.plan.heads.add(new RosterPlan.GroupHead(groupId, id));
        }
        rowOf.putIfAbsent(id, row.row());
        after.put(id, member);
        ctx.row(SHEET, row.row(), key(member), member.fullName(), existing == null, diff);
        if (member.fullName() == null || member.position() == null) {
            return;
        }
        if (existing == null) {
            ctx.plan.newStaff.add(member);
            Role role = member.position().role();
            if (role != null) {
                List<Role> roles = new ArrayList<>(List.of(role));
                if (row.head()) {
                    roles.add(Role.GROUP_HEAD);
                }
                ctx.plan.accounts.add(new RosterPlan.AccountRequest(RosterPlan.AccountRequest.Kind.STAFF, id, member.fullName(), roles,
                        member.email(), Labels.position(member.position()) + (groupId == null ? "" : " – " + groupName(groupId))));
            }
        } else if (!diff.isEmpty()) {
            ctx.plan.changedStaff.add(member);
        }
    }

    /** Code first, then e-mail, then a name only one staff member has; a match must not contradict a given code. */
    private StaffMember match(ParsedRoster.StaffRow row) {
        if (row.code() != null) {
            StaffMember byThisCode = byCode.get(row.code().toUpperCase(Locale.ROOT));
            if (byThisCode != null) {
                return byThisCode;
            }
        }
        StaffMember found = null;
        if (row.email() != null) {
            found = byEmail.get(row.email());
        }
        if (found == null && row.fullName() != null) {
            List<StaffMember> sameName = byName.getOrDefault(DirectorySnapshot.nameKey(row.fullName()), List.of()).stream()
                    .filter(s -> row.email() == null || s.email() == null).toList();
            if (sameName.size() > 1) {
                ctx.error(SHEET, row.row(), NAME, "roster.staff.ambiguousName", row.fullName(), sameName.size());
                return null;
            }
            found = sameName.isEmpty() ? null : sameName.getFirst();
        }
        if (found != null && row.code() != null && found.staffCode() != null) {
            ctx.error(SHEET, row.row(), CODE, "roster.staff.codeConflict", row.code(), found.fullName(), found.staffCode());
            return null;
        }
        return found;
    }

    private UUID group(String name) {
        String key = DirectorySnapshot.nameKey(name);
        var existing = groups.get(key);
        if (existing != null) {
            return existing.id();
        }
        return newGroups.computeIfAbsent(key, k -> {
            var group = new SubjectGroup(ctx.schoolId(), Ids.newId(), name, null);
            ctx.plan.newGroups.add(group);
            return group;
        }).id();
    }

    private String groupName(UUID groupId) {
        if (groupId == null) {
            return null;
        }
        return groups.values().stream().filter(g -> g.id().equals(groupId)).map(SubjectGroups.SubjectGroupSummary::name).findFirst()
                .orElseGet(() -> newGroups.values().stream().filter(g -> g.id().equals(groupId)).map(SubjectGroup::name).findFirst().orElse(null));
    }

    private UUID currentHead(UUID groupId) {
        return groups.values().stream().filter(g -> g.id().equals(groupId)).map(SubjectGroups.SubjectGroupSummary::headStaffId).findFirst()
                .orElse(null);
    }

    /** An e-mail may belong to one staff member of the school only (the database enforces it too). */
    private void checkEmailsUnique() {
        Map<String, UUID> owner = new HashMap<>();
        for (StaffMember member : after.values()) {
            if (member.email() == null) {
                continue;
            }
            UUID other = owner.putIfAbsent(member.email().toLowerCase(Locale.ROOT), member.id());
            if (other != null) {
                Integer row = rowOf.get(member.id()) != null ? rowOf.get(member.id()) : rowOf.get(other);
                UUID inFile = rowOf.get(member.id()) != null ? other : member.id();
                if (row != null) {
                    ctx.error(SHEET, row, EMAIL, "roster.staff.emailTaken", member.email(), after.get(inFile).fullName());
                }
            }
        }
    }

    private static String key(StaffMember member) {
        return member.staffCode() != null ? member.staffCode() : member.email() != null ? member.email() : member.fullName();
    }

    /** The file's value, but the directory's spelling when they differ only in case (codes and e-mails). */
    private static String sameIgnoringCase(String fromFile, String existing) {
        if (fromFile == null) {
            return existing;
        }
        return existing != null && existing.equalsIgnoreCase(fromFile) ? existing : fromFile;
    }

    private static <T> T or(T fromFile, T existing) {
        return fromFile != null ? fromFile : existing;
    }
}
