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
 * Soak (outside {@code ./mvnw verify}; {@code ./mvnw -pl gateway-extensions verify -Psoak}): sessions in a row each
 * open, call a project's function and close. Each session loads the function into a class loader of its own; once
 * they are closed and a full GC ran, nothing of them may stay, or long-lived gateways would grow until they fail.
 *
 * <p>The sessions run in two equal halves, measured after each. Flink fills caches of its own while the first
 * hundreds of statements run (code generation, method handles), a fixed cost that does not grow with sessions; a
 * leak of the sessions' class loaders does: it would add as much in the second half as in the first (~20 classes
 * and ~100 KB per session). So the second half must add almost nothing.
 */
class FunctionMetaspaceSoak {

    static final int SESSIONS = Integer.getInteger("soak.sessions", 400);
    /** What the second half may add to Metaspace: well under one class loader per session. */
    static final long METASPACE_BOUND = 4L << 20;
    /** Loaded classes the second half may add: fewer than one per session (a leak adds ~20 per session). */
    static final int CLASS_BOUND = SESSIONS / 2;

    @Test
    void sessionsThatCallAFunctionLeaveNoClassesBehind() throws Exception {
        GatewayStack stack = GatewayStack.get();
        String project = "fn_soak";
        String user = "fn_soak_dev";
        Tenants.projectWithDeveloper(stack, project, user);
        FunctionsTest.uploadAndActivate(stack, project, user, "soak_greet", "soak:");

        for (int i = 0; i < 20; i++) {
            call(user);
        }
        long[] start = measure("warm-up", 20);
        long[] half = start;
        long[] end = start;
        for (int phase = 1; phase <= 2; phase++) {
            for (int i = 0; i < SESSIONS / 2; i++) {
                call(user);
            }
            half = end;
            end = measure("half " + phase, SESSIONS / 2);
        }
        System.out.printf("soak: first half %+d KB, %+d classes; second half %+d KB, %+d classes%n",
                (half[0] - start[0]) >> 10, half[1] - start[1], (end[0] - half[0]) >> 10, end[1] - half[1]);
        assertThat(end[0] - half[0]).as("Metaspace growth over the second %d sessions", SESSIONS / 2)
                .isLessThan(METASPACE_BOUND);
        assertThat(end[1] - half[1]).as("loaded classes over the second %d sessions", SESSIONS / 2)
                .isLessThan(CLASS_BOUND);
    }

    /** Metaspace bytes and loaded classes after a full GC. */
    private static long[] measure(String phase, int sessions) throws InterruptedException {
        long[] now = {metaspaceAfterFullGc(), loadedClasses()};
        System.out.printf("soak: after %s (%d sessions): Metaspace %d KB, %d loaded classes%n",
                phase, sessions, now[0] >> 10, now[1]);
        return now;
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
