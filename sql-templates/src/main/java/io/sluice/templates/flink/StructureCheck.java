package io.sluice.templates.flink;

import io.sluice.templates.BoundStatement;
import io.sluice.templates.Template;

/**
 * Proves on Flink's own SQL parser that no bound value changed a statement's structure, and checks a template when
 * it is saved.
 */
public final class StructureCheck {

    private StructureCheck() {}

    /** @throws io.sluice.templates.TemplateException when the bound statement's structure differs from its probe's */
    public static void check(BoundStatement bound) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Checks a template as it is saved: placeholders against the declared parameters, their lexical contexts,
     * defaults against their types, and that it parses (with probe values) as exactly one statement.
     *
     * @throws io.sluice.templates.TemplateException naming what is wrong
     */
    public static void validate(Template template) {
        throw new UnsupportedOperationException("not yet");
    }
}
