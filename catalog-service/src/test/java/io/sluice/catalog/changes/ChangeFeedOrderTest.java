package io.sluice.catalog.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import io.sluice.contract.ChangeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The change feed as a gateway reads it, over HTTP with a gateway's token: "events after the last id I saw". Two
 * changes whose transactions commit in the opposite order of the one they began in are both read, because an event
 * is numbered as its transaction commits.
 */
class ChangeFeedOrderTest extends ApiTest {

    @Autowired
    ChangeFeed feed;

    @Autowired
    PlatformTransactionManager transactions;

    private Api gateway;

    @BeforeEach
    void gateway() {
        gateway = newUser(unique("gw"), "gateway");
    }

    @Test
    void aChangeThatCommitsAfterALaterOneIsStillRead() throws Exception {
        String first = unique("begun_first");
        String second = unique("begun_second");
        long cursor = end();

        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            feed.record(ChangeKind.ACCESS, Environment.TEST, first);
            firstRecorded.countDown();
            await(mayCommit);
        }));
        assertThat(firstRecorded.await(10, TimeUnit.SECONDS)).isTrue();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> feed.record(ChangeKind.ACCESS, Environment.TEST, second));

        List<JsonNode> read = new ArrayList<>();
        cursor = poll(cursor, read);
        assertThat(tables(read)).containsExactly(second);

        mayCommit.countDown();
        slow.get(10, TimeUnit.SECONDS);
        poll(cursor, read);
        assertThat(tables(read)).containsExactly(second, first);
        assertThat(read.get(1).path("id").asLong()).isGreaterThan(read.get(0).path("id").asLong());
        assertThat(read.get(0).path("kind").asText()).isEqualTo("access");
        assertThat(read.get(0).path("environment").asText()).isEqualTo("test");
    }

    @Test
    void theEndIsTheNewestEventSoAReaderStartingThereReadsOnlyWhatIsNew() {
        String table = unique("after_end");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> feed.record(ChangeKind.PUBLISHED, Environment.PROD, table));
        long end = end();
        assertThat(gateway.get("/api/v1/changes?after=" + end).json()).isEmpty();
        List<JsonNode> newest = new ArrayList<>();
        poll(end - 1, newest);
        assertThat(tables(newest)).containsExactly(table);

        String next = unique("next");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> feed.record(ChangeKind.PUBLISHED, Environment.PROD, next));
        List<JsonNode> read = new ArrayList<>();
        poll(end, read);
        assertThat(tables(read)).containsExactly(next);
        assertThat(end()).isEqualTo(end + 1);
    }

    @Test
    void aChangeThatRollsBackLeavesNoEventAndNoGap() {
        long end = end();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                feed.record(ChangeKind.ACCESS, Environment.TEST, unique("rolled_back"));
                throw new IllegalStateException("the change fails after recording its event");
            });
        } catch (IllegalStateException expected) {
            // the change and its event roll back together
        }
        assertThat(end()).isEqualTo(end);
        assertThat(gateway.get("/api/v1/changes?after=" + end).json()).isEmpty();
    }

    @Test
    void onlyReadersOfTheFeedMayAskWhereItEnds() {
        ApiResponse plain = newUser(unique("dev")).get("/api/v1/changes/end");
        assertThat(plain.status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/changes/end").status()).isEqualTo(200);
    }

    private long end() {
        ApiResponse response = gateway.get("/api/v1/changes/end");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("lastId").asLong();
    }

    /** Reads the feed after {@code cursor} as a gateway does, adding what it read; returns the new cursor. */
    private long poll(long cursor, List<JsonNode> read) {
        for (JsonNode event : gateway.get("/api/v1/changes?after=" + cursor).json()) {
            read.add(event);
            cursor = event.path("id").asLong();
        }
        return cursor;
    }

    private static List<String> tables(List<JsonNode> events) {
        return events.stream().map(e -> e.path("table").asText()).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
