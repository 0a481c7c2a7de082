package io.sluice.hive;

import java.util.List;

/**
 * One connection to a Hive Metastore, read only: this platform governs Hive tables, it never changes them. Not safe
 * for use by two threads at once. Every failure is a {@link MetastoreException} whose message this code wrote.
 */
public interface MetastoreClient extends AutoCloseable {

    /** Every database, sorted by name. */
    List<String> databases();

    /** The names of a database's tables, sorted; a {@link MetastoreException.Reason#NO_SUCH_DATABASE} when it has none. */
    List<String> tableNames(String database);

    /**
     * The named tables of one database, in one round trip per {@link #BATCH} names (never one per table); a name the
     * metastore does not know is left out.
     */
    List<HiveTable> tables(String database, List<String> names);

    @Override
    void close();

    /** How many tables one metastore call fetches: big enough for few round trips, small enough for a bounded answer. */
    int BATCH = 100;
}
