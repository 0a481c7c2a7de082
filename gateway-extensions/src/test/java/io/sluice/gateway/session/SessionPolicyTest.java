package io.sluice.gateway.session;

import io.sluice.gateway.errors.ClientError;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionPolicyTest {

    /** An operator's own allow-list, written without Sluice's result mode. */
    private final SessionPolicy narrow = new SessionPolicy(List.of("table.exec.*"));

    @Test
    void theResultModeIsSettableWhateverTheAllowListSays() {
        assertThat(narrow.sessionProperties(Map.of("sluice.result-mode", "snapshot"), "demo"))
                .containsEntry("sluice.result-mode", "snapshot");
        assertThat(narrow.whyNotSettable("sluice.result-mode", "streaming", "demo")).isEmpty();
        assertThat(narrow.whyNotResettable("sluice.result-mode")).isEmpty();
    }

    @Test
    void theResultModeIsStillJudgedByItsValue() {
        assertThatThrownBy(() -> narrow.sessionProperties(Map.of("sluice.result-mode", "batch"), "demo"))
                .isInstanceOf(ClientError.class)
                .hasMessageContaining("sluice.result-mode");
        assertThat(narrow.whyNotSettable("sluice.result-mode", "batch", "demo")).isPresent();
    }

    @Test
    void otherKeysOffTheListAreStillRefusedAndTheHintNamesTheResultMode() {
        assertThat(narrow.whyNotResettable("pipeline.name"))
                .hasValueSatisfying(why -> assertThat(why).contains("table.exec.*", "sluice.result-mode"));
        assertThat(narrow.sessionProperties(Map.of("pipeline.name", "x"), "demo")).doesNotContainKey("pipeline.name");
    }
}
