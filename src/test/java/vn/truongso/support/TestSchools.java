package vn.truongso.support;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;

/**
 * Builds isolated test tenants in the real database: a Phòng with a school (and a second, unrelated Phòng and school),
 * a current school year, a class, and one account with an API token for every role.
 */
@TestComponent
public class TestSchools {

    public static final String PASSWORD = "Test-password-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final OrgUnits orgUnits;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    TestSchools(OrgUnits orgUnits, Accounts accounts, JdbcClient jdbc, TransactionTemplate transaction) {
        this.orgUnits = orgUnits;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** A school with its Phòng and Sở, its current year, one class "6A1", and accounts for every role. */
    public record TestSchool(UUID soId, UUID phongId, UUID schoolId, UUID yearId, UUID classId, Map<Role, String> usernames,
            Map<Role, String> tokens, Map<Role, UUID> accountIds) {

        public String bearer(Role role) {
            return "Bearer " + tokens.get(role);
        }
    }

    public TestSchool create() {
        return transaction.execute(status -> build());
    }

    private TestSchool build() {
        int n = SEQUENCE.incrementAndGet();
        String suffix = n + "-" + UUID.randomUUID().toString().substring(0, 6);
        var so = orgUnits.register(OrgUnits.Kind.SO, null, "T-SO-" + suffix, "Sở thử nghiệm " + suffix);
        var phong = orgUnits.register(OrgUnits.Kind.PHONG, so.id(), "T-P-" + suffix, "Phòng thử nghiệm " + suffix);
        var school = orgUnits.register(OrgUnits.Kind.SCHOOL, phong.id(), "T-S-" + suffix, "Trường THCS Thử Nghiệm " + suffix);
        jdbc.sql("INSERT INTO school (school_id, level, ownership, lowest_grade, highest_grade) VALUES (?, 'THCS', 'PUBLIC', 6, 9)")
                .param(school.id()).update();
        UUID yearId = Ids.newId();
        jdbc.sql("""
                INSERT INTO school_year (school_id, id, start_year, starts_on, semester1_ends_on, semester2_starts_on, ends_on, is_current)
                VALUES (?, ?, 2026, ?, ?, ?, ?, true)""")
                .params(school.id(), yearId, LocalDate.of(2026, 9, 5), LocalDate.of(2027, 1, 16), LocalDate.of(2027, 1, 18),
                        LocalDate.of(2027, 5, 31))
                .update();
        UUID teacherStaffId = Ids.newId();
        jdbc.sql("""
                INSERT INTO staff (school_id, id, full_name, given_name, name_folded, position) VALUES (?, ?, 'Phạm Thị Giáo', 'Giáo',
                'pham thi giao', 'TEACHER')""").params(school.id(), teacherStaffId).update();
        UUID classId = Ids.newId();
        jdbc.sql("INSERT INTO school_class (school_id, id, school_year_id, grade, name, homeroom_staff_id) VALUES (?, ?, ?, 6, '6A1', ?)")
                .params(school.id(), classId, yearId, teacherStaffId).update();

        Map<Role, String> usernames = new EnumMap<>(Role.class);
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        Map<Role, UUID> ids = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            UUID unit = switch (role) {
                case SYSTEM_ADMIN, SO_OFFICER -> so.id();
                case PHONG_OFFICER -> phong.id();
                default -> school.id();
            };
            String username = role.name().toLowerCase().replace('_', '.') + "." + suffix;
            UUID person = role == Role.TEACHER ? teacherStaffId : null;
            UUID accountId = accounts.create(new Accounts.NewAccount(username, "Người dùng " + role, unit, person,
                    List.of(new RoleGrant(role, unit))), PASSWORD, false);
            usernames.put(role, username);
            ids.put(role, accountId);
            tokens.put(role, issueToken(accountId));
        }
        return new TestSchool(so.id(), phong.id(), school.id(), yearId, classId, usernames, tokens, ids);
    }

    private String issueToken(UUID accountId) {
        var summary = accounts.find(accountId).orElseThrow();
        var user = new CurrentUser(summary.id(), summary.username(), summary.displayName(), summary.homeOrgId(), summary.personId(), "vi",
                summary.grants());
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return accounts.issueApiToken(user, "test", 30);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
