package vn.truongso.testing.domain;

/** A request the state of the test does not allow (time is up, already submitted, no attempts left): answers 409. */
public class TestingConflict extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public TestingConflict(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
