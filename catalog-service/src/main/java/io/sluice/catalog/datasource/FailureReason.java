package io.sluice.catalog.datasource;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Why a connectivity test failed, in words this service chose. Drivers and clients quote what they were
 * given in their messages (a config value, a file's content read through a config provider, a user name),
 * so their text is never passed on: the reason is told by the kind of failure alone. (A metastore failure's message
 * is written by hive-metastore's own code, never the Thrift client's.)
 */
final class FailureReason {

    private FailureReason() {}

    static String of(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            String reason = known(e);
            if (reason != null) {
                return reason;
            }
        }
        return "the connection failed (" + failure.getClass().getSimpleName() + ")";
    }

    private static String known(Throwable e) {
        if (e instanceof ProbeFailure || e instanceof io.sluice.hive.MetastoreException) {
            return e.getMessage();
        }
        if (e instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.startsWith("28")) {
                return "access denied: check the user name and password";
            }
            if (state.equals("3D000") || state.equals("42000") && sql.getErrorCode() == 1049) {
                return "the database does not exist";
            }
            if (state.startsWith("08") && e.getCause() == null) {
                return "the server refused the connection (SQLState " + state + ")";
            }
        }
        if (e instanceof ConnectException) {
            return "Connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SocketTimeoutException) {
            return "the server did not answer in time";
        }
        if (e instanceof AuthenticationException) {
            return "Kafka refused the login: check the SASL mechanism and credentials";
        }
        if (e instanceof TimeoutException) {
            return "no Kafka broker answered in time";
        }
        if (e instanceof KafkaException && e.getCause() == null) {
            return "the Kafka client refused the configuration";
        }
        return null;
    }
}
