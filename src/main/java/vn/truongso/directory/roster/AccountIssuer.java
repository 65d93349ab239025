package vn.truongso.directory.roster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.RoleGrant;
import vn.truongso.platform.VietnameseText;

/**
 * Creates the accounts of the people a roster import adds, in one batch, each with a random temporary password (made by
 * the platform) that the user must change at first sign-in. Usernames: staff get the local part of their e-mail when it
 * is free, else their folded name and a number ("nguyenthilan1"); students their learner code; parents their phone
 * number, else "ph" and the number.
 */
@Component
class AccountIssuer {

    private final Accounts accounts;

    AccountIssuer(Accounts accounts) {
        this.accounts = accounts;
    }

    List<RosterCommitResult.Credential> issue(UUID schoolId, List<RosterPlan.AccountRequest> requests, Map<UUID, List<String>> children) {
        Set<String> used = new HashSet<>();
        List<Accounts.NewAccount> accounts = new ArrayList<>();
        for (var request : requests) {
            List<RoleGrant> grants = request.roles().stream().map(role -> new RoleGrant(role, schoolId)).toList();
            accounts.add(new Accounts.NewAccount(username(request, used), request.displayName(), schoolId, request.personId(), grants));
        }
        List<Accounts.IssuedAccount> created = accounts.isEmpty() ? List.of() : this.accounts.createWithTemporaryPasswords(accounts);
        List<RosterCommitResult.Credential> issued = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            var request = requests.get(i);
            String note = request.kind() == RosterPlan.AccountRequest.Kind.GUARDIAN
                    ? "Phụ huynh của " + String.join(", ", children.getOrDefault(request.personId(), List.of()))
                    : request.note();
            issued.add(new RosterCommitResult.Credential(created.get(i).username(), request.displayName(), request.roles().getFirst(),
                    String.join(", ", request.roles().stream().map(Labels::role).toList()), note, created.get(i).temporaryPassword()));
        }
        return issued;
    }

    private String username(RosterPlan.AccountRequest request, Set<String> used) {
        return switch (request.kind()) {
            case STAFF -> {
                String local = request.preferredUsername() == null ? ""
                        : request.preferredUsername().substring(0, request.preferredUsername().indexOf('@')).toLowerCase(Locale.ROOT)
                                .replaceAll("[^a-z0-9._-]", "");
                if (local.length() >= 3 && free(local, used)) {
                    yield claim(local, used);
                }
                yield numbered(VietnameseText.fold(request.displayName()).replaceAll("[^a-z0-9]", ""), used);
            }
            case STUDENT -> {
                String code = request.preferredUsername().toLowerCase(Locale.ROOT);
                yield free(code, used) ? claim(code, used) : numbered("hs" + code, used);
            }
            case GUARDIAN -> {
                String phone = request.preferredUsername();
                if (free(phone, used)) {
                    yield claim(phone, used);
                }
                yield free("ph" + phone, used) ? claim("ph" + phone, used) : numbered("ph" + phone + "-", used);
            }
        };
    }

    /** base1, base2, … : the first one nobody has. */
    private String numbered(String base, Set<String> used) {
        String stem = base.isEmpty() ? "user" : base;
        for (int n = 1; ; n++) {
            String candidate = stem + n;
            if (free(candidate, used)) {
                return claim(candidate, used);
            }
        }
    }

    private boolean free(String username, Set<String> used) {
        return !used.contains(username.toLowerCase(Locale.ROOT)) && !accounts.usernameTaken(username);
    }

    private static String claim(String username, Set<String> used) {
        used.add(username.toLowerCase(Locale.ROOT));
        return username;
    }
}
