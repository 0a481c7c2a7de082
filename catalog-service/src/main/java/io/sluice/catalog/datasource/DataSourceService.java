package io.sluice.catalog.datasource;

import io.sluice.catalog.audit.AuditLog;
import io.sluice.catalog.audit.OnBehalfOf;
import io.sluice.catalog.audit.Outcome;
import io.sluice.catalog.changes.ChangeFeed;
import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Names;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.ConnectionView;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Data sources and their connection configs; only data admins change them. */
@Service
@Transactional
public class DataSourceService {

    private final DataSourceRepository sources;
    private final ConnectivityTester tester;
    private final ChangeFeed changes;
    private final AuditLog audit;

    DataSourceService(DataSourceRepository sources, ConnectivityTester tester, ChangeFeed changes, AuditLog audit) {
        this.sources = sources;
        this.tester = tester;
        this.changes = changes;
        this.audit = audit;
    }

    /** A data source as an admin registers it, with one connection config per environment it serves. */
    public record NewDataSource(
            String name,
            DataSourceKind kind,
            ManagementMode managementMode,
            EnvironmentScope environmentScope,
            String description,
            Map<Environment, ConnectionConfig> connections) {}

    public DataSourceView create(UserAccount actor, NewDataSource source) {
        IdentityService.requireRole(actor, PlatformRole.DATA_ADMIN, "register data sources");
        check(source);
        if (sources.exists(source.name())) {
            throw CatalogException.conflict("name", "a data source named '" + source.name() + "' already exists");
        }
        long id = sources.insert(source, actor.getUsername());
        return DataSourceView.of(sources.findById(id).orElseThrow());
    }

    /**
     * Replaces one environment's connection properties. Secrets given replace the stored ones, an empty
     * secret removes one, and secrets not mentioned are kept, so that editing an address does not
     * require retyping a password.
     */
    public DataSourceView updateConnection(UserAccount actor, String name, Environment environment, ConnectionConfig update) {
        IdentityService.requireRole(actor, PlatformRole.DATA_ADMIN, "change data sources");
        DataSource source = get(name);
        if (!source.serves(environment)) {
            throw CatalogException.invalid(
                    "environment",
                    "data source '" + name + "' serves " + source.environmentScope().spelling() + ", not " + environment.spelling());
        }
        Map<String, String> secrets = new HashMap<>(source.connection(environment).secrets());
        update.secrets().forEach((key, value) -> {
            if (value.isEmpty()) {
                secrets.remove(key);
            } else {
                secrets.put(key, value);
            }
        });
        ConnectionConfig merged = new ConnectionConfig(update.properties(), secrets);
        merged.checked(source.kind(), "connections." + environment.spelling());
        sources.replaceConnection(source.id(), environment, merged);
        changes.recordConnection(environment, source.name());
        return DataSourceView.of(get(name));
    }

    public DataSourceView updateDescription(UserAccount actor, String name, String description) {
        IdentityService.requireRole(actor, PlatformRole.DATA_ADMIN, "change data sources");
        sources.updateDescription(get(name).id(), description);
        return DataSourceView.of(get(name));
    }

    @Transactional(readOnly = true)
    public PageResult<DataSourceView> list(UserAccount caller, PageQuery page) {
        return sources.list(page).map(source -> DataSourceVisibility.forCaller(caller, DataSourceView.of(source)));
    }

    @Transactional(readOnly = true)
    public DataSourceView view(UserAccount caller, String name) {
        return DataSourceVisibility.forCaller(caller, DataSourceView.of(get(name)));
    }

    /** The data source with its decrypted connections, for the platform's own use; never returned as it is. */
    @Transactional(readOnly = true)
    public DataSource get(String name) {
        return sources.find(name).orElseThrow(() -> CatalogException.notFound("data source", name));
    }

    @Transactional(readOnly = true)
    public DataSource get(long id) {
        return sources.findById(id).orElseThrow(() -> CatalogException.notFound("data source", id));
    }

    /** Connects to a stored data source in one environment; its config is checked again, as it may predate a rule. */
    @Transactional(readOnly = true)
    public ConnectivityResult test(UserAccount actor, String name, Environment environment) {
        return audited(actor, environment.spelling() + "/" + name, () -> {
            requireConnectivityTester(actor);
            DataSource source = get(name);
            if (!source.serves(environment)) {
                throw CatalogException.invalid(
                        "environment",
                        "data source '" + name + "' does not serve " + environment.spelling() + "; it serves "
                                + source.environmentScope().spelling());
            }
            String field = "connections." + environment.spelling();
            source.connection(environment).checked(source.kind(), field);
            return tester.test(source.kind(), environment, source.connection(environment));
        });
    }

    /** Connects with a config that is not stored yet, so that an admin can check it before saving. */
    public ConnectivityResult test(UserAccount actor, DataSourceKind kind, Environment environment, ConnectionConfig config) {
        return audited(actor, "unsaved/" + (kind == null ? "none" : kind.spelling()), () -> {
            requireConnectivityTester(actor);
            if (kind == null) {
                throw CatalogException.invalid("kind", "kind is required");
            }
            config.checked(kind, "connection");
            return tester.test(kind, environment, config);
        });
    }

    /** A test opens a connection from inside the platform with a config of the caller's: the same people as register sources. */
    private static void requireConnectivityTester(UserAccount actor) {
        if (!DataSourceVisibility.maySeeConnections(actor)) {
            throw CatalogException.forbidden("only a data_admin or system_admin may run connectivity tests; "
                    + actor.getUsername() + " is neither");
        }
    }

    /** Every attempt is audited with its caller: refused (no right, bad config), failed (no connection) or succeeded. */
    private ConnectivityResult audited(UserAccount actor, String objectName, Supplier<ConnectivityResult> attempt) {
        ConnectivityResult result;
        try {
            result = attempt.get();
        } catch (CatalogException refused) {
            audit.record(actor.getUsername(), "datasource.connectivity-test", "datasource", objectName, Outcome.REFUSED, refused.getMessage());
            throw refused;
        }
        audit.record(actor.getUsername(), "datasource.connectivity-test", "datasource", objectName,
                result.ok() ? Outcome.SUCCESS : Outcome.FAILED, result.reason());
        return result;
    }

    /** The connection with its secrets, for the SQL gateway's service account only. */
    @Transactional(readOnly = true)
    /** The connection with its secrets, for the gateway, which names the end user its read is for (may be null). */
    public ConnectionView connectionForGateway(UserAccount actor, String name, Environment environment, String onBehalfOf) {
        IdentityService.requireRole(actor, PlatformRole.GATEWAY, "read connection secrets");
        OnBehalfOf.check(actor, onBehalfOf);
        DataSource source = get(name);
        if (!source.serves(environment)) {
            throw CatalogException.notFound("connection of data source " + name + " in", environment.spelling());
        }
        ConnectionConfig config = source.connection(environment);
        return new ConnectionView(source.name(), source.kind().spelling(), environment.spelling(), config.properties(), config.secrets());
    }

    private static void check(NewDataSource source) {
        Names.require("name", source.name(), 2, 64);
        if (source.kind() == null) {
            throw CatalogException.invalid("kind", "kind is required: one of kafka, mysql, postgresql, hive, elasticsearch, redis, hbase, jdbc");
        }
        if (source.managementMode() == null) {
            throw CatalogException.invalid("managementMode", "managementMode is required: managed or registered");
        }
        if (source.environmentScope() == null) {
            throw CatalogException.invalid("environmentScope", "environmentScope is required: test, prod or both");
        }
        Map<Environment, ConnectionConfig> connections = source.connections() == null ? Map.of() : source.connections();
        Set<Environment> served = source.environmentScope().environments();
        for (Environment env : served) {
            if (connections.get(env) == null) {
                throw CatalogException.invalid(
                        "connections." + env.spelling(),
                        "a source serving " + source.environmentScope().spelling() + " needs a connection config for " + env.spelling());
            }
            connections.get(env).checked(source.kind(), "connections." + env.spelling());
        }
        for (Environment env : connections.keySet()) {
            if (!served.contains(env)) {
                throw CatalogException.invalid(
                        "connections." + env.spelling(),
                        "the source serves " + source.environmentScope().spelling() + " only; remove the "
                                + env.spelling() + " connection or widen environmentScope");
            }
        }
    }
}
