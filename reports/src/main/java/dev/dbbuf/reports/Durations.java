package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code Durations} writes a duration the way a reader says it: "850 ms", "10.4 s", "1 min 13 s", "1 h 02 min".
 */
@API(status = STABLE, since = "0.1")
public final class Durations {

    private Durations() {
    }

    /**
     * Renders a duration.
     *
     * @param millis milliseconds, not negative
     * @return e.g. "1 min 13 s"
     */
    public static String human(final long millis) {
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        final long seconds = Math.round(millis / 1000.0);
        if (seconds < 3_600) {
            return "%d min %02d s".formatted(seconds / 60, seconds % 60);
        }
        return "%d h %02d min".formatted(seconds / 3_600, seconds / 60 % 60);
    }
}
