package io.sluice.catalog.workflow;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.datasource.DataSource;
import io.sluice.catalog.datasource.KafkaAdmins;
import io.sluice.catalog.table.Table;
import io.sluice.catalog.table.TopicKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.stereotype.Component;

/**
 * Makes a topic exist on a managed Kafka source's cluster for one environment, with at least the
 * designed partitions. Publishing again is safe: an existing topic is kept and only grown.
 */
@Component
class TopicProvisioner {

    private static final long TIMEOUT_MS = KafkaAdmins.TIMEOUT.toMillis();

    void provision(Table table, DataSource source, Environment environment) {
        String where = "topic '" + table.name() + "' on data source '" + source.name() + "' (" + environment.spelling() + ", "
                + KafkaAdmins.servers(source.connection(environment)) + ")";
        try (Admin admin = KafkaAdmins.open(source.connection(environment))) {
            Optional<TopicDescription> existing = describe(admin, table.name());
            if (existing.isEmpty()) {
                NewTopic topic = new NewTopic(table.name(), Optional.of(table.partitions()), Optional.empty()).configs(configs(table));
                admin.createTopics(Set.of(topic)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } else if (existing.get().partitions().size() < table.partitions()) {
                admin.createPartitions(Map.of(table.name(), NewPartitions.increaseTo(table.partitions())))
                        .all()
                        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            throw CatalogException.upstream("could not create " + where + ": the cluster did not answer within "
                    + KafkaAdmins.TIMEOUT.toSeconds() + " s; check that it is up, then approve again");
        } catch (ExecutionException e) {
            throw CatalogException.upstream("could not create " + where + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CatalogException.upstream("interrupted while creating " + where);
        }
    }

    private static Optional<TopicDescription> describe(Admin admin, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return Optional.of(admin.describeTopics(Set.of(topic)).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Upsert topics are compacted: the newest record per key is the state, older ones may go. */
    private static Map<String, String> configs(Table table) {
        Map<String, String> configs = new HashMap<>();
        if (table.retentionHours() != null) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(table.retentionHours() * 3_600_000L));
        }
        if (table.topicKind() == TopicKind.UPSERT) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return configs;
    }
}
