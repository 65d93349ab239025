package vn.truongso.platform;

import java.util.List;

/** Input that cannot be accepted; nothing was changed. Answers 400 (or 422 for a file) with every error listed. */
public class BadInputException extends RuntimeException {

    private final List<InputError> errors;

    public BadInputException(List<InputError> errors) {
        super(errors.toString());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a bad-input exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public BadInputException(InputError error) {
        this(List.of(error));
    }

    public List<InputError> errors() {
        return errors;
    }
}
