package io.sluice.contract;

import java.util.List;

/**
 * One database of an environment's catalog. Every data source is one database, named after it
 * (a Kafka cluster is one database whose tables are topics).
 *
 * @param name the data source name
 * @param dataSourceKind kafka, mysql, postgresql, hive, elasticsearch, redis, hbase or jdbc
 */
public record DatabaseView(String name, String dataSourceKind, List<TableView> tables) {}
