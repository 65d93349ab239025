package vn.truongso.materials.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

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

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrent(OptimisticLockingFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.vi("materials.error.concurrent"));
        problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
        problem.setProperty("detailEn", messages.en("materials.error.concurrent"));
        return problem;
    }
}
