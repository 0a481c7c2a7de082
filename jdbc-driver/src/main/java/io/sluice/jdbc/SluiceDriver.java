package io.sluice.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The Sluice JDBC driver: {@code jdbc:sluice://host:port[/environment[.database]][?user=…&password=…]}, talking the
 * gateway's REST API. Registered with {@link DriverManager} when loaded (and through
 * {@code META-INF/services/java.sql.Driver}).
 */
public final class SluiceDriver implements Driver {

    static final int MAJOR_VERSION = 0;
    static final int MINOR_VERSION = 1;
    static final String VERSION = MAJOR_VERSION + "." + MINOR_VERSION;

    static {
        try {
            DriverManager.registerDriver(new SluiceDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** @return null for a URL of another driver, as JDBC asks */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        return SluiceConnection.open(url, ConnectionUrl.parse(url, info));
    }

    @Override
    public boolean acceptsURL(String url) {
        return ConnectionUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        String[][] settings = {
            {"user", "the user name (with password); or use token"},
            {"password", "the user's password"},
            {"token", "a bearer token from catalog-service (instead of user and password)"},
            {"ssl", "true to connect with TLS (https)"},
            {"project", "the project the session works for, when the user is in several"},
            {"resultMode", "snapshot (default: a query ends with its final rows) or streaming (rows as they arrive)"},
        };
        DriverPropertyInfo[] infos = new DriverPropertyInfo[settings.length];
        for (int i = 0; i < settings.length; i++) {
            infos[i] = new DriverPropertyInfo(settings[i][0], info == null ? null : info.getProperty(settings[i][0]));
            infos[i].description = settings[i][1];
            infos[i].required = false;
        }
        infos[3].choices = new String[] {"true", "false"};
        infos[5].choices = new String[] {"snapshot", "streaming"};
        return infos;
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** Not JDBC compliant: Flink SQL has no transactions and is not SQL-92 entry level. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("The driver does not log through java.util.logging", "0A000");
    }
}
