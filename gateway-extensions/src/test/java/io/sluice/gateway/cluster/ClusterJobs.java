package io.sluice.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.ClusterStack;
import io.sluice.localstack.LocalStack;

import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cluster tests share: a PostgreSQL table of customers published as {@code test.cluster_pg.cl_customers},
 * pairs of order topics, the governed {@code INSERT} that enriches one into the other through a {@code dim} lookup
 * join, and a count of what reached the output.
 */
final class ClusterJobs {

    static final String PG_URL = System.getProperty("sluice.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("sluice.test.pg.user", "postgres");
    static final String CUSTOMERS = "cl_customers";
    static final String DATA_SOURCE = "cluster_pg";
    private static final Pattern ORDER_ID = Pattern.compile("\"order_id\":(\\d+)");
    private static final Pattern NAME = Pattern.compile("\"name\":\"([^\"]*)\"");
    private static boolean customersPublished;

    private ClusterJobs() {}

    /** Customers 1, 2 and 3 in PostgreSQL, published once per stack. */
    static synchronized void publishCustomers(ClusterStack stack) throws Exception {
        if (customersPublished) {
            return;
        }
        try (var pg = DriverManager.getConnection(PG_URL, PG_USER, "");
                Statement statement = pg.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + CUSTOMERS);
            statement.execute("CREATE TABLE " + CUSTOMERS + " (id BIGINT PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO " + CUSTOMERS + " VALUES (1, 'ada'), (2, 'bo'), (3, 'cy')");
        }
        stack.registerDataSource(DATA_SOURCE, "postgresql", PG_URL, PG_USER, "{}");
        stack.publishTable(
                CUSTOMERS,
                DATA_SOURCE,
                "[{\"name\":\"id\",\"type\":\"BIGINT NOT NULL\",\"comment\":\"customer number\"},"
                        + "{\"name\":\"name\",\"type\":\"STRING\",\"comment\":\"customer name\"}]",
                "[\"id\"]");
        customersPublished = true;
    }

    /** An input topic of orders and an output topic of (order, customer name), both of project demo, in test. */
    static void publishTopics(LocalStack stack, String input, String output) {
        stack.publishOrdersLikeTopic(input);
        stack.publishTopic(
                output,
                "append",
                "[{\"name\":\"order_id\",\"type\":\"BIGINT\",\"comment\":\"order number\"},"
                        + "{\"name\":\"name\",\"type\":\"STRING\",\"comment\":\"customer name\"}]",
                "[]");
    }

    /** The governed streaming INSERT: orders of {@code input}, enriched with the customer's name, into {@code output}. */
    static String enrichment(String input, String output) {
        return "INSERT INTO test.demo_kafka." + output + " "
                + "SELECT o.order_id, c.name FROM (SELECT order_id, CAST(customer AS BIGINT) AS customer_id, "
                + "PROCTIME() AS pt FROM test.demo_kafka." + input + ") AS o "
                + "JOIN test." + DATA_SOURCE + "." + CUSTOMERS + " FOR SYSTEM_TIME AS OF o.pt AS c "
                + "ON o.customer_id = c.id";
    }

    /** Orders {@code from} to {@code to} (inclusive) of customers 1–3, as JSON records. */
    static List<String> orders(int from, int to) {
        List<String> orders = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            orders.add("{\"order_id\":" + id + ",\"customer\":\"" + customerOf(id) + "\",\"amount\":1.00,"
                    + "\"order_time\":\"2026-11-01 10:00:00\"}");
        }
        return orders;
    }

    static long customerOf(int orderId) {
        return orderId % 3 + 1;
    }

    static String nameOf(long customer) {
        return switch ((int) customer) {
            case 1 -> "ada";
            case 2 -> "bo";
            default -> "cy";
        };
    }

    /** Runs a statement that starts a job and returns the job's id, as the JobManager lists it. */
    static String startJob(ClusterStack stack, Statement statement, String sql) throws Exception {
        Set<String> before = stack.runningJobs();
        statement.execute(sql);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> now = stack.runningJobs();
            now.removeAll(before);
            if (!now.isEmpty()) {
                assertThat(now).as("one new job").hasSize(1);
                return now.iterator().next();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no job started for " + sql);
    }

    /** What an output topic holds: how often each order came, checked against the customer it names. */
    record Output(Map<Long, Integer> timesPerOrder) {

        int distinct() {
            return timesPerOrder.size();
        }

        int duplicates() {
            return timesPerOrder.values().stream().mapToInt(times -> times - 1).sum();
        }

        boolean hasEvery(int from, int to) {
            for (long id = from; id <= to; id++) {
                if (!timesPerOrder.containsKey(id)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Reads the whole output topic; every record must carry the right customer's name. */
    static Output output(LocalStack stack, String topic) {
        long count = stack.recordCount(topic);
        Map<Long, Integer> times = new HashMap<>();
        for (String record : stack.consume(topic, (int) count, Duration.ofSeconds(30))) {
            Matcher id = ORDER_ID.matcher(record);
            Matcher name = NAME.matcher(record);
            assertThat(id.find() && name.find()).as(record).isTrue();
            long order = Long.parseLong(id.group(1));
            assertThat(name.group(1)).as("customer of order %d", order).isEqualTo(nameOf(customerOf((int) order)));
            times.merge(order, 1, Integer::sum);
        }
        return new Output(times);
    }

    /** Waits until the output holds every order from 1 to {@code last}; returns it. */
    static Output awaitEveryOrder(LocalStack stack, String topic, int last, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (stack.recordCount(topic) >= last) {
                Output output = output(stack, topic);
                if (output.hasEvery(1, last)) {
                    return output;
                }
            }
            if (System.nanoTime() > deadline) {
                Output output = output(stack, topic);
                throw new AssertionError(topic + " has " + output.distinct() + " of " + last + " orders after " + timeout);
            }
            Thread.sleep(1000);
        }
    }
}
