package io.sluice.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JDBC driver shades the core package: it must need nothing but the JDK. */
class CorePackageTest {

    @Test
    void theCorePackageImportsOnlyTheJdk() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/sluice/templates"))) {
            List<String> imports = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(CorePackageTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .filter(line -> !line.matches("import (static )?java\\..*"))
                    .toList();
            assertThat(imports).isEmpty();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
