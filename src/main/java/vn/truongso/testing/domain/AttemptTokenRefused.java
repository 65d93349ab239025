package vn.truongso.testing.domain;

/** The attempt token is missing, forged or expired: answers 401. */
public class AttemptTokenRefused extends RuntimeException {

    public AttemptTokenRefused(String why) {
        super(why);
    }
}
