package io.sluice.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM started by a test, with its own classpath. Its output is kept (the last lines, for failure messages)
 * and can be waited on; it is destroyed on {@link #close()} and, through its closed stdin, when the test JVM dies.
 */
public final class ChildJvm implements AutoCloseable {

    private static final int KEPT_LINES = 200;

    private final String name;
    private final Process process;
    private final ConcurrentLinkedDeque<String> lastLines = new ConcurrentLinkedDeque<>();
    private final List<Watcher> watchers = new ArrayList<>();
    private boolean outputEnded;

    private record Watcher(Predicate<String> matches, CompletableFuture<String> line) {}

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::readOutput, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm start(String name, List<String> jvmAndProgramArgs, java.util.Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmAndProgramArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new ChildJvm(name, builder.start());
    }

    /** Waits for a line of output that matches, and returns it; fails as soon as the JVM ends without one. */
    public String awaitLine(Predicate<String> matches, Duration timeout) {
        CompletableFuture<String> line = watch(matches);
        try {
            return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    name + " did not print the expected line within " + timeout + " (alive: " + process.isAlive()
                            + "). Its last output:\n" + output(),
                    e);
        }
    }

    /**
     * Completes with the first line kept or printed from now on that matches, or exceptionally once the JVM's output
     * ends without one. Tests hold it while they run, to prove a value never reached the JVM's log.
     */
    public CompletableFuture<String> watch(Predicate<String> matches) {
        CompletableFuture<String> line = new CompletableFuture<>();
        synchronized (watchers) {
            Optional<String> seen = lastLines.stream().filter(matches).findFirst();
            if (seen.isPresent()) {
                line.complete(seen.get());
            } else if (outputEnded) {
                line.completeExceptionally(new IllegalStateException(name + " has ended"));
            } else {
                watchers.add(new Watcher(matches, line));
            }
        }
        return line;
    }

    public String output() {
        return String.join("\n", lastLines);
    }

    public Process process() {
        return process;
    }

    private void readOutput() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (watchers) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                    for (Watcher watcher : List.copyOf(watchers)) {
                        if (watcher.matches.test(line)) {
                            watcher.line.complete(line);
                            watchers.remove(watcher);
                        }
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        synchronized (watchers) {
            outputEnded = true;
            watchers.forEach(w -> w.line.completeExceptionally(new IllegalStateException(name + " has ended")));
            watchers.clear();
        }
    }

    /** Kills the JVM at once, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
