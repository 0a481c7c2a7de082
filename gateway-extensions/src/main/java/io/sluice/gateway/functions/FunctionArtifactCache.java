package io.sluice.gateway.functions;

import io.sluice.gateway.catalogservice.CatalogServiceClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Function artifacts on the gateway's disk, fetched once per checksum under an immutable path
 * ({@code <dir>/<project>/<sha256>.jar}): a new version is a new checksum and so a new path, which Flink's resource
 * manager (it skips a path it has seen) cannot mistake for the old one. A file is written under a temporary name,
 * checked against its checksum and only then moved into place, so a session never loads a half-written or altered
 * jar. Each project has its own folder: a session only ever names files of its own project.
 */
public final class FunctionArtifactCache {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;
    private final CatalogServiceClient catalogService;
    private final ConcurrentMap<String, Object> fetching = new ConcurrentHashMap<>();

    public FunctionArtifactCache(Path directory, CatalogServiceClient catalogService) {
        this.directory = directory;
        this.catalogService = catalogService;
    }

    /** The local file of a project's artifact, fetched from catalog-service the first time it is asked for. */
    public Path artifact(String project, String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("catalog-service named an artifact by something other than a SHA-256");
        }
        Path file = directory.resolve(project).resolve(sha256 + ".jar");
        if (Files.exists(file)) {
            return file;
        }
        synchronized (fetching.computeIfAbsent(project + "/" + sha256, k -> new Object())) {
            if (!Files.exists(file)) {
                fetch(project, sha256, file);
            }
        }
        return file;
    }

    private void fetch(String project, String sha256, Path file) {
        byte[] jar = catalogService.functionArtifact(project, sha256);
        if (!sha256.equals(sha256(jar))) {
            throw new IllegalStateException("the artifact catalog-service sent for checksum " + sha256 + " has another checksum");
        }
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), sha256, ".part");
            Files.write(partial, jar);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("function artifacts cannot be written to the gateway's cache folder", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
