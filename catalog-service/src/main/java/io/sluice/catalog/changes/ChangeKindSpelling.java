package io.sluice.catalog.changes;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.contract.ChangeKind;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spells the contract's {@link ChangeKind} in lower case in JSON, as every other enum of the API is spelled: the
 * contract module has no dependencies, so the annotation is attached here.
 */
@Configuration
class ChangeKindSpelling {

    abstract static class LowerCase {
        @JsonValue
        abstract String spelling();
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer changeKindInLowerCase() {
        return builder -> builder.mixIn(ChangeKind.class, LowerCase.class);
    }
}
