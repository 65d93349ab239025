package vn.truongso.directory.roster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import vn.truongso.directory.domain.StaffMember;

/**
 * The staff as they will be after the import (the directory's, updated and added to by the "Cán bộ" sheet), for the
 * cells that name a teacher: by e-mail, by Mã cán bộ, or by a full name that only one person in the school has.
 */
final class TeacherDirectory {

    /** A resolved reference: the staff id, or the message code of why it could not be resolved. */
    record Resolution(UUID staffId, String problem, int candidates) {
    }

    private final Map<UUID, StaffMember> byId = new HashMap<>();
    private final Map<String, List<UUID>> byEmail = new HashMap<>();
    private final Map<String, List<UUID>> byCode = new HashMap<>();
    private final Map<String, List<UUID>> byName = new HashMap<>();

    TeacherDirectory(Collection<StaffMember> staff) {
        for (StaffMember member : staff) {
            byId.put(member.id(), member);
            if (member.email() != null) {
                byEmail.computeIfAbsent(member.email().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(member.id());
            }
            if (member.staffCode() != null) {
                byCode.computeIfAbsent(member.staffCode().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(member.id());
            }
            byName.computeIfAbsent(DirectorySnapshot.nameKey(member.fullName()), k -> new ArrayList<>()).add(member.id());
        }
    }

    Resolution resolve(String reference) {
        String ref = reference.strip();
        if (ref.contains("@")) {
            return single(byEmail.get(ref.replace(" ", "").toLowerCase(Locale.ROOT)));
        }
        List<UUID> code = byCode.get(ref.replace(" ", "").toUpperCase(Locale.ROOT));
        if (code != null && code.size() == 1) {
            return single(code);
        }
        return single(byName.get(DirectorySnapshot.nameKey(ref)));
    }

    String name(UUID staffId) {
        StaffMember member = staffId == null ? null : byId.get(staffId);
        return member == null ? null : member.fullName();
    }

    /** How the export names a teacher so that the import finds her again: e-mail, else code, else her (unique) name. */
    String reference(UUID staffId) {
        StaffMember member = byId.get(staffId);
        if (member == null) {
            return null;
        }
        if (member.email() != null && byEmail.get(member.email().toLowerCase(Locale.ROOT)).size() == 1) {
            return member.email();
        }
        if (member.staffCode() != null && byCode.get(member.staffCode().toUpperCase(Locale.ROOT)).size() == 1) {
            return member.staffCode();
        }
        return member.fullName();
    }

    private static Resolution single(List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return new Resolution(null, "roster.teacher.unknown", 0);
        }
        if (ids.size() > 1) {
            return new Resolution(null, "roster.teacher.ambiguous", ids.size());
        }
        return new Resolution(ids.getFirst(), null, 1);
    }
}
