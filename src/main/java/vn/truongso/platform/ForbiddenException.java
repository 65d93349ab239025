package vn.truongso.platform;

/** The user may see the tenant but her role does not allow this action: answers 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String what) {
        super(what);
    }
}
