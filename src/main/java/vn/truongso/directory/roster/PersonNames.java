package vn.truongso.directory.roster;

/** The rule every person's name in a roster follows, the same as the student forms use. */
final class PersonNames {

    static final int MAX_LENGTH = 100;

    private PersonNames() {
    }

    static boolean valid(String fullName) {
        return fullName != null && fullName.length() <= MAX_LENGTH && fullName.matches("[\\p{L}\\p{M} .'-]+");
    }
}
