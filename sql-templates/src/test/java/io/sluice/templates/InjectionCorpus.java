package io.sluice.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The hostile values of {@code injection-corpus.txt}, decoded. Shared (as this module's test jar) with the modules
 * that bind values through the binder: the gateway and the JDBC driver.
 */
public final class InjectionCorpus {

    private InjectionCorpus() {}

    public static List<String> values() {
        try (InputStream in = InjectionCorpus.class.getResourceAsStream("/injection-corpus.txt")) {
            List<String> values = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("@repeat ")) {
                    String[] repeat = line.split(" ", 3);
                    values.add(decode(repeat[2]).repeat(Integer.parseInt(repeat[1])));
                } else {
                    values.add(decode(line));
                }
            }
            if (values.size() < 100 || new LinkedHashSet<>(values).size() != values.size()) {
                throw new IllegalStateException("the corpus must hold at least 100 values, none twice");
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String line) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = line.charAt(++i);
            switch (escaped) {
                case '\\' -> value.append('\\');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case '0' -> value.append('\0');
                case 'u' -> {
                    int close = line.indexOf('}', i);
                    value.appendCodePoint(Integer.parseInt(line.substring(i + 2, close), 16));
                    i = close;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + escaped + " in the corpus");
            }
        }
        return value.toString();
    }
}
