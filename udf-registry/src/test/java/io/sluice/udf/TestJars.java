package io.sluice.udf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real function jars during a test: Java sources compiled by the JDK against the test's Flink classpath. */
public final class TestJars {

    private TestJars() {}

    /** The classpath the sandbox JVM gets in tests: this JVM's own, which holds the module and Flink. */
    public static List<Path> sandboxClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).map(Path::of).toList();
    }

    /** Compiles {@code sources} (class name → source) into a jar, plus any extra raw entries. */
    public static byte[] jar(Map<String, String> sources, Map<String, byte[]> extraEntries) {
        try {
            Path dir = Files.createTempDirectory("test-udf");
            Path src = Files.createDirectories(dir.resolve("src"));
            Path out = Files.createDirectories(dir.resolve("out"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new java.util.ArrayList<>(List.of(
                    "-proc:none", "-d", out.toString(), "-classpath", System.getProperty("java.class.path")));
            try (var files = Files.walk(src)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("a test source does not compile");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes); var classes = Files.walk(out)) {
                for (Path file : classes.filter(Files::isRegularFile).sorted().toList()) {
                    jar.putNextEntry(new JarEntry(out.relativize(file).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(file));
                    jar.closeEntry();
                }
                for (Map.Entry<String, byte[]> extra : extraEntries.entrySet()) {
                    jar.putNextEntry(new JarEntry(extra.getKey()));
                    jar.write(extra.getValue());
                    jar.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jar(Map<String, String> sources) {
        return jar(sources, Map.of());
    }

    public static String scalar(String className, String body) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + ";\n"
                + "public class " + className.substring(dot + 1)
                + " extends org.apache.flink.table.functions.ScalarFunction {\n" + body + "\n}\n";
    }
}
