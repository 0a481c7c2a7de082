package io.sluice.catalog.workflow;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.datasource.DataSource;
import io.sluice.catalog.datasource.DataSourceKind;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.table.Publication;
import io.sluice.catalog.table.Table;
import io.sluice.catalog.table.TableType;
import java.util.Optional;

/** The order and the rules of publishing; plain Java so that tests call them directly. */
public final class PublishRules {

    private PublishRules() {}

    /**
     * Which version a publish to {@code target} carries: test gets the newest design version; prod gets
     * the version test has, so that nothing reaches prod untried.
     */
    public static int versionToPublish(Table table, Environment target, Optional<Publication> inTest, Optional<Publication> current) {
        int version = switch (target) {
            case DESIGN -> throw CatalogException.invalid("environment", "tables are designed in design; publish to test or prod");
            case TEST -> table.designVersion();
            case PROD -> inTest.orElseThrow(() -> CatalogException.conflict(
                            "environment",
                            "table '" + table.name() + "' is not published to test yet; publish it to test first, then to prod"))
                    .version();
        };
        if (current.isPresent() && current.get().version() == version) {
            throw CatalogException.conflict(
                    "environment",
                    target.spelling() + " already has version " + version + " of '" + table.name() + "'; change the design to publish again");
        }
        return version;
    }

    /**
     * The data source must serve the environment and hold this kind of table; a table imported from a Hive
     * Metastore ({@code importedFrom}, the source's id) goes to that source only, and a Hive source holds only tables
     * imported from it.
     */
    public static void checkDataSource(Table table, Environment target, DataSource source, Optional<Long> importedFrom) {
        if (importedFrom.isPresent() && importedFrom.get() != source.id()) {
            throw CatalogException.invalid(
                    "dataSource",
                    "'" + table.name() + "' was imported from a Hive Metastore source, and its schema follows that "
                            + "metastore; publish it to the source it came from, not to '" + source.name() + "'");
        }
        if (importedFrom.isEmpty() && source.kind() == DataSourceKind.HIVE) {
            throw CatalogException.invalid(
                    "dataSource",
                    "data source '" + source.name() + "' is a Hive Metastore: its tables are imported from it "
                            + "(POST /api/v1/datasources/" + source.name() + "/metastore/{environment}/imports), not designed");
        }
        if (!source.serves(target)) {
            throw CatalogException.invalid(
                    "dataSource",
                    "data source '" + source.name() + "' does not serve " + target.spelling() + " (it serves "
                            + source.environmentScope().spelling() + "); choose one that does");
        }
        boolean topic = table.type() == TableType.TOPIC;
        if (topic != source.kind().holdsTopics()) {
            throw CatalogException.invalid(
                    "dataSource",
                    "'" + table.name() + "' is a " + table.type().spelling() + " but data source '" + source.name() + "' is "
                            + source.kind().spelling() + "; a topic goes to a kafka source, a table to a database source");
        }
        if (!topic && table.format() != null && source.kind() != DataSourceKind.REDIS) {
            throw CatalogException.invalid(
                    "dataSource",
                    "'" + table.name() + "' has format " + table.format().spelling() + ", which says how a Redis table keeps "
                            + "its rows, but data source '" + source.name() + "' is " + source.kind().spelling()
                            + "; publish it to a redis source, or remove the format from its design");
        }
    }

    /** Only a data admin decides, never on a request of their own, and only once. */
    public static void checkDecision(UserAccount approver, PublishRequest request) {
        Decisions.checkDecider(approver, name(request), request.requestedBy(), request.status(), pending(request));
    }

    public static void checkWithdrawal(UserAccount actor, PublishRequest request) {
        Decisions.checkWithdrawer(actor, name(request), request.requestedBy(), request.status(), pending(request));
    }

    static String name(PublishRequest request) {
        return "publish request " + request.id();
    }

    private static boolean pending(PublishRequest request) {
        return request.status() == PublishStatus.PENDING;
    }
}
