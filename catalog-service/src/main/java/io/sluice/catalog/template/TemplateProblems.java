package io.sluice.catalog.template;

import io.sluice.catalog.common.ProblemHandler;
import io.sluice.templates.TemplateException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A template, value or variable the library refuses is the caller's to fix: 400 with the library's message (which
 * never holds a secret value) and the {@code parameter} that caused it.
 */
@RestControllerAdvice
class TemplateProblems {

    @ExceptionHandler(TemplateException.class)
    ProblemDetail refused(TemplateException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        if (e.parameter() != null) {
            problem.setProperty("parameter", e.parameter());
        }
        request.setAttribute(ProblemHandler.PROBLEM_DETAIL_ATTRIBUTE, e.getMessage());
        return problem;
    }
}
