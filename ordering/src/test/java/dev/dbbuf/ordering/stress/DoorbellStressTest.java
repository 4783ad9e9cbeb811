package dev.dbbuf.ordering.stress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.ordering.protocol.DeviceSide;
import dev.dbbuf.ordering.protocol.FaultySides;
import dev.dbbuf.ordering.protocol.HostSide;
import dev.dbbuf.ordering.protocol.ReferenceDevice;
import dev.dbbuf.ordering.protocol.ReferenceHost;
import dev.dbbuf.spec.doorbell.HostShadowDoorbell;
import dev.dbbuf.spec.memory.AccessMode;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class DoorbellStressTest {

    private static final HostSide HOST = new ReferenceHost();
    private static final DeviceSide DEVICE = new ReferenceDevice();

    /** Skips the MMIO write every time: every update is a lost doorbell, whatever the hardware. */
    private static final HostSide NEVER_RINGS = (memory, port, setup) -> {
        final HostShadowDoorbell shadow =
            new HostShadowDoorbell(memory, setup.buffers(), setup.doorbell(), setup.depth(), setup.decision());
        final int[] tail = {0};
        return payload -> {
            // plain: published by the release store of the shadow tail in update
            memory.writeU32(setup.entryAddress(tail[0]), payload, AccessMode.PLAIN);
            tail[0] = setup.next(tail[0]);
            shadow.update(tail[0]);
        };
    };

    /** Writes the wrong content: every fetch is a torn publication, whatever the hardware. */
    private static final HostSide WRONG_CONTENT = (memory, port, setup) -> {
        final HostSide.Submitter real = HOST.open(memory, port, setup);
        return payload -> real.submit(~payload);
    };

    @Test
    @DisplayName("DBC-ORD-001..005: the spec-based host and device show no defect under real-thread stress")
    void referencePairIsClean() {
        final StressResult result = DoorbellStress.run(HOST, DEVICE,
            new StressConfig(200_000, Duration.ofSeconds(1), Duration.ofMillis(50), 64));
        System.out.println("stress reference: " + result);
        assertThat(result.caughtDefect()).as(result.toString()).isFalse();
        assertThat(result.updates()).isPositive();
    }

    @Test
    @DisplayName("the harness counts a lost doorbell for every skipped MMIO write and rescues the run")
    void harnessDetectsLostDoorbell() {
        final StressResult result = DoorbellStress.run(NEVER_RINGS, DEVICE,
            new StressConfig(20, Duration.ofSeconds(5), Duration.ofMillis(2), 8));
        assertThat(result.updates()).isEqualTo(20);
        assertThat(result.lostDoorbells()).isEqualTo(20);
        assertThat(result.firstFindings().getFirst()).startsWith("lost doorbell at update 0: shadow tail=1");
    }

    @Test
    @DisplayName("the harness counts a torn publication for every entry fetched with the wrong content")
    void harnessDetectsTornPublication() {
        final StressResult result = DoorbellStress.run(WRONG_CONTENT, DEVICE,
            new StressConfig(50, Duration.ofSeconds(5), Duration.ofMillis(50), 8));
        assertThat(result.tornPublications()).isEqualTo(50);
        assertThat(result.lostDoorbells()).isZero();
    }

    @Test
    @EnabledIfSystemProperty(named = "dbbuf.ordering.stress", matches = "true")
    @DisplayName("measurement: detection rate of the faulty variants on this machine")
    void measureDetectionRates() {
        final int runs = Integer.getInteger("dbbuf.ordering.stress.runs", 10);
        final long updates = Long.getLong("dbbuf.ordering.stress.updates", 1_000_000L);
        final StressConfig config = new StressConfig(updates, Duration.ofSeconds(20), Duration.ofMillis(20), 64);
        measure("reference host + reference device", HOST, DEVICE, runs, config);
        final int hostCaught = measure("host without full fence (bug #1)", FaultySides.HOST_NO_FULL_FENCE, DEVICE,
            runs, config);
        final int deviceCaught = measure("device without full fence (bug #11)", HOST,
            FaultySides.DEVICE_NO_FULL_FENCE, runs, config);
        measure("host tail before entry (bug #13)", FaultySides.HOST_TAIL_BEFORE_ENTRY, DEVICE, runs, config);
        measure("device entry before tail (DBC-ORD-005)", HOST, FaultySides.DEVICE_ENTRY_BEFORE_TAIL, runs, config);
        assertThat(hostCaught + deviceCaught).as("runs that caught a missing full fence").isPositive();
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
}
