package dev.dbbuf.benchmarks.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code Target} is one of the targets with what was measured for it.
 *
 * @param name     what is measured, e.g. "MMIO writes per I/O, QD 4, SHADOW_EVENT_DRIVEN / PER_REQUEST"
 * @param goal     the target, e.g. "<= 0.27"
 * @param measured the measured figure as text, or "not measured"
 * @param met      true or false, or null when nothing was measured
 */
@API(status = INTERNAL, since = "0.1")
public record Target(String name, String goal, String measured, @Nullable Boolean met) {

    /**
     * A target for which no result exists (the benchmark was not run, or it failed).
     *
     * @param name what would have been measured
     * @param goal the target
     * @return the target, neither met nor missed
     */
    public static Target notMeasured(final String name, final String goal) {
        return new Target(name, goal, "not measured", null);
    }

    /**
     * The verdict as a word.
     *
     * @return "met", "not met" or "not measured"
     */
    public String verdict() {
        return met == null ? "not measured" : met ? "met" : "not met";
    }
}
