package vn.truongso.testing.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.truongso.platform.web.BilingualMessages;
import vn.truongso.testing.domain.AttemptTokenRefused;
import vn.truongso.testing.domain.TestingConflict;

/** The testing API's own refusals as bilingual problems: 409 for what the test's state forbids, 401 for a bad attempt token. */
@RestControllerAdvice(basePackageClasses = TestingProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TestingProblems {

    private final BilingualMessages messages;

    TestingProblems(BilingualMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TestingConflict.class)
    ProblemDetail conflict(TestingConflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.vi(e.code(), e.args()));
        problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
        problem.setProperty("detailEn", messages.en(e.code(), e.args()));
        problem.setProperty("code", e.code());
        return problem;
    }

    @ExceptionHandler(AttemptTokenRefused.class)
    ProblemDetail token(AttemptTokenRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, messages.vi("testing.token.refused"));
        problem.setTitle(HttpStatus.UNAUTHORIZED.getReasonPhrase());
        problem.setProperty("detailEn", messages.en("testing.token.refused"));
        problem.setProperty("code", "testing.token.refused");
        return problem;
    }
}
