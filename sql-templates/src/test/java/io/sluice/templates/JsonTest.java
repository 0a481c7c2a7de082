package io.sluice.templates;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void readsAndWritesJson() {
        Object value = Json.read("{\"a\": [1, 2.5, \"x\\n\\u00e9\", true, null], \"b\": {}}");
        assertThat(value).isEqualTo(Map.of("a", java.util.Arrays.asList(BigDecimal.ONE, new BigDecimal("2.5"),
                "x\né", true, null), "b", Map.of()));
        assertThat(Json.write(Map.of("s", "q\"\\\u0001"))).isEqualTo("{\"s\":\"q\\\"\\\\\\u0001\"}");
        assertThat(Json.write(List.of())).isEqualTo("[]");
    }

    @Test
    void refusesBrokenOrTooDeepJson() {
        assertThatThrownBy(() -> Json.read("{\"a\": }")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Json.read("[1] x")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Json.read("\"a\u0001b\""))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Json.read("[".repeat(100) + "]".repeat(100))).hasMessageContaining("deeper");
    }
}
