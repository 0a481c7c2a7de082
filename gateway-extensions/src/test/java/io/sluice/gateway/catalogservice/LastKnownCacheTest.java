package io.sluice.gateway.catalogservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The one rule every cache of catalog-service's answers follows, on a clock moved by hand. What stands in for
 * catalog-service here is a function that answers or fails as the HTTP clients do (they report to the same
 * {@link OutageGrace}); the HTTP side runs against the real catalog-service in {@code CatalogServiceOutageTest}.
 */
class LastKnownCacheTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final URI CATALOG_SERVICE = URI.create("http://127.0.0.1:1");

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final OutageGrace outage = new OutageGrace(GRACE, nanos::get);
    private final LastKnownCache<String, String> cache = new LastKnownCache<>(TTL, 100, outage);
    private final List<String> asked = new ArrayList<>();
    /** What catalog-service does when asked: answers with the key's version, refuses, or cannot be reached. */
    private Function<String, String> catalogService = key -> key + "-v1";

    private String read(String key) {
        asked.add(key);
        return catalogService.apply(key);
    }

    private void catalogServiceStops() {
        catalogService = key -> {
            throw outage.unreachable(CATALOG_SERVICE, 0, "ConnectException");
        };
    }

    /** catalog-service answers again, as the HTTP clients report it. */
    private void catalogServiceAnswers(String version) {
        catalogService = key -> {
            outage.answered(CATALOG_SERVICE);
            return key + "-" + version;
        };
    }

    private void pass(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    @Test
    void aFreshValueIsUsedWithoutAskingAndAStaleOneIsReadAgain() {
        assertThat(cache.get("orders", this::read)).isEqualTo("orders-v1");
        pass(TTL.minusMillis(1));
        catalogService = key -> key + "-v2";
        assertThat(cache.get("orders", this::read)).isEqualTo("orders-v1");
        assertThat(asked).hasSize(1);
        pass(Duration.ofMillis(1));
        assertThat(cache.get("orders", this::read)).isEqualTo("orders-v2");
        assertThat(asked).hasSize(2);
    }

    @Test
    void whileUnreachableTheLastValueStandsInUntilTheGraceAfterItsConfirmation() {
        cache.get("orders", this::read);
        pass(Duration.ofMinutes(4));
        cache.get("orders", this::read); // confirmed again at 4 min
        catalogServiceStops();
        pass(GRACE.minusMillis(1));
        assertThat(cache.get("orders", this::read)).as("within the grace after the last confirmation").isEqualTo("orders-v1");
        pass(Duration.ofMillis(1));
        assertThatThrownBy(() -> cache.get("orders", this::read))
                .isInstanceOf(CatalogServiceException.class)
                .hasMessage("catalog-service is unreachable (ConnectException). The gateway has nothing from "
                        + "catalog-service for this that is younger than 10 min (catalog-service.outage-grace), so it "
                        + "refuses until catalog-service is back.")
                .satisfies(e -> assertThat(((CatalogServiceException) e).unreachable()).isTrue());
    }

    @Test
    void whatWasNeverReadIsRefusedNamingCatalogService() {
        catalogServiceStops();
        assertThatThrownBy(() -> cache.get("orders", this::read))
                .hasMessageStartingWith("catalog-service is unreachable (ConnectException).");
    }

    @Test
    void duringAnOutageTheGraceBoundsEvenAValueWithALongerTtl() {
        OutageGrace shortGrace = new OutageGrace(Duration.ofSeconds(5), nanos::get);
        LastKnownCache<String, String> connections = new LastKnownCache<>(Duration.ofMinutes(5), 100, shortGrace);
        connections.get("kafka", this::read);
        catalogService = key -> {
            throw shortGrace.unreachable(CATALOG_SERVICE, 0, "ConnectException");
        };
        pass(Duration.ofSeconds(4));
        assertThat(connections.get("kafka", this::read)).isEqualTo("kafka-v1");
        assertThat(asked).as("fresh, and nobody knows yet of the outage").hasSize(1);
        assertThatThrownBy(() -> connections.get("never-read", this::read)).hasMessageStartingWith("catalog-service is unreachable");
        pass(Duration.ofSeconds(1));
        assertThatThrownBy(() -> connections.get("kafka", this::read)).hasMessageStartingWith("catalog-service is unreachable");
    }

    @Test
    void anAnswerIsNeverReplacedByWhatWasKnownBefore() {
        cache.get("token", this::read);
        pass(TTL);
        catalogService = key -> {
            throw new CatalogServiceException(401, "The token was revoked.");
        };
        assertThatThrownBy(() -> cache.get("token", this::read)).hasMessage("The token was revoked.");
        catalogServiceStops();
        assertThatThrownBy(() -> cache.get("token", this::read))
                .as("the refused value is gone: no stand-in for it in a later outage")
                .hasMessageStartingWith("catalog-service is unreachable");
    }

    @Test
    void aNewLoginIsNeverTakenFromTheCacheWhileCatalogServiceIsUnreachable() {
        cache.getConfirmed("alice", this::read);
        catalogServiceStops();
        assertThat(cache.get("alice", this::read)).as("an open session's login").isEqualTo("alice-v1");
        pass(TTL);
        assertThat(cache.get("alice", this::read)).as("an open session's login, within the grace").isEqualTo("alice-v1");
        assertThatThrownBy(() -> cache.getConfirmed("alice", this::read))
                .hasMessage("catalog-service is unreachable (ConnectException). New logins are refused until "
                        + "catalog-service is back; sessions already open go on for up to 10 min.");

        catalogServiceAnswers("v2");
        assertThat(cache.getConfirmed("alice", this::read)).as("asked first once it is back").isEqualTo("alice-v2");
        assertThat(outage.ongoing()).isFalse();
    }

    @Test
    void knowingOfAnOutageALoginAsksCatalogServiceEvenWithinItsTtl() {
        cache.get("orders", this::read);
        pass(TTL);
        cache.getConfirmed("alice", this::read);
        catalogServiceStops();
        assertThat(cache.get("orders", this::read)).as("an open session's statement finds catalog-service unreachable")
                .isEqualTo("orders-v1");
        assertThat(cache.get("alice", this::read)).as("fresh for an open session").isEqualTo("alice-v1");
        assertThatThrownBy(() -> cache.getConfirmed("alice", this::read)).hasMessageContaining("New logins are refused");
    }

    @Test
    void aBatchAsksOnceForWhatIsNotFreshAndFallsBackPerValue() {
        List<List<String>> batches = new ArrayList<>();
        Function<List<String>, List<String>> decisions = keys -> {
            batches.add(keys);
            return keys.stream().map(catalogService).toList();
        };
        assertThat(cache.getAll(List.of("a", "b"), decisions)).containsExactly("a-v1", "b-v1");
        pass(Duration.ofMinutes(5));
        assertThat(cache.getAll(List.of("a", "c"), decisions)).containsExactly("a-v1", "c-v1");
        assertThat(batches).containsExactly(List.of("a", "b"), List.of("a", "c"));

        catalogServiceStops();
        pass(Duration.ofMinutes(6)); // a: confirmed 6 min ago, b: 11 min ago
        assertThat(cache.getAll(List.of("a"), decisions)).containsExactly("a-v1");
        assertThatThrownBy(() -> cache.getAll(List.of("a", "b"), decisions)).hasMessageStartingWith("catalog-service is unreachable");
    }

    @Test
    void theOutageIsOverAtTheFirstAnswer() {
        catalogServiceStops();
        assertThatThrownBy(() -> cache.get("orders", this::read)).isInstanceOf(CatalogServiceException.class);
        assertThat(outage.ongoing()).isTrue();
        catalogServiceAnswers("v1");
        assertThat(cache.get("orders", this::read)).isEqualTo("orders-v1");
        assertThat(outage.ongoing()).isFalse();
    }
}
