package io.sluice.gateway.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Finds the jars the tests start in child JVMs: they are on the test classpath, without their dependencies. */
final class TestArtifacts {

    private TestArtifacts() {}

    /** The path of the first test classpath entry whose file name satisfies the description. */
    static String jarOnClasspath(String prefix, String suffix) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> {
                    String file = new File(entry).getName();
                    return file.startsWith(prefix) && file.endsWith(suffix);
                })
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "No " + prefix + "*" + suffix + " on the test classpath: build with "
                                                + "./mvnw -pl gateway-extensions -am verify, which packages it first."));
    }

    /** The Kafka broker's classpath: its own jar plus the list it carries as a resource. */
    static String kafkaBrokerClasspath() throws IOException {
        URL resource = TestArtifacts.class.getClassLoader().getResource("kafka-broker.classpath");
        if (resource == null) {
            throw new IllegalStateException("kafka-broker.classpath is missing: package local-stack/kafka-broker.");
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
