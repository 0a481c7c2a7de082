package io.sluice.bench.catalogread;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements one database ran, as the PostgreSQL server logged them ({@code log_statement = all},
 * {@code log_min_duration_statement = 0}): what the server executed, whatever the client's pooling,
 * prepared-statement caching or transaction handling, and the time it took. Lines are told apart by the database
 * name and server process the default {@code log_line_prefix} ({@code %m [%p] %q%u@%d}) writes, so that only the
 * connections of catalog-service are counted, not those of someone looking at the database.
 */
final class StatementLog {

    /** Each statement (its first line, shortened) with how often it ran, and the server's time on all of them. */
    record Window(Map<String, Integer> statements, double serverMillis) {

        static final Window EMPTY = new Window(Map.of(), 0);

        int total() {
            return statements.values().stream().mapToInt(Integer::intValue).sum();
        }

        Window plus(Window other) {
            Map<String, Integer> sum = new TreeMap<>(statements);
            other.statements.forEach((statement, count) -> sum.merge(statement, count, Integer::sum));
            return new Window(sum, serverMillis + other.serverMillis);
        }
    }

    private final Path file;
    private final Pattern statement;
    private final Pattern duration;

    StatementLog(Path file, String database) {
        this.file = file;
        String prefix = "\\[(\\d+)\\] \\S*@" + Pattern.quote(database) + " LOG:  ";
        // "… postgres@db LOG:  execute S_3: select …" (extended protocol) or "… LOG:  statement: …" (simple)
        this.statement = Pattern.compile(prefix + "(?:statement|execute [^:]*): (.*)");
        // parse, bind and execute each log one
        this.duration = Pattern.compile(prefix + "duration: ([0-9.]+) ms");
    }

    /** Whether the server's log can be read here; without it statements are not counted. */
    boolean readable() {
        return Files.isReadable(file);
    }

    /** Where the log ends now. */
    long mark() throws IOException {
        return readable() ? Files.size(file) : 0;
    }

    /** What the server processes {@code backends} logged since {@code mark}. */
    Window since(long mark, Set<Integer> backends) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        double millis = 0;
        if (!readable()) {
            return new Window(counts, Double.NaN);
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            log.seek(mark);
            byte[] bytes = new byte[(int) (log.length() - mark)];
            log.readFully(bytes);
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                Matcher logged = statement.matcher(line);
                if (logged.find() && backends.contains(Integer.parseInt(logged.group(1)))) {
                    String text = logged.group(2).strip().replaceAll("\\s+", " ");
                    counts.merge(text.length() > 90 ? text.substring(0, 90) + "…" : text, 1, Integer::sum);
                }
                Matcher took = duration.matcher(line);
                if (took.find() && backends.contains(Integer.parseInt(took.group(1)))) {
                    millis += Double.parseDouble(took.group(2));
                }
            }
        }
        return new Window(counts, millis);
    }
}
