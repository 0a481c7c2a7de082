package io.sluice.hive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hive column types in Flink SQL, as Flink's own Hive catalog maps them: every primitive (decimal precision and scale,
 * char and varchar lengths kept), arrays, maps and structs (as ROW) to any depth. A type Flink SQL cannot hold
 * (uniontype, the interval types, void) is refused, never turned into STRING: a silent STRING would make every
 * reader of the table parse what the catalog claims is text.
 */
public final class HiveTypes {

    /** Deeper than any real schema, shallow enough that a hostile type string cannot exhaust the stack. */
    private static final int MAX_DEPTH = 64;
    private static final int MAX_LENGTH = 1_000_000;

    private static final Map<String, String> PRIMITIVES = Map.ofEntries(
            Map.entry("tinyint", "TINYINT"),
            Map.entry("smallint", "SMALLINT"),
            Map.entry("int", "INT"),
            Map.entry("integer", "INT"),
            Map.entry("bigint", "BIGINT"),
            Map.entry("float", "FLOAT"),
            Map.entry("double", "DOUBLE"),
            Map.entry("double precision", "DOUBLE"),
            Map.entry("boolean", "BOOLEAN"),
            Map.entry("string", "STRING"),
            Map.entry("binary", "BYTES"),
            Map.entry("date", "DATE"),
            // Hive keeps nanoseconds
            Map.entry("timestamp", "TIMESTAMP(9)"),
            Map.entry("timestamp with local time zone", "TIMESTAMP_LTZ(9)"));

    private static final Map<String, String> UNSUPPORTED = Map.of(
            "uniontype", "Flink SQL has no union type",
            "interval_year_month", "Flink tables cannot hold interval columns",
            "interval_day_time", "Flink tables cannot hold interval columns",
            "void", "a column of type void holds nothing Flink can type");

    private HiveTypes() {}

    /** The Flink SQL type of a Hive type, e.g. {@code map<string,array<decimal(10,2)>>} → {@code MAP<STRING, ARRAY<DECIMAL(10, 2)>>}. */
    public static String toFlink(String hiveType) {
        if (hiveType == null || hiveType.isBlank()) {
            throw new UnsupportedHiveType("the column has no type");
        }
        if (hiveType.length() > MAX_LENGTH) {
            throw new UnsupportedHiveType("the type is longer than " + MAX_LENGTH + " characters");
        }
        Parser parser = new Parser(hiveType);
        String flink = parser.type(0);
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.unexpected();
        }
        return flink;
    }

    /** A recursive-descent reader of one Hive type string. */
    private static final class Parser {

        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        String type(int depth) {
            if (depth > MAX_DEPTH) {
                throw new UnsupportedHiveType("the type nests deeper than " + MAX_DEPTH + " levels");
            }
            skipSpaces();
            String name = word();
            // "double precision", "timestamp with local time zone": the only primitives of several words
            if (name.equals("double") && lookingAtWords("precision")) {
                name = "double precision";
            } else if (name.equals("timestamp") && lookingAtWords("with", "local", "time", "zone")) {
                name = "timestamp with local time zone";
            }
            if (UNSUPPORTED.containsKey(name)) {
                throw new UnsupportedHiveType(name + ": " + UNSUPPORTED.get(name));
            }
            return switch (name) {
                case "array" -> "ARRAY<" + inAngles(depth, 1).get(0) + ">";
                case "map" -> {
                    List<String> kv = inAngles(depth, 2);
                    yield "MAP<" + kv.get(0) + ", " + kv.get(1) + ">";
                }
                case "struct" -> "ROW<" + String.join(", ", fields(depth)) + ">";
                case "decimal", "numeric" -> decimal();
                case "char" -> "CHAR(" + length("char", 255) + ")";
                case "varchar" -> "VARCHAR(" + length("varchar", 65535) + ")";
                default -> {
                    String primitive = PRIMITIVES.get(name);
                    if (primitive == null) {
                        throw new UnsupportedHiveType("'" + clip(name) + "' is not a Hive type this platform knows");
                    }
                    yield primitive;
                }
            };
        }

        private List<String> inAngles(int depth, int count) {
            expect('<');
            List<String> types = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    expect(',');
                }
                types.add(type(depth + 1));
            }
            expect('>');
            return types;
        }

        private List<String> fields(int depth) {
            expect('<');
            List<String> fields = new ArrayList<>();
            do {
                skipSpaces();
                String field = fieldName();
                expect(':');
                fields.add("`" + field.replace("`", "``") + "` " + type(depth + 1));
                skipSpaces();
            } while (accept(','));
            expect('>');
            return fields;
        }

        private String decimal() {
            List<Integer> args = numbers();
            int precision = args.isEmpty() ? 10 : args.get(0);
            int scale = args.size() < 2 ? 0 : args.get(1);
            if (args.size() > 2 || precision < 1 || precision > 38 || scale < 0 || scale > precision) {
                throw new UnsupportedHiveType("decimal" + args + ": precision must be 1 to 38 and scale 0 to the precision");
            }
            return "DECIMAL(" + precision + ", " + scale + ")";
        }

        private int length(String name, int max) {
            List<Integer> args = numbers();
            if (args.size() != 1 || args.get(0) < 1 || args.get(0) > max) {
                throw new UnsupportedHiveType(name + args + ": " + name + " needs one length from 1 to " + max);
            }
            return args.get(0);
        }

        private List<Integer> numbers() {
            skipSpaces();
            List<Integer> numbers = new ArrayList<>();
            if (!accept('(')) {
                return numbers;
            }
            do {
                skipSpaces();
                int start = at;
                while (at < text.length() && Character.isDigit(text.charAt(at)) && at - start < 9) {
                    at++;
                }
                if (start == at) {
                    throw unexpected();
                }
                numbers.add(Integer.parseInt(text.substring(start, at)));
                skipSpaces();
            } while (accept(','));
            expect(')');
            return numbers;
        }

        private String word() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw unexpected();
            }
            return text.substring(start, at).toLowerCase(Locale.ROOT);
        }

        /** A struct field: a plain name or one in backticks. */
        private String fieldName() {
            if (accept('`')) {
                int end = text.indexOf('`', at);
                if (end < 0) {
                    throw unexpected();
                }
                String name = text.substring(at, end);
                at = end + 1;
                return name;
            }
            int start = at;
            while (at < text.length() && ":<>,".indexOf(text.charAt(at)) < 0 && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (start == at) {
                throw unexpected();
            }
            return text.substring(start, at);
        }

        private boolean lookingAtWords(String... words) {
            int saved = at;
            for (String expected : words) {
                skipSpaces();
                int start = at;
                while (at < text.length() && Character.isLetter(text.charAt(at))) {
                    at++;
                }
                if (!text.substring(start, at).equalsIgnoreCase(expected)) {
                    at = saved;
                    return false;
                }
            }
            return true;
        }

        void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean atEnd() {
            return at >= text.length();
        }

        private boolean accept(char c) {
            skipSpaces();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!accept(c)) {
                throw unexpected();
            }
        }

        UnsupportedHiveType unexpected() {
            return new UnsupportedHiveType("cannot read the type at character " + (at + 1)
                    + (atEnd() ? " (it ends too early)" : " ('" + text.charAt(at) + "')"));
        }

        private static String clip(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }
}
