package io.sluice.udf.jar;

import io.sluice.udf.ArtifactLimits;
import io.sluice.udf.ArtifactRefused;
import io.sluice.udf.DeclaredFunction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an uploaded jar as data, without loading any of it: it must be a zip within the limits (counted on the
 * bytes actually unpacked, not on what the entries claim), carry nothing of the platform's ({@link PlatformPackages}),
 * no entry outside its root, and the class of every declared function.
 */
public final class JarInspector {

    private final ArtifactLimits limits;

    public JarInspector(ArtifactLimits limits) {
        this.limits = limits;
    }

    /** Checks the jar; returns normally only when it may go on to the sandbox's class checks. */
    public void inspect(byte[] jar, List<DeclaredFunction> functions) {
        if (jar.length == 0) {
            throw new ArtifactRefused(null, "the upload is empty: send the jar's bytes");
        }
        if (jar.length > limits.maxJarBytes()) {
            throw new ArtifactRefused(null, "the jar has " + jar.length + " bytes, more than the limit of "
                    + limits.maxJarBytes() + ": leave out what the platform provides (Flink, logging, drivers)");
        }
        if (functions.isEmpty()) {
            throw new ArtifactRefused(null, "the artifact declares no function: name at least one, with its class and kind");
        }
        if (functions.size() > limits.maxFunctions()) {
            throw new ArtifactRefused(null, "the artifact declares " + functions.size() + " functions, more than the limit of "
                    + limits.maxFunctions());
        }
        Set<String> names = new HashSet<>();
        for (DeclaredFunction function : functions) {
            if (!names.add(function.name().toLowerCase(Locale.ROOT))) {
                throw new ArtifactRefused(function.name(), "is declared twice (function names are case-insensitive in SQL)");
            }
        }
        Set<String> entries = entries(jar);
        for (DeclaredFunction function : functions) {
            if (!entries.contains(function.classEntry())) {
                throw new ArtifactRefused(function.name(), "class " + function.className() + " is not in the jar");
            }
        }
    }

    private Set<String> entries(byte[] jar) {
        Set<String> entries = new HashSet<>();
        long unpacked = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entries.size() >= limits.maxEntries()) {
                    throw new ArtifactRefused(null, "the jar has more than " + limits.maxEntries() + " entries");
                }
                String path = entry.getName();
                checkPath(path);
                if (!entries.add(path)) {
                    throw new ArtifactRefused(null, "the jar holds entry " + path + " twice");
                }
                unpacked += drain(zip, buffer, limits.maxUnpackedBytes() - unpacked);
            }
        } catch (IOException e) {
            throw new ArtifactRefused(null, "the upload is not a jar (zip) file that can be read");
        }
        if (entries.isEmpty()) {
            throw new ArtifactRefused(null, "the upload is not a jar (zip) file: it holds no entries");
        }
        return entries;
    }

    private static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")
                || ("/" + path + "/").contains("/../") || path.contains(":")) {
            throw new ArtifactRefused(null, "the jar holds an entry outside its root or with an unusable name");
        }
        Optional<String> refusal = PlatformPackages.refusal(path.toLowerCase(Locale.ROOT));
        if (refusal.isPresent()) {
            throw new ArtifactRefused(null, "the jar " + refusal.get() + " (entry " + path + ")");
        }
    }

    /** Reads an entry to its end, refusing once the jar as a whole unpacks to more than allowed. */
    private long drain(InputStream entry, byte[] buffer, long allowed) throws IOException {
        long read = 0;
        int n;
        while ((n = entry.read(buffer)) > 0) {
            read += n;
            if (read > allowed) {
                throw new ArtifactRefused(null, "the jar unpacks to more than " + limits.maxUnpackedBytes() + " bytes");
            }
        }
        return read;
    }
}
