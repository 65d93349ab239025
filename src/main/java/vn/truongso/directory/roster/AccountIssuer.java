package vn.truongso.directory.roster;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.RoleGrant;
import vn.truongso.platform.VietnameseText;

/**
 * Creates the accounts of the people a roster import adds, each with a random temporary password the user must change
 * at first sign-in. Usernames: staff get the local part of their e-mail when it is free, else their folded name and a
 * number ("nguyenthilan1"); students their learner code; parents their phone number, else "ph" and the number.
 */
@Component
class AccountIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O or 1/l/I: temporary passwords are read aloud and copied from paper. */
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final int PASSWORD_LENGTH = 12;

    private final Accounts accounts;

    AccountIssuer(Accounts accounts) {
        this.accounts = accounts;
    }

    List<RosterCommitResult.Credential> issue(UUID schoolId, List<RosterPlan.AccountRequest> requests, java.util.Map<UUID, List<String>> children) {
        Set<String> used = new HashSet<>();
        List<RosterCommitResult.Credential> issued = new ArrayList<>();
        for (var request : requests) {
            String username = username(request, used);
            String password = temporaryPassword();
            List<RoleGrant> grants = request.roles().stream().map(role -> new RoleGrant(role, schoolId)).toList();
            accounts.create(new Accounts.NewAccount(username, request.displayName(), schoolId, request.personId(), grants), password, true);
            String note = request.kind() == RosterPlan.AccountRequest.Kind.GUARDIAN
                    ? "Phụ huynh của " + String.join(", ", children.getOrDefault(request.personId(), List.of()))
                    : request.note();
            issued.add(new RosterCommitResult.Credential(username, request.displayName(), request.roles().getFirst(),
                    String.join(", ", request.roles().stream().map(Labels::role).toList()), note, password));
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

    /** 12 characters with letters and at least two digits: about 68 bits, and within the platform's password policy. */
    static String temporaryPassword() {
        char[] password = new char[PASSWORD_LENGTH];
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            String from = i < 2 ? DIGITS : LETTERS + DIGITS;
            password[i] = from.charAt(RANDOM.nextInt(from.length()));
        }
        for (int i = PASSWORD_LENGTH - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char swap = password[i];
            password[i] = password[j];
            password[j] = swap;
        }
        if (new String(password).chars().noneMatch(Character::isLetter)) {
            password[0] = LETTERS.charAt(RANDOM.nextInt(LETTERS.length()));
        }
        return new String(password);
    }
}
