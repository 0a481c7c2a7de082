package io.sluice.catalog.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void sealsAndOpensWithAFreshIvEachTime() {
        SecretCipher cipher = new SecretCipher(KEY);
        String a = cipher.seal("{\"password\":\"hunter2\"}");
        String b = cipher.seal("{\"password\":\"hunter2\"}");
        assertThat(a).isNotEqualTo(b).doesNotContain("hunter2");
        assertThat(cipher.open(a)).isEqualTo("{\"password\":\"hunter2\"}");
    }

    @Test
    void refusesTamperedValuesAndTheWrongKey() {
        String sealed = new SecretCipher(KEY).seal("secret");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> new SecretCipher(KEY).open(Base64.getEncoder().encodeToString(bytes)))
                .hasMessageContaining("not the key it was sealed with, or the value was altered");
        assertThatThrownBy(() -> new SecretCipher(OTHER_KEY).open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startsOnlyWithAUsableKey() {
        assertThatThrownBy(() -> new SecretCipher("")).hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new SecretCipher("not base64 !")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> new SecretCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("decodes to 16 bytes, not 32");
    }
}
