package io.sluice.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Finds the jars the stack starts in child JVMs: they are on the classpath, without their dependencies. */
public final class Artifacts {

    private Artifacts() {}

    /** The path of the first classpath entry whose file name starts and ends as given. */
    public static String jarOnClasspath(String prefix, String suffix) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> {
                    String file = new File(entry).getName();
                    return file.startsWith(prefix) && file.endsWith(suffix);
                })
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "No " + prefix + "*" + suffix + " on the classpath: build with ./mvnw -pl <module> -am "
                                                + "package (or verify), which packages catalog-service first."));
    }

    /** The Kafka broker's classpath: its own jar plus the list it carries as a resource. */
    public static String kafkaBrokerClasspath() throws IOException {
        return classpathResource("kafka-broker.classpath", "local-stack/kafka-broker");
    }

    /** The standalone Flink cluster's lib/: the list its module carries as a resource. */
    public static String flinkClusterClasspath() throws IOException {
        return classpathResource("flink-cluster.classpath", "local-stack/flink-cluster");
    }

    /** The jar (or folder) holding a classpath list, followed by the list. */
    private static String classpathResource(String name, String module) throws IOException {
        URL resource = Artifacts.class.getClassLoader().getResource(name);
        if (resource == null) {
            throw new IllegalStateException(name + " is missing: package " + module + ".");
        }
        String ownJar;
        if ("jar".equals(resource.getProtocol())) {
            ownJar = new File(((JarURLConnection) resource.openConnection()).getJarFileURL().getPath()).getPath();
        } else {
            ownJar = new File(resource.getPath()).getParent();
        }
        try (InputStream in = resource.openStream()) {
            return ownJar + File.pathSeparator + new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
