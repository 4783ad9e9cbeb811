package dev.dbbuf.tck.proof;

import dev.dbbuf.tck.device.DeviceScenarioVerification;
import dev.dbbuf.tck.driver.DriverScenarioVerification;
import dev.dbbuf.tck.device.DeviceWrapAroundVerification;
import dev.dbbuf.tck.driver.DriverWrapAroundVerification;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TmpTimingTest {
    @Test
    void device() {
        final long t0 = System.nanoTime();
        final KitRun run = KitRun.of(DeviceScenarioVerification.class, "device", "reference", Map.of());
        System.out.println("DEVICE ms " + (System.nanoTime() - t0) / 1_000_000 + " " + run.results().values());
    }

    @Test
    void driver() {
        final long t0 = System.nanoTime();
        final KitRun run = KitRun.of(DriverScenarioVerification.class, "driver", "reference", Map.of());
        System.out.println("DRIVER ms " + (System.nanoTime() - t0) / 1_000_000 + " " + run.results().values());
    }

    @Test
    void wraps() {
        long t0 = System.nanoTime();
        KitRun run = KitRun.of(DeviceWrapAroundVerification.class, "device", "reference", Map.of());
        System.out.println("DEVWRAP ms " + (System.nanoTime() - t0) / 1_000_000 + " " + run.results());
        t0 = System.nanoTime();
        run = KitRun.of(DriverWrapAroundVerification.class, "driver", "reference", Map.of());
        System.out.println("DRVWRAP ms " + (System.nanoTime() - t0) / 1_000_000 + " " + run.results());
    }
}
