package io.sluice.templates;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The gateway's statement form for running a template:
 * {@code EXECUTE TEMPLATE name [VERSION n] [WITH ('parameter' = 'value', …)]}, read by a tokenizer (comments,
 * whitespace, case and quoting as in Flink SQL), not by matching text.
 */
public record ExecuteTemplate(String name, OptionalInt version, Map<String, String> values) {

    /**
     * The statement as this form; empty when the statement is not one (Flink's parser then gets it).
     *
     * @throws TemplateException when it starts as this form ({@code EXECUTE TEMPLATE}) but is malformed
     */
    public static Optional<ExecuteTemplate> parse(String statement) {
        throw new UnsupportedOperationException("not yet");
    }
}
