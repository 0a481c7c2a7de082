package io.sluice.contract.connection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The corpus of hostile connection configs ({@code hostile-connections.tsv} next to this class), shared by the
 * tests of the rules, of catalog-service's API and of the gateway's connector options.
 */
public final class HostileConnections {

    private HostileConnections() {}

    /**
     * One hostile config: the ordinary config of {@code kind} with {@code setting} ({@code properties.<key>} or
     * {@code secrets.<key>}) set to {@code value}.
     */
    public record Row(ConnectionKind kind, String setting, String value, String refusedField, String why) {

        public Map<String, String> properties() {
            Map<String, String> properties = new HashMap<>(ordinaryProperties(kind));
            if (setting.startsWith("properties.")) {
                properties.put(setting.substring("properties.".length()), value);
            }
            return properties;
        }

        public Map<String, String> secrets() {
            return setting.startsWith("secrets.") ? Map.of(setting.substring("secrets.".length()), value) : Map.of();
        }

        @Override
        public String toString() {
            return kind.spelling() + " " + setting + " (" + why + ")";
        }
    }

    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = HostileConnections.class.getResourceAsStream("hostile-connections.tsv");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.lines().filter(line -> !line.startsWith("#") && !line.startsWith("kind\t") && !line.isBlank()).forEach(line -> {
                String[] cells = line.split("\t", -1);
                if (cells.length != 5) {
                    throw new IllegalStateException("a corpus row has 5 tab-separated cells: " + line);
                }
                rows.add(new Row(ConnectionKind.valueOf(cells[0].toUpperCase(java.util.Locale.ROOT)),
                        unescape(cells[1]), unescape(cells[2]), cells[3], cells[4]));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** A config of each kind that the rules accept: the base every row changes one setting of. */
    public static Map<String, String> ordinaryProperties(ConnectionKind kind) {
        return switch (kind) {
            case KAFKA -> Map.of("bootstrap.servers", "127.0.0.1:9092");
            case MYSQL -> Map.of("url", "jdbc:mariadb://127.0.0.1:3306/test", "username", "root");
            case POSTGRESQL, JDBC -> Map.of("url", "jdbc:postgresql://127.0.0.1:5432/postgres", "username", "postgres");
            case REDIS -> Map.of("host", "127.0.0.1", "port", "6379");
            case ELASTICSEARCH -> Map.of("hosts", "http://127.0.0.1:9200");
            case HIVE -> Map.of("hive.metastore.uris", "thrift://127.0.0.1:9083");
            case HBASE -> Map.of("hbase.zookeeper.quorum", "127.0.0.1:2181");
        };
    }

    private static String unescape(String cell) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c != '\\' || i + 1 == cell.length()) {
                out.append(c);
                continue;
            }
            char next = cell.charAt(++i);
            out.append(switch (next) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case '\\' -> '\\';
                default -> throw new IllegalStateException("unknown escape \\" + next + " in corpus cell " + cell);
            });
        }
        return out.toString();
    }
}
