package vn.truongso.platform.security;

import java.util.ArrayList;
import java.util.List;

import vn.truongso.platform.InputError;

/** At least 10 characters with letters and digits, and not the user name: strong enough, short enough to type on a phone. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    static List<InputError> check(String username, String password) {
        List<InputError> errors = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            errors.add(InputError.field("newPassword", "password.tooShort", MIN_LENGTH));
        } else {
            if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
                errors.add(InputError.field("newPassword", "password.needsLettersAndDigits"));
            }
            if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
                errors.add(InputError.field("newPassword", "password.containsUsername"));
            }
        }
        return errors;
    }
}
