package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;

@IntegrationTest
class AccountBatchTest {

    @Autowired
    Accounts accounts;
    @Autowired
    TestSchools testSchools;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchGivesEveryoneATemporaryPasswordToChangeAtFirstSignIn() throws Exception {
        var school = testSchools.create();
        String prefix = "batch" + System.nanoTime() % 1_000_000 + ".";
        List<Accounts.NewAccount> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(new Accounts.NewAccount(prefix + i, "Học sinh " + i, school.schoolId(), null,
                    List.of(new RoleGrant(Role.STUDENT, school.schoolId()))));
        }
        var issued = accounts.createWithTemporaryPasswords(batch);
        assertThat(issued).hasSize(50).extracting(Accounts.IssuedAccount::temporaryPassword).doesNotHaveDuplicates()
                .allSatisfy(password -> assertThat(password).hasSize(12).containsPattern("[0-9]"));
        mvc.perform(formLogin("/login").user(prefix + 7).password(issued.get(7).temporaryPassword())).andExpect(redirectedUrl("/account/password"));
        mvc.perform(formLogin("/login").user(prefix + 8).password(issued.get(7).temporaryPassword())).andExpect(redirectedUrl("/login?error"));
        // Generated passwords get a fast salted hash (their randomness protects them); chosen ones get bcrypt.
        assertThat(jdbc.sql("SELECT password_hash FROM user_account WHERE username = ?").param(prefix + 7).query(String.class).single())
                .startsWith("{pbkdf2-temporary}");
    }

    @Test
    void findsWhichNamesAreTakenInOneLookup() {
        var school = testSchools.create();
        String teacher = school.usernames().get(Role.TEACHER);
        String principal = school.usernames().get(Role.PRINCIPAL);
        assertThat(accounts.takenUsernames(List.of(teacher.toUpperCase(), principal, "nobody" + System.nanoTime())))
                .containsExactlyInAnyOrder(teacher.toLowerCase(), principal.toLowerCase());
        assertThat(accounts.takenUsernames(List.of())).isEmpty();
    }

    @Test
    void aTakenUserNameRefusesTheWholeBatch() {
        var school = testSchools.create();
        String taken = school.usernames().get(Role.TEACHER);
        var fresh = new Accounts.NewAccount("fresh" + System.nanoTime(), "A", school.schoolId(), null, List.of());
        var clash = new Accounts.NewAccount(taken.toUpperCase(), "B", school.schoolId(), null, List.of());
        assertThatThrownBy(() -> accounts.createWithTemporaryPasswords(List.of(fresh, clash))).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(accounts.usernameTaken(fresh.username())).isFalse();
    }
}
