package io.sluice.gateway.functions;

import io.sluice.contract.ActiveFunctionView;
import io.sluice.gateway.catalogservice.CatalogServiceClient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.flink.table.catalog.CatalogFunction;
import org.apache.flink.table.catalog.CatalogFunctionImpl;
import org.apache.flink.table.catalog.FunctionLanguage;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The functions a project's sessions get in an environment, as Flink catalog functions whose class lives in the
 * project's artifact on the gateway's disk: Flink's own resource manager loads it into the session's class loader
 * (which holds only this project's jars) and ships it with the session's jobs. Read once per project and
 * environment for all its sessions, dropped when the change feed says the project's functions changed.
 */
public final class ProjectFunctions {

    private record Key(String project, String environment) {}

    private final CatalogServiceClient catalogService;
    private final FunctionArtifactCache artifacts;
    private final Cache<Key, List<ActiveFunctionView>> active;
    /**
     * Counts changes, so that a read that was under way when the change feed dropped a project is not kept: the
     * drop cannot remove what is not cached yet, and the read may have seen the project before the change.
     */
    private final AtomicLong changes = new AtomicLong();

    public ProjectFunctions(CatalogServiceClient catalogService, FunctionArtifactCache artifacts, Duration ttl, int maxEntries) {
        this.catalogService = catalogService;
        this.artifacts = artifacts;
        this.active = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    /**
     * The project's functions in an environment by name, their artifacts fetched: called as a session opens, so that
     * a missing artifact or an unreachable catalog-service is a clear login error, not a failing statement later.
     */
    public Map<String, CatalogFunction> of(String project, String environment) {
        if (project == null) {
            return Map.of();
        }
        Map<String, CatalogFunction> functions = new LinkedHashMap<>();
        for (ActiveFunctionView function : active(new Key(project, environment))) {
            String jar = artifacts.artifact(project, function.artifactSha256()).toUri().toString();
            functions.put(function.name(), new CatalogFunctionImpl(
                    function.className(), FunctionLanguage.JAVA, List.of(new ArtifactResource(
                            jar, project, function.name(), function.version(), function.kind(), function.artifactSha256()))));
        }
        return functions;
    }

    private List<ActiveFunctionView> active(Key key) {
        List<ActiveFunctionView> cached = active.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long before = changes.get();
        List<ActiveFunctionView> read = catalogService.activeFunctions(key.project(), key.environment());
        active.put(key, read);
        if (changes.get() != before) {
            active.invalidate(key);
        }
        return read;
    }

    /** Drops what was read for the project (every project's for {@code null}), in every environment, and what is being read now. */
    public void changed(String project) {
        changes.incrementAndGet();
        active.asMap().keySet().removeIf(key -> project == null || key.project().equals(project));
    }
}
