package io.sluice.jdbc;

/** Flink SQL identifiers: quoted in backticks, a backtick in the name doubled. */
final class Identifier {

    private Identifier() {}

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
