package io.sluice.catalog.workflow;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.datasource.DataSource;
import io.sluice.catalog.datasource.DataSourceService;
import io.sluice.catalog.datasource.ManagementMode;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.table.Publication;
import io.sluice.catalog.table.Table;
import io.sluice.catalog.table.TableService;
import io.sluice.catalog.table.TableType;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publish requests: asked for by a table's designers, decided by a data admin, applied on approval. */
@Service
@Transactional
public class PublishService {

    private final PublishRepository requests;
    private final TableService tables;
    private final DataSourceService dataSources;
    private final IdentityService identity;
    private final TopicProvisioner topics;

    PublishService(
            PublishRepository requests, TableService tables, DataSourceService dataSources, IdentityService identity,
            TopicProvisioner topics) {
        this.requests = requests;
        this.tables = tables;
        this.dataSources = dataSources;
        this.identity = identity;
        this.topics = topics;
    }

    /** What a designer asks for: an environment, and the data source to hold the table there. */
    public record PublishAsk(String environment, String dataSource, String comment) {}

    public PublishRequest request(UserAccount actor, String tableName, PublishAsk ask) {
        Table table = tables.visible(actor, tableName);
        tables.requireDesigner(actor, identity.project(table.ownerProjectId()));
        if (ask.environment() == null) {
            throw CatalogException.invalid("environment", "environment is required: test or prod");
        }
        Environment target = Environment.parse("environment", ask.environment());
        Optional<Publication> current = tables.publication(table, target);
        int version = PublishRules.versionToPublish(table, target, tables.publication(table, Environment.TEST), current);
        DataSource source = dataSourceFor(table, target, ask.dataSource(), current);
        PublishRules.checkDataSource(table, target, source, tables.importedFrom(table));
        requests.pending(table.id(), target).ifPresent(pending -> {
            throw CatalogException.conflict(
                    "environment",
                    "publish request " + pending.id() + " for '" + table.name() + "' to " + target.spelling()
                            + " is still pending; withdraw it or wait for its decision");
        });
        long id = requests.insert(table.id(), target, version, source.id(), actor.getUsername(), ask.comment());
        return get(id);
    }

    /**
     * Approves a pending request: a managed Kafka source gets the topic created first, so that when an
     * environment lists a topic, it exists. If that fails the request stays pending and can be approved again.
     */
    public PublishRequest approve(UserAccount approver, long id, String comment) {
        PublishRequest request = get(approver, id);
        PublishRules.checkDecision(approver, request);
        Table table = tables.get(request.tableId());
        DataSource source = dataSources.get(request.dataSourceId());
        PublishRules.checkDataSource(table, request.environment(), source, tables.importedFrom(table));
        if (table.type() == TableType.TOPIC && source.managementMode() == ManagementMode.MANAGED) {
            topics.provision(table, source, request.environment());
        }
        decide(request, PublishStatus.APPROVED, approver, comment);
        tables.recordPublication(table, request.environment(), request.version(), source.id(), request.id());
        return get(id);
    }

    public PublishRequest reject(UserAccount approver, long id, String comment) {
        PublishRequest request = get(approver, id);
        PublishRules.checkDecision(approver, request);
        Decisions.requireReason(comment, PublishRules.name(request), request.requestedBy());
        decide(request, PublishStatus.REJECTED, approver, comment);
        return get(id);
    }

    public PublishRequest withdraw(UserAccount actor, long id) {
        PublishRequest request = get(actor, id);
        PublishRules.checkWithdrawal(actor, request);
        decide(request, PublishStatus.WITHDRAWN, actor, null);
        return get(id);
    }

    @Transactional(readOnly = true)
    public PublishRequest get(long id) {
        return requests.find(id).orElseThrow(() -> CatalogException.notFound("publish request", id));
    }

    /**
     * A request, for those who may see its table ({@link io.sluice.catalog.table.TableVisibility}); to anyone else
     * a request for a design not published anywhere does not exist.
     */
    @Transactional(readOnly = true)
    public PublishRequest get(UserAccount caller, long id) {
        return requests.find(id)
                .filter(request -> tables.maySee(caller, tables.get(request.tableId())))
                .orElseThrow(() -> CatalogException.notFound("publish request", id));
    }

    @Transactional(readOnly = true)
    public PageResult<PublishRequest> list(
            UserAccount caller, PublishStatus status, Environment environment, String requestedBy, String table, PageQuery page) {
        return requests.list(caller, status, environment, requestedBy, table, page);
    }

    /** The named source, or for a republish the one the environment already uses. */
    private DataSource dataSourceFor(Table table, Environment target, String name, Optional<Publication> current) {
        if (name != null && !name.isBlank()) {
            return dataSources.get(name);
        }
        Optional<Publication> fallback = current.or(() -> tables.publication(table, Environment.TEST));
        return fallback
                .map(p -> dataSources.get(p.dataSourceId()))
                .filter(source -> source.serves(target))
                .orElseThrow(() -> CatalogException.invalid(
                        "dataSource", "dataSource is required: the data source that holds '" + table.name() + "' in " + target.spelling()));
    }

    private void decide(PublishRequest request, PublishStatus status, UserAccount actor, String comment) {
        Decisions.requireDecidedHere(
                requests.decide(request.id(), status, actor.getUsername(), comment), PublishRules.name(request));
    }
}
