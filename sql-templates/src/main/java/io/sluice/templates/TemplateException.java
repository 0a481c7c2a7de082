package io.sluice.templates;

/**
 * A template, a value or a variable the binder or the structure check refuses. {@link #parameter()} names the
 * parameter or variable that caused it (null when none did); the message says what was wrong and how to fix it, and
 * never holds a secret variable's value.
 */
public class TemplateException extends RuntimeException {

    private final String parameter;

    public TemplateException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
