package io.sluice.catalog.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose every call, allowed or refused, goes into the audit log. The object is named
 * by the request's path variables, or else by the {@code name}/{@code username} of its JSON body.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    /** What was done, e.g. {@code table.create}. */
    String action();

    /** The kind of object it was done to, e.g. {@code table}. */
    String objectType();
}
