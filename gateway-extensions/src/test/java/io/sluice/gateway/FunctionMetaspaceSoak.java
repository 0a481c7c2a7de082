package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;
import io.sluice.gateway.testing.Jdbc;
import io.sluice.gateway.testing.Tenants;

import org.junit.jupiter.api.Test;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soak (outside {@code ./mvnw verify}; {@code ./mvnw -pl gateway-extensions verify -Psoak}): 300 sessions in a row
 * each open, call a project's function and close. Each session loads the function into a class loader of its own;
 * once they are closed and a full GC ran, the gateway's Metaspace and its count of loaded classes must be back near
 * where they were, or long-lived gateways would grow until they fail.
 */
class FunctionMetaspaceSoak {

    static final int SESSIONS = Integer.getInteger("soak.sessions", 300);
    /** What Metaspace may keep after all sessions closed: caches of Flink's own code, never a class loader per session. */
    static final long METASPACE_BOUND = 16L << 20;
    /** Loaded classes may exceed the level before by this many at most (one session's worth is ~20 of them). */
    static final int CLASS_BOUND = 500;

    @Test
    void sessionsThatCallAFunctionLeaveNoClassesBehind() throws Exception {
        GatewayStack stack = GatewayStack.get();
        String project = "fn_soak";
        String user = "fn_soak_dev";
        Tenants.projectWithDeveloper(stack, project, user);
        FunctionsTest.uploadAndActivate(stack, project, user, "soak_greet", "soak:");

        // warm up: Flink's own classes for planning and running a query load once, then stay
        for (int i = 0; i < 20; i++) {
            call(user);
        }
        long metaspaceBefore = metaspaceAfterFullGc();
        long classesBefore = loadedClasses();
        for (int i = 0; i < SESSIONS; i++) {
            call(user);
        }
        long metaspaceAfter = metaspaceAfterFullGc();
        long classesAfter = loadedClasses();
        System.out.printf("soak: %d sessions; Metaspace %d -> %d KB (%+d KB); loaded classes %d -> %d (%+d)%n",
                SESSIONS, metaspaceBefore >> 10, metaspaceAfter >> 10, (metaspaceAfter - metaspaceBefore) >> 10,
                classesBefore, classesAfter, classesAfter - classesBefore);
        assertThat(metaspaceAfter - metaspaceBefore).as("Metaspace growth over %d sessions", SESSIONS).isLessThan(METASPACE_BOUND);
        assertThat(classesAfter - classesBefore).as("loaded classes over %d sessions", SESSIONS).isLessThan(CLASS_BOUND);
    }

    private static void call(String user) throws Exception {
        try (Connection connection = Jdbc.connect(user, Tenants.password(user));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT soak_greet('x')")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("soak:x");
        }
    }

    private static long metaspaceAfterFullGc() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace"))
                .mapToLong(pool -> pool.getUsage().getUsed())
                .sum();
    }

    private static long loadedClasses() {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        return classes.getLoadedClassCount();
    }
}
