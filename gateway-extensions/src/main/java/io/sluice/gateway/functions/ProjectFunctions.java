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
        for (ActiveFunctionView function : active.get(new Key(project, environment),
                key -> catalogService.activeFunctions(project, environment))) {
            String jar = artifacts.artifact(project, function.artifactSha256()).toUri().toString();
            functions.put(function.name(), new CatalogFunctionImpl(
                    function.className(), FunctionLanguage.JAVA, List.of(new ArtifactResource(
                            jar, project, function.name(), function.version(), function.kind(), function.artifactSha256()))));
        }
        return functions;
    }

    /** Drops what was read for the project, in every environment. */
    public void changed(String project) {
        active.asMap().keySet().removeIf(key -> key.project().equals(project));
    }
}
