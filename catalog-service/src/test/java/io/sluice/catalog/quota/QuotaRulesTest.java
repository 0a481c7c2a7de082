package io.sluice.catalog.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.common.CatalogException;
import io.sluice.contract.QuotaView;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaRulesTest {

    private static final QuotaDefaults DEFAULTS = new QuotaDefaults(4, 8, 20);

    @Test
    void ownValuesWinAndGapsTakeTheDefaults() {
        QuotaSettings own = QuotaRules.fromBody(Map.of("maxTaskSlots", 3));
        assertThat(QuotaRules.effective("demo", own, DEFAULTS)).isEqualTo(new QuotaView("demo", 4, 3, 20));
        assertThat(QuotaRules.effective("demo", QuotaSettings.DEFAULTS, DEFAULTS)).isEqualTo(new QuotaView("demo", 4, 8, 20));
    }

    @Test
    void nullMeansTheDefault() {
        Map<String, Object> body = new HashMap<>();
        body.put("maxSessionsPerUser", null);
        assertThat(QuotaRules.fromBody(body)).isEqualTo(QuotaSettings.DEFAULTS);
    }

    @Test
    void refusalsNameTheField() {
        assertThatThrownBy(() -> QuotaRules.fromBody(Map.of("maxSlots", 2)))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.field()).isEqualTo("maxSlots"))
                .hasMessageContaining("'maxSlots' is not a quota field");
        assertThatThrownBy(() -> QuotaRules.fromBody(Map.of("maxParallelism", 0)))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.field()).isEqualTo("maxParallelism"));
        assertThatThrownBy(() -> QuotaRules.fromBody(Map.of("maxTaskSlots", 100_001)))
                .hasMessageContaining("from 1 to 100000");
        assertThatThrownBy(() -> QuotaRules.fromBody(Map.of("maxTaskSlots", 2.0))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> new QuotaDefaults(0, 8, 20)).hasMessageContaining("sluice.quota.max-parallelism");
    }
}
