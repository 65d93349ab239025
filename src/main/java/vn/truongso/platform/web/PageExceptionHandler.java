package vn.truongso.platform.web;

import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import vn.truongso.platform.BadInputException;
import vn.truongso.platform.ForbiddenException;
import vn.truongso.platform.NotFoundException;

/**
 * Errors of the web pages as pages: a school or row outside the user's reach shows the 404 page (so it cannot be told
 * from one that does not exist), a role without the capability the 403 page. The JSON API's own handler
 * ({@link ApiExceptionHandler}) comes first for REST controllers, so this one only ever sees page controllers.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final BilingualMessages messages;

    PageExceptionHandler(BilingualMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }

    /** An address whose id is not an id ("/schools/abc/classes") names nothing that exists. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView notAnId(MethodArgumentTypeMismatchException e) {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e) {
        return new ModelAndView("error/403", HttpStatus.FORBIDDEN);
    }

    /** Bad input a page did not handle next to its fields: listed on the 400 page, each error located. */
    @ExceptionHandler(BadInputException.class)
    ModelAndView badInput(BadInputException e, Locale locale) {
        List<String> described = e.errors().stream().map(error -> messages.describe(error, locale)).toList();
        var page = new ModelAndView("error/400", HttpStatus.BAD_REQUEST);
        page.addObject("errors", described);
        return page;
    }
}
