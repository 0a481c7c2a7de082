package io.sluice.catalog.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.contract.connection.ConnectionKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The API's kinds and the shared connection rules' kinds are the same set, spelled the same. */
class DataSourceKindTest {

    @Test
    void everyKindHasItsConnectionRulesAndNoRuleSetLacksAKind() {
        assertThat(Arrays.stream(DataSourceKind.values()).map(kind -> kind.connectionKind().spelling()))
                .containsExactlyElementsOf(Arrays.stream(DataSourceKind.values()).map(DataSourceKind::spelling).toList());
        assertThat(Arrays.stream(ConnectionKind.values()).map(ConnectionKind::spelling))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(DataSourceKind.values()).map(DataSourceKind::spelling).toList());
    }
}
