package io.sluice.udf.sandbox;

import io.sluice.udf.ArtifactLimits;
import io.sluice.udf.ArtifactRefused;
import io.sluice.udf.CompileError;
import io.sluice.udf.DeclaredFunction;
import io.sluice.udf.SourceRefused;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles and checks tenant functions in a throwaway JVM ({@link SandboxMain}) on a classpath that holds Flink, so
 * that the service never loads a tenant class: the child gets a time limit and a heap cap, an empty environment (the
 * service's secrets key may be in its own), a working folder of its own that is deleted afterwards, and a security
 * policy that denies the tenant's code every permission. A bounded number of sandboxes run at once; more callers wait.
 */
public final class FunctionSandbox {

    private final List<Path> classpath;
    private final ArtifactLimits limits;
    private final Semaphore running;

    /** @param classpath the sandbox JVM's classpath: this module's classes and Flink's table API, planner and runtime */
    public FunctionSandbox(List<Path> classpath, ArtifactLimits limits, int concurrent) {
        this.classpath = List.copyOf(classpath);
        this.limits = limits;
        this.running = new Semaphore(concurrent, true);
    }

    /**
     * The classpath of this build: this module's own location and the Flink jars it was built against (listed at build
     * time in {@code flink.classpath}). Only usable where this module is a plain jar or folder on disk — a test, the
     * local stack — not from inside a packaged application, which names Flink's {@code lib/} instead.
     */
    public static List<Path> classpathOfThisBuild() {
        try (var listing = FunctionSandbox.class.getResourceAsStream("flink.classpath")) {
            if (listing == null) {
                throw new IllegalStateException("flink.classpath is missing: build udf-registry with Maven");
            }
            Path self = Path.of(FunctionSandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Path> classpath = new ArrayList<>(List.of(self));
            for (String entry : new String(listing.readAllBytes(), StandardCharsets.UTF_8).strip().split(java.io.File.pathSeparator)) {
                classpath.add(Path.of(entry));
            }
            return classpath;
        } catch (IOException | java.net.URISyntaxException | java.nio.file.FileSystemNotFoundException e) {
            throw new IllegalStateException("udf-registry is not a jar or folder on disk here: name the sandbox's classpath", e);
        }
    }

    /** Refuses, naming the function and why, unless every declared function is a usable function of its kind. */
    public void validate(byte[] jar, List<DeclaredFunction> functions) {
        inFolder(folder -> {
            Path jarFile = Files.write(folder.resolve("artifact.jar"), jar);
            Path request = Files.write(folder.resolve("request.tsv"), functions.stream()
                    .map(f -> f.name() + "\t" + f.className() + "\t" + f.kind().name())
                    .toList(), StandardCharsets.UTF_8);
            Path result = folder.resolve("result.tsv");
            List<String> lines = run(folder, result, "validate", jarFile.toString(), request.toString(), result.toString());
            for (DeclaredFunction function : functions) {
                String verdict = lines.stream().filter(l -> l.split("\t", -1)[1].equals(function.name())).findFirst()
                        .orElseThrow(() -> new ArtifactRefused(function.name(), "was not checked: the check ended early"));
                String[] f = verdict.split("\t", -1);
                if (f[0].equals(SandboxProtocol.REFUSED)) {
                    throw new ArtifactRefused(function.name(), f[2]);
                }
            }
            return null;
        });
    }

    /** The jar the source compiles to; refuses with every error at its line and column. */
    public byte[] compile(String className, String source) {
        if (source.length() > limits.maxSourceChars()) {
            throw new ArtifactRefused(null, "the source has " + source.length() + " characters, more than the limit of "
                    + limits.maxSourceChars());
        }
        return inFolder(folder -> {
            Path sourceFile = Files.writeString(folder.resolve("Function.java"), source, StandardCharsets.UTF_8);
            Path jar = folder.resolve("compiled.jar");
            Path result = folder.resolve("result.tsv");
            List<String> lines =
                    run(folder, result, "compile", sourceFile.toString(), className, jar.toString(), result.toString());
            List<CompileError> errors = lines.stream()
                    .filter(l -> l.startsWith(SandboxProtocol.ERROR + "\t"))
                    .map(l -> l.split("\t", 4))
                    .map(f -> new CompileError(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]))
                    .toList();
            if (!errors.isEmpty() || !lines.contains(SandboxProtocol.COMPILED)) {
                throw new SourceRefused(errors);
            }
            return Files.readAllBytes(jar);
        });
    }

    private List<String> run(Path folder, Path result, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + limits.sandboxHeapMegabytes() + "m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Djava.security.manager=allow",
                "-Djava.io.tmpdir=" + folder,
                "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
                SandboxMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(folder.resolve("output.log").toFile());
        builder.environment().clear();
        running.acquire();
        try {
            Process child = builder.start();
            if (!child.waitFor(limits.sandboxTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly().waitFor();
                throw new ArtifactRefused(null, "checking it took longer than " + limits.sandboxTimeout().toSeconds()
                        + " s: a static initializer or constructor that loops or waits is not a usable function");
            }
            if (!Files.exists(result)) {
                throw new ArtifactRefused(null, "the check ended without a verdict (exit code " + child.exitValue()
                        + "): loading the classes may exhaust memory or end the JVM");
            }
            return Files.readAllLines(result, StandardCharsets.UTF_8);
        } finally {
            running.release();
        }
    }

    private interface InFolder<T> {
        T run(Path folder) throws IOException, InterruptedException;
    }

    private static <T> T inFolder(InFolder<T> work) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("sluice-function-check");
            return work.run(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("the function sandbox could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArtifactRefused(null, "the check was interrupted");
        } finally {
            if (folder != null) {
                delete(folder);
            }
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless; the verdict is what matters
        }
    }
}
