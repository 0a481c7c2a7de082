package io.sluice.udf.sandbox;

import io.sluice.udf.FunctionKind;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Policy;
import java.util.ArrayList;
import java.util.List;

/**
 * The throwaway JVM that compiles a tenant's source or checks a tenant's jar, so that nothing of a tenant's runs in
 * the service. Started by {@link FunctionSandbox}; results go to a file (code under test cannot write files, but it
 * can print), one {@link SandboxProtocol} line each.
 *
 * <pre>
 *   validate &lt;jar&gt; &lt;request&gt; &lt;result&gt;   request lines: name TAB class TAB kind
 *   compile &lt;source&gt; &lt;class&gt; &lt;jar out&gt; &lt;result&gt;
 * </pre>
 */
public final class SandboxMain {

    private SandboxMain() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "validate" -> validate(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "compile" -> compile(Path.of(args[1]), args[2], Path.of(args[3]), Path.of(args[4]));
            default -> throw new IllegalArgumentException("unknown sandbox command " + args[0]);
        }
    }

    @SuppressWarnings("removal") // the SecurityManager still works on Java 17; the sandbox JVM is its only user
    private static void validate(Path jar, Path request, Path result) throws IOException {
        URL jarUrl = jar.toUri().toURL();
        List<String> lines = new ArrayList<>();
        try (URLClassLoader tenant = new URLClassLoader(new URL[] {jarUrl}, SandboxMain.class.getClassLoader())) {
            FunctionChecker checker = new FunctionChecker(tenant);
            Policy.setPolicy(new TenantPolicy(jarUrl));
            System.setSecurityManager(new SecurityManager());
            for (String line : Files.readAllLines(request, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                String why;
                try {
                    why = checker.check(f[0], f[1], FunctionKind.valueOf(f[2]));
                } catch (OutOfMemoryError e) {
                    why = "loading it exhausts the memory a function may use while being checked";
                } catch (StackOverflowError e) {
                    why = "loading it overflows the stack";
                }
                lines.add(why == null ? SandboxProtocol.accepted(f[0]) : SandboxProtocol.refused(f[0], why));
            }
        }
        Files.write(result, lines, StandardCharsets.UTF_8);
    }

    private static void compile(Path source, String className, Path jarOut, Path result) throws IOException {
        SourceCompiler.Result compiled =
                new SourceCompiler().compile(className, Files.readString(source, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        if (compiled.jar() != null) {
            Files.write(jarOut, compiled.jar());
            lines.add(SandboxProtocol.COMPILED);
        }
        for (io.sluice.udf.CompileError error : compiled.errors()) {
            lines.add(SandboxProtocol.compileError(error.line(), error.column(), error.message()));
        }
        Files.write(result, lines, StandardCharsets.UTF_8);
    }
}
