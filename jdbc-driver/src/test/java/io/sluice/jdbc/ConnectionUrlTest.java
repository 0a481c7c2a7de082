package io.sluice.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionUrlTest {

    @Test
    void readsHostPortEnvironmentDatabaseAndDecodedSettings() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:sluice://gw.example:8083/test.demo_kafka?user=al%20ice"
                + "&password=p%26ss%3D&ssl=true", null);
        assertThat(url.restBase().toString()).isEqualTo("https://gw.example:8083");
        assertThat(url.environment()).isEqualTo("test");
        assertThat(url.database()).isEqualTo("demo_kafka");
        assertThat(url.setting("user")).isEqualTo("al ice");
        assertThat(url.setting("password")).isEqualTo("p&ss=");
    }

    @Test
    void propertiesMergeAndConflictsAreRefused() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("password", "secret");
        assertThat(ConnectionUrl.parse("jdbc:sluice://h:1?user=a", properties).setting("password"))
                .isEqualTo("secret");
        properties.setProperty("user", "b");
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:sluice://h:1?user=a", properties))
                .hasMessageContaining("'user' is given in the URL and as a property");
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:sluice://h:1?usr=a", null))
                .hasMessageContaining("'usr' is not a setting of this driver");
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:sluice://h/test", null))
                .hasMessageContaining("jdbc:sluice://host:port");
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:sluice://h:1/a.b.c", null))
                .hasMessageContaining("/environment or /environment.database");
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:sluice://u:p@h:1", null))
                .hasMessageContaining("not in the host part");
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:sluice://h:1?ssl=yes", null))
                .hasMessageContaining("ssl must be true or false");
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:sluice://h:1?user=%zz", null))
                .hasMessageContaining("not a valid URI");
    }
}
