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
        // Names already taken in the database are looked up in one query for the preferred names; only the rare
        // numbered fallbacks (a second "nguyenvanan") are checked one at a time.
        List<String> preferred = preferredNames(requests);
        UsernamePool pool = new UsernamePool(preferred, this.accounts.takenUsernames(preferred));
        List<Accounts.NewAccount> accounts = new ArrayList<>();
        for (var request : requests) {
            List<RoleGrant> grants = request.roles().stream().map(role -> new RoleGrant(role, schoolId)).toList();
            accounts.add(new Accounts.NewAccount(username(request, pool), request.displayName(), schoolId, request.personId(), grants));
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

    private String username(RosterPlan.AccountRequest request, UsernamePool pool) {
        return switch (request.kind()) {
            case STAFF -> {
                String local = request.preferredUsername() == null ? "" : staffLocalPart(request.preferredUsername());
                if (local.length() >= 3 && pool.free(local)) {
                    yield pool.claim(local);
                }
                yield numbered(VietnameseText.fold(request.displayName()).replaceAll("[^a-z0-9]", ""), pool);
            }
            case STUDENT -> {
                String code = request.preferredUsername();
                yield pool.free(code) ? pool.claim(code) : numbered("hs" + code.toLowerCase(Locale.ROOT) + "-", pool);
            }
            case GUARDIAN -> {
                String phone = request.preferredUsername();
                if (pool.free(phone)) {
                    yield pool.claim(phone);
                }
                yield pool.free("ph" + phone) ? pool.claim("ph" + phone) : numbered("ph" + phone + "-", pool);
            }
        };
    }

    /** A teacher's user name is the local part of her e-mail address. */
    private static String staffLocalPart(String email) {
        return email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
    }

    private static List<String> preferredNames(List<RosterPlan.AccountRequest> requests) {
        List<String> names = new ArrayList<>();
        for (var request : requests) {
            String preferred = request.preferredUsername();
            if (preferred == null) {
                continue;
            }
            switch (request.kind()) {
                case STAFF -> names.add(staffLocalPart(preferred));
                case STUDENT -> names.add(preferred);
                case GUARDIAN -> {
                    names.add(preferred);
                    names.add("ph" + preferred);
                }
            }
        }
        return names;
    }

    /** base1, base2, … : the first one nobody has. */
    private String numbered(String base, UsernamePool pool) {
        String stem = base.isEmpty() ? "user" : base;
        for (int n = 1; ; n++) {
            String candidate = stem + n;
            if (pool.free(candidate)) {
                return pool.claim(candidate);
            }
        }
    }

    /** The user names taken in the database or handed out in this import, checking the database once per name. */
    private final class UsernamePool {
        private final Set<String> taken = new HashSet<>();
        private final Set<String> known = new HashSet<>();

        UsernamePool(List<String> lookedUp, Set<String> takenOfThose) {
            lookedUp.forEach(name -> known.add(name.toLowerCase(Locale.ROOT)));
            taken.addAll(takenOfThose);
        }

        boolean free(String username) {
            String key = username.toLowerCase(Locale.ROOT);
            if (known.add(key) && accounts.usernameTaken(username)) {
                taken.add(key);
            }
            return !taken.contains(key);
        }

        String claim(String username) {
            taken.add(username.toLowerCase(Locale.ROOT));
            return username;
        }
    }
}
