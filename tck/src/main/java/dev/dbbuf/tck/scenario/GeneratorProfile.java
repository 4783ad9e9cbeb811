package dev.dbbuf.tck.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code GeneratorProfile} is what a suite lets its generated scenarios do.
 *
 * @param maxDepth           the deepest queue to create (the implementation's limit, at most the generator's own)
 * @param maxPairs           the most I/O queue pairs alive at once
 * @param minSteps           the fewest steps of a scenario
 * @param maxSteps           the most steps of a scenario
 * @param probeHostSteps     whether to generate ringing policy switches and MMIO kicks (device suite)
 * @param probeDevicePolicies the EventIdx policies to ask of the driver suite's probe device; empty on the device suite
 */
@API(status = INTERNAL, since = "0.1")
public record GeneratorProfile(int maxDepth, int maxPairs, int minSteps, int maxSteps, boolean probeHostSteps,
                               List<EventIdxPolicy> probeDevicePolicies) {

    /**
     * Validates the ranges and copies the list.
     *
     * @throws IllegalArgumentException naming the field out of range
     */
    public GeneratorProfile {
        if (maxDepth < 2 || maxPairs < 1 || minSteps < 1 || maxSteps < minSteps) {
            throw new IllegalArgumentException(
                "profile must allow depth >= 2, one pair and 1 <= minSteps <= maxSteps: maxDepth=%d maxPairs=%d minSteps=%d maxSteps=%d"
                    .formatted(maxDepth, maxPairs, minSteps, maxSteps));
        }
        probeDevicePolicies = List.copyOf(probeDevicePolicies);
    }
}
