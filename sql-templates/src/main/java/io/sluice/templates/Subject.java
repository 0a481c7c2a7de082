package io.sluice.templates;

/** The parameter or variable a value belongs to, for messages that name it and never show the value. */
record Subject(String name, boolean variable) {

    static Subject parameter(String name) {
        return new Subject(name, false);
    }

    static Subject variable(String name) {
        return new Subject(name, true);
    }

    /** {@code parameter 'limit'} or {@code variable 'region'} */
    String describe() {
        return (variable ? "variable '" : "parameter '") + name + "'";
    }

    /** "parameter 'limit' must be …; got a value that is not" */
    TemplateException refused(String requirement) {
        return new TemplateException(name, describe() + " " + requirement + "; got a value that is not");
    }

    TemplateException error(String message) {
        return new TemplateException(name, describe() + " " + message);
    }
}
