package vn.truongso.materials.domain;

import java.util.Arrays;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A move the workflow does not allow from the material's present state, or by this user (only the author submits,
 * only a named appraiser appraises). Nothing was changed. Answers 409 with the reason in Vietnamese and English.
 */
public class WorkflowException extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public WorkflowException(String code, Object... args) {
        super(code + Arrays.toString(args));
        this.code = code;
        this.args = args;
    }

    /** An illegal move: "cannot {action} while the version is {state}". */
    static WorkflowException illegal(Action action, Enum<?> state) {
        return new WorkflowException("materials.workflow.illegal", label("materials.action." + action.name()),
                label((state instanceof vn.truongso.materials.Reach ? "materials.reach." : "materials.status.") + state.name()));
    }

    static DefaultMessageSourceResolvable label(String code) {
        return new DefaultMessageSourceResolvable(new String[] {code}, code);
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
