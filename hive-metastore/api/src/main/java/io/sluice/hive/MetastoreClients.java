package io.sluice.hive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens {@link MetastoreClient}s on the Thrift client of hive-metastore-bundle, which runs in a class loader of its
 * own: Hive's client needs Hadoop, Guava, Jetty-era libraries and Thrift in versions that would clash with the
 * service that uses it. That loader sees the JDK, this package's API and SLF4J (so its log lines go where the
 * service's go), and nothing else of the application. The bundle's jars are copied out of the classpath resource
 * once per JVM, on first use, into a temporary folder.
 */
public final class MetastoreClients {

    /** Where hive-metastore-bundle keeps the client's jars, and the index that lists them. */
    static final String BUNDLE = "io/sluice/hive/bundle/";
    static final String INDEX = BUNDLE + "jars.txt";
    static final String IMPLEMENTATION = "io.sluice.hive.client.ThriftMetastoreClient";

    private static ClassLoader isolated;

    private MetastoreClients() {}

    /**
     * A client connected to the first metastore of {@code uris} that answers ({@code thrift://host:port}, already
     * checked by the caller); every call waits at most {@code timeout} for an answer.
     */
    public static MetastoreClient open(List<String> uris, Duration timeout) {
        ClassLoader loader = loader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Hadoop's Configuration looks classes and site files up through the context class loader
        thread.setContextClassLoader(loader);
        try {
            Object client = loader.loadClass(IMPLEMENTATION)
                    .getConstructor(List.class, Duration.class)
                    .newInstance(List.copyOf(uris), timeout);
            return new ContextSwitching((MetastoreClient) client, loader);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("the Hive Metastore client failed to start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Hive Metastore client in hive-metastore-bundle cannot be started", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static synchronized ClassLoader loader() {
        if (isolated == null) {
            isolated = new URLClassLoader("hive-metastore-client", extractBundle(), new ApiOnly(MetastoreClients.class.getClassLoader()));
        }
        return isolated;
    }

    private static URL[] extractBundle() {
        ClassLoader here = MetastoreClients.class.getClassLoader();
        try (InputStream index = here.getResourceAsStream(INDEX)) {
            if (index == null) {
                throw new IllegalStateException("the Hive Metastore client is missing: hive-metastore-bundle (resource "
                        + INDEX + ") must be on the classpath next to hive-metastore-api");
            }
            Path folder = Files.createTempDirectory("sluice-hive-client");
            folder.toFile().deleteOnExit();
            List<URL> jars = new ArrayList<>();
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("[:\\r\\n]+")) {
                String name = Path.of(line.trim()).getFileName() == null ? "" : Path.of(line.trim()).getFileName().toString();
                if (!name.endsWith(".jar")) {
                    continue;
                }
                Path jar = folder.resolve(name);
                try (InputStream in = here.getResourceAsStream(BUNDLE + name)) {
                    if (in == null) {
                        throw new IllegalStateException("hive-metastore-bundle lists " + name + " but does not hold it");
                    }
                    Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
                }
                jar.toFile().deleteOnExit();
                jars.add(jar.toUri().toURL());
            }
            return jars.toArray(URL[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Hive Metastore client", e);
        }
    }

    /** The parent of the client's loader: the JDK, plus this API and SLF4J from the application. */
    private static final class ApiOnly extends ClassLoader {

        private final ClassLoader application;

        ApiOnly(ClassLoader application) {
            super("hive-metastore-api", ClassLoader.getPlatformClassLoader());
            this.application = application;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            boolean shared = (name.startsWith("io.sluice.hive.") && !name.startsWith("io.sluice.hive.client."))
                    || name.startsWith("org.slf4j.");
            return shared ? application.loadClass(name) : super.loadClass(name, resolve);
        }
    }

    /** Runs every call with the client's loader as context class loader, as Hadoop's classes expect. */
    private record ContextSwitching(MetastoreClient client, ClassLoader loader) implements MetastoreClient {

        private <T> T within(java.util.function.Supplier<T> call) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return call.get();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        @Override
        public List<String> databases() {
            return within(client::databases);
        }

        @Override
        public List<String> tableNames(String database) {
            return within(() -> client.tableNames(database));
        }

        @Override
        public List<HiveTable> tables(String database, List<String> names) {
            return within(() -> client.tables(database, names));
        }

        @Override
        public void close() {
            within(() -> {
                client.close();
                return null;
            });
        }
    }
}
