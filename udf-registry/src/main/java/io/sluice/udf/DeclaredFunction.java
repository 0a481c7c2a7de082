package io.sluice.udf;

import java.util.regex.Pattern;

/**
 * A function an artifact says it provides: its SQL name (the platform's naming rule: letters, digits and
 * underscore, starting with a letter, so it needs no quoting), the class implementing it and its kind.
 */
public record DeclaredFunction(String name, String className, FunctionKind kind, String description) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    /** A binary class name: dot-separated Java identifiers, nested classes with '$'. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)*");
    private static final int MAX_CLASS_NAME = 255;
    private static final int MAX_DESCRIPTION = 2000;

    public DeclaredFunction {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ArtifactRefused(name, "a function name uses only letters, digits and underscore, starts with a "
                    + "letter and has at most 64 characters");
        }
        if (className == null || className.length() > MAX_CLASS_NAME || !CLASS_NAME.matcher(className).matches()) {
            throw new ArtifactRefused(name, "the class must be a Java class name such as com.example.MyFunction");
        }
        if (kind == null) {
            throw new ArtifactRefused(name, "the kind is required: scalar, table, aggregate or table_aggregate");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new ArtifactRefused(name, "the description has more than " + MAX_DESCRIPTION + " characters");
        }
    }

    /** The path of the class file in a jar. */
    public String classEntry() {
        return className.replace('.', '/') + ".class";
    }
}
