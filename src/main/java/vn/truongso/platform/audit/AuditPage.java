package vn.truongso.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.OrgUnits;

/** Nhật ký: a school's audit log, newest first, a page at a time. */
@Controller
class AuditPage {

    static final int PAGE_SIZE = 50;

    public record Entry(long id, OffsetDateTime occurredAt, String actorName, String action, String subjectType, String subjectId,
            String detail, String clientAddress) {
    }

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final OrgUnits orgUnits;

    AuditPage(JdbcClient jdbc, AccessPolicy access, OrgUnits orgUnits) {
        this.jdbc = jdbc;
        this.access = access;
        this.orgUnits = orgUnits;
    }

    @GetMapping("/schools/{schoolId}/audit")
    String audit(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(defaultValue = "0") int page, Model model) {
        access.require(user, schoolId, Capability.VIEW_AUDIT);
        int current = Math.max(page, 0);
        // One row more than shown tells whether a next page exists without counting a log that only grows.
        List<Entry> rows = jdbc.sql("""
                SELECT id, occurred_at, actor_name, action, subject_type, subject_id, detail::text AS detail, client_address
                FROM audit_event WHERE org_unit_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(schoolId, PAGE_SIZE + 1, (long) current * PAGE_SIZE).query(Entry.class).list();
        model.addAttribute("school", orgUnits.find(schoolId).orElseThrow(() -> new NotFoundException("school " + schoolId)));
        model.addAttribute("entries", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
        model.addAttribute("page", current);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        return "admin/audit";
    }
}
