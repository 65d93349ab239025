package vn.truongso.platform.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import vn.truongso.platform.BadInputException;
import vn.truongso.platform.ForbiddenException;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;

/**
 * Every error of the JSON API as an RFC 9457 problem: {@code detail} in Vietnamese, {@code detailEn} in English, and
 * for bad input an {@code errors} list naming the sheet, row, column or field of each problem.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final BilingualMessages messages;

    public ApiExceptionHandler(BilingualMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BadInputException.class)
    ProblemDetail badInput(BadInputException e) {
        return withErrors(HttpStatus.BAD_REQUEST, e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "error.notFound");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "error.notFound");
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return withErrors(HttpStatus.PAYLOAD_TOO_LARGE, List.of(InputError.field("file", "upload.tooLarge")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return withErrors(HttpStatus.BAD_REQUEST, List.of(InputError.field(e.getRequestPartName(), "upload.missing")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return withErrors(HttpStatus.BAD_REQUEST, List.of(InputError.general("request.unreadable")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return withErrors(HttpStatus.BAD_REQUEST, List.of(InputError.field(e.getName(), "request.badValue", String.valueOf(e.getValue()))));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        return withErrors(HttpStatus.BAD_REQUEST, e.getFieldErrors().stream()
                .map(f -> InputError.field(f.getField(), "request.invalidField", String.valueOf(f.getDefaultMessage()))).toList());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        log.warn("integrity violation reached the API: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "error.conflict");
    }

    private ProblemDetail problem(HttpStatus status, String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.vi(code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("detailEn", messages.en(code));
        return problem;
    }

    private ProblemDetail withErrors(HttpStatus status, List<InputError> errors) {
        ProblemDetail problem = problem(status, "error.badInput");
        problem.setProperty("errors", errors.stream().map(messages::toJson).toList());
        return problem;
    }
}
