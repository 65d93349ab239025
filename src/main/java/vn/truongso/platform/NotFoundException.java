package vn.truongso.platform;

/**
 * The requested row does not exist, or belongs to a tenant the user cannot see: both answer 404, so that a
 * user of one school cannot even learn whether another school's row exists.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
