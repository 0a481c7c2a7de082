package io.sluice.udf.sandbox;

import io.sluice.udf.FunctionKind;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentImpl;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.UserDefinedFunction;
import org.apache.flink.table.functions.UserDefinedFunctionHelper;

import java.lang.reflect.Modifier;

/**
 * Runs inside the sandbox JVM only: loads a declared class from the tenant's jar and asks Flink whether it is a
 * function of the declared kind, the way a session would use it — instantiated, registered in a scratch table
 * environment and its type inference extracted (which is where a wrong signature fails).
 */
final class FunctionChecker {

    private final ClassLoader tenantClasses;
    private final TableEnvironment scratch;
    private final DataTypeFactory types;

    FunctionChecker(ClassLoader tenantClasses) {
        this.tenantClasses = tenantClasses;
        this.scratch = TableEnvironment.create(EnvironmentSettings.newInstance().inStreamingMode()
                .withClassLoader(tenantClasses).build());
        this.types = ((TableEnvironmentImpl) scratch).getCatalogManager().getDataTypeFactory();
    }

    /** Null when the class is a usable function of this kind, else why not. */
    String check(String name, String className, FunctionKind kind) {
        Class<?> type;
        try {
            // not initialized: nothing of the class runs before the checks below pass
            type = Class.forName(className, false, tenantClasses);
        } catch (ClassNotFoundException | LinkageError e) {
            return "class " + className + " cannot be loaded (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); a class it needs may be missing from the jar";
        }
        Class<?> base;
        try {
            base = Class.forName(kind.baseClass(), false, FunctionChecker.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the sandbox's classpath lacks Flink's " + kind.baseClass(), e);
        }
        if (!base.isAssignableFrom(type)) {
            return "class " + className + " does not extend " + base.getName() + ", which a " + kind.spelling()
                    + " function must extend";
        }
        int modifiers = type.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers) || type.isInterface()
                || (type.getEnclosingClass() != null && !Modifier.isStatic(modifiers))) {
            return "class " + className + " must be public, not abstract, and static if it is nested";
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            return "class " + className + " has no public constructor without arguments";
        }
        try {
            UserDefinedFunction function =
                    UserDefinedFunctionHelper.instantiateFunction(type.asSubclass(UserDefinedFunction.class));
            function.getTypeInference(types);
            scratch.createTemporarySystemFunction(name, function);
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "Flink does not accept it as a " + kind.spelling() + " function: " + rootMessage(e);
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(" ").append(cause.getMessage());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return message.toString();
    }
}
