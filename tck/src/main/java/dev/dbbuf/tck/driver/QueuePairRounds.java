package dev.dbbuf.tck.driver;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.QueuePair;
import dev.dbbuf.tck.trace.KitEnvironment;

/**
 * {@code QueuePairRounds} is the run several driver rules are judged on: ten rounds of Flush batches on two queue
 * pairs, one shallow (depth 7) and one deeper than 256 (depth 300), so that updates wrap, cross index 0 and need more
 * than one byte. Each rule's verification picks the device configuration that exposes its defect.
 */
final class QueuePairRounds {

    private QueuePairRounds() {
    }

    /**
     * Runs the rounds and judges one rule: a finding fails it, and a run without shadow doorbells is not applicable.
     *
     * @param env         the kit environment of the test
     * @param requirement the rule judged
     * @param device      the probe device's configuration
     */
    static void run(final KitEnvironment env, final Requirement requirement, final DeviceConfiguration device) {
        try (DriverHarness h = new DriverHarness(env, requirement, device, DriverConfiguration.defaults())) {
            final QueuePair a = h.driver().createQueuePair(7);
            final QueuePair b = h.driver().createQueuePair(300);
            for (int round = 0; round < 10; round++) {
                h.flushes(a, 3, 1 + round % 6);
                h.flushes(b, 2, 37 + round);
            }
            h.assertNone(requirement);
            h.assumeShadowExercised(requirement);
        }
    }
}
