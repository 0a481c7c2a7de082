package io.sluice.bench.dimtable;

import java.lang.management.ManagementFactory;

/**
 * Wall and process CPU time between the first and the last generated record. The pipeline is
 * chained into one thread, so when the last record is generated every earlier one has been joined
 * and sunk. Job start-up and shutdown are not measured.
 */
final class Measurement {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static volatile long startNanos;
    private static volatile long startCpuNanos;
    private static volatile long endNanos;
    private static volatile long endCpuNanos;

    static void start() {
        startCpuNanos = OS.getProcessCpuTime();
        startNanos = System.nanoTime();
    }

    static void end() {
        endNanos = System.nanoTime();
        endCpuNanos = OS.getProcessCpuTime();
    }

    static long wallNanos() {
        return endNanos - startNanos;
    }

    static long cpuNanos() {
        return endCpuNanos - startCpuNanos;
    }

    private Measurement() {}
}
