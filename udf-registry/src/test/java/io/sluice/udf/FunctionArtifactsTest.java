package io.sluice.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.udf.sandbox.FunctionSandbox;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real jars, built during the test, through the whole check: read as data, then compiled and checked by Flink in the
 * sandbox JVM. Each bad artifact is refused with the function and the reason.
 */
class FunctionArtifactsTest {

    private static final FunctionArtifacts ARTIFACTS =
            new FunctionArtifacts(ArtifactLimits.DEFAULTS, new FunctionSandbox(TestJars.sandboxClasspath(), ArtifactLimits.DEFAULTS, 2));

    private static final String UPPER = "com.example.Upper";
    private static final String UPPER_BODY = "public String eval(String s) { return s == null ? null : s.toUpperCase(); }";

    @TempDir
    Path dir;

    @Test
    void aScalarFunctionIsAcceptedAndIdentifiedByItsChecksum() {
        byte[] jar = TestJars.jar(Map.of(UPPER, TestJars.scalar(UPPER, UPPER_BODY)));
        ValidatedArtifact artifact = ARTIFACTS.fromJar(jar, List.of(scalar("upper", UPPER)));
        assertThat(artifact.sha256()).isEqualTo(Checksums.sha256(jar)).hasSize(64);
        assertThat(artifact.functions()).extracting(DeclaredFunction::name).containsExactly("upper");
    }

    @Test
    void everyKindsTemplateCompilesAndIsAccepted() {
        for (FunctionKind kind : FunctionKind.values()) {
            String className = "com.example.Template" + kind.ordinal();
            DeclaredFunction function = new DeclaredFunction("template_" + kind.spelling(), className, kind, null);
            ValidatedArtifact artifact = ARTIFACTS.fromSource(function, SourceTemplates.of(kind, className));
            assertThat(artifact.functions()).as(kind.spelling()).containsExactly(function);
            // the same source compiles to the same bytes: the same version, not a new one
            assertThat(ARTIFACTS.fromSource(function, SourceTemplates.of(kind, className)).sha256())
                    .isEqualTo(artifact.sha256());
        }
    }

    @Test
    void aClassThatIsNoFlinkFunctionIsRefusedNamingTheBaseClass() {
        byte[] jar = TestJars.jar(Map.of("com.example.Plain", "package com.example; public class Plain { public String eval(String s) { return s; } }"));
        assertRefused(() -> ARTIFACTS.fromJar(jar, List.of(scalar("plain", "com.example.Plain"))),
                "plain", "does not extend org.apache.flink.table.functions.ScalarFunction");
    }

    @Test
    void anAggregateDeclaredAsScalarIsRefused() {
        String className = "com.example.Avg";
        byte[] jar = ARTIFACTS.fromSource(
                new DeclaredFunction("avg_w", className, FunctionKind.AGGREGATE, null),
                SourceTemplates.of(FunctionKind.AGGREGATE, className)).jar();
        assertRefused(() -> ARTIFACTS.fromJar(jar, List.of(scalar("avg_w", className))), "avg_w", "does not extend");
    }

    @Test
    void aScalarFunctionWithoutEvalIsRefusedWithFlinksReason() {
        byte[] jar = TestJars.jar(Map.of("com.example.NoEval", TestJars.scalar("com.example.NoEval", "public String apply(String s) { return s; }")));
        assertRefused(() -> ARTIFACTS.fromJar(jar, List.of(scalar("no_eval", "com.example.NoEval"))),
                "no_eval", "Flink does not accept it as a scalar function");
    }

    @Test
    void aJarBundlingFlinkIsRefusedBeforeAnyClassLoads() {
        byte[] jar = TestJars.jar(Map.of(UPPER, TestJars.scalar(UPPER, UPPER_BODY)),
                Map.of("org/apache/flink/table/functions/ScalarFunction.class", new byte[] {1, 2, 3}));
        assertRefused(() -> ARTIFACTS.fromJar(jar, List.of(scalar("upper", UPPER))), null, "bundles Flink classes");
    }

    @Test
    void aJarRegisteringAConnectorOrDriverIsRefused() {
        for (String service : List.of("META-INF/services/org.apache.flink.table.factories.Factory", "META-INF/services/java.sql.Driver")) {
            byte[] jar = TestJars.jar(Map.of(UPPER, TestJars.scalar(UPPER, UPPER_BODY)), Map.of(service, "com.example.Upper".getBytes()));
            assertRefused(() -> ARTIFACTS.fromJar(jar, List.of(scalar("upper", UPPER))), null, "registers");
        }
    }

    @Test
    void aJarThatUnpacksToMoreThanTheLimitIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 101; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).as("a small upload").isLessThan(1 << 20);
        assertRefused(() -> ARTIFACTS.fromJar(bytes.toByteArray(), List.of(scalar("upper", UPPER))), null, "unpacks to more than");
    }

    @Test
    void aJarAboveTheSizeLimitIsRefused() {
        ArtifactLimits small = new ArtifactLimits(1000, 10, 10_000, 1000, 5, Duration.ofSeconds(60), 256);
        byte[] jar = TestJars.jar(Map.of(UPPER, TestJars.scalar(UPPER, UPPER_BODY)), Map.of("padding.bin", incompressible(5000)));
        assertRefused(() -> new FunctionArtifacts(small, null).fromJar(jar, List.of(scalar("upper", UPPER))),
                null, "more than the limit of 1000");
    }

    @Test
    void aDeclaredClassMissingFromTheJarIsRefused() {
        byte[] jar = TestJars.jar(Map.of(UPPER, TestJars.scalar(UPPER, UPPER_BODY)));
        // on the sandbox's classpath, but not in the artifact: a function must bring its own class
        assertRefused(() -> ARTIFACTS.fromJar(jar, List.of(scalar("upper", UPPER), scalar("other", "org.example.Missing"))),
                "other", "is not in the jar");
    }

    @Test
    void aSourceThatDoesNotCompileIsRefusedWithLineAndColumn() {
        String source = "package com.example;\n"
                + "public class Broken extends org.apache.flink.table.functions.ScalarFunction {\n"
                + "    public String eval(String s) { return s.noSuchMethod(); }\n"
                + "}\n";
        assertThatThrownBy(() -> ARTIFACTS.fromSource(scalar("broken", "com.example.Broken"), source))
                .isInstanceOfSatisfying(SourceRefused.class, refused -> {
                    assertThat(refused.errors()).hasSize(1);
                    assertThat(refused.errors().get(0).line()).isEqualTo(3);
                    assertThat(refused.errors().get(0).column()).isGreaterThan(30);
                    assertThat(refused.errors().get(0).message()).contains("noSuchMethod");
                });
    }

    @Test
    void codeInAFunctionCannotReadOrWriteFilesOrEndTheCheck() throws Exception {
        Path secret = Files.writeString(dir.resolve("secrets.key"), "the-service-secret-key");
        Path marker = dir.resolve("marker");
        String body = "static {\n"
                + "  try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"ran\"); } catch (java.io.IOException e) {}\n"
                + "}\n"
                + "public Thief() throws Exception {\n"
                + "  throw new IllegalStateException(java.nio.file.Files.readString(java.nio.file.Path.of(\"" + secret + "\")));\n"
                + "}\n" + UPPER_BODY;
        String exits = "public Exits() { System.exit(0); }\n" + UPPER_BODY;
        byte[] jar = TestJars.jar(Map.of(
                "com.example.Thief", TestJars.scalar("com.example.Thief", body),
                "com.example.Exits", TestJars.scalar("com.example.Exits", exits)));
        assertThatThrownBy(() -> ARTIFACTS.fromJar(jar, List.of(scalar("thief", "com.example.Thief"))))
                .isInstanceOfSatisfying(ArtifactRefused.class, refused -> {
                    assertThat(refused.function()).isEqualTo("thief");
                    assertThat(refused.reason()).contains("access denied").doesNotContain("the-service-secret-key");
                });
        assertThat(marker).doesNotExist();
        assertRefused(() -> ARTIFACTS.fromJar(jar, List.of(scalar("exits", "com.example.Exits"))), "exits", "access denied");
    }

    @Test
    void aConstructorThatNeverReturnsIsRefusedAtTheTimeLimit() {
        ArtifactLimits quick = new ArtifactLimits(20L << 20, 5000, 100L << 20, 200_000, 50, Duration.ofSeconds(20), 256);
        byte[] jar = TestJars.jar(Map.of("com.example.Loops",
                TestJars.scalar("com.example.Loops", "public Loops() { while (true) { Thread.onSpinWait(); } }\n" + UPPER_BODY)));
        long start = System.nanoTime();
        assertRefused(() -> new FunctionArtifacts(quick, new FunctionSandbox(TestJars.sandboxClasspath(), quick, 1))
                        .fromJar(jar, List.of(scalar("loops", "com.example.Loops"))),
                null, "took longer than 20 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40));
    }

    private static byte[] incompressible(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(7).nextBytes(bytes);
        return bytes;
    }

    private static DeclaredFunction scalar(String name, String className) {
        return new DeclaredFunction(name, className, FunctionKind.SCALAR, null);
    }

    private static void assertRefused(Runnable upload, String function, String reason) {
        assertThatThrownBy(upload::run).isInstanceOfSatisfying(ArtifactRefused.class, refused -> {
            assertThat(refused.function()).isEqualTo(function);
            assertThat(refused.reason()).contains(reason);
        });
    }
}
