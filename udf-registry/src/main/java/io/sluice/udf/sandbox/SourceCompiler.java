package io.sluice.udf.sandbox;

import io.sluice.udf.CompileError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs inside the sandbox JVM only: compiles one Java source file against the sandbox's classpath (the Flink API)
 * in memory, with annotation processing off (no code of anyone's runs while compiling), into a jar.
 */
final class SourceCompiler {

    /** The jar's bytes, or the errors. */
    record Result(byte[] jar, List<CompileError> errors) {}

    Result compile(String className, String source) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("the sandbox runs on a JRE without a Java compiler; run it on a JDK");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new TreeMap<>();
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        JavaFileObject file = new SimpleJavaFileObject(
                URI.create("string:///" + className.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        JavaFileManager inMemory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    Location location, String name, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        List<String> options = List.of(
                "-proc:none", "--release", "17", "-encoding", "UTF-8", "-classpath", System.getProperty("java.class.path"));
        boolean compiled = compiler.getTask(null, inMemory, diagnostics, options, null, List.of(file)).call();
        List<CompileError> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(new CompileError(d.getLineNumber(), d.getColumnNumber(), d.getMessage(Locale.ROOT)));
            }
        }
        if (!compiled || !errors.isEmpty()) {
            return new Result(null, errors.isEmpty() ? List.of(new CompileError(0, 0, "the source does not compile")) : errors);
        }
        if (!classes.containsKey(className)) {
            return new Result(null, List.of(new CompileError(1, 1,
                    "the source does not define class " + className + " (a public class " + simpleName
                            + " in package " + (className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "(none)") + ")")));
        }
        return new Result(jar(classes), List.of());
    }

    private static byte[] jar(Map<String, ByteArrayOutputStream> classes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "Sluice function compiler");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            // fixed times: the same source compiles to the same bytes, so to the same checksum and version
            JarEntry manifestEntry = new JarEntry("META-INF/MANIFEST.MF");
            manifestEntry.setTime(0);
            jar.putNextEntry(manifestEntry);
            manifest.write(jar);
            jar.closeEntry();
            for (Map.Entry<String, ByteArrayOutputStream> c : classes.entrySet()) {
                JarEntry entry = new JarEntry(c.getKey().replace('.', '/') + ".class");
                entry.setTime(0);
                jar.putNextEntry(entry);
                jar.write(c.getValue().toByteArray());
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
