package vn.truongso.materials.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.truongso.materials.domain.EditConflictException;
import vn.truongso.materials.domain.WorkflowException;
import vn.truongso.platform.web.BilingualMessages;

/** A move the workflow refuses answers 409 with the reason in Vietnamese ({@code detail}) and English ({@code detailEn}). */
@RestControllerAdvice(assignableTypes = MaterialsApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MaterialsApiErrors {

    private final BilingualMessages messages;

    MaterialsApiErrors(BilingualMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(WorkflowException.class)
    ProblemDetail refused(WorkflowException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.vi(e.code(), e.args()));
        problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
        problem.setProperty("code", e.code());
        problem.setProperty("detailEn", messages.en(e.code(), e.args()));
        return problem;
    }

    /** A save based on an older state: 412 when the client sent If-Match, 409 for a stale rowVersion in the body. */
    @ExceptionHandler(EditConflictException.class)
    ProblemDetail editConflict(EditConflictException e, jakarta.servlet.http.HttpServletRequest request) {
        HttpStatus status = request.getHeader("If-Match") != null ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.describe(messages, BilingualMessages.VIETNAMESE));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", "materials.error.editConflict");
        problem.setProperty("detailEn", e.describe(messages, java.util.Locale.ENGLISH));
        problem.setProperty("expectedRowVersion", e.expected());
        problem.setProperty("currentRowVersion", e.current());
        problem.setProperty("changes", e.changes());
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrent(OptimisticLockingFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.vi("materials.error.concurrent"));
        problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
        problem.setProperty("detailEn", messages.en("materials.error.concurrent"));
        return problem;
    }
}
