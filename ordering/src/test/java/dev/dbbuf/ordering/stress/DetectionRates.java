package dev.dbbuf.ordering.stress;

import dev.dbbuf.ordering.protocol.DeviceSide;
import dev.dbbuf.ordering.protocol.FaultySides;
import dev.dbbuf.ordering.protocol.HostSide;
import dev.dbbuf.ordering.protocol.LitmusDevice;
import dev.dbbuf.ordering.protocol.LitmusHost;
import java.time.Duration;

/**
 * Measures how often real-thread stress catches each faulty variant: a measurement, not a test. Run from the test
 * with {@code -Ddbbuf.ordering.stress=true}, or directly with {@code java ... DetectionRates runs updates}.
 *
 * @param referenceCaught    runs that flagged the spec-based pair (must be 0)
 * @param fenceDefectsCaught runs that caught a missing full fence, host or device
 */
record DetectionRates(int referenceCaught, int fenceDefectsCaught) {

    static DetectionRates measure(final int runs, final long updates) {
        final StressConfig config = new StressConfig(updates, Duration.ofSeconds(20), Duration.ofMillis(20), 64);
        final HostSide host = new LitmusHost();
        final DeviceSide device = new LitmusDevice();
        final int reference = measure("reference host + reference device", host, device, runs, config);
        final int hostCaught = measure("host without full fence (DBC-ORD-001)", FaultySides.HOST_NO_FULL_FENCE, device,
            runs, config);
        final int deviceCaught = measure("device without full fence (DBC-ORD-003)", host,
            FaultySides.DEVICE_NO_FULL_FENCE, runs, config);
        measure("host tail before entry (DBC-ORD-002)", FaultySides.HOST_TAIL_BEFORE_ENTRY, device, runs, config);
        measure("device entry before tail (DBC-ORD-005)", host, FaultySides.DEVICE_ENTRY_BEFORE_TAIL, runs, config);
        return new DetectionRates(reference, hostCaught + deviceCaught);
    }

    private static int measure(final String name, final HostSide host, final DeviceSide device, final int runs,
                               final StressConfig config) {
        int caught = 0;
        long updates = 0;
        long lost = 0;
        long torn = 0;
        long nanos = 0;
        for (int i = 0; i < runs; i++) {
            final StressResult result = DoorbellStress.run(host, device, config);
            System.out.println("  " + name + " run " + (i + 1) + ": " + result);
            caught += result.caughtDefect() ? 1 : 0;
            updates += result.updates();
            lost += result.lostDoorbells();
            torn += result.tornPublications();
            nanos += result.nanos();
        }
        System.out.printf("STRESS %-42s caught in %d of %d runs; %d updates, %d lost doorbells, %d torn, %.1f s%n",
            name, caught, runs, updates, lost, torn, nanos / 1e9);
        return caught;
    }

    public static void main(final String[] args) {
        measure(Integer.parseInt(args[0]), Long.parseLong(args[1]));
    }
}
