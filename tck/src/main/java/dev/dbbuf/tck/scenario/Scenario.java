package dev.dbbuf.tck.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code Scenario} is a generated sequence of host actions, with what the driver suite's probe device is asked for.
 *
 * @param index             the scenario's number in its run; with the run's seed it regenerates the scenario
 * @param probeDevicePolicy the EventIdx policy the driver suite asks of its probe device; null on the device suite
 *                          (the device under test keeps its own)
 * @param steps             the actions, in order
 */
@API(status = INTERNAL, since = "0.1")
public record Scenario(int index, @Nullable EventIdxPolicy probeDevicePolicy, List<Step> steps) {

    /**
     * Copies the steps.
     */
    public Scenario {
        steps = List.copyOf(steps);
    }

    /**
     * The same scenario with other steps (a shrinking candidate).
     *
     * @param value the steps
     * @return the copy
     */
    public Scenario withSteps(final List<Step> value) {
        return new Scenario(index, probeDevicePolicy, value);
    }

    /**
     * The scenario for a failure message: one numbered line per step.
     *
     * @return the lines, each starting with a newline and two spaces of indent
     */
    public String lines() {
        final StringBuilder out = new StringBuilder();
        if (probeDevicePolicy != null) {
            out.append("\n  probe device EventIdx policy ").append(probeDevicePolicy);
        }
        if (steps.isEmpty()) {
            out.append("\n  (no steps: the setup alone fails)");
        }
        for (int i = 0; i < steps.size(); i++) {
            out.append("\n  ").append(i + 1).append(". ").append(steps.get(i));
        }
        return out.toString();
    }
}
