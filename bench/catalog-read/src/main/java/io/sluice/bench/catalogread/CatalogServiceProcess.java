package io.sluice.bench.catalogread;

import io.sluice.localstack.Artifacts;
import io.sluice.localstack.ChildJvm;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * catalog-service's exec jar in a JVM of its own, on a PostgreSQL database, as it runs in production (no JIT limit,
 * unlike the local stack's), with the demo tenant (alice, dana, the gateway's service account and its token) and
 * no Kafka.
 */
public final class CatalogServiceProcess implements AutoCloseable {

    /** The name catalog-service's connections give the server. */
    static final String APPLICATION_NAME = "sluice-bench-catalog-service";

    public final URI url;
    /** The Authorization header of the gateway's service account. */
    final String gateway;
    private final ChildJvm jvm;

    public CatalogServiceProcess(ThrowawayDatabase database, String heap) throws IOException {
        Path tokenFile = Files.createTempFile("sluice-bench-gateway-", ".token");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        int port = freePort();
        jvm = ChildJvm.start(
                "catalog-service",
                List.of(
                        "-Xms" + heap, "-Xmx" + heap,
                        "-jar", Artifacts.jarOnClasspath("catalog-service-", "-exec.jar"),
                        "--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + database.url + "?ApplicationName=" + APPLICATION_NAME,
                        "--spring.datasource.username=" + database.user,
                        "--spring.datasource.password=" + database.password,
                        "--sluice.secrets.key=" + Base64.getEncoder().encodeToString(key),
                        "--sluice.bootstrap.admin-password=admin-password",
                        "--sluice.demo.enabled=true",
                        "--sluice.demo.gateway-token-file=" + tokenFile),
                Map.of());
        jvm.awaitLine(l -> l.contains("Demo tenant seeded"), Duration.ofSeconds(180));
        url = URI.create("http://127.0.0.1:" + port);
        gateway = "Bearer " + Files.readString(tokenFile).strip();
        Files.delete(tokenFile);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        jvm.close();
    }
}
