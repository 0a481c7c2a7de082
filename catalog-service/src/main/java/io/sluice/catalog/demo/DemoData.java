package io.sluice.catalog.demo;

import io.sluice.catalog.common.Environment;
import io.sluice.catalog.datasource.ConnectionConfig;
import io.sluice.catalog.datasource.DataSourceKind;
import io.sluice.catalog.datasource.DataSourceService;
import io.sluice.catalog.datasource.EnvironmentScope;
import io.sluice.catalog.datasource.ManagementMode;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.ProjectRole;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.table.Column;
import io.sluice.catalog.table.NewTable;
import io.sluice.catalog.table.TableService;
import io.sluice.catalog.table.TableType;
import io.sluice.catalog.table.RecordFormat;
import io.sluice.catalog.table.TopicKind;
import io.sluice.catalog.workflow.PublishService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds a demo tenant through the same services users go through: projects {@code demo} and
 * {@code other}, their users, a data admin, the gateway's service account, a managed Kafka source and
 * the topic {@code orders} published to test (so it exists on the cluster).
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "sluice.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final DemoProperties demo;
    private final IdentityService identity;
    private final DataSourceService dataSources;
    private final TableService tables;
    private final PublishService publishing;

    DemoData(DemoProperties demo, IdentityService identity, DataSourceService dataSources, TableService tables, PublishService publishing) {
        this.demo = demo;
        this.identity = identity;
        this.dataSources = dataSources;
        this.tables = tables;
        this.publishing = publishing;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (identity.findUser("alice").isPresent()) {
            LOG.info("Demo tenant already present");
            return;
        }
        user("alice", "Alice (demo developer)", Set.of());
        user("bob", "Bob (other project)", Set.of());
        user("dana", "Dana (data admin)", Set.of(PlatformRole.DATA_ADMIN));
        user("gateway", "SQL gateway service account", Set.of(PlatformRole.GATEWAY));
        Project demoProject = identity.createProject(new IdentityService.NewProject("demo", "Demo project", "The local stack's demo tenant"));
        Project other = identity.createProject(new IdentityService.NewProject("other", "Another project", "A second tenant, to show isolation"));
        identity.putMember(demoProject, "alice", ProjectRole.PROJECT_ADMIN);
        identity.putMember(other, "bob", ProjectRole.DEVELOPER);
        UserAccount gateway = identity.user("gateway");
        if (demo.gatewayTokenFile() != null && !demo.gatewayTokenFile().isBlank()) {
            Path file = Path.of(demo.gatewayTokenFile());
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, identity.issueToken(gateway, "gateway").token());
        }
        if (demo.kafkaBootstrapServers() != null && !demo.kafkaBootstrapServers().isBlank()) {
            seedOrdersTopic();
        }
        LOG.info("Demo tenant seeded: alice/alice-password (project demo), bob/bob-password (project other), "
                + "dana/dana-password (data admin)");
    }

    private void seedOrdersTopic() {
        UserAccount alice = identity.user("alice");
        UserAccount dana = identity.user("dana");
        ConnectionConfig kafka = new ConnectionConfig(Map.of("bootstrap.servers", demo.kafkaBootstrapServers()), Map.of());
        dataSources.create(dana, new DataSourceService.NewDataSource(
                "demo_kafka", DataSourceKind.KAFKA, ManagementMode.MANAGED, EnvironmentScope.BOTH, "The local stack's Kafka broker",
                Map.of(Environment.TEST, kafka, Environment.PROD, kafka)));
        tables.create(alice, new NewTable(
                "orders", "Orders", "demo", TableType.TOPIC, RecordFormat.JSON, 3, 168L, TopicKind.APPEND, "Orders placed in the demo shop",
                List.of(
                        new Column("order_id", "BIGINT", "order number"),
                        new Column("customer", "STRING", "customer name"),
                        new Column("amount", "DECIMAL(10, 2)", "order total"),
                        new Column("order_time", "TIMESTAMP(3)", "when the order was placed")),
                List.of(),
                null));
        var request = publishing.request(alice, "orders", new PublishService.PublishAsk("test", "demo_kafka", "demo"));
        publishing.approve(dana, request.id(), "demo");
    }

    private void user(String name, String displayName, Set<PlatformRole> roles) {
        identity.createUser(new IdentityService.NewUser(name, displayName, name + "-password", roles));
    }
}
